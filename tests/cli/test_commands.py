"""The command line as an administrator or a script uses it."""

import json
from pathlib import Path

from tests.conftest import ADMIN


def test_init_prints_the_recovery_key_once(cli, ws_path: Path) -> None:
    result = cli("init", "--user", ADMIN)
    assert result.code == 0
    assert "RECOVERY KEY" in result.out
    key_line = [line.strip() for line in result.out.splitlines() if line.count("-") == 12]
    assert len(key_line) == 1 and len(key_line[0]) == 64
    assert ws_path.is_file()


def test_init_needs_an_administrator_name(cli) -> None:
    result = cli("init")
    assert result.code == 2
    assert result.err.strip() == "Error: Name the first administrator with --user NAME."


def test_case_show_json_has_the_contracted_keys(cli, initialised) -> None:
    assert cli("person", "add", "DHR-2026-001", "--role", "victim", "--name", "Zebedee Quillfeather",
               "--pseudonym", "Adult A", "--dob", "1980-02-03", "--address", "1 Nowhere Lane").code == 0
    result = cli("case", "show", "DHR-2026-001", "--json")
    assert result.code == 0
    data = json.loads(result.out)
    assert {k: data[k] for k in ("reference", "area", "stage", "status", "notified")} == {
        "reference": "DHR-2026-001", "area": "Northshire", "stage": "notification", "status": "open",
        "notified": "2026-01-05"}
    assert [{k: p[k] for k in ("role", "pseudonym")} for p in data["people"]] == [
        {"role": "victim", "pseudonym": "Adult A"}]
    assert "Zebedee" not in result.out


def test_case_list_json_and_text(cli, initialised) -> None:
    listed = json.loads(cli("case", "list", "--json").out)
    assert [(c["reference"], c["stage"]) for c in listed] == [("DHR-2026-001", "notification")]
    assert "DHR-2026-001" in cli("case", "list").out


def test_global_options_work_before_or_after_the_command(cli, initialised, tmp_path: Path, ws_path: Path) -> None:
    pass_file = tmp_path / "passphrase.txt"
    before = cli("--workspace", str(ws_path), "--passphrase-file", str(pass_file), "case", "list",
                 workspace=None, passphrase_file=None)
    after = cli("case", "list", "--user", ADMIN)
    assert before.code == after.code == 0
    assert before.out == after.out


def test_the_passphrase_can_come_from_the_environment(cli, initialised, monkeypatch) -> None:
    monkeypatch.setenv("DHR_MANAGER_PASSPHRASE", "correct horse battery staple")
    assert cli("case", "list", passphrase_file=None).code == 0


def test_with_no_passphrase_and_no_terminal_it_says_how_to_give_one(cli, initialised) -> None:
    result = cli("case", "list", passphrase_file=None)
    assert result.code == 2
    assert "--passphrase-file" in result.err


def test_an_impossible_date_is_exit_2_with_one_line_and_writes_nothing(cli, initialised) -> None:
    audit_before = cli("audit", "--json").out
    result = cli("case", "new", "--reference", "DHR-2026-002", "--area", "Southvale", "--notified", "2026-02-30")
    assert result.code == 2
    assert result.err.count("\n") == 1 and "2026-02-30" in result.err and "Traceback" not in result.err
    assert cli("audit", "--json").out == audit_before


def test_several_users_means_naming_yourself(cli, initialised, tmp_path: Path) -> None:
    new_pass = tmp_path / "new.txt"
    new_pass.write_text("chair passphrase for tests\n")
    assert cli("user", "add", "Chris Chair", "--role", "chair", "--new-passphrase-file", str(new_pass)).code == 0
    result = cli("case", "list")
    assert result.code == 2 and "--user NAME" in result.err
    assert cli("case", "list", "--user", ADMIN).code == 0


def test_a_chair_is_refused_by_the_command_line_too(cli, initialised, tmp_path: Path) -> None:
    chair_pass = tmp_path / "chair.txt"
    chair_pass.write_text("chair passphrase for tests\n")
    cli("user", "add", "Chris Chair", "--role", "chair", "--new-passphrase-file", str(chair_pass), "--user", ADMIN)
    result = cli("case", "new", "--reference", "DHR-2026-002", "--area", "Southvale", "--notified", "2026-02-03",
                 "--user", "Chris Chair", passphrase_file=chair_pass)
    assert result.code == 2
    assert "chair" in result.err and "create and edit cases" in result.err


def test_user_passwd_changes_only_that_users_passphrase(cli, initialised, tmp_path: Path) -> None:
    new_pass = tmp_path / "new.txt"
    new_pass.write_text("an entirely new passphrase\n")
    assert cli("user", "passwd", "--new-passphrase-file", str(new_pass)).code == 0
    assert cli("case", "list").code == 3
    assert cli("case", "list", passphrase_file=new_pass).code == 0


def test_notes_and_audit(cli, initialised) -> None:
    assert cli("note", "add", "DHR-2026-001", "Police referral received.").code == 0
    entries = json.loads(cli("audit", "--case", "DHR-2026-001", "--json").out)
    assert [e["action"] for e in entries] == ["case.create", "note.add"]
    assert all(e["user"] == ADMIN for e in entries)
    assert "referral" not in json.dumps(entries)


def test_verify_reports_a_sound_workspace(cli, initialised) -> None:
    result = cli("verify")
    assert result.code == 0 and "audit chain" in result.out


def test_an_unknown_case_is_exit_2(cli, initialised) -> None:
    result = cli("case", "show", "DHR-1999-999")
    assert result.code == 2 and "DHR-1999-999" in result.err


def test_a_missing_workspace_is_exit_2_with_its_path(cli, tmp_path: Path) -> None:
    result = cli("case", "list", workspace=tmp_path / "nowhere.dhr")
    assert result.code == 2 and "nowhere.dhr" in result.err
