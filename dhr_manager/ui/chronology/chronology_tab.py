"""The case's combined chronology as a table (the text equivalent of the swimlane), with filters by agency, key
events and dates.

Entries outside the scoping period are greyed, never dropped; likely duplicates and key events are said in words
in the Flags column, so colour is never the only signal. The table is a model behind a view, so 5,000 entries
fill as quickly as 50; a filter refills the model with the entries it keeps (one pass, no proxy calls per row).
"""

from dataclasses import dataclass
from datetime import date, time

from PySide6.QtCore import QItemSelectionModel, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor, QResizeEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from dhr_manager.domain.chronology import ChronologyEntry
from dhr_manager.services.chronology import ChronologyView
from dhr_manager.ui.chronology.swimlane import Swimlane, scroll_area
from dhr_manager.ui.fields import button, date_edit, selected_row, table_view, to_date, to_qdate
from dhr_manager.ui.labels import paragraph
from dhr_manager.ui.models.row_model import Column, RowTableModel

GREY = QBrush(QColor("#6b6b6b"))
ALL_AGENCIES = None


def date_text(entry: ChronologyEntry) -> str:
    text = entry.when.text()
    return f"{text} (approx.)" if entry.when.approximate else text


def time_text(entry: ChronologyEntry) -> str:
    return entry.at.strftime("%H:%M") if entry.at else ""


@dataclass
class _Shown:
    view: ChronologyView
    words: tuple[str, str, str]  # likely duplicate, outside scope, key event

    def flags(self, entry: ChronologyEntry) -> str:
        duplicate, outside, key = self.words
        found = [duplicate if entry.id in self.view.duplicates else "", outside if entry.id in self.view.outside
                 else "", key if entry.key_event else ""]
        return ", ".join(word for word in found if word)


def overlaps(entry: ChronologyEntry, start: date | None, end: date | None) -> bool:
    """Whether any day the entry could be on falls between `start` and `end` (None: no limit on that side), so
    that "March 2021" is kept by a filter starting on 20 March 2021."""
    return (start is None or entry.when.end >= start) and (end is None or entry.when.start <= end)


EVENT_COLUMN = 4


