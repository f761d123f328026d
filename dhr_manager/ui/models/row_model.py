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
        self._brush = brush

    def set_rows(self, rows: Sequence[T]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._sort_keys: dict[int, list[Any]] = {}
        self.endResetModel()

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
    """Sorts a `RowTableModel` by its cached sort keys, without a round trip through Qt's data() per comparison."""

    def lessThan(self, left: _Index, right: _Index) -> bool:
        model: RowTableModel = self.sourceModel()  # type: ignore[assignment]
        return model.sort_key(left.row(), left.column()) < model.sort_key(right.row(), right.column())
