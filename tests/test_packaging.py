"""What an installed copy needs: every package folder listed for setuptools, and the resource files found."""

import tomllib

from dhr_manager.resources_path import resource
from tests.conftest import REPO


def test_every_package_folder_is_listed_in_pyproject() -> None:
    listed = set(tomllib.loads((REPO / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"])
    found = {".".join(p.parent.relative_to(REPO).parts) for p in (REPO / "dhr_manager").rglob("__init__.py")}
    assert found | {"dhr_manager.resources"} == listed


def test_the_shipped_process_profiles_are_found_as_resources() -> None:
    names = {p.name for p in resource("processes").iterdir()}
    assert {"england-dhr-2016.toml", "wales-susr.toml"} <= names
