"""The Agencies screen (the register: list, search, add, edit, who sees it, locking) and the register's names
offered wherever a case's agency is typed."""

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from dhr_manager.domain.agencies import AgencyType
from dhr_manager.domain.cases import Stage
from dhr_manager.domain.events import EventKind
from dhr_manager.domain.roles import Role
from dhr_manager.services.agencies import add_agency, list_agencies
from dhr_manager.services.audit_log import list_audit
from dhr_manager.services.cases import create_case
from dhr_manager.services.users import add_user
from dhr_manager.services.workflow import record_event, workflow
from dhr_manager.settings import Settings
from dhr_manager.storage.workspace import UnlockedWorkspace
from dhr_manager.ui.case.case_page import CasePage
from dhr_manager.ui.main_window import MainWindow
from dhr_manager.ui.pages.agencies_page import AgenciesPage, AgencyDialog
from tests.conftest import ADMIN, PASSPHRASE
from tests.ui.case.conftest import NOTIFIED, REF, TODAY, cells, choose, open_page

POLICE = ("Northshire Police", AgencyType.POLICE, "DI Example Officer, Public Protection Unit")
HOUSING = ("Harbour Housing", AgencyType.HOUSING, "Tenancy Services Manager (fictional)")
CARE = ("Adult Social Care", AgencyType.ADULT_SOCIAL_CARE, "Principal Social Worker (fictional)")
CHAIR_PASSPHRASE = "chair passphrase for tests"


@pytest.fixture
def registered(unlocked: UnlockedWorkspace) -> UnlockedWorkspace:
    """Ada Admin's workspace with three fictional agencies in the register."""
    for name, kind, contact in (POLICE, HOUSING, CARE):
        add_agency(unlocked, name, kind, contact)
    return unlocked


def make_page(qtbot: QtBot, ws: UnlockedWorkspace) -> AgenciesPage:
    page = AgenciesPage()
    qtbot.addWidget(page)
    page.show_workspace(ws)
    page.resize(900, 600)
    page.show()
    qtbot.waitExposed(page)
    return page


def shown_dialog(qtbot: QtBot, page: AgenciesPage) -> AgencyDialog:
    """The dialog the last button opened, once it has the keyboard (offscreen activation is not immediate)."""
    dialog = page.dialog
    assert dialog is not None and dialog.isVisible()
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    return dialog


def names(page: AgenciesPage) -> list[str]:
    return [row[0] for row in cells(page.table.model())]


def test_the_demo_register_is_listed_with_types_and_contacts(qtbot: QtBot,
                                                             demo_workspace: UnlockedWorkspace) -> None:
    page = make_page(qtbot, demo_workspace)
    assert cells(page.table.model()) == [
        ["Adult Social Care", "Adult social care", "Principal Social Worker (fictional)"],
        ["Harbour Housing", "Housing", "Tenancy Services Manager (fictional)"],
        ["Northshire ICB", "Health", "Named Nurse for Safeguarding Adults (fictional)"],
        ["Northshire Police", "Police", "DI Example Officer, Public Protection Unit"],
        ["Probation Service", "Probation", "Head of Public Protection (fictional)"],
        ["Safe Haven Domestic Abuse Service", "Domestic abuse service", "Service Manager (fictional)"],
    ]
    assert page.count.text() == "6 of 6 agencies"
    assert page.add_button.isVisible() and page.edit_button.isVisible()
    assert not page.edit_button.isEnabled()  # nothing selected yet


def test_the_search_filters_by_name_whatever_the_capitals(qtbot: QtBot, demo_workspace: UnlockedWorkspace) -> None:
    page = make_page(qtbot, demo_workspace)
    qtbot.keyClicks(page.search, "northshire")
    assert names(page) == ["Northshire ICB", "Northshire Police"]
    assert page.count.text() == "2 of 6 agencies"
    page.search.setText("fictional")  # a contact, not a name: the search is by name only
    assert names(page) == []
    page.search.clear()
    assert len(names(page)) == 6


