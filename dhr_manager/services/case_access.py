"""Finding a case by its reference, with the rule that chairs reach only the cases they are given."""

from sqlalchemy import select

from dhr_manager.domain.cases import normalise_reference
from dhr_manager.domain.roles import Permission, allows
from dhr_manager.errors import NotFound
from dhr_manager.storage.schema import CaseAssignmentRow, CaseRow
from dhr_manager.storage.workspace import UnitOfWork, UnlockedWorkspace


def find_case(ws: UnlockedWorkspace, uow: UnitOfWork, reference: str) -> CaseRow:
    """The case with this reference, if the user may see it; the same message either way, so a chair
    cannot probe which references exist."""
    ref = normalise_reference(reference)
    row = uow.session.scalars(select(CaseRow).where(CaseRow.reference_index == ws.blind_index(ref))).first()
    if row is None or not can_read(ws, uow, row.id):
        raise NotFound(f"There is no case {ref} that you can open.")
    return row


def can_read(ws: UnlockedWorkspace, uow: UnitOfWork, case_id: str) -> bool:
    if allows(ws.user.role, Permission.READ_ALL_CASES):
        return True
    return uow.session.get(CaseAssignmentRow, (case_id, ws.user.id)) is not None


def readable_case_ids(ws: UnlockedWorkspace, uow: UnitOfWork) -> set[str] | None:
    """None means every case; otherwise the ids of the cases assigned to this user."""
    if allows(ws.user.role, Permission.READ_ALL_CASES):
        return None
    query = select(CaseAssignmentRow.case_id).where(CaseAssignmentRow.user_id == ws.user.id)
    return set(uow.session.scalars(query))