class ChronologyTab(QWidget):
    """`show_chronology` fills it from `list_chronology`, `clear` empties it; `import_requested` asks the page
    to open the import dialog (the button is there for editors only)."""

    import_requested = Signal()
    key_event_toggled = Signal(str, bool)  # entry id, whether it is now a key event
    edit_requested = Signal(str)  # entry id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Combined chronology"))
        # The model's columns read the view through this holder, not through `self`: a cycle through the tab
        # would leave it to the garbage collector, which may then delete it in the middle of a paint.
        shown = self._shown = _Shown(ChronologyView([]), (self.tr("likely duplicate"), self.tr("outside scope"),
                                                          self.tr("key event")))
        self.model: RowTableModel[ChronologyEntry] = RowTableModel([
            Column(self.tr("Date"), date_text, ChronologyEntry.sort_key),
            Column(self.tr("Time"), time_text, lambda e: e.at or time.min),
            Column(self.tr("Agency"), lambda e: e.agency, lambda e: e.agency.casefold()),
            Column(self.tr("Source"), lambda e: e.source),
            Column(self.tr("Event"), lambda e: e.event),
            Column(self.tr("Action"), lambda e: e.action),
            Column(self.tr("Comments"), lambda e: e.comments),
            Column(self.tr("Flags"), shown.flags),
        ], self, brush=lambda e: GREY if e.id in shown.view.outside else None)
        self.table = table_view(self.model, self.tr("Combined chronology entries"), sort_column=0)
        # The event text takes the room that is left, so that the flags at the end are always in view.
        self.table.horizontalHeader().setSectionResizeMode(EVENT_COLUMN, QHeaderView.ResizeMode.Stretch)

        self.agency_combo = QComboBox()
        self.agency_combo.setAccessibleName(self.tr("Show the entries of"))
        self.key_only = QCheckBox(self.tr("&Key events only"))
        self.key_only.setAccessibleName(self.tr("Key events only"))
        # A date limit is off until ticked, so "no limit" is plain to see rather than a made-up earliest date.
        self.from_check, self.from_edit = self._date_limit(self.tr("&From"), self.tr("Only entries from a date"),
                                                           self.tr("From date"))
        self.to_check, self.to_edit = self._date_limit(self.tr("&To"), self.tr("Only entries up to a date"),
                                                       self.tr("To date"))
        self.clear_button = button(self.tr("C&lear filters"), self.tr("Clear filters and show every entry"))
        self.import_button = button(self.tr("&Import agency chronology…"), self.tr("Import agency chronology"))
        self.key_button = button(self.tr("Key e&vent on/off"), self.tr("Mark or unmark the selected entry as a key "
                                                                        "event"))
        self.edit_button = button(self.tr("&Edit entry…"), self.tr("Edit the selected entry"))
        self.summary = QLabel()
        self.notice = QLabel()
        self.notice.setAccessibleName(self.tr("Last import"))
        self.notice.hide()
        self.summary.setAccessibleName(self.tr("Entries shown"))
        self.swimlane = Swimlane()
        self.swimlane_area = scroll_area(self.swimlane)
        self.swimlane_area.setMinimumHeight(160)

        filters = QHBoxLayout()
        agency_label = QLabel(self.tr("&Agency:"))
        agency_label.setBuddy(self.agency_combo)
        filters.addWidget(agency_label)
        filters.addWidget(self.agency_combo)
        filters.addWidget(self.key_only)
        for check, edit in ((self.from_check, self.from_edit), (self.to_check, self.to_edit)):
            filters.addSpacing(self.fontMetrics().averageCharWidth() * 2)
            filters.addWidget(check)
            filters.addWidget(edit)
        filters.addWidget(self.clear_button)
        filters.addStretch(1)
        # The count sits above the table it describes, with the buttons that act on the selected entry.
        actions = QHBoxLayout()
        actions.addWidget(self.summary)
        actions.addStretch(1)
        actions.addWidget(self.key_button)
        actions.addWidget(self.edit_button)
        actions.addWidget(self.import_button)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(self.swimlane_area)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(paragraph(self.tr(
            "Every agency's entries in date order. Approximate dates are marked (approx.) and sort at the start of "
            "their range; entries outside the scoping period are greyed; likely duplicates are flagged, "
            "never removed.")))
        layout.addLayout(filters)
        layout.addLayout(actions)
        layout.addWidget(self.notice)
        layout.addWidget(self.splitter, 1)

        self.agency_combo.currentIndexChanged.connect(self._refill)
        self.key_only.toggled.connect(self._refill)
        for check, edit in ((self.from_check, self.from_edit), (self.to_check, self.to_edit)):
            check.toggled.connect(edit.setEnabled)
            check.toggled.connect(self._refill)
            edit.dateChanged.connect(self._refill)
        self.clear_button.clicked.connect(self.clear_filters)
        self.import_button.clicked.connect(self.import_requested)
        self.key_button.clicked.connect(self._toggle_key_event)
        self.edit_button.clicked.connect(self._edit_selected)
        self.swimlane.entry_clicked.connect(self.select_entry)
        self.clear()

    def _date_limit(self, text: str, check_name: str, date_name: str) -> tuple[QCheckBox, QDateEdit]:
        check = QCheckBox(text)
        check.setAccessibleName(check_name)
        edit = date_edit(date_name, date.today())
        edit.setEnabled(False)
        return check, edit

    def show_chronology(self, view: ChronologyView, editable: bool) -> None:
        self._shown.view = view
        # An unticked limit waits at the chronology's first (or last) day, where ticking it is most useful.
        if view.entries:
            for check, edit, day in ((self.from_check, self.from_edit, min(e.when.start for e in view.entries)),
                                     (self.to_check, self.to_edit, max(e.when.end for e in view.entries))):
                if not check.isChecked():
                    edit.blockSignals(True)
                    edit.setDate(to_qdate(day))
                    edit.blockSignals(False)
        agencies = sorted({e.agency for e in view.entries}, key=str.casefold)
        chosen = self.agency_combo.currentData()
        self.agency_combo.blockSignals(True)
        self.agency_combo.clear()
        self.agency_combo.addItem(self.tr("All agencies"), ALL_AGENCIES)
        for agency in agencies:
            self.agency_combo.addItem(agency, agency)
        index = self.agency_combo.findData(chosen)
        self.agency_combo.setCurrentIndex(max(index, 0))
        self.agency_combo.blockSignals(False)
        for control in (self.import_button, self.key_button, self.edit_button):
            control.setVisible(editable)
        self._refill()

    def selected_entry(self) -> ChronologyEntry | None:
        entry = selected_row(self.table)
        return entry if isinstance(entry, ChronologyEntry) else None

    def _toggle_key_event(self) -> None:
        entry = self.selected_entry()
        if entry is not None:
            self.key_event_toggled.emit(entry.id, not entry.key_event)

    def _edit_selected(self) -> None:
        entry = self.selected_entry()
        if entry is not None:
            self.edit_requested.emit(entry.id)

    def _fit_swimlane(self) -> None:
        self.swimlane.fit_width(self.swimlane_area.viewport().width())

    def resizeEvent(self, event: QResizeEvent) -> None:
        """The picture opens on the whole story at whatever width the tab is given (once its layout has settled,
        hence the zero-delay timer)."""
        super().resizeEvent(event)
        QTimer.singleShot(0, self._fit_swimlane)

    def clear(self) -> None:
        self.show_notice("")
        self.clear_filters()
        self.show_chronology(ChronologyView([]), editable=False)

    def clear_filters(self) -> None:
        """Every agency, key or not, any date: the whole chronology again."""
        controls = (self.agency_combo, self.key_only, self.from_check, self.to_check)
        for control in controls:
            control.blockSignals(True)  # one refill at the end, not one per control
        self.agency_combo.setCurrentIndex(0)
        for check in (self.key_only, self.from_check, self.to_check):
            check.setChecked(False)
        for control in controls:
            control.blockSignals(False)
        self.from_edit.setEnabled(False)
        self.to_edit.setEnabled(False)
        self._refill()

    def date_limits(self) -> tuple[date | None, date | None]:
        """The From and To days of the filter; None where that limit is not ticked."""
        return (to_date(self.from_edit.date()) if self.from_check.isChecked() else None,
                to_date(self.to_edit.date()) if self.to_check.isChecked() else None)

    def show_notice(self, text: str) -> None:
        """What the last import did ("Imported 12 entries from Northshire Police")."""
        self.notice.setText(text)
        self.notice.setVisible(bool(text))

    def shown_entries(self) -> list[ChronologyEntry]:
        """The entries in the table, in the order shown."""
        return self.model.rows()

    def select_entry(self, entry_id: str) -> None:
        """Select (and scroll to) the entry's row, as when its mark in the swimlane is clicked."""
        for row, entry in enumerate(self.model.rows()):
            if entry.id == entry_id:
                index = self.model.index(row, 0)
                self.table.selectionModel().setCurrentIndex(
                    index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
                self.table.scrollTo(index)
                return

    def agencies(self) -> list[str]:
        return [self.agency_combo.itemData(i) for i in range(1, self.agency_combo.count())]

    def _refill(self) -> None:
        agency = self.agency_combo.currentData()
        key_only = self.key_only.isChecked()
        start, end = self.date_limits()
        entries = [e for e in self._shown.view.entries
                   if (agency is None or e.agency == agency) and (not key_only or e.key_event)
                   and overlaps(e, start, end)]
        self.model.set_rows(entries)
        self.swimlane.set_entries(entries, self._shown.view.outside, fit_to=self.swimlane_area.viewport().width())
        total = len(self._shown.view.entries)
        self.summary.setText(self.tr("{shown} of {total} entries").format(shown=len(entries), total=total))
