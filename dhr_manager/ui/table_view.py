"""The one way tables look and behave in the application: whole rows, read-only, sortable, left headers."""

from PySide6.QtCore import QAbstractItemModel, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

from dhr_manager.ui.models.row_model import ROW_ROLE


def make_table(name: str, model: QAbstractItemModel, sortable: bool = True) -> QTableView:
    table = QTableView()
    table.setAccessibleName(name)
    table.setModel(model)
    table.setSortingEnabled(sortable)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.verticalHeader().hide()
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setStretchLastSection(True)
    header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    return table


def selected_row(table: QTableView) -> object | None:
    """The row object (the service's view) behind the current selection, through any proxy."""
    indexes = table.selectionModel().selectedRows()
    return table.model().data(indexes[0], ROW_ROLE) if indexes else None
