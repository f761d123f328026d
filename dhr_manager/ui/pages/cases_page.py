"""Cases: every case the user may read, filterable by stage, status and area, searchable by reference and
pseudonym, sorted by next deadline; Ctrl+N opens a new case."""

from datetime import date

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from dhr_manager.domain.cases import Stage, Status
from dhr_manager.domain.roles import Permission, allows
from dhr_manager.services.overview import CaseOverview, case_overviews
from dhr_manager.settings import Settings
from dhr_manager.storage.workspace import UnlockedWorkspace
from dhr_manager.ui.fields import table_view
from dhr_manager.ui.labels import heading
from dhr_manager.ui.models.row_model import ROW_ROLE, Column, RowSortProxy, RowTableModel
from dhr_manager.ui.models.task_table_model import OVERDUE_RED
from dhr_manager.ui.new_case_dialog import NewCaseDialog
from dhr_manager.ui.page import Page
from dhr_manager.ui.words import day_text, days_left_text, stage_name, status_name

_ALL = None


def case_columns(page: QWidget, today: date) -> list[Column[CaseOverview]]:
    def due(o: CaseOverview) -> date | None:
        return o.next_deadline.due if o.next_deadline else None

    return [
        Column[CaseOverview](page.tr("Reference"), lambda o: o.reference),
        Column[CaseOverview](page.tr("Victim (pseudonym)"), lambda o: o.victim_pseudonym or page.tr("not recorded")),
        Column[CaseOverview](page.tr("Area"), lambda o: o.area),
        Column[CaseOverview](page.tr("Stage"), lambda o: stage_name(o.stage), lambda o: list(Stage).index(o.stage)),
        Column[CaseOverview](page.tr("Status"), lambda o: status_name(o.status)),
        Column[CaseOverview](page.tr("Next deadline"), lambda o: o.next_deadline.label if o.next_deadline else ""),
        Column[CaseOverview](page.tr("Due"), lambda o: day_text(due(o)),
                             lambda o: (due(o) or date.max).toordinal()),
        Column[CaseOverview](page.tr("When"), lambda o: _when(page, o, today),
                             lambda o: (due(o) or date.max).toordinal()),
    ]


def _when(page: QWidget, overview: CaseOverview, today: date) -> str:
    deadline = overview.next_deadline
    if deadline is None:
        return ""
    if overview.status is Status.PAUSED:
        return page.tr("clocks paused")
    return days_left_text(deadline.due, today)


