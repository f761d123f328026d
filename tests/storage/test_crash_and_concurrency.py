"""A killed process, a second process and a backup taken mid-write never lose or corrupt committed data."""

import os
import random
import signal
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import func, select

from dhr_manager.services import cases
from dhr_manager.services.backups import backup_workspace, restore_workspace
from dhr_manager.services.integrity import verify_workspace
from dhr_manager.storage.schema import NoteRow
from dhr_manager.storage.workspace import Workspace
from tests.conftest import ADMIN, PASSPHRASE, REPO, open_as

BIG = 5000


def writer(path: Path, mode: str, count: int) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-m", "tests.helpers.writer", str(path), PASSPHRASE, mode, str(count)],
                            cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def note_count(path: Path) -> int:
    ws = open_as(path, ADMIN)
    try:
        report = verify_workspace(ws)
        assert report.ok, report.problems
        with ws.unit_of_work() as uow:
            return uow.session.scalar(select(func.count(NoteRow.id))) or 0
    finally:
        ws.lock()
        ws.workspace.close()


@pytest.fixture
def one_case(ws_path: Path) -> Path:
    ws, _ = Workspace.create(ws_path, ADMIN, PASSPHRASE)
    cases.create_case(ws, "DHR-2026-001", "Northshire", date(2026, 1, 5))
    ws.lock()
    ws.workspace.close()
    return ws_path


@pytest.mark.slow
def test_a_process_killed_during_a_large_write_leaves_all_or_nothing(one_case: Path) -> None:
    started = time.monotonic()
    proc = writer(one_case, "big", BIG)
    assert proc.stdout.readline().strip() == "BEGIN"
    begin = time.monotonic()
    proc.communicate(timeout=120)
    write_seconds = time.monotonic() - begin
    assert proc.returncode == 0 and note_count(one_case) == BIG
    assert time.monotonic() - started < 120

    rng = random.Random(20261122)
    expected, outcomes = BIG, {"kept": 0, "rolled back": 0}
    for _attempt in range(12):
        proc = writer(one_case, "big", BIG)
        assert proc.stdout.readline().strip() == "BEGIN"
        time.sleep(rng.uniform(0, write_seconds * 1.1))
        os.kill(proc.pid, signal.SIGKILL)
        proc.communicate(timeout=30)
        count = note_count(one_case)
        assert count in (expected, expected + BIG), f"a partial transaction survived: {count}"
        outcomes["kept" if count > expected else "rolled back"] += 1
        expected = count
    assert outcomes["rolled back"] > 0, outcomes  # the kills really did land mid-transaction


@pytest.mark.slow
def test_two_processes_writing_at_once_both_succeed(one_case: Path) -> None:
    procs = [writer(one_case, "small", 60) for _ in range(2)]
    for proc in procs:
        out, err = proc.communicate(timeout=180)
        assert proc.returncode == 0, err
        assert out.strip().endswith("DONE")
    assert note_count(one_case) == 120


@pytest.mark.slow
def test_a_backup_taken_while_another_process_writes_restores_and_verifies(one_case: Path, tmp_path: Path) -> None:
    proc = writer(one_case, "small", 150)
    ws = open_as(one_case, ADMIN)
    taken = []
    try:
        for i in range(4):
            time.sleep(0.3)
            taken.append(backup_workspace(ws, tmp_path / "backups" / f"during-{i}.dhr"))
    finally:
        ws.lock()
        ws.workspace.close()
    _out, err = proc.communicate(timeout=180)
    assert proc.returncode == 0, err
    counts = []
    for i, backup in enumerate(taken):
        target = tmp_path / "restored" / f"r{i}.dhr"
        report, _ = restore_workspace(backup, target, ADMIN, PASSPHRASE)
        assert report.ok, report.problems
        counts.append(note_count(target))
    assert counts == sorted(counts) and counts[-1] <= 150
    assert note_count(one_case) == 150