def test_adding_an_agency_through_the_dialog_lists_and_registers_it(qtbot: QtBot,
                                                                    registered: UnlockedWorkspace) -> None:
    page = make_page(qtbot, registered)
    with qtbot.waitSignal(page.changed):
        qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
        dialog = shown_dialog(qtbot, page)
        assert [dialog.type_combo.itemText(i) for i in range(dialog.type_combo.count())] == [
            "Police", "Health", "Mental health", "Ambulance", "Adult social care", "Children's social care",
            "Probation", "Housing", "Domestic abuse service", "Substance misuse", "Education", "Other"]
        qtbot.keyClicks(dialog.name_edit, "Eastmere Womens Aid")
        choose(dialog.type_combo, AgencyType.DOMESTIC_ABUSE_SERVICE)
        qtbot.keyClicks(dialog.contact_edit, "Service Manager (fictional)")
        qtbot.keyClick(dialog.contact_edit, Qt.Key.Key_Return)  # Enter saves
    assert page.dialog is None
    assert ["Eastmere Womens Aid", "Domestic abuse service", "Service Manager (fictional)"] in cells(
        page.table.model())
    assert page.selected_agency() is not None and page.selected_agency().name == "Eastmere Womens Aid"
    added = next(a for a in list_agencies(registered) if a.name == "Eastmere Womens Aid")
    assert (added.kind, added.contact) == (AgencyType.DOMESTIC_ABUSE_SERVICE, "Service Manager (fictional)")


def test_a_name_already_registered_is_explained_in_the_dialog_and_nothing_is_written(
        qtbot: QtBot, registered: UnlockedWorkspace) -> None:
    page = make_page(qtbot, registered)
    audit_before = len(list_audit(registered))
    page.add_button.click()
    dialog = shown_dialog(qtbot, page)
    qtbot.keyClicks(dialog.name_edit, "northshire  POLICE")
    with qtbot.assertNotEmitted(page.changed):
        qtbot.keyClick(dialog.name_edit, Qt.Key.Key_Return)
    assert dialog.isVisible() and page.dialog is dialog
    assert dialog.error.isVisible()
    assert dialog.error.text() == "Northshire Police is already in the register."
    assert dialog.name_edit.text() == "northshire  POLICE"  # kept, so the user can correct it
    assert len(list_agencies(registered)) == 3 and len(list_audit(registered)) == audit_before
    with qtbot.waitSignal(dialog.rejected):
        qtbot.keyClick(dialog.name_edit, Qt.Key.Key_Escape)  # Escape cancels
    assert page.dialog is None
    assert len(names(page)) == 3


def test_editing_an_agency_changes_its_contact_and_says_what_renaming_does(
        qtbot: QtBot, registered: UnlockedWorkspace) -> None:
    page = make_page(qtbot, registered)
    row = names(page).index("Harbour Housing")
    index = page.table.model().index(row, 0)
    where = page.table.visualRect(index).center()
    # A real double-click starts with a click; QTest's double-click alone is not taken as one by item views.
    qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=where)
    qtbot.mouseDClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=where)
    dialog = shown_dialog(qtbot, page)
    assert "what cases have already recorded keeps the name it had then" in dialog.explanation.text()
    assert (dialog.name_edit.text(), dialog.kind(), dialog.contact_edit.text()) == HOUSING
    dialog.contact_edit.setText("Housing Options Lead (fictional)")
    with qtbot.waitSignal(page.changed):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert ["Harbour Housing", "Housing", "Housing Options Lead (fictional)"] in cells(page.table.model())
    housing = next(a for a in list_agencies(registered) if a.name == "Harbour Housing")
    assert housing.contact == "Housing Options Lead (fictional)"

    page.table.selectRow(names(page).index("Harbour Housing"))
    page.edit_button.click()
    dialog = shown_dialog(qtbot, page)
    dialog.contact_edit.clear()  # an empty contact removes it
    qtbot.keyClick(dialog.contact_edit, Qt.Key.Key_Return)
    assert ["Harbour Housing", "Housing", ""] in cells(page.table.model())
    assert next(a for a in list_agencies(registered) if a.name == "Harbour Housing").contact is None


def test_a_chair_does_not_see_the_agencies_screen(qtbot: QtBot, registered: UnlockedWorkspace,
                                                  tmp_path: Path) -> None:
    add_user(registered, "Chris Chair", Role.CHAIR, CHAIR_PASSPHRASE)
    chair = registered.workspace.unlock("Chris Chair", CHAIR_PASSPHRASE)
    window = MainWindow(chair, Settings(tmp_path / "settings.json"))
    qtbot.addWidget(window)
    row = list(window.views).index("agencies")
    assert window.navigation.item(row).isHidden() and not window.view_actions["agencies"].isEnabled()
    assert window.navigation.item(row).text() == "Agencies"
    assert window.agencies.model.rowCount() == 0
    window.close()


