"""Fixtures for the widget tests; tests/conftest.py already gives each test its own home and data folders."""

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from dhr_manager.services.demo import DEMO_USERS, build_demo
from dhr_manager.storage.crypto import KdfParams
from dhr_manager.storage.workspace import UnlockedWorkspace, Workspace
from tests.conftest import ADMIN, PASSPHRASE

# Cheap key derivation keeps these tests quick; the first-run test goes through the real parameters.
FAST_KDF = KdfParams(memory_kib=8 * 1024, iterations=1, lanes=1)


@pytest.fixture
def workspace_path(tmp_path: Path) -> Path:
    return tmp_path / "workspace.dhr"


@pytest.fixture
def unlocked(workspace_path: Path) -> Iterator[UnlockedWorkspace]:
    """A new workspace whose only user is Ada Admin, unlocked."""
    ws, _recovery_key = Workspace.create(workspace_path, ADMIN, PASSPHRASE, kdf=FAST_KDF)
    yield ws
    ws.lock()
    ws.workspace.close()


@pytest.fixture
def sealed(unlocked: UnlockedWorkspace) -> Workspace:
    """The same workspace opened but still locked, as the unlock dialog receives it."""
    unlocked.lock()
    return unlocked.workspace


@pytest.fixture(scope="module")
def demo_workspace(tmp_path_factory: pytest.TempPathFactory) -> Iterator[UnlockedWorkspace]:
    """The demo workspace (`dhr-manager demo`), built once per module as of today and unlocked as its
    administrator. The demo's dates are relative to the day it is built."""
    folder = tmp_path_factory.mktemp("demo")
    with pytest.MonkeyPatch.context() as env:
        # Module fixtures run outside the per-test isolated home: keep the user's own settings out here too.
        for name in ("HOME", "XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
            env.setenv(name, str(folder / "home"))
        passphrase = build_demo(folder / "demo.dhr", today=date.today(), kdf=FAST_KDF)
    ws = Workspace.open(folder / "demo.dhr").unlock(DEMO_USERS[0][0], passphrase)
    yield ws
    ws.lock()
    ws.workspace.close()
