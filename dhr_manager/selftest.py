"""`dhr-manager selftest`: does this installation work? Run by IT after installing, and by the packaging test on the
frozen bundle.

Everything happens in a temporary folder that is deleted afterwards: a new workspace (with a cheap key derivation,
since nothing real is kept), a case with a fictional person sealed and read back after reopening the file, every
shipped Word template rendered into a draft, and `verify`. Each check prints one line; the first failure stops the
run with a message saying what is missing or broken. Checking every template and profile is what proves that a
bundle left nothing out.
"""

import secrets
import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from dhr_manager import __version__
from dhr_manager.errors import DhrError
from dhr_manager.resources_path import frozen_root, resource, user_guide

if TYPE_CHECKING:
    from dhr_manager.storage.workspace import UnlockedWorkspace

# Obviously fictional: nobody real is ever written, even to a temporary workspace.
REFERENCE = "SELFTEST-001"
PERSON_NAME = "Testa Fictionalperson"
PSEUDONYM = "Adult S"
ADMIN = "Selftest Administrator"


class SelftestFailed(Exception):
    """One check failed; the message says which part of the installation is at fault."""


@dataclass
class _State:
    folder: Path
    passphrase: str = ""
    ws: "UnlockedWorkspace | None" = None

    @property
    def unlocked(self) -> "UnlockedWorkspace":
        assert self.ws is not None, "the workspace check runs first"
        return self.ws


def _check_templates(_state: _State) -> str:
    from dhr_manager.documents.templates import KINDS, builtin_template, check_template

    for kind, info in KINDS.items():
        try:
            unknown = check_template(builtin_template(kind), info.file_name)
        except (OSError, DhrError) as exc:
            raise SelftestFailed(f"the template {info.file_name} is missing or unreadable ({exc}).") from None
        if unknown:
            raise SelftestFailed(f"the template {info.file_name} uses unknown fields: {', '.join(unknown)}.")
    return f"{len(KINDS)} Word templates present and valid"


def _check_profiles(_state: _State) -> str:
    from dhr_manager.domain.process import parse_profile
    from dhr_manager.services.profiles import DEFAULT_PROFILE

    folder = resource("processes")
    shipped = sorted(p.name for p in folder.iterdir() if p.name.endswith(".toml")) if folder.is_dir() else []
    ids = {parse_profile(resource("processes", name).read_text(encoding="utf-8"), name).id for name in shipped}
    if DEFAULT_PROFILE not in ids:
        raise SelftestFailed(f"the default process profile {DEFAULT_PROFILE} is missing (found: "
                             f"{', '.join(shipped) or 'none'}).")
    return f"{len(shipped)} process profiles present and valid ({', '.join(sorted(ids))})"


def _check_calendar(_state: _State) -> str:
    from dhr_manager.domain.calendar import bank_holidays

    found = bank_holidays(2026)
    expected = {date(2026, 12, 25): "Christmas Day", date(2026, 12, 28): "Boxing Day (substitute day)"}
    if len(found) != 8 or any(found.get(day) != name for day, name in expected.items()):
        raise SelftestFailed("the England and Wales bank holidays are wrong or missing, so deadlines would be "
                             "counted wrongly.")
    return "England and Wales bank holidays known (8 in 2026)"


def _check_user_guide(_state: _State) -> str:
    guide = user_guide()
    if guide is not None:
        return f"user guide present ({guide.name})"
    if frozen_root() is not None:
        raise SelftestFailed("the user guide (docs/user-guide.md) is missing from the bundle.")
    return "user guide not included (an installed package carries no docs; Help says where it is)"


def _create_workspace(state: _State) -> str:
    from dhr_manager.storage.crypto import KdfParams
    from dhr_manager.storage.migrate import SCHEMA_REVISION
    from dhr_manager.storage.workspace import Workspace

    state.passphrase = secrets.token_urlsafe(24)
    # A small Argon2id: this workspace lives for a second and holds nothing real.
    state.ws, _recovery = Workspace.create(state.folder / "selftest.dhr", ADMIN, state.passphrase,
                                           kdf=KdfParams(memory_kib=8 * 1024, iterations=1, lanes=1))
    return f"workspace created, schema {SCHEMA_REVISION}"


