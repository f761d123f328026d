"""Audit: the audit log, read-only, filterable by case and user."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from dhr_manager.services.audit_log import list_audit
from dhr_manager.storage.workspace import UnlockedWorkspace
from dhr_manager.ui.fields import table_view
from dhr_manager.ui.labels import heading
from dhr_manager.ui.models.audit_table_model import audit_model
from dhr_manager.ui.page import Page


class AuditPage(Page):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ws: UnlockedWorkspace | None = None
        self.setAccessibleName(self.tr("Audit log"))
        self.model = audit_model(self)
        self.table = table_view(self.model, self.tr("Audit log"), sort_column=0)
        self.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)  # newest first
        self.case = QComboBox()
        self.case.setAccessibleName(self.tr("Filter by case"))
        self.user = QComboBox()
        self.user.setAccessibleName(self.tr("Filter by user"))
        for combo in (self.case, self.user):
            combo.currentIndexChanged.connect(self._reload)
        self.note = QLabel(self.tr("Every change is recorded here: who, when, which record and what was done. "
                                   "Values are never recorded. The log cannot be edited."))
        self.note.setWordWrap(True)
        controls = QHBoxLayout()
        for text, combo in ((self.tr("&Case:"), self.case), (self.tr("&User:"), self.user)):
            caption = QLabel(text)
            caption.setBuddy(combo)
            controls.addWidget(caption)
            controls.addWidget(combo, 1)
        controls.addStretch(2)
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("Audit log")))
        layout.addWidget(self.note)
        layout.addLayout(controls)
        layout.addWidget(self.table, 1)

    def show_workspace(self, ws: UnlockedWorkspace) -> None:
        self._ws = ws
        entries = list_audit(ws)
        for combo, values in ((self.case, sorted({e.case for e in entries if e.case})),
                              (self.user, sorted({e.user for e in entries}))):
            current = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(self.tr("All"), None)
            for value in values:
                combo.addItem(value, value)
            combo.setCurrentIndex(max(combo.findData(current), 0))
            combo.blockSignals(False)
        self._reload()

    def _reload(self) -> None:
        if self._ws is not None:
            self.model.set_rows(list_audit(self._ws, self.case.currentData(), self.user.currentData()))

    def clear(self) -> None:
        self._ws = None
        self.model.set_rows([])
        for combo in (self.case, self.user):
            combo.blockSignals(True)
            combo.clear()
            combo.blockSignals(False)
