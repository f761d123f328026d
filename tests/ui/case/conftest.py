"""A case page on a small workspace with one case, and helpers that read what the page shows."""

from datetime import date

import pytest
from PySide6.QtCore import QAbstractItemModel, Qt
from PySide6.QtWidgets import QComboBox
from pytestqt.qtbot import QtBot

from dhr_manager.services.cases import create_case
from dhr_manager.storage.workspace import UnlockedWorkspace
from dhr_manager.ui.case.case_page import CasePage

TODAY = date(2026, 1, 20)
NOTIFIED = date(2026, 1, 5)
REF = "DHR-2026-001"


@pytest.fixture
def case_ws(unlocked: UnlockedWorkspace) -> UnlockedWorkspace:
    """Ada Admin's workspace with one case at the notification stage, nothing recorded yet."""
    create_case(unlocked, REF, "Northshire", NOTIFIED, today=TODAY)
    return unlocked


def open_page(qtbot: QtBot, ws: UnlockedWorkspace, reference: str = REF, today: date = TODAY) -> CasePage:
    page = CasePage(today=today)
    qtbot.addWidget(page)
    page.set_reference(reference)
    page.show_workspace(ws)
    page.resize(1200, 800)
    page.show()
    qtbot.waitExposed(page)
    return page


@pytest.fixture
def page(qtbot: QtBot, case_ws: UnlockedWorkspace) -> CasePage:
    return open_page(qtbot, case_ws)


def cells(model: QAbstractItemModel) -> list[list[str]]:
    """What a table shows, row by row, in the order shown."""
    return [[model.index(row, column).data() for column in range(model.columnCount())]
            for row in range(model.rowCount())]


def column(model: QAbstractItemModel, header: str) -> list[str]:
    headers = [model.headerData(i, Qt.Orientation.Horizontal) for i in range(model.columnCount())]
    index = headers.index(header)
    return [row[index] for row in cells(model)]


def choose(combo: QComboBox, data: object) -> None:
    """Pick the item carrying `data`, as a user picking it from the list would."""
    index = combo.findData(data)
    assert index >= 0, f"{data!r} is not offered"
    combo.setCurrentIndex(index)
