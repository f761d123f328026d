"""The new case form (Ctrl+N): reference, area, dates and process, all reachable by keyboard."""

from datetime import date

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from dhr_manager.domain.cases import CaseView
from dhr_manager.errors import DhrError
from dhr_manager.services.cases import create_case
from dhr_manager.services.profiles import available_profiles
from dhr_manager.storage.workspace import UnlockedWorkspace
from dhr_manager.ui.fields import date_edit, to_date
from dhr_manager.ui.labels import InlineError, heading


class NewCaseDialog(QDialog):
    def __init__(self, ws: UnlockedWorkspace, areas: list[str], default_profile: str, today: date | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ws, self._today = ws, today or date.today()
        self.created: CaseView | None = None
        self.setWindowTitle(self.tr("New case"))
        self.setAccessibleName(self.tr("New case"))
        self.setMinimumWidth(480)

        self.reference = QLineEdit()
        self.reference.setPlaceholderText(self.tr("for example DHR-2026-001"))
        self.reference.setAccessibleName(self.tr("Case reference"))
        self.area = QComboBox()
        self.area.setEditable(True)
        self.area.addItems(sorted(set(areas)))
        self.area.setCurrentText("")
        self.area.setAccessibleName(self.tr("Community Safety Partnership or area"))
        self.notified = date_edit(self.tr("Date the CSP was notified"), self._today, self._today)
        self.death_known = QCheckBox(self.tr("Date of death &known"))
        self.death_known.setAccessibleName(self.tr("Date of death known"))
        self.date_of_death = date_edit(self.tr("Date of death"), self._today, self._today)
        self.date_of_death.setEnabled(False)
        self.death_known.toggled.connect(self.date_of_death.setEnabled)
        self.profile = QComboBox()
        self.profile.setAccessibleName(self.tr("Process profile"))
        for profile in available_profiles().values():
            self.profile.addItem(profile.name, profile.id)
        index = self.profile.findData(default_profile)
        self.profile.setCurrentIndex(max(index, 0))

        form = QFormLayout()
        form.addRow(self.tr("&Reference:"), self.reference)
        form.addRow(self.tr("&Area:"), self.area)
        form.addRow(self.tr("CSP &notified on:"), self.notified)
        form.addRow(self.death_known, self.date_of_death)
        form.addRow(self.tr("&Process:"), self.profile)
        self.error = InlineError()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.create_button = buttons.addButton(self.tr("&Create case"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.create_button.setAccessibleName(self.tr("Create case"))
        buttons.accepted.connect(self._create)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("Open a new case")))
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.setTabOrder(self.reference, self.area)
        self.setTabOrder(self.area, self.notified)
        self.setTabOrder(self.notified, self.death_known)
        self.setTabOrder(self.death_known, self.date_of_death)
        self.setTabOrder(self.date_of_death, self.profile)
        # Only once the button is inside the dialog does Qt honour it as the one Enter presses.
        self.create_button.setDefault(True)
        self.reference.setFocus()

    def _create(self) -> None:
        try:
            self.created = create_case(
                self._ws, self.reference.text(), self.area.currentText(), to_date(self.notified.date()),
                to_date(self.date_of_death.date()) if self.death_known.isChecked() else None, today=self._today,
                profile_id=self.profile.currentData())
        except DhrError as exc:
            self.error.show_message(exc.message)
            return
        self.accept()
