"""What the case page shows to whom, and that clearing it (as locking does) leaves nothing decrypted behind."""

from datetime import date
from pathlib import Path

from PySide6.QtCore import QAbstractItemModel
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QTabBar,
    QTabWidget,
    QWidget,
)
from pytestqt.qtbot import QtBot

from dhr_manager.domain.cases import PersonRole, Stage
from dhr_manager.domain.events import EventKind
from dhr_manager.services.demo import build_demo
from dhr_manager.services.people import add_person
from dhr_manager.services.workflow import record_event
from dhr_manager.storage.workspace import UnlockedWorkspace, Workspace
from dhr_manager.ui.case.case_page import CasePage
from dhr_manager.ui.case.people_tab import AddPersonDialog
from tests.ui.case.conftest import REF, TODAY, open_page
from tests.ui.conftest import FAST_KDF


def shown_strings(root: QWidget) -> list[str]:
    """Every piece of text the page holds: widget texts, accessible names, tooltips, tab titles, model cells."""
    found: list[str] = []
    for widget in [root, *root.findChildren(QWidget)]:
        found += [widget.accessibleName(), widget.accessibleDescription(), widget.toolTip(), widget.windowTitle()]
        if isinstance(widget, QLabel | QLineEdit | QAbstractButton):
            found.append(widget.text())
        if isinstance(widget, QComboBox):
            found += [widget.currentText(), *(widget.itemText(i) for i in range(widget.count()))]
        if isinstance(widget, QTabWidget):
            found += [widget.tabText(i) for i in range(widget.count())]
    for model in root.findChildren(QAbstractItemModel):
        found += [str(model.index(row, col).data()) for row in range(model.rowCount())
                  for col in range(model.columnCount())]
    return found


def mentions(page: CasePage, text: str) -> bool:
    return any(text in shown for shown in shown_strings(page))


def test_a_chair_reads_the_case_without_people_or_any_editing_control(qtbot: QtBot, tmp_path: Path) -> None:
    today = date(2026, 11, 24)
    passphrase = build_demo(tmp_path / "demo.dhr", today, FAST_KDF)
    chair = Workspace.open(tmp_path / "demo.dhr").unlock("Demo Chair", passphrase)
    page = open_page(qtbot, chair, "DHR-DEMO-07", today)

    titles = [page.tabs.tabText(i) for i in range(page.tabs.count())]
    assert titles == ["Notification", "Panel", "Chronology", "Report", "Action plan", "Recommendations and actions",
                      "Deadlines", "Tasks"]
    assert page.pseudonym_label.text() == "Victim (pseudonym): Kim"
    assert not page.error.isVisible()
    for control in (page.advance_button, page.pause_button, page.resume_button, page.tasks_tab.done_button,
                    page.tasks_tab.skip_button):
        assert not control.isVisible()
    assert not page.advance_shortcut.isEnabled()
    for tab in page.stage_tabs.values():
        page.tabs.setCurrentWidget(tab)
        assert not tab.form.isVisible()
    assert page.stage_tabs[Stage.REPORT].events_model.rowCount() == 5  # the chair still reads what happened
    assert not mentions(page, "Nina Hypothetical") and not mentions(page, "Milo Fictive")
    chair.lock()
    chair.workspace.close()


def test_clearing_the_page_forgets_the_case_and_every_name(
        qtbot: QtBot, page: CasePage, case_ws: UnlockedWorkspace) -> None:
    add_person(case_ws, REF, PersonRole.VICTIM, "Zara Fictitious", "Adult A", today=TODAY)
    add_person(case_ws, REF, PersonRole.PERPETRATOR, "Yann Madeup", "Adult B", today=TODAY)
    record_event(case_ws, REF, EventKind.REFERRAL, date(2026, 1, 6), today=TODAY)
    page.show_workspace(case_ws)
    dialog = page.add_person_dialog()
    dialog.open()
    assert isinstance(dialog, AddPersonDialog)
    qtbot.keyClicks(dialog.name_edit, "Walt Pretend")
    secrets = [REF, "Northshire", "Adult A", "Adult B", "Zara Fictitious", "Yann Madeup", "Walt Pretend"]
    assert all(mentions(page, secret) for secret in secrets)  # the check below can see them

    page.clear()

    assert page.reference is None
    assert page.dialog is None
    assert [secret for secret in secrets if mentions(page, secret)] == []
    assert page.stepper.steps() == []
    assert page.tabs.count() == 0


def test_a_case_that_cannot_be_read_is_explained_in_place(qtbot: QtBot, case_ws: UnlockedWorkspace) -> None:
    page = open_page(qtbot, case_ws, "DHR-1999-999")
    assert page.error.isVisible()
    assert page.error.text() == "There is no case DHR-1999-999 that you can open."
    assert page.tabs.count() == 0
    assert not page.advance_button.isVisible()


def test_every_control_has_an_accessible_name(page: CasePage) -> None:
    controls = (QAbstractButton, QComboBox, QLineEdit, QAbstractSpinBox, QAbstractItemView, QTabWidget)
    inner = (QComboBox, QAbstractSpinBox, QAbstractItemView, QTabBar)  # parts Qt builds inside a control

    def built_by_qt(widget: QWidget) -> bool:
        parent = widget.parentWidget()
        while parent is not None and parent is not page:
            if isinstance(parent, inner) or type(parent).__name__ == "QComboBoxPrivateContainer":
                return True
            parent = parent.parentWidget()
        return False

    unnamed = [f"{type(w).__name__} {getattr(w, 'text', lambda: '')()}" for w in page.findChildren(QWidget)
               if isinstance(w, controls) and not built_by_qt(w) and not w.accessibleName()]
    assert unnamed == []
