"""A table model over a list of plain rows (the services' views), described by its columns.

Every list that can grow in the application is one of these behind a view (DESIGN.md section 5); the views never
hold data the model holds, and `set_rows([])` empties it when the workspace locks.
"""

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QBrush

T = TypeVar("T")
_Index = QModelIndex | QPersistentModelIndex
_TOP = QModelIndex()  # the invalid index Qt passes for the top level of a table
SORT_ROLE = Qt.ItemDataRole.UserRole  # what a proxy sorts by: dates as dates, not as their display text
ROW_ROLE = Qt.ItemDataRole.UserRole + 1  # the row object itself, for the view's actions


@dataclass(frozen=True)
class Column(Generic[T]):
    header: str
    text: Callable[[T], str]
    sort: Callable[[T], Any] | None = None


class RowTableModel(QAbstractTableModel, Generic[T]):
    def __init__(self, columns: Sequence[Column[T]], parent: QObject | None = None,
                 brush: Callable[[T], QBrush | None] | None = None) -> None:
        super().__init__(parent)
        self._columns = list(columns)
        self._rows: list[T] = []
        self._sort_keys: dict[int, list[Any]] = {}
        self._sorted_by: tuple[int, Qt.SortOrder] | None = None
        self._brush = brush

    def set_rows(self, rows: Sequence[T]) -> None:
        """Replace every row, kept in the order the user last sorted by."""
        self.beginResetModel()
        self._rows = list(rows)
        self._sort_keys: dict[int, list[Any]] = {}
        if self._sorted_by is not None:
            self._rows = self._in_order(*self._sorted_by)
        self.endResetModel()

    def _in_order(self, column: int, order: Qt.SortOrder) -> list[T]:
        keys = [self.sort_key(i, column) for i in range(len(self._rows))]
        positions = sorted(range(len(self._rows)), key=keys.__getitem__,
                           reverse=order == Qt.SortOrder.DescendingOrder)
        self._sort_keys = {}
        return [self._rows[i] for i in positions]

    def sort_key(self, row: int, column: int) -> Any:
        """The value a proxy sorts by, worked out once per column after each reset: a proxy asks for it
        thousands of times when 1,000 rows are re-sorted."""
        keys = self._sort_keys.get(column)
        if keys is None:
            spec = self._columns[column]
            keys = [spec.sort(r) if spec.sort else spec.text(r) for r in self._rows]
            self._sort_keys[column] = keys
        return keys[row]

    def row(self, index: int) -> T:
        return self._rows[index]

    def rows(self) -> list[T]:
        return list(self._rows)

    def index(self, row: int, column: int, parent: _Index = _TOP) -> QModelIndex:
        """Qt's own version asks rowCount and columnCount every time, through Python: a proxy filtering 1,000
        rows calls this thousands of times."""
        if parent.isValid() or not (0 <= row < len(self._rows) and 0 <= column < len(self._columns)):
            return QModelIndex()
        return self.createIndex(row, column)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort the rows themselves by the column's cached keys: one Python sort instead of thousands of
        comparisons called from a proxy."""
        if not 0 <= column < len(self._columns):
            return
        self._sorted_by = (column, order)
        self.layoutAboutToBeChanged.emit()
        old = {id(row): i for i, row in enumerate(self._rows)}
        self._rows = self._in_order(column, order)
        persistent = self.persistentIndexList()
        new_position = {old[id(row)]: i for i, row in enumerate(self._rows)}
        self.changePersistentIndexList(persistent, [self.createIndex(new_position[p.row()], p.column())
                                                    for p in persistent])
        self.layoutChanged.emit()

    def rowCount(self, parent: _Index = _TOP) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = _TOP) -> int:
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, column = self._rows[index.row()], self._columns[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return column.text(row)
        if role == SORT_ROLE:
            return column.sort(row) if column.sort else column.text(row)
        if role == ROW_ROLE:
            return row
        if role == Qt.ItemDataRole.ForegroundRole and self._brush is not None:
            return self._brush(row)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> str | None:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self._columns[section].header
        return None


class RowSortProxy(QSortFilterProxyModel):
    """A proxy over a `RowTableModel` that filters here and has the model sort itself (see `RowTableModel.sort`),
    keeping the model's order; the header still shows which column the rows are sorted by."""

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.sourceModel().sort(column, order)
