"""The Cases screen: filters, search, order by next deadline, and the new case form by keyboard alone."""

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from dhr_manager.domain.cases import PersonRole, Stage, Status
from dhr_manager.domain.events import EventKind
from dhr_manager.services.cases import create_case, list_cases
from dhr_manager.services.people import add_person
from dhr_manager.services.workflow import record_event
from dhr_manager.settings import Settings
from dhr_manager.storage.workspace import UnlockedWorkspace
from dhr_manager.ui.pages.cases_page import CasesPage

TODAY = date(2026, 11, 22)


@pytest.fixture
def three_cases(unlocked: UnlockedWorkspace) -> UnlockedWorkspace:
    create_case(unlocked, "DHR-2026-003", "Southvale", date(2026, 11, 1), today=TODAY)
    create_case(unlocked, "DHR-2026-001", "Northshire", date(2026, 10, 1), today=TODAY)
    create_case(unlocked, "DHR-2026-002", "Northshire", date(2026, 11, 10), today=TODAY)
    add_person(unlocked, "DHR-2026-002", PersonRole.VICTIM, "Zebedee Quillfeather", "Adult Q")
    record_event(unlocked, "DHR-2026-003", EventKind.DECISION, date(2026, 11, 5),
                 {"outcome": "hold", "rationale": "Criteria met"}, today=TODAY)
    return unlocked


@pytest.fixture
def page(qtbot: QtBot, three_cases: UnlockedWorkspace, tmp_path) -> CasesPage:
    page = CasesPage(Settings(tmp_path / "settings.json"), today=TODAY)
    qtbot.addWidget(page)
    page.show_workspace(three_cases)
    page.resize(1100, 500)
    page.show()
    return page


def shown(page: CasesPage) -> list[str]:
    return [page.proxy.index(row, 0).data() for row in range(page.proxy.rowCount())]


def test_cases_are_sorted_by_next_deadline_and_lateness_is_in_words(page: CasesPage) -> None:
    # 001: decision due 1 Nov (overdue); 003: Home Office due 12 Nov (overdue); 002: decision due 10 Dec.
    assert shown(page) == ["DHR-2026-001", "DHR-2026-003", "DHR-2026-002"]
    when = [page.proxy.index(row, 7).data() for row in range(3)]
    assert when == ["21 days overdue", "10 days overdue", "due in 18 days"]
    assert page.count.text() == "3 of 3 cases"


def test_search_matches_reference_or_pseudonym(page: CasesPage) -> None:
    page.search.setText("adult q")
    assert shown(page) == ["DHR-2026-002"]
    page.search.setText("2026-00")
    assert len(shown(page)) == 3
    page.search.setText("nobody")
    assert shown(page) == [] and page.count.text() == "0 of 3 cases"


def test_filters_by_stage_status_and_area(page: CasesPage) -> None:
    page.area.setCurrentIndex(page.area.findData("Northshire"))
    assert sorted(shown(page)) == ["DHR-2026-001", "DHR-2026-002"]
    page.status.setCurrentIndex(page.status.findData(Status.PAUSED))
    assert shown(page) == []
    page.status.setCurrentIndex(0)
    page.stage.setCurrentIndex(page.stage.findData(Stage.NOTIFICATION))
    assert sorted(shown(page)) == ["DHR-2026-001", "DHR-2026-002"]


def test_enter_on_a_row_opens_the_case(qtbot: QtBot, page: CasesPage) -> None:
    page.table.setFocus()
    page.table.selectRow(2)
    with qtbot.waitSignal(page.open_case) as opened:
        qtbot.keyClick(page.table, Qt.Key.Key_Return)
    assert opened.args == ["DHR-2026-002"]


def test_a_case_is_created_with_the_keyboard_only(qtbot: QtBot, page: CasesPage,
                                                  three_cases: UnlockedWorkspace) -> None:
    page.hide()
    dialog = page.new_case_dialog()
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)  # activation is asynchronous
    assert QApplication.focusWidget() is dialog.reference
    qtbot.keyClicks(dialog.reference, "dhr-2026-050")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is dialog.area
    qtbot.keyClicks(QApplication.focusWidget(), "Eastmere")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is dialog.notified
    qtbot.keyClicks(dialog.notified, "03112026")
    assert dialog.notified.date().toString("yyyy-MM-dd") == "2026-11-03", dialog.error.text()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    assert dialog.result() == dialog.DialogCode.Accepted
    created = {c.reference: c for c in list_cases(three_cases)}["DHR-2026-050"]
    assert (created.area, created.notified) == ("Eastmere", date(2026, 11, 3))


def test_the_form_shows_a_problem_and_stays_open(qtbot: QtBot, page: CasesPage) -> None:
    dialog = page.new_case_dialog()
    qtbot.addWidget(dialog)
    dialog.reference.setText("DHR-2026-001")
    dialog.area.setCurrentText("Northshire")
    dialog.create_button.click()
    assert dialog.error.isVisibleTo(dialog) and "already a case DHR-2026-001" in dialog.error.text()
    assert dialog.created is None


def test_clear_forgets_every_case(page: CasesPage) -> None:
    page.clear()
    assert page.model.rowCount() == 0 and page.proxy.rowCount() == 0
    assert page.area.count() == 1  # only "All"
