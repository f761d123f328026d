"""Creating, listing, showing and assigning cases."""

from datetime import date

from sqlalchemy import select

from dhr_manager.domain.cases import (
    UNREADABLE,
    CaseView,
    NoteView,
    PersonRole,
    PersonView,
    Stage,
    Status,
    check_case_dates,
    normalise_reference,
    require_text,
)
from dhr_manager.domain.roles import Permission, Role
from dhr_manager.errors import InputError, NotFound
from dhr_manager.services.case_access import find_case, readable_case_ids
from dhr_manager.services.profiles import choose_profile, keep_profile
from dhr_manager.services.users import staff_names
from dhr_manager.storage.schema import CaseAssignmentRow, CaseRow, NoteRow, PersonRow, UserRow
from dhr_manager.storage.sealing import Sealer
from dhr_manager.storage.workspace import UnlockedWorkspace


def create_case(ws: UnlockedWorkspace, reference: str, area: str, notified: date,
                date_of_death: date | None = None, today: date | None = None,
                profile_id: str | None = None) -> CaseView:
    """Open a new case at the notification stage (domain brief section 3), under a process profile."""
    ws.require(Permission.EDIT_CASES)
    profile = choose_profile(profile_id)
    ref = normalise_reference(reference)
    area = require_text(area, "The area", limit=200)
    check_case_dates(notified, date_of_death, today or date.today())
    with ws.unit_of_work(write=True) as uow:
        index = ws.blind_index(ref)
        if uow.session.scalars(select(CaseRow.id).where(CaseRow.reference_index == index)).first():
            raise InputError(f"There is already a case {ref}.")
        keep_profile(uow.session, profile)
        row = CaseRow(reference_index=index, stage=Stage.NOTIFICATION.value, status=Status.OPEN.value,
                      profile_id=profile.id, profile_version=profile.version)
        for column, value in (("reference", ref), ("area", area), ("notified_on", notified),
                              ("date_of_death", date_of_death)):
            uow.sealer.put(row, column, value)
        uow.session.add(row)
        uow.record("case.create", "cases", row.id, row.id)
    return CaseView(row.id, ref, area, notified, date_of_death, Stage.NOTIFICATION, Status.OPEN,
                    profile=f"{profile.id} v{profile.version}")


def _case_view(sealer: Sealer, row: CaseRow, victim: PersonRow | None) -> CaseView:
    """Decrypt one case; a value that does not open is shown as unreadable instead of hiding the case."""
    unreadable: list[str] = []
    values = {column: sealer.get_or_flag(row, column, unreadable)
              for column in ("reference", "area", "notified_on", "date_of_death")}
    pseudonym = sealer.get_or_flag(victim, "pseudonym", unreadable) if victim is not None else None
    return CaseView(row.id, values["reference"] or UNREADABLE, values["area"] or UNREADABLE,
                    values["notified_on"], values["date_of_death"], Stage(row.stage), Status(row.status),
                    victim_pseudonym=pseudonym, profile=f"{row.profile_id} v{row.profile_version}",
                    unreadable=unreadable)


def list_cases(ws: UnlockedWorkspace) -> list[CaseView]:
    """Every case the user may read, with the victim's pseudonym, ordered by reference."""
    ws.require(Permission.READ_ASSIGNED_CASES)
    with ws.unit_of_work() as uow:
        allowed = readable_case_ids(ws, uow)
        victims = {p.case_id: p for p in uow.session.scalars(
            select(PersonRow).where(PersonRow.role == PersonRole.VICTIM.value))}
        views = [_case_view(uow.sealer, row, victims.get(row.id))
                 for row in uow.session.scalars(select(CaseRow))
                 if allowed is None or row.id in allowed]
    return sorted(views, key=lambda view: view.reference)


def show_case(ws: UnlockedWorkspace, reference: str) -> CaseView:
    """One case with its people (by pseudonym) and notes."""
    ws.require(Permission.READ_ASSIGNED_CASES)
    with ws.unit_of_work() as uow:
        row = find_case(ws, uow, reference)
        people = list(uow.session.scalars(select(PersonRow).where(PersonRow.case_id == row.id)))
        victim = next((p for p in people if p.role == PersonRole.VICTIM.value), None)
        view = _case_view(uow.sealer, row, victim)
        flags = view.unreadable
        view.people.extend(
            PersonView(p.id, PersonRole(p.role), uow.sealer.get_or_flag(p, "pseudonym", flags) or UNREADABLE)
            for p in people)
        authors = staff_names(uow.session)
        notes = []
        for n in uow.session.scalars(select(NoteRow).where(NoteRow.case_id == row.id)):
            written = uow.sealer.get_or_flag(n, "written_at", flags)
            notes.append(NoteView(n.id, written.isoformat(timespec="seconds") if written else UNREADABLE,
                                  authors[n.author_id], uow.sealer.get_or_flag(n, "text", flags) or UNREADABLE))
    view.notes.extend(sorted(notes, key=lambda note: note.written_at))
    return view


def assign_case(ws: UnlockedWorkspace, reference: str, user_name: str) -> None:
    """Give a chair access to one case."""
    ws.require(Permission.EDIT_CASES)
    with ws.unit_of_work(write=True) as uow:
        row = find_case(ws, uow, reference)
        user = uow.session.scalars(select(UserRow).where(UserRow.name == user_name.strip())).first()
        if user is None:
            raise NotFound(f"There is no user called '{user_name}'.")
        if user.role != Role.CHAIR.value:
            raise InputError(f"{user.name} is a {user.role}, who already sees every case; only chairs are "
                             "given cases one by one.")
        if uow.session.get(CaseAssignmentRow, (row.id, user.id)) is None:
            uow.session.add(CaseAssignmentRow(case_id=row.id, user_id=user.id))
            uow.record("case.assign", "case_assignments", user.id, row.id)
