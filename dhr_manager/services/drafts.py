"""Generated drafts: made from the case and its template, kept sealed as v0.1, v0.2..., exported with checks.

Every export of a document meant for circulation first passes the disclosure check: the whole Word file is
searched for every real name, address and date of birth held on the case. A hit stops the export and says where
it was found; only an administrator can export anyway, and the reason is kept as a sealed case note that the
audit entry points to. Letters that must name real people (to the family, to an agency's named contact) skip
the check but need the separate `personal_data_confirmed` instead.
"""

from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from dhr_manager.documents.disclosure import Hit, Term, TermKind, describe, scan_docx
from dhr_manager.documents.protection import protect
from dhr_manager.documents.templates import KINDS, render
from dhr_manager.domain.cases import PersonRole, PersonView
from dhr_manager.domain.roles import Permission
from dhr_manager.errors import InputError, NotFound
from dhr_manager.services import people
from dhr_manager.services.case_access import find_case
from dhr_manager.services.document_context import build_context, version_label
from dhr_manager.services.document_templates import template_source
from dhr_manager.services.users import staff_names
from dhr_manager.storage.schema import DraftRow, NoteRow
from dhr_manager.storage.workspace import UnlockedWorkspace


class DisclosureBlocked(InputError):
    """The draft holds a real name, address or date of birth; `hits` says where (never what)."""

    def __init__(self, hits: list[Hit]) -> None:
        super().__init__(describe(hits) + "\nReplace each with the pseudonym and generate the draft again. Only "
                         "an administrator can export it as it is, giving a reason that is kept in the audit log.\n"
                         "Nothing was exported.")
        self.hits = hits


@dataclass(frozen=True)
class DraftView:
    id: str
    kind: str
    title: str
    version: str
    made_at: datetime
    made_by: str
    size: int


@dataclass(frozen=True)
class ExportResult:
    path: Path
    version: str
    protected: bool
    checked: bool  # False for personal-data letters, which are not checked but confirmed
    overridden: bool


def parse_kind(text: str) -> str:
    kind = text.strip().lower()
    if kind not in KINDS:
        raise InputError(f"'{text}' is not a kind of document; choose one of {', '.join(KINDS)}.")
    return kind


def parse_version(text: str) -> int:
    """`v0.3`, `0.3` or `3` → 3."""
    cleaned = text.strip().lower().removeprefix("v").removeprefix("0.")
    if not cleaned.isdigit() or int(cleaned) < 1:
        raise InputError(f"'{text}' is not a draft version; versions look like v0.3.")
    return int(cleaned)


def generate_draft(ws: UnlockedWorkspace, reference: str, kind: str, today: date | None = None) -> DraftView:
    """Fill the kind's template (the local one if an administrator replaced it) and keep it as the next version."""
    ws.require(Permission.EDIT_CASES)
    today = today or date.today()
    with ws.unit_of_work() as uow:
        case = find_case(ws, uow, reference)
        version = _latest(uow.session, case.id, kind) + 1
        source = template_source(uow, kind)
    content = render(kind, build_context(ws, reference, kind, version, today), source)
    made_at = datetime.now(UTC)
    with ws.unit_of_work(write=True) as uow:
        case = find_case(ws, uow, reference)
        version = _latest(uow.session, case.id, kind) + 1  # another user may have generated one meanwhile
        row = DraftRow(case_id=case.id, kind=kind, version=version, made_by=ws.user.id)
        uow.sealer.put(row, "content", content)
        uow.sealer.put(row, "made_at", made_at)
        uow.session.add(row)
        uow.record(f"draft.generate.{kind}", "drafts", row.id, case.id)
    return DraftView(row.id, kind, KINDS[kind].title, version_label(version), made_at, ws.user.name, len(content))


def _latest(session: Session, case_id: str, kind: str) -> int:
    return session.scalar(select(func.max(DraftRow.version)).where(
        DraftRow.case_id == case_id, DraftRow.kind == kind)) or 0


def list_drafts(ws: UnlockedWorkspace, reference: str, kind: str | None = None) -> list[DraftView]:
    """Every kept version, newest first within each kind."""
    ws.require(Permission.EDIT_CASES)
    with ws.unit_of_work() as uow:
        case = find_case(ws, uow, reference)
        names = staff_names(uow.session)
        query = select(DraftRow).where(DraftRow.case_id == case.id)
        if kind is not None:
            query = query.where(DraftRow.kind == kind)
        views = [DraftView(row.id, row.kind, KINDS[row.kind].title, version_label(row.version),
                           uow.sealer.get(row, "made_at"), names.get(row.made_by, ""),
                           len(uow.sealer.get(row, "content")))
                 for row in uow.session.scalars(query)]
    order = list(KINDS)
    return sorted(views, key=lambda v: (order.index(v.kind), -parse_version(v.version)))


