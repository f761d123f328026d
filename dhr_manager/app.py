"""Starting the desktop application."""

import os
import sys
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
