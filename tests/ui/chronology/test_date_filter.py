"""The combined chronology's From and To filter: entries whose dates overlap the range stay, approximate ones
included when any part of their range falls inside; Clear filters shows everything again."""

from datetime import date

from pytestqt.qtbot import QtBot

from dhr_manager.services.chronology import list_chronology
from dhr_manager.storage.workspace import UnlockedWorkspace
from dhr_manager.ui.chronology.chronology_tab import ChronologyTab
from dhr_manager.ui.fields import to_qdate
from tests.ui.case.conftest import column
from tests.ui.chronology.conftest import GP, POLICE, REF

ALL_DATES = ["c. 2018 (approx.)", "March 2021 (approx.)", "14 Mar 2021", "2 Jun 2021", "2 Jun 2021", "10 Jan 2022"]


def make_tab(qtbot: QtBot, ws: UnlockedWorkspace) -> ChronologyTab:
    tab = ChronologyTab()
    qtbot.addWidget(tab)
    tab.show_chronology(list_chronology(ws, REF), editable=True)
    tab.resize(1100, 700)
    tab.show()
    qtbot.waitExposed(tab)
    return tab


def dates(tab: ChronologyTab) -> list[str]:
    return column(tab.table.model(), "Date")


def limit(tab: ChronologyTab, start: date | None = None, end: date | None = None) -> None:
    """Tick and set From and To as a user would; None leaves that side unticked."""
    for check, edit, day in ((tab.from_check, tab.from_edit, start), (tab.to_check, tab.to_edit, end)):
        check.setChecked(day is not None)
        if day is not None:
            edit.setDate(to_qdate(day))


def test_unticked_limits_show_everything_and_wait_at_the_chronology_ends(
        qtbot: QtBot, imported: UnlockedWorkspace) -> None:
    tab = make_tab(qtbot, imported)
    assert dates(tab) == ALL_DATES
    assert not tab.from_edit.isEnabled() and not tab.to_edit.isEnabled()
    assert tab.from_edit.date() == to_qdate(date(2018, 1, 1))  # where "c. 2018" starts
    assert tab.to_edit.date() == to_qdate(date(2022, 1, 10))
    tab.from_check.setChecked(True)
    assert tab.from_edit.isEnabled() and dates(tab) == ALL_DATES


def test_from_and_to_keep_the_entries_overlapping_the_range(qtbot: QtBot, imported: UnlockedWorkspace) -> None:
    tab = make_tab(qtbot, imported)
    limit(tab, date(2021, 3, 20), date(2021, 6, 2))
    # "March 2021" runs to the 31st, so it overlaps; 14 March 2021 is before the range and goes.
    assert dates(tab) == ["March 2021 (approx.)", "2 Jun 2021", "2 Jun 2021"]
    assert column(tab.table.model(), "Agency") == [POLICE, GP, POLICE]
    assert tab.summary.text() == "3 of 6 entries"
    assert len(tab.swimlane.marks()) == 3  # the picture shows what the table shows

    limit(tab, start=date(2021, 3, 20))  # no end
    assert dates(tab) == ["March 2021 (approx.)", "2 Jun 2021", "2 Jun 2021", "10 Jan 2022"]
    limit(tab, end=date(2018, 6, 30))  # no start: "c. 2018" starts on 1 January 2018
    assert dates(tab) == ["c. 2018 (approx.)"]
    limit(tab, date(2021, 6, 3), date(2022, 1, 9))
    assert dates(tab) == [] and tab.summary.text() == "0 of 6 entries"


def test_clear_filters_shows_every_entry_again(qtbot: QtBot, imported: UnlockedWorkspace) -> None:
    tab = make_tab(qtbot, imported)
    tab.agency_combo.setCurrentIndex(tab.agency_combo.findData(POLICE))
    limit(tab, date(2021, 3, 20), date(2021, 6, 2))
    assert dates(tab) == ["March 2021 (approx.)", "2 Jun 2021"]
    tab.key_only.setChecked(True)
    assert dates(tab) == []
    tab.clear_button.click()
    assert dates(tab) == ALL_DATES and tab.summary.text() == "6 of 6 entries"
    assert tab.agency_combo.currentIndex() == 0 and not tab.key_only.isChecked()
    assert not tab.from_check.isChecked() and not tab.to_check.isChecked() and not tab.from_edit.isEnabled()


def test_the_date_filter_survives_a_reload_of_the_same_case(qtbot: QtBot, imported: UnlockedWorkspace) -> None:
    tab = make_tab(qtbot, imported)
    limit(tab, end=date(2021, 3, 31))
    tab.show_chronology(list_chronology(imported, REF), editable=True)  # as after marking a key event
    assert dates(tab) == ["c. 2018 (approx.)", "March 2021 (approx.)", "14 Mar 2021"]
