"""Which Word template each kind of document is made from: the built-in one, or the local authority's own.

An administrator replaces a template with a Word file made from the built-in one (same `{{ field }}` tags). The
file is checked first: a template that uses a field the application does not fill, or that is not a Word
file, is refused and nothing changes. The replacement is kept inside the workspace, so every workstation
sharing the workspace makes the same documents.
"""

from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import select

from dhr_manager.documents.templates import KINDS, builtin_template, check_template, template_fields
from dhr_manager.domain.roles import Permission
from dhr_manager.errors import InputError
from dhr_manager.services.users import staff_names
from dhr_manager.storage.schema import TemplateRow
from dhr_manager.storage.workspace import UnitOfWork, UnlockedWorkspace

MAX_TEMPLATE_BYTES = 10 * 1024 * 1024


@dataclass(frozen=True)
class TemplateView:
    kind: str
    title: str
    local: bool  # True when an administrator replaced the built-in template
    file_name: str
    replaced_at: str
    replaced_by: str
    personal_data: bool


def template_source(uow: UnitOfWork, kind: str) -> bytes | None:
    """The local template for `kind`, or None to use the built-in one."""
    row = uow.session.get(TemplateRow, kind)
    return row.content if row is not None else None


def list_templates(ws: UnlockedWorkspace) -> list[TemplateView]:
    ws.require(Permission.EDIT_CASES)
    with ws.unit_of_work() as uow:
        names = staff_names(uow.session)
        local = {row.kind: row for row in uow.session.scalars(select(TemplateRow))}
    views = []
    for kind, info in KINDS.items():
        row = local.get(kind)
        views.append(TemplateView(kind, info.title, row is not None, row.file_name if row else info.file_name,
                                  row.replaced_at if row else "", names.get(row.replaced_by, "") if row else "",
                                  info.personal_data))
    return views


def current_template(ws: UnlockedWorkspace, kind: str) -> bytes:
    """The template `kind` is made from now: what an administrator opens in Word to adapt."""
    ws.require(Permission.EDIT_CASES)
    with ws.unit_of_work() as uow:
        return template_source(uow, kind) or builtin_template(kind)


def read_template_file(path: Path) -> bytes:
    path = Path(path)
    try:
        if path.stat().st_size > MAX_TEMPLATE_BYTES:
            raise InputError(f"{path.name} is larger than {MAX_TEMPLATE_BYTES // (1024 * 1024)} MB; a template is "
                             "a letter or report outline and should be far smaller.")
        return path.read_bytes()
    except OSError as exc:
        raise InputError(f"Could not read {path}: {exc.strerror or exc}.") from None


def check_template_file(path: Path) -> tuple[list[str], list[str]]:
    """The fields a template file uses, and those among them the application does not know."""
    data = read_template_file(path)
    unknown = check_template(data, Path(path).name)
    return template_fields(data), unknown


def replace_template(ws: UnlockedWorkspace, kind: str, path: Path) -> TemplateView:
    """Use the local authority's file for `kind` from now on; refused if it fails `templates check`."""
    ws.require(Permission.MANAGE_TEMPLATES)
    path = Path(path)
    data = read_template_file(path)
    unknown = check_template(data, path.name)
    if unknown:
        raise InputError(f"{path.name} uses fields DHR Manager does not fill: {', '.join(unknown)}. See "
                         "docs/templates.md for the fields each template can use. The template was not replaced.")
    with ws.unit_of_work(write=True) as uow:
        row = uow.session.get(TemplateRow, kind)
        if row is None:
            row = TemplateRow(kind=kind)
            uow.session.add(row)
        row.content, row.file_name, row.replaced_by = data, path.name[:255], ws.user.id
        row.replaced_at = datetime.now(UTC).isoformat(timespec="seconds")
        uow.record("template.replace", "document_templates", kind)
    return next(v for v in list_templates(ws) if v.kind == kind)


def reset_template(ws: UnlockedWorkspace, kind: str) -> bool:
    """Go back to the built-in template; False when there was no local one."""
    ws.require(Permission.MANAGE_TEMPLATES)
    with ws.unit_of_work(write=True) as uow:
        row = uow.session.get(TemplateRow, kind)
        if row is None:
            return False
        uow.session.delete(row)
        uow.record("template.reset", "document_templates", kind)
    return True