def test_locking_clears_the_agencies_screen_and_unlocking_brings_it_back(
        qtbot: QtBot, registered: UnlockedWorkspace, tmp_path: Path) -> None:
    window = MainWindow(registered, Settings(tmp_path / "settings.json"))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert not window.navigation.item(list(window.views).index("agencies")).isHidden()
    window.show_view("agencies")
    page = window.agencies
    page.search.setText("Harbour")
    page.table.selectRow(0)
    page.edit_button.click()
    assert page.dialog is not None
    window.lock()
    assert page.model.rowCount() == 0 and page.dialog is None
    assert page.search.text() == "" and page.count.text() == ""
    assert not page.edit_button.isEnabled()

    window.set_workspace(registered.workspace.unlock(ADMIN, PASSPHRASE))
    assert window.view_actions["agencies"].isEnabled() and window.view_actions["dashboard"].isEnabled()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.keyClick(window, Qt.Key.Key_5, Qt.KeyboardModifier.ControlModifier)
    assert window.current_page() is page and page.model.rowCount() == 3
    window.close()


# ---- the register's names where a case's agency is typed ---------------------------------------------------

@pytest.fixture
def case_with_register(registered: UnlockedWorkspace) -> UnlockedWorkspace:
    """One case at notification with the police already in scope (typed in other capitals)."""
    create_case(registered, REF, "Northshire", NOTIFIED, today=TODAY)
    record_event(registered, REF, EventKind.AGENCY_SCOPED, date(2026, 1, 12), {"agency": "northshire police"},
                 today=TODAY)
    return registered


def offered(combo_owner: object) -> list[str]:
    combo = combo_owner.agency_combo  # type: ignore[attr-defined]
    return [combo.itemText(i) for i in range(combo.count())]


def test_the_event_form_offers_the_case_agencies_then_the_rest_of_the_register(
        qtbot: QtBot, case_with_register: UnlockedWorkspace) -> None:
    page = open_page(qtbot, case_with_register)
    panel = page.stage_tabs[Stage.PANEL]
    page.tabs.setCurrentWidget(panel)
    form = panel.form
    choose(form.kind_combo, EventKind.AGENCY_REQUEST)
    assert offered(form) == ["Northshire Police", "Adult Social Care", "Harbour Housing"]
    assert form.agency_combo.currentText() == ""  # nothing chosen for the user

    qtbot.keyClicks(form.agency_combo.lineEdit(), "Westford Recovery Service")  # a new name can still be typed
    with qtbot.waitSignal(page.changed):
        qtbot.mouseClick(form.record_button, Qt.MouseButton.LeftButton)
    assert not form.error.isVisible(), form.error.text()
    assert [a.name for a in workflow(case_with_register, REF, TODAY).agencies] == [
        "Northshire Police", "Westford Recovery Service"]
    assert "Westford Recovery Service" in [a.name for a in list_agencies(case_with_register)]
    choose(form.kind_combo, EventKind.AGENCY_REQUEST)
    assert offered(form) == ["Northshire Police", "Westford Recovery Service", "Adult Social Care",
                             "Harbour Housing"]


def test_the_import_dialog_offers_the_case_agencies_then_the_register(
        qtbot: QtBot, case_with_register: UnlockedWorkspace) -> None:
    page = open_page(qtbot, case_with_register)
    dialog = page.import_dialog()
    qtbot.addWidget(dialog)
    assert offered(dialog) == ["Northshire Police", "Adult Social Care", "Harbour Housing"]
    assert dialog.agency_combo.currentText() == ""
    dialog.reject()


def test_a_page_cleared_offers_no_agency_names(qtbot: QtBot, case_with_register: UnlockedWorkspace) -> None:
    page: CasePage = open_page(qtbot, case_with_register)
    page.clear()
    assert all(offered(tab.form) == [] for tab in page.stage_tabs.values())
    page.set_reference(REF)
    page.show_workspace(case_with_register)
    assert offered(page.stage_tabs[Stage.CHRONOLOGY].form) == ["Northshire Police", "Adult Social Care",
                                                               "Harbour Housing"]
