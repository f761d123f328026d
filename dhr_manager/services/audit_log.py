"""Reading the audit log: who did what to which record, and when. It never holds a decrypted value."""

from dataclasses import dataclass

from sqlalchemy import select

from dhr_manager.domain.roles import Permission
from dhr_manager.services.case_access import find_case
from dhr_manager.services.users import staff_names
from dhr_manager.storage.schema import AuditRow, CaseRow
from dhr_manager.storage.workspace import UnlockedWorkspace


@dataclass(frozen=True)
class AuditEntryView:
    seq: int
    at: str
    user: str
    action: str
    table: str
    record_id: str
    case: str | None


def list_audit(ws: UnlockedWorkspace, case_reference: str | None = None,
               user_name: str | None = None) -> list[AuditEntryView]:
    """The log, oldest first; optionally one case's entries or one user's."""
    ws.require(Permission.READ_AUDIT)
    with ws.unit_of_work() as uow:
        query = select(AuditRow).order_by(AuditRow.seq)
        if case_reference is not None:
            query = query.where(AuditRow.case_id == find_case(ws, uow, case_reference).id)
        users = staff_names(uow.session)
        if user_name is not None:
            query = query.where(AuditRow.user_id.in_(
                [uid for uid, name in users.items() if name == user_name.strip()]))
        references = {row.id: uow.sealer.get_or_flag(row, "reference", [])
                      for row in uow.session.scalars(select(CaseRow))}
        return [
            AuditEntryView(row.seq, row.at, users.get(row.user_id, "(recovery key)"), row.action,
                           row.table_name, row.record_id,
                           references.get(row.case_id) if row.case_id else None)
            for row in uow.session.scalars(query)
        ]
