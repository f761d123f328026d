"""The frozen bundle IT installs: built here with the build script, then run as a user would run it."""

import os
import re
import subprocess
import tarfile
from pathlib import Path

import pytest

from dhr_manager import __version__
from dhr_manager.documents.templates import KINDS
from tests.conftest import REPO

SHIPPED_PROFILES = sorted(p.name for p in (REPO / "resources" / "processes").glob("*.toml"))


def _frozen(program: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """The bundled program with nothing of this checkout's Python around it: no virtualenv, no PYTHONPATH."""
    env = {name: value for name, value in os.environ.items()
           if not name.startswith(("PYTHON", "VIRTUAL_ENV", "DHR_MANAGER_"))}
    return subprocess.run([str(program), *args], capture_output=True, text=True, env=env, timeout=180,
                          stdin=subprocess.DEVNULL, cwd=program.parent.parent)


@pytest.mark.slow
@pytest.mark.timeout(1200)
def test_the_built_bundle_reports_its_version_and_passes_its_selftest(tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    build = subprocess.run(["bash", str(REPO / "scripts" / "build-bundle.sh"), str(dist)], capture_output=True,
                           text=True, timeout=1100, env={**os.environ, "BUILD_WORK": str(tmp_path / "work")})
    assert build.returncode == 0, build.stdout[-3000:] + build.stderr[-3000:]

    program = dist / "dhr-manager" / "dhr-manager"
    version = _frozen(program, "--version")
    assert version.returncode == 0, version.stderr
    assert version.stdout.strip() == f"dhr-manager {__version__}"

    selftest = _frozen(program, "selftest")
    assert selftest.returncode == 0, selftest.stdout + selftest.stderr
    out = selftest.stdout
    assert "(frozen bundle)" in out
    assert f"ok   templates: {len(KINDS)} Word templates present and valid" in out
    assert f"ok   profiles: {len(SHIPPED_PROFILES)} process profiles present and valid" in out
    assert "ok   guide: user guide present (user-guide.md)" in out
    assert f"ok   rendering: {len(KINDS)} drafts rendered and kept" in out
    assert re.search(r"^ok   verify: verified \d+ sealed values", out, re.MULTILINE)
    assert out.rstrip().endswith("Selftest passed.")

    tarball = dist / f"dhr-manager-{__version__}-linux-x86_64.tar.gz"
    with tarfile.open(tarball) as archive:
        names = set(archive.getnames())
    assert {"dhr-manager/dhr-manager", "dhr-manager/dhr-manager.desktop", "dhr-manager/install.sh",
            "dhr-manager/_internal/docs/user-guide.md", "dhr-manager/_internal/icons/dhr-manager.svg"} <= names
    assert {f"dhr-manager/_internal/dhr_manager/resources/processes/{name}" for name in SHIPPED_PROFILES} <= names