class CaseFilter(RowSortProxy):
    """Stage, status and area filters and a search over reference and pseudonym, applied together."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.stage: Stage | None = _ALL
        self.status: Status | None = _ALL
        self.area: str | None = _ALL
        self.text = ""

    def set_filters(self, stage: Stage | None, status: Status | None, area: str | None, text: str) -> None:
        self.beginFilterChange()
        self.stage, self.status, self.area, self.text = stage, status, area, text.strip().casefold()
        self.endFilterChange()

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex) -> bool:
        overview: CaseOverview = self.sourceModel().row(source_row)  # type: ignore[attr-defined]
        # Combo data comes back from Qt as plain strings, which equal (but are not) the enum members.
        if self.stage is not None and overview.stage != self.stage:
            return False
        if self.status is not None and overview.status != self.status:
            return False
        if self.area is not None and overview.area != self.area:
            return False
        if self.text:
            haystack = f"{overview.reference} {overview.victim_pseudonym or ''}".casefold()
            return self.text in haystack
        return True


class CasesPage(Page):
    changed = Signal()

    def __init__(self, settings: Settings, today: date | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._settings, self._today = settings, today or date.today()
        self._ws: UnlockedWorkspace | None = None
        self.setAccessibleName(self.tr("Cases"))

        self.model = RowTableModel(case_columns(self, self._today), self, self._brush)
        self.proxy = CaseFilter(self)
        self.proxy.setSourceModel(self.model)
        self.table = table_view(self.proxy, self.tr("Cases"))
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(6, Qt.SortOrder.AscendingOrder)  # next deadline first
        self.table.activated.connect(self._open_selected)  # Enter or double-click

        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search reference or pseudonym (Ctrl+F)"))
        self.search.setAccessibleName(self.tr("Search cases"))
        self.search.setClearButtonEnabled(True)
        self.stage = self._combo(self.tr("Filter by stage"), [(stage_name(s), s) for s in Stage])
        self.status = self._combo(self.tr("Filter by status"), [(status_name(s), s) for s in Status])
        self.area = self._combo(self.tr("Filter by area"), [])
        for widget in (self.stage, self.status, self.area):
            widget.currentIndexChanged.connect(self._apply_filters)
        self.search.textChanged.connect(self._apply_filters)
        self.new_button = QPushButton(self.tr("&New case…"))
        self.new_button.setAccessibleName(self.tr("New case"))
        self.new_button.setToolTip(self.tr("Open a new case (Ctrl+N)"))
        self.new_button.clicked.connect(self.new_case)
        self.count = QLabel()
        self.count.setAccessibleName(self.tr("Number of cases shown"))

        filters = QHBoxLayout()
        filters.addWidget(self.search, 2)
        for label, combo in ((self.tr("Stage:"), self.stage), (self.tr("Status:"), self.status),
                             (self.tr("Area:"), self.area)):
            caption = QLabel(label)
            caption.setBuddy(combo)
            filters.addWidget(caption)
            filters.addWidget(combo, 1)
        filters.addWidget(self.new_button)
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("Cases")))
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count)

    def _combo(self, name: str, items: list[tuple[str, object]]) -> QComboBox:
        combo = QComboBox()
        combo.setAccessibleName(name)
        combo.addItem(self.tr("All"), _ALL)
        for text, value in items:
            combo.addItem(text, value)
        return combo

    def _brush(self, overview: CaseOverview) -> QBrush | None:
        deadline = overview.next_deadline
        overdue = deadline is not None and overview.status is Status.OPEN and deadline.due < self._today
        return QBrush(OVERDUE_RED) if overdue else None

    def _apply_filters(self) -> None:
        self.proxy.set_filters(self.stage.currentData(), self.status.currentData(), self.area.currentData(),
                               self.search.text())
        self.count.setText(self.tr("{shown} of {total} cases").format(shown=self.proxy.rowCount(),
                                                                       total=self.model.rowCount()))

    def show_workspace(self, ws: UnlockedWorkspace) -> None:
        self._ws = ws
        self.new_button.setVisible(allows(ws.user.role, Permission.EDIT_CASES))
        overviews = case_overviews(ws, self._today)
        self.model.set_rows(overviews)
        current = self.area.currentData()
        self.area.blockSignals(True)
        self.area.clear()
        self.area.addItem(self.tr("All"), _ALL)
        for area in sorted({o.area for o in overviews}):
            self.area.addItem(area, area)
        self.area.setCurrentIndex(max(self.area.findData(current), 0))
        self.area.blockSignals(False)
        self._apply_filters()

    def clear(self) -> None:
        self._ws = None
        self.model.set_rows([])
        self.area.clear()
        self.area.addItem(self.tr("All"), _ALL)
        self.search.clear()
        self.count.clear()

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def new_case(self) -> None:
        if self._ws is None or not allows(self._ws.user.role, Permission.EDIT_CASES):
            return
        dialog = self.new_case_dialog()
        if dialog.exec() and dialog.created is not None:
            self.show_workspace(self._ws)
            self.changed.emit()
            self.open_case.emit(dialog.created.reference)

    def new_case_dialog(self) -> NewCaseDialog:
        """Built separately so that tests can fill and submit it without a modal loop."""
        assert self._ws is not None
        areas = [self.model.row(i).area for i in range(self.model.rowCount())]
        return NewCaseDialog(self._ws, areas, self._settings.get("default_profile"), self._today, self)

    def _open_selected(self, index: QModelIndex) -> None:
        overview: CaseOverview = self.proxy.data(index, ROW_ROLE)
        self.open_case.emit(overview.reference)
