"""`dhr-manager selftest` from source: what IT runs after installing, and what proves a bundle complete."""

import tempfile
from pathlib import Path

import pytest

from dhr_manager import selftest
from dhr_manager.documents.templates import KINDS
from tests.conftest import REPO


def test_selftest_passes_from_source_and_leaves_nothing_behind(cli, isolated_home: Path,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(tempfile, "tempdir", str(isolated_home / "tmp"))  # Python caches the first one it found

    result = cli("selftest", workspace=None, passphrase_file=None)

    assert result.code == 0, result.out + result.err
    lines = result.out.splitlines()
    assert lines[0].endswith("selftest (Python installation)")
    assert [line.split(":")[0] for line in lines[1:-1]] == [
        "ok   templates", "ok   profiles", "ok   calendar", "ok   guide", "ok   workspace", "ok   sealing",
        "ok   rendering", "ok   verify", "ok   cleanup"]
    assert f"{len(KINDS)} drafts rendered" in result.out
    assert lines[-1] == "Selftest passed."
    assert not list((isolated_home / "tmp").iterdir())  # the temporary workspace is gone


def test_selftest_names_a_missing_template_and_fails(cli, monkeypatch: pytest.MonkeyPatch,
                                                     tmp_path: Path) -> None:
    # A bundle that left a template out: the resources folder without agenda.docx.
    incomplete = tmp_path / "resources"
    (incomplete / "templates").mkdir(parents=True)
    (incomplete / "processes").symlink_to(REPO / "resources" / "processes")
    for path in (REPO / "resources" / "templates").glob("*.docx"):
        if path.name != "agenda.docx":
            (incomplete / "templates" / path.name).symlink_to(path)
    monkeypatch.setattr("dhr_manager.documents.templates.resource", lambda *parts: incomplete.joinpath(*parts))

    result = cli("selftest", workspace=None, passphrase_file=None)

    assert result.code == 1
    assert "FAIL templates: the template agenda.docx is missing or unreadable" in result.out
    assert result.out.splitlines()[-1].startswith("Selftest FAILED")


def test_selftest_fails_without_the_default_process_profile(monkeypatch: pytest.MonkeyPatch,
                                                            tmp_path: Path) -> None:
    (tmp_path / "processes").mkdir()
    monkeypatch.setattr(selftest, "resource", lambda *parts: tmp_path.joinpath(*parts))
    lines: list[str] = []

    assert selftest.run_selftest(lines.append) == 1
    assert "FAIL profiles: the default process profile england-dhr-2016 is missing (found: none)." in lines
