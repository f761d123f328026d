"""Tampering, damage and wrong passphrases: clear exits, named records, and nothing changed."""

import hashlib
import sqlite3
from pathlib import Path

import pytest

from tests.conftest import ADMIN


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def two_people(cli, initialised) -> None:
    for name, pseudonym, role in (("Zebedee Quillfeather", "Adult A", "victim"),
                                  ("Mortimer Grimsby", "Adult B", "perpetrator")):
        assert cli("person", "add", "DHR-2026-001", "--role", role, "--name", name, "--pseudonym", pseudonym).code == 0


def execute(path: Path, sql: str) -> list[tuple]:
    conn = sqlite3.connect(path)
    try:
        rows = conn.execute(sql).fetchall()
        conn.commit()
        return rows
    finally:
        conn.close()


def test_a_value_copied_to_another_row_fails_verify_which_names_it(cli, two_people, ws_path: Path) -> None:
    victim_id = execute(ws_path, "SELECT id FROM people WHERE role = 'victim'")[0][0]
    execute(ws_path, "UPDATE people SET name = (SELECT name FROM people WHERE role = 'perpetrator') "
                     "WHERE role = 'victim'")
    result = cli("verify")
    assert result.code == 4
    assert f"people record {victim_id}, name" in result.err
    # The rest of the workspace still opens; the damaged value is marked, not fatal.
    assert cli("case", "list").code == 0
    listed = cli("person", "list", "DHR-2026-001")
    assert listed.code == 0 and "[unreadable: run verify]" in listed.out and "Adult B" in listed.out


def test_a_value_copied_to_another_column_fails_verify(cli, two_people, ws_path: Path) -> None:
    case_id = execute(ws_path, "SELECT id FROM cases")[0][0]
    execute(ws_path, "UPDATE cases SET area = reference")
    result = cli("verify")
    assert result.code == 4 and f"cases record {case_id}, area" in result.err
    assert cli("case", "show", "DHR-2026-001").code == 0


def test_an_altered_audit_entry_breaks_the_chain(cli, two_people, ws_path: Path) -> None:
    execute(ws_path, "DROP TRIGGER audit_log_no_update")
    execute(ws_path, "UPDATE audit_log SET action = 'note.add' WHERE seq = 3")
    result = cli("verify")
    assert result.code == 4 and "entry 3" in result.err


def test_a_wrong_passphrase_is_exit_3_one_line_and_nothing_written(cli, initialised, tmp_path: Path,
                                                                   ws_path: Path) -> None:
    wrong = tmp_path / "wrong.txt"
    wrong.write_text("not the passphrase at all\n")
    before = digest(ws_path)
    result = cli("note", "add", "DHR-2026-001", "should not be saved", passphrase_file=wrong)
    assert result.code == 3
    assert result.err == f"Error: The passphrase for {ADMIN} is wrong. Nothing was changed.\n"
    assert digest(ws_path) == before


@pytest.mark.parametrize("damage", ["truncate", "zero header", "not a database", "garbage pages"])
def test_a_damaged_workspace_is_exit_4_and_left_as_it_was(cli, initialised, ws_path: Path, damage: str) -> None:
    data = ws_path.read_bytes()
    if damage == "truncate":
        ws_path.write_bytes(data[: len(data) // 2])
    elif damage == "zero header":
        ws_path.write_bytes(bytes(100) + data[100:])
    elif damage == "not a database":
        ws_path.write_text("Dear colleague, here are the minutes.\n")
    else:
        page = 4096
        ws_path.write_bytes(data[:page] + bytes([0xA5]) * page * 3 + data[page * 4 :])
    before = digest(ws_path)
    result = cli("case", "list")
    assert result.code == 4, result.err
    assert result.err.startswith("Error: ") and result.err.count("\n") == 1
    assert "not changed" in result.err
    assert digest(ws_path) == before
