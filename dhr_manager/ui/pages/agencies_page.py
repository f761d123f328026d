"""Agencies: the workspace's register of the agencies reviews work with, each kept once with its type and contact.

Cases reuse the register's spelling whenever they name an agency, so this is where a name is corrected or a
contact changed. The page lists and searches; the dialog adds and edits through the agencies service, showing
what the service refuses inside the dialog, with the user's input kept.
"""

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtWidgets import QComboBox, QDialog, QHBoxLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from dhr_manager.domain.agencies import AgencyType, AgencyView
from dhr_manager.domain.roles import Permission, allows
from dhr_manager.services.agencies import add_agency, list_agencies, update_agency
from dhr_manager.storage.workspace import UnlockedWorkspace
from dhr_manager.ui.case.dialogs import ActionDialog
from dhr_manager.ui.fields import button, selected_row, table_view
from dhr_manager.ui.labels import heading, paragraph
from dhr_manager.ui.models.row_model import ROW_ROLE, Column, RowSortProxy, RowTableModel
from dhr_manager.ui.page import Page


def _tr(text: str) -> str:
    return QCoreApplication.translate("AgenciesPage", text)


def agency_type_name(kind: AgencyType) -> str:
    """A type of agency as a coordinator writes it at the start of a cell."""
    return {
        AgencyType.POLICE: _tr("Police"),
        AgencyType.HEALTH: _tr("Health"),
        AgencyType.MENTAL_HEALTH: _tr("Mental health"),
        AgencyType.AMBULANCE: _tr("Ambulance"),
        AgencyType.ADULT_SOCIAL_CARE: _tr("Adult social care"),
        AgencyType.CHILDRENS_SOCIAL_CARE: _tr("Children's social care"),
        AgencyType.PROBATION: _tr("Probation"),
        AgencyType.HOUSING: _tr("Housing"),
        AgencyType.DOMESTIC_ABUSE_SERVICE: _tr("Domestic abuse service"),
        AgencyType.SUBSTANCE_MISUSE: _tr("Substance misuse"),
        AgencyType.EDUCATION: _tr("Education"),
        AgencyType.OTHER: _tr("Other"),
    }[kind]


# What the dialog hands to the service: the name, the type and the contact ("" for none).
Save = Callable[[str, AgencyType, str], AgencyView]


class AgencyDialog(ActionDialog):
    """Adds an agency, or edits `agency` when one is given; `saved` is the service's answer once it is stored."""

    def __init__(self, save: Save, agency: AgencyView | None = None, parent: QWidget | None = None) -> None:
        if agency is None:
            super().__init__(self.tr("Add an agency"), self.tr(
                "The agency is added to the register once and offered on every case from then on."),
                self.tr("&Add agency"), parent)
        else:
            super().__init__(self.tr("Edit an agency"), self.tr(
                "Renaming changes the register only: what cases have already recorded keeps the name it had "
                "then. New events use the new name."), self.tr("&Save changes"), parent)
        self._save, self._agency = save, agency
        self.saved: AgencyView | None = None
        self.name_edit = QLineEdit()
        self.name_edit.setAccessibleName(self.tr("Name"))
        self.name_edit.setPlaceholderText(self.tr("For example: Northshire Police"))
        self.type_combo = QComboBox()
        self.type_combo.setAccessibleName(self.tr("Type"))
        for kind in AgencyType:
            self.type_combo.addItem(agency_type_name(kind), kind)
        self.contact_edit = QLineEdit()
        self.contact_edit.setAccessibleName(self.tr("Contact"))
        self.contact_edit.setPlaceholderText(self.tr("Who letters go to, for example: Safeguarding Lead"))
        self.form.addRow(self.tr("&Name:"), self.name_edit)
        self.form.addRow(self.tr("&Type:"), self.type_combo)
        self.form.addRow(self.tr("&Contact:"), self.contact_edit)
        if agency is not None:
            self.name_edit.setText(agency.name)
            self.type_combo.setCurrentIndex(self.type_combo.findData(agency.kind))
            self.contact_edit.setText(agency.contact or "")

    def kind(self) -> AgencyType:
        return AgencyType(self.type_combo.currentData())  # Qt hands the enum back as a plain string

    def perform(self) -> None:
        name, kind, contact = self.name_edit.text(), self.kind(), self.contact_edit.text()
        old = self._agency
        if old is not None and (name, kind, contact) == (old.name, old.kind, old.contact or ""):
            self.saved = old  # nothing changed: nothing to write, nothing to audit
            return
        self.saved = self._save(name, kind, contact)


