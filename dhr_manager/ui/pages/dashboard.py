"""The dashboard: how many cases are at each stage, what is overdue or due this week, and the deadline timeline."""

from collections import Counter
from datetime import date

from PySide6.QtCore import QModelIndex
from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QScrollArea,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from dhr_manager.domain.cases import Stage, Status
from dhr_manager.services.overview import CaseOverview, case_overviews
from dhr_manager.storage.workspace import UnlockedWorkspace
from dhr_manager.ui.deadline_timeline import DeadlineTimeline
from dhr_manager.ui.fields import table_view
from dhr_manager.ui.labels import heading
from dhr_manager.ui.models.deadline_table_model import DeadlineTableModel
from dhr_manager.ui.models.row_model import ROW_ROLE
from dhr_manager.ui.page import Page
from dhr_manager.ui.words import day_text, stage_name

LIVE_STAGES = (Stage.NOTIFICATION, Stage.PANEL, Stage.CHRONOLOGY, Stage.REPORT, Stage.ACTION_PLAN)
_DEADLINE_COLUMN = 2  # the long one: it takes the spare width and elides, with the full text as a tooltip


class DashboardPage(Page):
    """Every case at a glance. `today` fixes the day deadlines are counted from (tests); by default it is the
    day `show_workspace` runs, so a window left open overnight counts from the new day after F5."""

    def __init__(self, today: date | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._today = today
        self.setAccessibleName(self.tr("Dashboard"))

        self.as_of = QLabel()
        self.as_of.setAccessibleName(self.tr("Figures as of"))
        title_row = QHBoxLayout()
        title_row.addWidget(heading(self.tr("Live cases by stage")))
        title_row.addStretch(1)
        title_row.addWidget(self.as_of)

        # One label per count, so each is read out on its own; the words say what the number is.
        self._count_names = [*(stage_name(stage) for stage in LIVE_STAGES), self.tr("Paused"), self.tr("Closed")]
        self.count_labels = [QLabel() for _name in self._count_names]
        counts_row = QHBoxLayout()
        for label in self.count_labels:
            label.setFrameShape(QFrame.Shape.StyledPanel)
            label.setMargin(label.fontMetrics().height() // 3)
            counts_row.addWidget(label)
        counts_row.addStretch(1)
        self.count_labels[-2].setToolTip(self.tr("Live cases paused for parallel proceedings, also counted at "
                                                 "their stage"))
        self.count_labels[-1].setToolTip(self.tr("Cases closed, and cases not proceeding to a review"))

        self.model = DeadlineTableModel(self)
        self.table = table_view(self.model, self.tr("Overdue and due this week"))
        self.table.horizontalHeader().setSectionResizeMode(_DEADLINE_COLUMN, QHeaderView.ResizeMode.Stretch)
        # Enter and double-click (or a single click, where the platform activates on one) open the case.
        self.table.activated.connect(self._activated)
        self.nothing_due = QLabel()
        self.nothing_due.setAccessibleName(self.tr("Overdue and due this week"))
        self.nothing_due.setWordWrap(True)
        self.due_pages = QStackedWidget()
        self.due_pages.setAccessibleName(self.tr("Overdue and due this week"))
        self.due_pages.addWidget(self.table)
        self.due_pages.addWidget(self.nothing_due)

        self.timeline = DeadlineTimeline()
        self.timeline_scroll = QScrollArea()
        self.timeline_scroll.setAccessibleName(self.tr("Deadline timeline"))
        self.timeline_scroll.setWidgetResizable(True)
        self.timeline_scroll.setWidget(self.timeline)
        self.timeline_text = QPlainTextEdit()
        self.timeline_text.setAccessibleName(self.tr("Deadline timeline as text"))
        self.timeline_text.setReadOnly(True)
        self.timeline_text.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.timeline_pages = QStackedWidget()
        self.timeline_pages.setAccessibleName(self.tr("Deadline timeline"))
        self.timeline_pages.addWidget(self.timeline_scroll)
        self.timeline_pages.addWidget(self.timeline_text)
        # Never taller than the picture wants, so spare height goes to the table; shorter, and the picture scrolls.
        self.timeline_pages.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self.show_as_text = QCheckBox(self.tr("Show as text"))
        self.show_as_text.setAccessibleName(self.tr("Show the deadline timeline as text"))
        self.show_as_text.toggled.connect(self._show_timeline_as_text)
        timeline_row = QHBoxLayout()
        timeline_row.addWidget(heading(self.tr("Deadline timeline")))
        timeline_row.addStretch(1)
        timeline_row.addWidget(self.show_as_text)

        layout = QVBoxLayout(self)
        layout.addLayout(title_row)
        layout.addLayout(counts_row)
        layout.addWidget(heading(self.tr("Overdue and due this week")))
        layout.addWidget(self.due_pages, 1)
        layout.addLayout(timeline_row)
        layout.addWidget(self.timeline_pages)
        self.clear()

    def show_workspace(self, ws: UnlockedWorkspace) -> None:
        """Read every case once and fill the counts, the table and the timeline from the same overviews."""
        today = self._today or date.today()
        overviews = case_overviews(ws, today)
        self.as_of.setText(self.tr("As of {day}").format(day=day_text(today)))
        self._show_counts(overviews)
        self.model.show_overviews(overviews, today)
        if self.model.rowCount():
            self.due_pages.setCurrentWidget(self.table)
        else:
            self.nothing_due.setText(self.tr("Nothing is overdue or due in the next 7 days."))
            self.due_pages.setCurrentWidget(self.nothing_due)
        self.timeline.set_cases(overviews, today)
        self.timeline_text.setPlainText(self.timeline.text_equivalent())

    def clear(self) -> None:
        """Drop every decrypted value shown: references and pseudonyms in the table, timeline and its text."""
        self.as_of.clear()
        self._show_counts(None)
        self.model.set_rows([])
        self.nothing_due.clear()
        self.due_pages.setCurrentWidget(self.nothing_due)
        self.timeline.clear()
        self.timeline_text.clear()

    def _show_counts(self, overviews: list[CaseOverview] | None) -> None:
        """Live cases per stage, then paused (also counted at their stage) and closed; names alone when
        locked."""
        if overviews is None:
            numbers: list[int | None] = [None] * len(self.count_labels)
        else:
            live = Counter(o.stage for o in overviews if o.live)
            numbers = [*(live[stage] for stage in LIVE_STAGES),
                       sum(o.status is Status.PAUSED for o in overviews),
                       sum(not o.live for o in overviews)]
        for label, name, number in zip(self.count_labels, self._count_names, numbers, strict=True):
            text = name if number is None else self.tr("{name} {number}").format(name=name, number=number)
            label.setText(text)
            label.setAccessibleName(text)

    def _activated(self, index: QModelIndex) -> None:
        self.open_case.emit(index.data(ROW_ROLE).reference)

    def _show_timeline_as_text(self, as_text: bool) -> None:
        self.timeline_pages.setCurrentWidget(self.timeline_text if as_text else self.timeline_scroll)