def _sealed_round_trip(state: _State) -> str:
    from dhr_manager.domain.cases import PersonRole
    from dhr_manager.services import cases, people
    from dhr_manager.storage.workspace import Workspace

    ws = state.unlocked
    cases.create_case(ws, REFERENCE, "Fictionshire", date(2026, 1, 5), date(2025, 12, 20))
    people.add_person(ws, REFERENCE, PersonRole.VICTIM, PERSON_NAME, PSEUDONYM)
    path = ws.path
    ws.lock()
    ws.workspace.close()
    state.ws = None
    state.ws = Workspace.open(path).unlock(ADMIN, state.passphrase)
    found = people.list_people(state.unlocked, REFERENCE)
    if [(p.name, p.pseudonym) for p in found] != [(PERSON_NAME, PSEUDONYM)]:
        raise SelftestFailed("the sealed person read back differs from what was written.")
    stored = b"".join(p.read_bytes() for p in path.parent.glob(f"{path.name}*"))
    if PERSON_NAME.encode() in stored:
        raise SelftestFailed("a sealed name was found as plain text in the workspace file.")
    return "sealed data written, reopened and read back; no plain text in the file"


def _render_templates(state: _State) -> str:
    from dhr_manager.documents.templates import KINDS
    from dhr_manager.services.drafts import generate_draft

    for kind in KINDS:
        try:
            generate_draft(state.unlocked, REFERENCE, kind)
        except DhrError as exc:
            raise SelftestFailed(f"the {kind} draft could not be made: {exc.message}") from None
    return f"{len(KINDS)} drafts rendered and kept"


def _verify(state: _State) -> str:
    from dhr_manager.services.integrity import verify_workspace

    report = verify_workspace(state.unlocked)
    if not report.ok:
        raise SelftestFailed("verify found problems: " + "; ".join(report.problems))
    return f"verified {report.values_checked} sealed values and {report.audit_entries} audit entries"


CHECKS: list[tuple[str, Callable[[_State], str]]] = [
    ("templates", _check_templates),
    ("profiles", _check_profiles),
    ("calendar", _check_calendar),
    ("guide", _check_user_guide),
    ("workspace", _create_workspace),
    ("sealing", _sealed_round_trip),
    ("rendering", _render_templates),
    ("verify", _verify),
]


def run_selftest(print_line: Callable[[str], None] = print) -> int:
    """Run every check in a temporary folder; 0 when all pass, 1 at the first failure."""
    where = "frozen bundle" if frozen_root() is not None else "Python installation"
    print_line(f"DHR Manager {__version__} selftest ({where})")
    folder = Path(tempfile.mkdtemp(prefix="dhr-manager-selftest-"))
    state = _State(folder)
    try:
        passed = all(_run_check(name, check, state, print_line) for name, check in CHECKS)
    finally:
        if state.ws is not None:
            state.ws.lock()
            state.ws.workspace.close()
        shutil.rmtree(folder, ignore_errors=True)
    if folder.exists():
        print_line(f"FAIL cleanup: the temporary folder {folder} could not be deleted; delete it by hand.")
        return 1
    print_line("ok   cleanup: temporary folder deleted")
    print_line("Selftest passed." if passed else "Selftest FAILED: this installation is incomplete or broken.")
    return 0 if passed else 1


def _run_check(name: str, check: Callable[[_State], str], state: _State, print_line: Callable[[str], None]) -> bool:
    try:
        detail = check(state)
    except SelftestFailed as exc:
        print_line(f"FAIL {name}: {exc}")
        return False
    except Exception as exc:  # an installation fault (a missing module or file) shows here: name it, never hide it
        print_line(f"FAIL {name}: unexpected {type(exc).__name__}: {exc}")
        return False
    print_line(f"ok   {name}: {detail}")
    return True
