"""The Action plans screen: every open action across the cases, filtered by lead agency and RAG; the dashboard's
overdue-actions line leads to it, and double-clicking an action opens its case on the action plan."""

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from dhr_manager.domain.actions import Rag
from dhr_manager.services.actions import add_action, add_recommendation, update_action
from dhr_manager.services.cases import create_case
from dhr_manager.settings import Settings
from dhr_manager.storage.workspace import UnlockedWorkspace
from dhr_manager.ui.main_window import MainWindow
from dhr_manager.ui.pages.action_plans_page import ActionPlansPage
from tests.ui.case.conftest import cells, choose, column

TODAY = date(2026, 6, 1)
HEADERS = ["Case", "No.", "Action", "Lead agency", "Target", "Status"]


@pytest.fixture
def plans(unlocked: UnlockedWorkspace) -> UnlockedWorkspace:
    """Two cases: red, amber and green actions for two agencies (one typed two ways), and a completed one."""
    for ref in ("DHR-2026-001", "DHR-2026-002"):
        create_case(unlocked, ref, "Northshire", date(2026, 1, 5), today=TODAY)
        add_recommendation(unlocked, ref, "Agencies to share what they learnt from the review", "local")
    added = date(2026, 3, 1)
    add_action(unlocked, "DHR-2026-001", 1, "Train officers", "Northshire Police", target=date(2026, 5, 1),
               today=added)
    add_action(unlocked, "DHR-2026-001", 1, "Update the GP template", "Northshire ICB", target=date(2026, 6, 20),
               today=added)
    add_action(unlocked, "DHR-2026-002", 1, "Audit calls", "northshire police", target=date(2026, 12, 1),
               today=added)
    done = add_action(unlocked, "DHR-2026-002", 1, "Brief leaders", "Northshire ICB", target=date(2026, 4, 1),
                      today=added)
    update_action(unlocked, done.id, completed_on=date(2026, 4, 1), outcome="Briefed", today=TODAY)
    return unlocked


@pytest.fixture
def page(qtbot: QtBot, plans: UnlockedWorkspace) -> ActionPlansPage:
    page = ActionPlansPage(today=TODAY)
    qtbot.addWidget(page)
    page.show_workspace(plans)
    page.resize(1000, 600)
    page.show()
    return page


def test_every_open_action_is_listed_worst_first_with_its_rag_in_words(page: ActionPlansPage) -> None:
    model = page.table.model()
    assert [model.headerData(i, Qt.Orientation.Horizontal) for i in range(model.columnCount())] == HEADERS
    assert cells(model) == [
        ["DHR-2026-001", "1.1", "Train officers", "Northshire Police", "Fri 1 May 2026",
         "Red \u2013 overdue by 31 days"],
        ["DHR-2026-001", "1.2", "Update the GP template", "Northshire ICB", "Sat 20 Jun 2026",
         "Amber \u2013 due in 19 days"],
        ["DHR-2026-002", "1.1", "Audit calls", "Northshire Police", "Tue 1 Dec 2026", "Green \u2013 on track"],
    ]  # the completed action is not open
    assert page.summary.text() == "3 open actions, 1 red (overdue)"


def test_filtering_by_agency_and_by_rag(page: ActionPlansPage) -> None:
    agencies = [page.agency_combo.itemText(i) for i in range(page.agency_combo.count())]
    assert agencies == ["All", "Northshire ICB", "Northshire Police"]  # one entry per agency, named as in the register
    page.agency_combo.setCurrentText("Northshire Police")
    assert column(page.table.model(), "Action") == ["Train officers", "Audit calls"]
    assert page.summary.text() == "2 open actions, 1 red (overdue) \u2014 3 open in all"

    choose(page.rag_combo, Rag.GREEN.value)
    assert column(page.table.model(), "Action") == ["Audit calls"]
    page.agency_combo.setCurrentIndex(0)
    choose(page.rag_combo, Rag.AMBER.value)
    assert column(page.table.model(), "Action") == ["Update the GP template"]
    assert page.summary.text() == "1 open action, 0 red (overdue) \u2014 3 open in all"


def test_locking_clears_the_screen(page: ActionPlansPage) -> None:
    page.clear()
    assert page.table.model().rowCount() == 0 and page.summary.text() == "" and page.agency_combo.count() == 0


@pytest.fixture
def window(qtbot: QtBot, plans: UnlockedWorkspace, tmp_path: Path) -> MainWindow:
    window = MainWindow(plans, Settings(tmp_path / "settings.json"), today=TODAY)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_the_dashboard_leads_to_the_overdue_actions_and_an_action_to_its_case(
        qtbot: QtBot, window: MainWindow) -> None:
    assert window.views["actions"][0] == "Action plans"
    assert list(window.views)[3] == "actions" and window.view_actions["actions"].shortcut().toString() == "Ctrl+4"
    dashboard = window.dashboard
    window.show_view("dashboard")
    qtbot.waitUntil(lambda: not dashboard.loading)
    assert dashboard.overdue_actions_button.isVisible()
    assert dashboard.overdue_actions_button.text() == "1 action overdue \u2014 show it"
    assert "DHR-2026-001 action 1.1 (Northshire Police)" in dashboard.overdue_actions_button.toolTip()

    qtbot.mouseClick(dashboard.overdue_actions_button, Qt.MouseButton.LeftButton)
    assert window.current_page() is window.action_plans
    assert window.action_plans.rag_combo.currentData() == Rag.RED.value
    assert column(window.action_plans.table.model(), "Action") == ["Train officers"]

    window.action_plans.open_action_plan.emit("DHR-2026-001")  # what double-clicking the row does
    assert window.current_page() is window.case_page
    assert window.case_page.tabs.currentWidget() is window.case_page.action_plan_tab
