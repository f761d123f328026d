"""The people on a case: the only screen where real names, dates of birth and addresses appear, and only for
staff who may edit cases (an independent chair never gets this tab)."""

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from dhr_manager.domain.cases import PersonRole, PersonView
from dhr_manager.ui.case.dialogs import ActionDialog
from dhr_manager.ui.fields import button, date_edit, table_view, to_date
from dhr_manager.ui.models.row_model import Column, RowTableModel
from dhr_manager.ui.words import day_text


def _tr(text: str) -> str:
    return QCoreApplication.translate("people", text)


def person_role_name(role: PersonRole) -> str:
    return {PersonRole.VICTIM: _tr("Victim"), PersonRole.PERPETRATOR: _tr("Perpetrator"),
            PersonRole.FAMILY: _tr("Family member"), PersonRole.OTHER: _tr("Other")}[role]


class PeopleTab(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("People on the case"))
        order = list(PersonRole)
        self.model = RowTableModel[PersonView]([
            Column[PersonView](self.tr("Role"), lambda p: person_role_name(p.role), lambda p: order.index(p.role)),
            Column[PersonView](self.tr("Pseudonym"), lambda p: p.pseudonym),
            Column[PersonView](self.tr("Real name"), lambda p: p.name or ""),
            Column[PersonView](self.tr("Date of birth"), lambda p: day_text(p.date_of_birth),
                               lambda p: p.date_of_birth.toordinal() if p.date_of_birth else 0),
            Column[PersonView](self.tr("Address"), lambda p: p.address or ""),
        ], self)
        self.view = table_view(self.model, self.tr("People on the case"), sort_column=0)
        notice = QLabel(self.tr("Personal data: real names appear only on this tab."))
        notice.setAccessibleName(notice.text())
        bold = notice.font()
        bold.setBold(True)
        notice.setFont(bold)
        self.add_button = button(self.tr("Add p&erson…"), self.tr("Add a person"))
        top = QHBoxLayout()
        top.addWidget(notice, 1)
        top.addWidget(self.add_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)

    def show_people(self, people: list[PersonView]) -> None:
        self.model.set_rows(people)

    def clear(self) -> None:
        self.model.set_rows([])


class AddPersonDialog(ActionDialog):
    """Records someone on the case with the pseudonym drafts will use in place of their name."""

    def __init__(self, today: date,
                 add: Callable[[PersonRole, str, str, date | None, str | None], object],
                 parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Add a person"), self.tr(
            "Everything but the role is encrypted. Reports and drafts only ever show the pseudonym."),
            self.tr("&Add"), parent)
        self._add = add
        self.role_combo = QComboBox()
        self.role_combo.setAccessibleName(self.tr("Role on the case"))
        for role in PersonRole:
            self.role_combo.addItem(person_role_name(role), role)
        self.name_edit = QLineEdit()
        self.name_edit.setAccessibleName(self.tr("Real name"))
        self.pseudonym_edit = QLineEdit()
        self.pseudonym_edit.setAccessibleName(self.tr("Pseudonym"))
        self.pseudonym_edit.setPlaceholderText(self.tr("Often chosen by the family, for example Adult A"))
        self.dob_check = QCheckBox(self.tr("&Known:"))
        self.dob_check.setAccessibleName(self.tr("Date of birth known"))
        self.dob_edit = date_edit(self.tr("Date of birth"), today, latest=today)
        self.dob_edit.setEnabled(False)
        self.dob_check.toggled.connect(self.dob_edit.setEnabled)
        dob_row = QWidget()
        dob_layout = QHBoxLayout(dob_row)
        dob_layout.setContentsMargins(0, 0, 0, 0)
        dob_layout.addWidget(self.dob_check)
        dob_layout.addWidget(self.dob_edit, 1)
        self.address_edit = QLineEdit()
        self.address_edit.setAccessibleName(self.tr("Address (optional)"))
        self.form.addRow(self.tr("&Role:"), self.role_combo)
        self.form.addRow(self.tr("Real &name:"), self.name_edit)
        self.form.addRow(self.tr("&Pseudonym:"), self.pseudonym_edit)
        self.form.addRow(self.tr("Date of birth:"), dob_row)
        self.form.addRow(self.tr("A&ddress (optional):"), self.address_edit)

    def perform(self) -> None:
        address = self.address_edit.text().strip()
        self._add(PersonRole(self.role_combo.currentData()), self.name_edit.text(), self.pseudonym_edit.text(),
                  to_date(self.dob_edit.date()) if self.dob_check.isChecked() else None, address or None)

    def done(self, result: int) -> None:
        """The real name typed is not left in a closed dialog."""
        for edit in (self.name_edit, self.pseudonym_edit, self.address_edit):
            edit.clear()
        super().done(result)
