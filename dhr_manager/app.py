"""Starting the desktop application."""

import os
import sys
from collections.abc import Sequence
from pathlib import Path


def _has_display() -> bool:
    if sys.platform != "linux":
        return True
    return any(os.environ.get(name) for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"))


def run_gui(workspace: Path | None) -> int:
    """Show first-run or unlock, then the main window. Without a screen Qt would abort: say so instead."""
    if not _has_display():
        print("Error: there is no screen to show the window on (neither DISPLAY nor WAYLAND_DISPLAY is set). "
              "Run DHR Manager from a desktop session, or use its commands: dhr-manager --help.",
              file=sys.stderr)
        return 2
    from dhr_manager.ui.application import start

    return start(workspace)


def gui_start(argv: Sequence[str]) -> int | None:
    """Start the GUI straight away when the arguments ask for nothing else (none, or only `--workspace PATH`),
    without importing the command line's modules first; None when the command line must handle them."""
    if not argv:
        given = None
    elif len(argv) == 2 and argv[0] == "--workspace" and not argv[1].startswith("-"):
        given = argv[1]
    elif len(argv) == 1 and argv[0].startswith("--workspace=") and len(argv[0]) > len("--workspace="):
        given = argv[0].partition("=")[2]
    else:
        return None
    from dhr_manager.paths import workspace_path

    return run_gui(workspace_path(given) if given or os.environ.get("DHR_MANAGER_WORKSPACE") else None)
