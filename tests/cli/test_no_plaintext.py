"""No sealed value appears in plaintext in any file the workspace produces."""

from pathlib import Path

MARKERS = {
    "reference": "QXZ-7731-DHR",
    "area": "Marrowbone Vale Partnership",
    "victim name": "Zebedee Quillfeather-Marchbanks",
    "pseudonym": "Pseudonym Tamsin-Oakridge",
    "date of birth": "1911-11-11",
    "date of death": "2024-07-13",
    "address": "42 Periwinkle Crescent, Fictiontown",
    "note": "NOTE-SENTINEL confidential disclosure by the neighbour",
    "review comment": "CHAIR-SENTINEL paragraph nine is unclear",
}


def test_no_sealed_value_is_readable_in_any_file(cli, ws_path: Path, tmp_path: Path, isolated_home: Path) -> None:
    m = MARKERS
    assert cli("init", "--user", "Ada Admin").code == 0
    assert cli("case", "new", "--reference", m["reference"], "--area", m["area"], "--notified", "2025-01-02",
               "--date-of-death", m["date of death"]).code == 0
    assert cli("person", "add", m["reference"], "--role", "victim", "--name", m["victim name"],
               "--pseudonym", m["pseudonym"], "--dob", m["date of birth"], "--address", m["address"]).code == 0
    assert cli("note", "add", m["reference"], m["note"]).code == 0
    assert cli("review", "add", m["reference"], m["review comment"]).code == 0
    assert cli("backup", "--out", str(tmp_path / "backups" / "team-backup.dhr")).code == 0
    assert cli("verify").code == 0
    assert cli("audit").code == 0
    assert cli("case", "show", m["reference"]).code == 0
    # A failure path writes to the log too.
    assert cli("case", "new", "--reference", m["reference"], "--area", m["area"], "--notified", "2025-01-02").code == 2

    files = [p for p in tmp_path.rglob("*") if p.is_file() and p.name != "passphrase.txt"]
    names = {p.name for p in files}
    assert {"team.dhr", "team-backup.dhr", "dhr-manager.log"} <= names, names
    for path in files:
        data = path.read_bytes()
        for what, marker in MARKERS.items():
            for encoded in (marker.encode("utf-8"), marker.encode("utf-16-le"), marker.upper().encode()):
                assert encoded not in data, f"the {what} is readable in {path.relative_to(tmp_path)}"


def test_nothing_readable_in_the_write_ahead_log_while_the_workspace_is_open(admin_ws, ws_path: Path) -> None:
    from datetime import date

    from dhr_manager.domain.cases import PersonRole
    from dhr_manager.services import cases, notes, people

    cases.create_case(admin_ws, MARKERS["reference"], MARKERS["area"], date(2025, 1, 2), date(2024, 7, 13))
    people.add_person(admin_ws, MARKERS["reference"], PersonRole.VICTIM, MARKERS["victim name"],
                      MARKERS["pseudonym"], date(1911, 11, 11), MARKERS["address"])
    notes.add_notes(admin_ws, MARKERS["reference"], [MARKERS["note"]])
    wal = Path(f"{ws_path}-wal")
    assert wal.stat().st_size > 0  # the changes are still in the log, not yet folded into the file
    for path in (ws_path, wal, Path(f"{ws_path}-shm")):
        data = path.read_bytes()
        for what, marker in MARKERS.items():
            assert marker.encode() not in data, f"the {what} is readable in {path.name}"
