"""`dhr-manager demo`: eight fictional cases over every stage, one paused, one overdue, one not proceeding."""

from pathlib import Path

from dhr_manager.domain.actions import Rag
from dhr_manager.domain.cases import Stage, Status
from dhr_manager.domain.workflow import DeadlineStatus
from dhr_manager.services.actions import list_actions
from dhr_manager.services.demo import DEMO_USERS, build_demo
from dhr_manager.services.integrity import verify_workspace
from dhr_manager.services.overview import case_overviews
from dhr_manager.storage.crypto import KdfParams
from tests.conftest import open_as


def test_the_demo_workspace_spans_every_stage_and_state(tmp_path: Path) -> None:
    path = tmp_path / "demo.dhr"
    passphrase = build_demo(path, kdf=KdfParams(memory_kib=8 * 1024, iterations=1, lanes=1))
    ws = open_as(path, DEMO_USERS[0][0], passphrase)
    overviews = case_overviews(ws)
    assert len(overviews) == 8
    assert {o.stage for o in overviews} == set(Stage)
    statuses = [o.status for o in overviews]
    assert statuses.count(Status.PAUSED) == 1 and statuses.count(Status.NOT_PROCEEDING) == 1
    assert any(d.status is DeadlineStatus.OVERDUE for o in overviews for d in o.deadlines)
    assert verify_workspace(ws).ok
    assert {a.rag for a in list_actions(ws, "DHR-DEMO-08")} == set(Rag)
    chair = open_as(path, "Demo Chair", passphrase)
    assert [o.reference for o in case_overviews(chair)] == ["DHR-DEMO-07"]


def test_the_demo_command_prints_its_passphrase_and_refuses_an_existing_file(cli, tmp_path: Path) -> None:
    target = tmp_path / "demo.dhr"
    result = cli("demo", workspace=target, passphrase_file=None)
    assert result.code == 0 and "demo passphrase not for real cases" in result.out
    again = cli("demo", workspace=target, passphrase_file=None)
    assert again.code == 2 and "already a file" in again.err