class AgenciesPage(Page):
    """The register as a table with a search by name; Add and Edit are offered to those who may edit cases.

    `dialog` is the dialog open over the page, if any: it shows a contact, so locking closes it.
    """

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ws: UnlockedWorkspace | None = None
        self.dialog: AgencyDialog | None = None
        self.setAccessibleName(self.tr("Agencies"))
        self.model = RowTableModel[AgencyView]([
            Column[AgencyView](self.tr("Name"), lambda a: a.name, lambda a: a.name.casefold()),
            Column[AgencyView](self.tr("Type"), lambda a: agency_type_name(a.kind)),
            Column[AgencyView](self.tr("Contact"), lambda a: a.contact or ""),
        ], self)
        self.proxy = RowSortProxy(self)  # the search box filters the names
        self.proxy.setSourceModel(self.model)
        self.table = table_view(self.proxy, self.tr("Agencies"), sort_column=0)
        self.proxy.setFilterKeyColumn(0)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.table.activated.connect(self._edit_at)  # Enter or double-click
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)

        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search by name"))
        self.search.setAccessibleName(self.tr("Search agencies by name"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._apply_search)
        self.add_button = button(self.tr("&Add agency…"), self.tr("Add an agency"))
        self.add_button.clicked.connect(lambda: self._open(self.add_dialog()))
        self.edit_button = button(self.tr("&Edit…"), self.tr("Edit the selected agency"))
        self.edit_button.clicked.connect(self._edit_selected)
        self.count = QLabel()
        self.count.setAccessibleName(self.tr("Number of agencies shown"))

        controls = QHBoxLayout()
        controls.addWidget(self.search, 1)
        controls.addStretch(1)
        controls.addWidget(self.add_button)
        controls.addWidget(self.edit_button)
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("Agencies")))
        layout.addWidget(paragraph(self.tr("The agencies your reviews work with. Each is kept once and reused by "
                                           "every case; the contact is who letters go to.")))
        layout.addLayout(controls)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count)
        self._update_buttons()

    # ---- the Page contract ---------------------------------------------------------------------------------

    def show_workspace(self, ws: UnlockedWorkspace) -> None:
        self._ws = ws
        editor = allows(ws.user.role, Permission.EDIT_CASES)
        self.add_button.setVisible(editor)
        self.edit_button.setVisible(editor)
        self.model.set_rows(list_agencies(ws))
        self._apply_search()

    def clear(self) -> None:
        """Close any open dialog and forget every name and contact shown, as when the workspace locks."""
        if self.dialog is not None:
            self.dialog.reject()
        self._ws = None
        self.model.set_rows([])
        self.search.clear()
        self.count.clear()
        self._update_buttons()

    # ---- dialogs: built by methods a test can call, opened without a modal loop ----------------------------

    def add_dialog(self) -> AgencyDialog:
        ws = self._workspace()
        return self._track(AgencyDialog(lambda name, kind, contact: add_agency(ws, name, kind, contact), None, self))

    def edit_dialog(self, agency: AgencyView) -> AgencyDialog:
        ws = self._workspace()

        def save(name: str, kind: AgencyType, contact: str) -> AgencyView:
            return update_agency(ws, agency.name, new_name=name, kind=kind, contact=contact)

        return self._track(AgencyDialog(save, agency, self))

    def selected_agency(self) -> AgencyView | None:
        agency = selected_row(self.table)
        return agency if isinstance(agency, AgencyView) else None

    # ---- helpers -------------------------------------------------------------------------------------------

    def _workspace(self) -> UnlockedWorkspace:
        if self._ws is None:
            raise RuntimeError("AgenciesPage: no workspace is shown")  # the buttons are disabled until one is
        return self._ws

    def _track(self, dialog: AgencyDialog) -> AgencyDialog:
        """Reload once the dialog saved, selecting what it saved; forget it when it closes."""
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._saved(dialog.saved))
        dialog.finished.connect(lambda _result: self._forget_dialog(dialog))
        self.dialog = dialog
        return dialog

    def _forget_dialog(self, dialog: QDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None

    def _open(self, dialog: AgencyDialog) -> None:
        dialog.open()  # window-modal without a nested event loop, so timers and the automatic lock go on

    def _saved(self, agency: AgencyView | None) -> None:
        if self._ws is None:
            return
        self.show_workspace(self._ws)
        self.changed.emit()
        if agency is not None:
            self._select(agency.id)

    def _select(self, agency_id: str) -> None:
        for row in range(self.proxy.rowCount()):
            index = self.proxy.index(row, 0)
            if index.data(ROW_ROLE).id == agency_id:
                self.table.selectionModel().setCurrentIndex(
                    index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
                self.table.scrollTo(index)
                return

    def _edit_selected(self) -> None:
        agency = self.selected_agency()
        if agency is not None and not self.edit_button.isHidden():
            self._open(self.edit_dialog(agency))

    def _edit_at(self, index: QModelIndex) -> None:
        self.table.selectRow(index.row())
        self._edit_selected()

    def _apply_search(self) -> None:
        self.proxy.setFilterFixedString(self.search.text().strip())
        self.count.setText(self.tr("{shown} of {total} agencies").format(shown=self.proxy.rowCount(),
                                                                          total=self.model.rowCount()))
        self._update_buttons()

    def _update_buttons(self) -> None:
        self.add_button.setEnabled(self._ws is not None)
        self.edit_button.setEnabled(self.selected_agency() is not None)
