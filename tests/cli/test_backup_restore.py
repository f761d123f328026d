"""Backups are one encrypted file; restoring one proves it opens and verifies before it is put in place."""

import json
from pathlib import Path

from tests.conftest import ADMIN


def test_a_backup_restores_to_a_new_path_and_verifies(cli, initialised, tmp_path: Path) -> None:
    backup = tmp_path / "backups" / "team-2026-11-22.dhr"
    assert cli("backup", "--out", str(backup)).code == 0
    assert cli("note", "add", "DHR-2026-001", "written after the backup").code == 0
    target = tmp_path / "restored" / "team.dhr"
    result = cli("restore", str(backup), workspace=target)
    assert result.code == 0, result.err
    assert "verified" in result.out
    shown = json.loads(cli("case", "show", "DHR-2026-001", "--json", workspace=target).out)
    assert shown["notes"] == []  # the restored copy is the workspace as it was at the backup


def test_restore_never_overwrites_without_being_asked_and_keeps_the_old_one(cli, initialised, tmp_path: Path,
                                                                            ws_path: Path) -> None:
    backup = tmp_path / "team-backup.dhr"
    assert cli("backup", "--out", str(backup)).code == 0
    assert cli("note", "add", "DHR-2026-001", "only in the live workspace").code == 0
    refused = cli("restore", str(backup))
    assert refused.code == 2 and "--replace" in refused.err
    replaced = cli("restore", str(backup), "--replace")
    assert replaced.code == 0, replaced.err
    [kept] = ws_path.parent.glob("team.dhr.replaced-*")
    assert json.loads(cli("case", "show", "DHR-2026-001", "--json", workspace=kept).out)["notes"][0]["text"] == (
        "only in the live workspace")
    assert json.loads(cli("case", "show", "DHR-2026-001", "--json").out)["notes"] == []


def test_a_backup_will_not_overwrite_a_file(cli, initialised, tmp_path: Path, ws_path: Path) -> None:
    result = cli("backup", "--out", str(ws_path))
    assert result.code == 2
    existing = tmp_path / "existing.dhr"
    existing.write_text("keep me")
    assert cli("backup", "--out", str(existing)).code == 2
    assert existing.read_text() == "keep me"


def test_restoring_with_a_wrong_passphrase_or_a_damaged_file_changes_nothing(cli, initialised, tmp_path: Path,
                                                                               ws_path: Path) -> None:
    backup = tmp_path / "team-backup.dhr"
    assert cli("backup", "--out", str(backup)).code == 0
    wrong = tmp_path / "wrong.txt"
    wrong.write_text("not the passphrase at all\n")
    target = tmp_path / "restored" / "team.dhr"
    assert cli("restore", str(backup), "--user", ADMIN, workspace=target, passphrase_file=wrong).code == 3
    assert not target.exists()
    damaged = tmp_path / "damaged.dhr"
    damaged.write_bytes(backup.read_bytes()[:2000])
    assert cli("restore", str(damaged), workspace=target).code == 4
    assert not target.exists()
