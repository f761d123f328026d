"""The dashboard over the demo workspace: counts per stage, what is overdue or due this week, the timeline."""

from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QAbstractItemView, QLabel, QPlainTextEdit, QWidget
from pytestqt.qtbot import QtBot

from dhr_manager.domain.calendar import add_months
from dhr_manager.services.overview import case_overviews
from dhr_manager.storage.workspace import UnlockedWorkspace
from dhr_manager.ui.models.row_model import ROW_ROLE
from dhr_manager.ui.pages.dashboard import DashboardPage

# The demo's dates are relative to the day it is built, so the same day is used for building and for counting.
TODAY = date.today()
HEADERS = ["Case", "Victim (pseudonym)", "Deadline", "Due", "Days", "Status"]
CASE, DEADLINE, DAYS, STATUS = 0, 2, 4, 5


@pytest.fixture(scope="module")
def demo(demo_workspace: UnlockedWorkspace) -> UnlockedWorkspace:
    return demo_workspace


@pytest.fixture
def page(qtbot: QtBot, demo: UnlockedWorkspace) -> DashboardPage:
    page = DashboardPage(today=TODAY)
    qtbot.addWidget(page)
    page.resize(1000, 700)
    with qtbot.waitSignal(page.loaded):
        page.show_workspace(demo)
    page.show()
    qtbot.waitExposed(page)
    return page


def table_rows(page: DashboardPage) -> list[list[str]]:
    model = page.table.model()
    return [[model.index(row, column).data() for column in range(model.columnCount())]
            for row in range(model.rowCount())]


def test_counts_show_live_cases_per_stage_then_paused_and_closed(page: DashboardPage) -> None:
    assert [label.text() for label in page.count_labels] == [
        "Notification 2", "Panel 1", "Chronology 2", "Report 1", "Action plan 1", "Paused 1", "Closed 1"]
    assert page.as_of.text() == f"As of {TODAY:%a} {TODAY.day} {TODAY:%b %Y}"


def test_the_table_lists_overdue_deadlines_first_then_those_paused_with_their_case(page: DashboardPage) -> None:
    model = page.table.model()
    assert [model.headerData(column, Qt.Orientation.Horizontal) for column in range(model.columnCount())] == HEADERS
    assert [(row[CASE], row[DEADLINE], row[STATUS]) for row in table_rows(page)] == [
        ("DHR-DEMO-05", "Chronology and report due from the agency — Harbour Housing", "Overdue"),
        ("DHR-DEMO-05", "Chronology and report due from the agency — Safe Haven Domestic Abuse Service", "Overdue"),
        ("DHR-DEMO-02", "Decision on whether to hold a review", "Overdue"),
        ("DHR-DEMO-04", "First panel meeting", "Overdue"),
        ("DHR-DEMO-06", "Chronology and report due from the agency — Adult Social Care", "Paused"),
        ("DHR-DEMO-06", "Chronology and report due from the agency — Harbour Housing", "Paused"),
        ("DHR-DEMO-06", "Chronology and report due from the agency — Probation Service", "Paused"),
        ("DHR-DEMO-06", "Chronology and report due from the agency — Safe Haven Domestic Abuse Service", "Paused"),
    ]
    paused_days = {row[DAYS] for row in table_rows(page) if row[STATUS] == "Paused"}
    assert paused_days == {"clock paused"}  # a stopped clock is not counted as late


def test_the_undecided_referral_says_in_words_how_many_days_overdue_it_is(page: DashboardPage) -> None:
    due = add_months(TODAY - timedelta(days=45), 1)  # the demo's referral came 45 days ago; a month to decide
    decision = next(row for row in table_rows(page) if row[CASE] == "DHR-DEMO-02")
    due_text = f"{due:%a} {due.day} {due:%b %Y}"
    assert decision == ["DHR-DEMO-02", "Amber", "Decision on whether to hold a review", due_text,
                        f"{(TODAY - due).days} days overdue", "Overdue"]


def test_rows_are_overdue_first_then_by_due_date(page: DashboardPage) -> None:
    model = page.table.model()
    rows = [model.index(row, 0).data(ROW_ROLE) for row in range(model.rowCount())]
    overdue = [row.deadline.status == "overdue" for row in rows]
    assert overdue == sorted(overdue, reverse=True)
    for group in (True, False):
        dues = [row.deadline.due for row, late in zip(rows, overdue, strict=True) if late is group]
        assert dues == sorted(dues)
    assert all(row.deadline.due <= TODAY for row, late in zip(rows, overdue, strict=True) if late)


