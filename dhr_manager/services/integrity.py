"""`verify`: does every sealed value still open where it stands, and does the audit chain hold?"""

from dataclasses import dataclass, field

from sqlalchemy import column, func, select, table

from dhr_manager.domain.roles import Permission
from dhr_manager.storage.audit import verify_chain
from dhr_manager.storage.crypto import SealBroken
from dhr_manager.storage.schema import AuditRow
from dhr_manager.storage.sealing import SEALED
from dhr_manager.storage.workspace import UnlockedWorkspace


@dataclass
class VerifyReport:
    values_checked: int = 0
    audit_entries: int = 0
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def verify_workspace(ws: UnlockedWorkspace) -> VerifyReport:
    """Open every sealed value with its own table, column and row id, and recompute the audit chain.

    A value copied to another row or column fails here because its associated data no longer matches.
    """
    ws.require(Permission.VERIFY)
    report = VerifyReport()
    with ws.unit_of_work() as uow:
        for table_name, columns in SEALED.items():
            names = list(columns)
            rows = uow.session.execute(
                select(column("id"), *(column(name) for name in names)).select_from(table(table_name)))
            for row_id, *values in rows:
                for name, value in zip(names, values, strict=True):
                    if value is None:
                        continue
                    report.values_checked += 1
                    try:
                        uow.sealer.open(table_name, name, row_id, value)
                    except SealBroken:
                        report.problems.append(
                            f"{table_name} record {row_id}, {name}: does not open (tampered with, or copied "
                            "from another record)")
        report.problems.extend(verify_chain(uow.session, ws.audit_key))
        report.audit_entries = uow.session.scalar(select(func.count(AuditRow.seq))) or 0
    return report