def draft_content(ws: UnlockedWorkspace, reference: str, kind: str, version: int | None = None) -> tuple[int, bytes]:
    """The Word file of one kept version (the newest when `version` is None)."""
    ws.require(Permission.EDIT_CASES)
    with ws.unit_of_work() as uow:
        case = find_case(ws, uow, reference)
        number = version or _latest(uow.session, case.id, kind)
        row = uow.session.scalars(select(DraftRow).where(
            DraftRow.case_id == case.id, DraftRow.kind == kind, DraftRow.version == number)).first()
        if row is None:
            which = version_label(version) if version else "any version"
            raise NotFound(f"There is no {KINDS[kind].title.lower()} draft ({which}) on this case; generate one "
                           "first.")
        return number, uow.sealer.get(row, "content")


def disclosure_terms(found: list[PersonView]) -> list[Term]:
    """What must not leave: each person's real name, address and date of birth, labelled without the value."""
    counts: dict[PersonRole, int] = {}
    terms: list[Term] = []
    for person in found:
        counts[person.role] = counts.get(person.role, 0) + 1
        who = {PersonRole.VICTIM: "the victim", PersonRole.PERPETRATOR: "the perpetrator"}.get(
            person.role, f"{person.role.value} member {counts[person.role]}" if person.role is PersonRole.FAMILY
            else f"other person {counts[person.role]}")
        terms.append(Term(person.name, f"{who}'s real name", TermKind.NAME))
        if person.address:
            terms.append(Term(person.address, f"{who}'s address", TermKind.ADDRESS))
        if person.date_of_birth:
            terms.append(Term(person.date_of_birth.isoformat(), f"{who}'s date of birth", TermKind.DATE_OF_BIRTH))
    return terms


def check_disclosure(ws: UnlockedWorkspace, reference: str, content: bytes) -> list[Hit]:
    return scan_docx(content, disclosure_terms(people.list_people(ws, reference)))


def export_draft(ws: UnlockedWorkspace, reference: str, kind: str, out: Path, version: int | None = None,
                 password: str | None = None, personal_data_confirmed: bool = False,
                 override_reason: str | None = None) -> ExportResult:
    """Write a kept draft to `out`, after the disclosure check (or the personal-data confirmation)."""
    ws.require(Permission.EDIT_CASES)
    out = Path(out)
    if out.suffix.lower() != ".docx":
        raise InputError("Export drafts as Word files: give a file name ending in .docx.")
    if out.exists():
        raise InputError(f"{out} already exists; choose a new file name.")
    number, content = draft_content(ws, reference, kind, version)
    info = KINDS[kind]
    checked = overridden = False
    if info.personal_data and not personal_data_confirmed:
        raise InputError(f"The {info.title.lower()} names real people, so it is personal data. Confirm that it "
                         "goes only to its addressee (--personal-data) to export it.")
    if info.for_circulation:
        checked = True
        hits = check_disclosure(ws, reference, content)
        if hits and override_reason is None:
            raise DisclosureBlocked(hits)
        if hits:
            _record_override(ws, reference, kind, number, override_reason or "")
            overridden = True
    data = protect(content, password) if password is not None else content
    try:
        with out.open("xb") as handle:
            handle.write(data)
    except OSError as exc:
        out.unlink(missing_ok=True)
        raise InputError(f"Could not write {out}: {exc.strerror or exc}.") from None
    with ws.unit_of_work(write=True) as uow:
        case = find_case(ws, uow, reference)
        row = uow.session.scalars(select(DraftRow).where(
            DraftRow.case_id == case.id, DraftRow.kind == kind, DraftRow.version == number)).one()
        uow.record("draft.export-protected" if password else "draft.export", "drafts", row.id, case.id)
    return ExportResult(out, version_label(number), password is not None, checked, overridden)


def _record_override(ws: UnlockedWorkspace, reference: str, kind: str, number: int, reason: str) -> None:
    """An administrator's decision to export despite hits: the reason is sealed in a case note, audited."""
    ws.require(Permission.OVERRIDE_DISCLOSURE)
    reason = " ".join(reason.split())
    if len(reason) < 10:
        raise InputError("Give the reason for exporting despite the disclosure check (at least a few words).")
    with ws.unit_of_work(write=True) as uow:
        case = find_case(ws, uow, reference)
        note = NoteRow(case_id=case.id, author_id=ws.user.id)
        uow.sealer.put(note, "written_at", datetime.now(UTC))
        uow.sealer.put(note, "text", f"Disclosure check overridden to export the {KINDS[kind].title.lower()} "
                                     f"{version_label(number)}: {reason}")
        uow.session.add(note)
        uow.record("draft.disclosure-override", "notes", note.id, case.id)
