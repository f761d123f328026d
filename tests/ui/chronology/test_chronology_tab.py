"""The combined chronology tab: merged order, approximate dates marked, outside scope greyed, filters."""

from datetime import date, time

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush
from pytestqt.qtbot import QtBot

from dhr_manager.domain.chronology import ChronologyEntry
from dhr_manager.domain.chronology_dates import ChronologyDate, Precision
from dhr_manager.services.chronology import ChronologyView, list_chronology, set_key_event
from dhr_manager.storage.workspace import UnlockedWorkspace
from dhr_manager.ui.chronology.chronology_tab import ChronologyTab
from tests.ui.case.conftest import column
from tests.ui.chronology.conftest import GP, POLICE, REF


def make_tab(qtbot: QtBot, view: ChronologyView, editable: bool = True) -> ChronologyTab:
    tab = ChronologyTab()
    qtbot.addWidget(tab)
    tab.show_chronology(view, editable)
    tab.resize(1100, 700)
    tab.show()
    qtbot.waitExposed(tab)
    return tab


def test_entries_show_in_merged_order_with_approximate_dates_marked(qtbot: QtBot, imported: UnlockedWorkspace) -> None:
    tab = make_tab(qtbot, list_chronology(imported, REF))
    model = tab.table.model()
    assert column(model, "Date") == ["c. 2018 (approx.)", "March 2021 (approx.)", "14 Mar 2021", "2 Jun 2021",
                                     "2 Jun 2021", "10 Jan 2022"]
    assert column(model, "Agency") == [POLICE, POLICE, POLICE, GP, POLICE, GP]
    assert column(model, "Time")[2] == "22:40"


def test_outside_scope_is_greyed_and_kept_and_duplicates_are_flagged_in_words(
        qtbot: QtBot, imported: UnlockedWorkspace) -> None:
    tab = make_tab(qtbot, list_chronology(imported, REF))
    model = tab.table.model()
    flags = column(model, "Flags")
    assert flags[0] == "outside scope"  # c. 2018, before the scoping period starts in 2019
    assert flags[3] == flags[4] == "likely duplicate"
    assert flags[2] == flags[5] == ""
    grey = model.index(0, 4).data(Qt.ItemDataRole.ForegroundRole)
    assert isinstance(grey, QBrush)
    assert model.index(2, 4).data(Qt.ItemDataRole.ForegroundRole) is None


def test_the_agency_and_key_event_filters(qtbot: QtBot, imported: UnlockedWorkspace) -> None:
    first_gp = next(e for e in list_chronology(imported, REF).entries if e.agency == GP)
    set_key_event(imported, first_gp.id, True)
    tab = make_tab(qtbot, list_chronology(imported, REF))
    assert tab.agencies() == [GP, POLICE]
    tab.agency_combo.setCurrentIndex(tab.agency_combo.findData(GP))
    assert column(tab.table.model(), "Agency") == [GP, GP]
    tab.agency_combo.setCurrentIndex(0)
    assert tab.table.model().rowCount() == 6
    tab.key_only.setChecked(True)
    assert [e.id for e in tab.shown_entries()] == [first_gp.id]
    assert column(tab.table.model(), "Flags") == ["likely duplicate, key event"]
    assert tab.summary.text() == "1 of 6 entries"


def test_the_import_button_is_for_editors_and_asks_for_the_dialog(qtbot: QtBot, imported: UnlockedWorkspace) -> None:
    tab = make_tab(qtbot, list_chronology(imported, REF), editable=False)
    assert not tab.import_button.isVisible()
    tab.show_chronology(list_chronology(imported, REF), editable=True)
    assert tab.import_button.isVisible()
    with qtbot.waitSignal(tab.import_requested):
        tab.import_button.click()
    tab.clear()
    assert tab.table.model().rowCount() == 0 and tab.agencies() == []


def test_five_thousand_entries_fill_the_tab(qtbot: QtBot) -> None:
    entries = []
    for i in range(5000):
        day = date(2015 + i % 10, 1 + i % 12, 1 + i % 28)
        when = ChronologyDate(day, day, Precision.DAY) if i % 7 else \
            ChronologyDate(day.replace(day=1), day.replace(day=28), Precision.MONTH)
        entries.append(ChronologyEntry(f"e{i}", f"Agency {i % 9}", when, time(9, 30) if i % 3 else None,
                                       f"REF {i}", f"Fictional event number {i}", "Noted", "", i % 50 == 0, i))
    view = ChronologyView(entries, outside={f"e{i}" for i in range(0, 5000, 11)}, scope=None)
    tab = make_tab(qtbot, view)
    assert tab.table.model().rowCount() == 5000
    tab.key_only.setChecked(True)
    assert tab.table.model().rowCount() == 100
    tab.key_only.setChecked(False)
    tab.table.sortByColumn(2, Qt.SortOrder.AscendingOrder)
    assert tab.table.model().index(0, 2).data() == "Agency 0"
    tab.swimlane.set_pixels_per_day(0.5)
    qtbot.wait(10)
