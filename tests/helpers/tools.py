"""Loading a script from tools/ as a module, to test what it declares (tools/ is not a package)."""

import importlib.util
from types import ModuleType

from tests.conftest import REPO


def load_tool(file_name: str) -> ModuleType:
    path = REPO / "tools" / file_name
    spec = importlib.util.spec_from_file_location(path.stem, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
