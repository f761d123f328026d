"""Finding the files the application ships: `resources/` (templates, process profiles) and the user guide, from a
source checkout, an installed wheel and the frozen bundle (packaging/dhr-manager.spec) alike."""

import sys
from importlib.resources import files
from importlib.resources.abc import Traversable
from pathlib import Path


def frozen_root() -> Path | None:
    """The bundle's folder when running as the frozen application (PyInstaller sets `sys._MEIPASS`), else None."""
    if getattr(sys, "frozen", False) and hasattr(sys, "_MEIPASS"):
        return Path(sys._MEIPASS)
    return None


def resource(*parts: str) -> Traversable:
    """`resources/<parts>`: installed as the package `dhr_manager.resources` (see pyproject.toml); the bundle
    keeps them as plain files at the same place under its folder, which is read directly."""
    root = frozen_root()
    if root is not None:
        return root.joinpath("dhr_manager", "resources", *parts)
    return files("dhr_manager.resources").joinpath(*parts)


def user_guide() -> Path | None:
    """docs/user-guide.md: beside the package in a checkout, under the bundle's folder when frozen. An installed
    wheel does not carry the docs, hence None."""
    root = frozen_root()
    base = root if root is not None else Path(__file__).resolve().parent.parent
    guide = base / "docs" / "user-guide.md"
    return guide if guide.is_file() else None
