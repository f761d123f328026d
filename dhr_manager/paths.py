"""Where things live by default, from platformdirs, created private to the user."""

import os
from pathlib import Path

import platformdirs

APP_NAME = "dhr-manager"


def _private_dir(path: Path) -> Path:
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    return path


def default_workspace_path() -> Path:
    """The workspace file used when neither --workspace nor DHR_MANAGER_WORKSPACE names one."""
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)) / "workspace.dhr"


def workspace_path(given: str | None) -> Path:
    chosen = given or os.environ.get("DHR_MANAGER_WORKSPACE")
    return Path(chosen).expanduser() if chosen else default_workspace_path()


def log_dir() -> Path:
    return _private_dir(Path(platformdirs.user_log_dir(APP_NAME, appauthor=False)))