def test_nothing_met_closed_or_beyond_a_week_is_in_the_table(page: DashboardPage) -> None:
    shown = {row[CASE] for row in table_rows(page)}
    assert "DHR-DEMO-03" not in shown  # not proceeding
    assert "DHR-DEMO-01" not in shown  # its decision is due in more than a week
    assert all((model_row.deadline.due - TODAY).days <= 7 for model_row in page.model.rows())
    assert all(model_row.deadline.status != "met" for model_row in page.model.rows())


def test_double_click_opens_the_case_of_that_row(qtbot: QtBot, page: DashboardPage) -> None:
    opened: list[str] = []
    page.open_case.connect(opened.append)
    where = page.table.visualRect(page.table.model().index(2, 0)).center()
    with qtbot.waitSignal(page.open_case, timeout=1000) as blocker:
        # A real double-click is a click then a double-click event; QTest's mouseDClick sends only the second.
        qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=where)
        qtbot.mouseDClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=where)
    assert blocker.args == ["DHR-DEMO-02"]
    assert opened == ["DHR-DEMO-02"]


def test_enter_opens_the_case_of_the_current_row(qtbot: QtBot, page: DashboardPage) -> None:
    page.table.setFocus()
    page.table.setCurrentIndex(page.table.model().index(3, 1))
    with qtbot.waitSignal(page.open_case, timeout=1000) as blocker:
        qtbot.keyClick(page.table, Qt.Key.Key_Return)
    assert blocker.args == ["DHR-DEMO-04"]


def test_the_timeline_can_be_read_as_text(qtbot: QtBot, page: DashboardPage) -> None:
    assert page.timeline_scroll.isVisible() and not page.timeline_text.isVisible()
    qtbot.mouseClick(page.show_as_text, Qt.MouseButton.LeftButton)
    assert page.timeline_text.isVisible() and not page.timeline_scroll.isVisible()
    text = page.timeline_text.toPlainText()
    assert text == page.timeline.text_equivalent() == page.timeline.accessibleDescription()
    assert len(text.splitlines()) == 7


def every_visible_string(page: DashboardPage) -> list[str]:
    """Everything the page could show or read out: texts, names, tooltips, model cells, the timeline's words."""
    found: list[str] = [page.timeline.text_equivalent()]
    for widget in [page, *page.findChildren(QWidget)]:
        found += [widget.accessibleName(), widget.accessibleDescription(), widget.toolTip()]
        if isinstance(widget, QLabel | QAbstractButton):
            found.append(widget.text())
        if isinstance(widget, QPlainTextEdit):
            found.append(widget.toPlainText())
        if isinstance(widget, QAbstractItemView) and widget.model() is not None:
            model = widget.model()
            found += [str(model.index(row, column).data())
                      for row in range(model.rowCount()) for column in range(model.columnCount())]
    return found


def test_clear_leaves_no_case_reference_or_pseudonym_anywhere(page: DashboardPage, demo: UnlockedWorkspace) -> None:
    secrets = [o.reference for o in case_overviews(demo, TODAY)] + [
        o.victim_pseudonym for o in case_overviews(demo, TODAY) if o.victim_pseudonym]
    assert any("DHR-DEMO-05" in text for text in every_visible_string(page))

    page.clear()

    leaks = [text for text in every_visible_string(page) if any(secret in text for secret in secrets)]
    assert leaks == []
    assert page.model.rowCount() == 0
    assert page.timeline.text_equivalent() == ""
    assert [label.text() for label in page.count_labels][:2] == ["Notification", "Panel"]


def test_an_empty_workspace_says_nothing_is_due_and_there_are_no_live_cases(
        qtbot: QtBot, unlocked: UnlockedWorkspace) -> None:
    page = DashboardPage(today=TODAY)
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.loaded):
        page.show_workspace(unlocked)
    page.show()
    assert page.nothing_due.isVisible()
    assert page.nothing_due.text() == "Nothing is overdue or due in the next 7 days."
    assert page.timeline_text.toPlainText() == "No live cases."
    assert [label.text() for label in page.count_labels] == [
        "Notification 0", "Panel 0", "Chronology 0", "Report 0", "Action plan 0", "Paused 0", "Closed 0"]
