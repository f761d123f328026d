"""The audit log as a table. It holds no decrypted values beyond the case reference."""

from PySide6.QtCore import QCoreApplication, QObject

from dhr_manager.services.audit_log import AuditEntryView
from dhr_manager.ui.models.row_model import Column, RowTableModel


def _tr(text: str) -> str:
    return QCoreApplication.translate("AuditTableModel", text)


def audit_model(parent: QObject | None, with_case: bool = True) -> RowTableModel[AuditEntryView]:
    columns = [
        Column[AuditEntryView](_tr("#"), lambda e: str(e.seq), lambda e: e.seq),
        Column[AuditEntryView](_tr("When (UTC)"), lambda e: e.at.replace("T", " ").removesuffix("+00:00"),
                               lambda e: e.seq),
        Column[AuditEntryView](_tr("User"), lambda e: e.user),
        Column[AuditEntryView](_tr("Action"), lambda e: e.action),
        *([Column[AuditEntryView](_tr("Case"), lambda e: e.case or "")] if with_case else []),
        Column[AuditEntryView](_tr("Record"), lambda e: f"{e.table} {e.record_id[:8]}"),
    ]
    return RowTableModel(columns, parent)
