"""Finding the files in `resources/`, from a source checkout and from an installed wheel alike."""

from importlib.resources import files
from importlib.resources.abc import Traversable


def resource(*parts: str) -> Traversable:
    """`resources/<parts>`: installed as the package `dhr_manager.resources` (see pyproject.toml)."""
    return files("dhr_manager.resources").joinpath(*parts)
