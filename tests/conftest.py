"""Fixtures shared by every test: an isolated home for each test, a real workspace file, the CLI in-process.

All people in tests are fictional.
"""

import csv
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from dhr_manager.cli import run
from dhr_manager.storage.workspace import UnlockedWorkspace, Workspace

# GUI tests never need a screen; without this, a bare `pytest` on a machine with no display aborts in Qt.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

PASSPHRASE = "correct horse battery staple"
ADMIN = "Ada Admin"
REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(autouse=True)
def isolated_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Each test gets its own data, state, config and temp folders, and no DHR Manager settings from outside."""
    home = tmp_path / "home"
    for name, sub in (("XDG_DATA_HOME", "data"), ("XDG_STATE_HOME", "state"), ("XDG_CONFIG_HOME", "config"),
                      ("XDG_CACHE_HOME", "cache"), ("TMPDIR", "tmp")):
        (home / sub).mkdir(parents=True)
        monkeypatch.setenv(name, str(home / sub))
    monkeypatch.setenv("HOME", str(home))
    for name in list(os.environ):
        if name.startswith("DHR_MANAGER_"):
            monkeypatch.delenv(name)
    return home


@pytest.fixture
def ws_path(tmp_path: Path) -> Path:
    return tmp_path / "work" / "team.dhr"


@pytest.fixture
def admin_ws(ws_path: Path):
    """A fresh workspace, unlocked as its administrator."""
    ws, _recovery = Workspace.create(ws_path, ADMIN, PASSPHRASE)
    yield ws
    ws.lock()
    ws.workspace.close()


def open_as(path: Path, user: str | None, passphrase: str = PASSPHRASE) -> UnlockedWorkspace:
    return Workspace.open(path).unlock(user, passphrase)


@dataclass
class Result:
    code: int
    out: str
    err: str


@pytest.fixture
def cli(ws_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    """Run `dhr-manager ARGS` in-process against the test workspace with the admin's passphrase file."""
    pass_file = tmp_path / "passphrase.txt"
    pass_file.write_text(PASSPHRASE + "\n")

    def invoke(*args: str, passphrase_file: Path | None = pass_file, workspace: Path | None = ws_path) -> Result:
        argv = [*args]
        if workspace is not None:
            argv += ["--workspace", str(workspace)]
        if passphrase_file is not None:
            argv += ["--passphrase-file", str(passphrase_file)]
        capsys.readouterr()
        code = run(argv)
        captured = capsys.readouterr()
        return Result(code, captured.out, captured.err)

    return invoke


@pytest.fixture
def initialised(cli) -> None:
    """A workspace created through `dhr-manager init`, with one case."""
    assert cli("init", "--user", ADMIN).code == 0
    assert cli("case", "new", "--reference", "DHR-2026-001", "--area", "Northshire",
               "--notified", "2026-01-05", "--date-of-death", "2025-12-20").code == 0


def write_csv(path: Path, rows: list[list[str]], encoding: str = "utf-8") -> Path:
    """A CSV file as an agency would send it (fictional data only)."""
    with path.open("w", newline="", encoding=encoding) as handle:
        csv.writer(handle).writerows(rows)
    return path


@pytest.fixture
def police_csv(tmp_path: Path) -> Path:
    """A fictional police chronology: exact, approximate (month and circa) dates, one likely duplicate of the GP's."""
    return write_csv(tmp_path / "police.csv", [
        ["Date", "Time", "Record reference", "Details of contact", "Action taken", "Comments"],
        ["14/03/2021", "22:40", "CAD 1234", "Call to address: verbal argument reported by neighbour",
         "Officers attended", ""],
        ["March 2021", "", "", "Several calls about noise at the address", "", "Dates not recorded"],
        ["02/06/2021", "", "DASH 77", "DASH risk assessment completed with Adult A: medium risk", "Referral", ""],
        ["c. 2018", "", "", "First contact with the household", "", ""],
    ])


def run_cli_process(*args: str, env: dict[str, str] | None = None,
                    timeout: float = 120) -> subprocess.CompletedProcess[str]:
    """`dhr-manager` as a separate process, as a user's shell would run it."""
    return subprocess.run([sys.executable, "-m", "dhr_manager", *args], capture_output=True, text=True,
                          env={**os.environ, **(env or {})}, timeout=timeout, stdin=subprocess.DEVNULL)


