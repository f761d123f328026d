"""Small building blocks every form and table shares, so that they look and behave alike."""

from datetime import date

from PySide6.QtCore import QAbstractItemModel, QDate, Qt
from PySide6.QtWidgets import QAbstractItemView, QDateEdit, QHeaderView, QLabel, QPushButton, QTableView, QWidget

from dhr_manager.ui.models.row_model import ROW_ROLE

UK_DATE_FORMAT = "dd/MM/yyyy"


def to_qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def to_date(day: QDate) -> date:
    return date(day.year(), day.month(), day.day())


def plain(text: str) -> str:
    """A button's text without its mnemonic marker, for its accessible name."""
    return text.replace("&", "")


def button(text: str, name: str | None = None) -> QPushButton:
    """A push button whose accessible name is its text without the mnemonic (or `name`)."""
    push = QPushButton(text)
    push.setAccessibleName(name or plain(text))
    push.setAutoDefault(False)
    return push


def date_edit(name: str, today: date, latest: date | None = None) -> QDateEdit:
    """A date field with a calendar, shown the UK way, set to today; `latest` (usually today) caps it."""
    edit = QDateEdit(to_qdate(today))
    edit.setCalendarPopup(True)
    edit.setDisplayFormat(UK_DATE_FORMAT)
    edit.setAccessibleName(name)
    if latest is not None:
        edit.setMaximumDate(to_qdate(latest))
    return edit


def table_view(model: QAbstractItemModel, name: str, sort_column: int | None = None,
               parent: QWidget | None = None) -> QTableView:
    """A read-only, row-selecting table over `model`; sortable by date rather than by date text when
    `sort_column` is given. A `RowTableModel` sorts itself, so no proxy stands between it and the view unless
    the caller passes one to filter with: a proxy maps every row again on each reset (5,000 in a chronology)."""
    view = QTableView(parent)
    view.setAccessibleName(name)
    view.setModel(model)
    if sort_column is not None:
        view.setSortingEnabled(True)
        view.sortByColumn(sort_column, Qt.SortOrder.AscendingOrder)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setTabKeyNavigation(False)  # Tab leaves the table, as keyboard users expect; arrows move within it
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.verticalHeader().hide()
    # One line of text with a little air, at any scale; the style's default rows are twice that.
    view.verticalHeader().setDefaultSectionSize(int(view.fontMetrics().height() * 1.5))
    header = view.horizontalHeader()
    # Columns fit their contents once per load (measuring 40 rows, not all 1,000: each row costs a few Python calls
    # per column, and 100 rows held the dashboard up for 60 ms), not on every filter change,
    # so that typing in a search box stays instant; the user can still drag them.
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setResizeContentsPrecision(40)
    view.model().modelReset.connect(view.resizeColumnsToContents)
    header.setStretchLastSection(True)
    header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    return view


class ValueLabel(QLabel):
    """A label showing one decrypted value; screen readers hear "caption: value", and `clear` forgets both."""

    def __init__(self, caption: str, show_caption: bool = True, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._caption, self._show_caption = caption, show_caption
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.clear()

    def show_value(self, value: str) -> None:
        spoken = self.tr("{caption}: {value}").format(caption=self._caption, value=value)
        self.setText(spoken if self._show_caption else value)
        self.setAccessibleName(spoken)

    def clear(self) -> None:
        super().clear()
        self.setAccessibleName(self._caption)


def selected_row(table: QTableView) -> object | None:
    """The row object (the service's view) behind the current selection, through any proxy."""
    indexes = table.selectionModel().selectedRows()
    return table.model().data(indexes[0], ROW_ROLE) if indexes else None
