"""The import dialog (file, columns, preview, import in the background) and the swimlane's marks."""

from pathlib import Path

from PySide6.QtCore import QPoint, Qt
from pytestqt.qtbot import QtBot

from dhr_manager.domain.chronology_mapping import Field
from dhr_manager.services.chronology import list_chronology
from dhr_manager.storage.workspace import UnlockedWorkspace
from dhr_manager.ui.chronology.chronology_tab import ChronologyTab
from dhr_manager.ui.chronology.import_dialog import ImportDialog
from tests.ui.case.conftest import column
from tests.ui.chronology.conftest import POLICE, REF, write_csv


def make_dialog(qtbot: QtBot, ws: UnlockedWorkspace) -> ImportDialog:
    dialog = ImportDialog(ws, REF)
    qtbot.addWidget(dialog)
    return dialog


def test_preview_shows_the_guessed_columns_and_the_first_entries(qtbot: QtBot, case_ws, police_csv: Path) -> None:
    dialog = make_dialog(qtbot, case_ws)
    dialog.set_file(police_csv)
    dialog.agency_combo.setCurrentText(POLICE)
    assert dialog.preview()
    combos = dialog.mapping_combos
    assert combos[Field.DATE].currentText() == "Date"
    assert combos[Field.EVENT].currentText() == "Details of contact"
    assert combos[Field.ACTION].currentText() == "Action taken"
    assert combos[Field.DATE].itemText(0) == "(none)"
    assert dialog.preview_model.rowCount() == 4
    assert column(dialog.preview_table.model(), "Event")[0].startswith("Call to address")
    combos[Field.EVENT].setCurrentIndex(combos[Field.EVENT].findText("Comments"))  # a wrong choice, re-checked
    assert not dialog.error.isHidden() and "event column is empty" in dialog.error.text()
    combos[Field.EVENT].setCurrentIndex(combos[Field.EVENT].findText("Details of contact"))
    combos[Field.ACTION].setCurrentIndex(combos[Field.ACTION].findText("Record reference"))
    assert dialog.error.isHidden()
    assert column(dialog.preview_table.model(), "Action")[0] == "CAD 1234"
    assert dialog.map_text() == "date=1,time=2,source=3,event=4,action=3,comments=6"


def test_import_stores_the_entries_and_a_second_import_asks_to_replace(qtbot: QtBot, case_ws,
                                                                       police_csv: Path) -> None:
    dialog = make_dialog(qtbot, case_ws)
    dialog.set_file(police_csv)
    dialog.agency_combo.setCurrentText(POLICE)
    assert dialog.preview()
    with qtbot.waitSignal(dialog.accepted, timeout=10_000):
        dialog.do_import()
    assert dialog.message == "Imported 4 entries from Northshire Police"
    assert len(list_chronology(case_ws, REF).entries) == 4

    again = make_dialog(qtbot, case_ws)
    again.set_file(police_csv)
    again.agency_combo.setCurrentText(POLICE)
    again.do_import()
    qtbot.waitUntil(lambda: not again.busy and not again.error.isHidden(), timeout=10_000)
    assert "already imported" in again.error.text() and not again.replace_box.isHidden()
    again.replace_box.setChecked(True)
    with qtbot.waitSignal(again.accepted, timeout=10_000):
        again.do_import()
    assert again.result is not None and again.result.replaced
    assert len(list_chronology(case_ws, REF).entries) == 4


def test_a_bad_file_is_explained_inline(qtbot: QtBot, case_ws, tmp_path: Path) -> None:
    bad = write_csv(tmp_path / "bad.csv", [["Date", "Details"], ["31/02/2021", "Impossible day"]])
    dialog = make_dialog(qtbot, case_ws)
    dialog.set_file(bad)
    dialog.agency_combo.setCurrentText(POLICE)
    assert not dialog.preview()
    assert not dialog.error.isHidden() and "row 2" in dialog.error.text()
    assert not dialog.import_button.isEnabled()
    dialog.set_file(tmp_path / "missing.csv")
    assert not dialog.preview() and dialog.error.text()


def test_clicking_a_mark_selects_its_row(qtbot: QtBot, imported: UnlockedWorkspace, tmp_path: Path) -> None:
    tab = ChronologyTab()
    qtbot.addWidget(tab)
    tab.show_chronology(list_chronology(imported, REF), editable=True)
    tab.resize(1100, 700)
    tab.show()
    qtbot.waitExposed(tab)
    lane = tab.swimlane
    assert len(lane.marks()) == 6 and len(lane.lanes()) == 2
    rect, entry_id = next((r, i) for r, i in lane.marks() if r.height() > 8)  # an exact day: a dot
    tab.swimlane_area.ensureVisible(int(rect.center().x()), int(rect.center().y()))
    with qtbot.waitSignal(lane.entry_clicked) as clicked:
        qtbot.mouseClick(lane, Qt.MouseButton.LeftButton, pos=QPoint(int(rect.center().x()), int(rect.center().y())))
    # Whole-story zoom can draw two entries of nearby days on top of each other: the one on top is clicked.
    entry_id = lane.mark_at(rect.center())
    assert entry_id is not None and clicked.args == [entry_id]
    selected = tab.table.selectionModel().selectedRows()
    assert [tab.shown_entries()[i.row()].id for i in selected] == [entry_id]
    before = lane.width()
    lane.setFocus()
    qtbot.keyClick(lane, Qt.Key.Key_Plus)
    assert lane.width() > before
    assert lane.save_png(tmp_path / "swimlane.png") and (tmp_path / "swimlane.png").stat().st_size > 0


def test_the_case_page_shows_the_chronology_and_opens_the_import_dialog(qtbot: QtBot, imported) -> None:
    from tests.ui.case.conftest import open_page
    from tests.ui.chronology.conftest import TODAY

    page = open_page(qtbot, imported, REF, TODAY)
    titles = [page.tabs.tabText(i) for i in range(page.tabs.count())]
    assert "Combined chronology" in titles
    assert page.chronology_tab.table.model().rowCount() == 6
    page.chronology_tab.import_button.click()
    assert isinstance(page.dialog, ImportDialog)
    page.clear()
    assert page.chronology_tab.table.model().rowCount() == 0


def test_an_entry_can_be_marked_as_a_key_event_and_edited_from_the_case_page(qtbot: QtBot, imported) -> None:
    from dhr_manager.ui.chronology.edit_entry_dialog import EditEntryDialog
    from tests.ui.case.conftest import open_page
    from tests.ui.chronology.conftest import TODAY

    page = open_page(qtbot, imported, REF, TODAY)
    tab = page.chronology_tab
    tab.table.selectRow(1)
    chosen = tab.selected_entry()
    assert chosen is not None and not chosen.key_event
    tab.key_button.click()
    assert [e.id for e in list_chronology(imported, REF, key_only=True).entries] == [chosen.id]
    tab.select_entry(chosen.id)
    tab.edit_button.click()
    dialog = page.dialog
    assert isinstance(dialog, EditEntryDialog)
    dialog.comments.setText("Checked with the agency's records officer")
    dialog.event.setPlainText("")
    dialog.save()
    assert dialog.error.isVisibleTo(dialog) and "cannot be empty" in dialog.error.text()
    dialog.event.setPlainText(chosen.event)
    dialog.save()
    edited = next(e for e in list_chronology(imported, REF).entries if e.id == chosen.id)
    assert (edited.comments, edited.event, edited.key_event) == ("Checked with the agency's records officer",
                                                                  chosen.event, True)
    assert "key event" in column(tab.table.model(), "Flags")[[e.id for e in tab.shown_entries()].index(chosen.id)]
