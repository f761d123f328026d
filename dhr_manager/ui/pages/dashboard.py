"""The dashboard: how many cases are at each stage, what is overdue or due this week, and the deadline timeline."""

from collections import Counter
from datetime import date

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
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

from dhr_manager.domain.actions import Rag
from dhr_manager.domain.cases import Stage, Status
from dhr_manager.errors import DhrError
from dhr_manager.services.actions import ActionView, list_actions
from dhr_manager.services.overview import CaseOverview, case_overviews
from dhr_manager.storage.workspace import UnlockedWorkspace
from dhr_manager.ui.background import run_quietly
from dhr_manager.ui.deadline_timeline import DeadlineTimeline, PreparedTimeline
from dhr_manager.ui.deadline_timeline import prepare as prepare_timeline
from dhr_manager.ui.fields import button, table_view
from dhr_manager.ui.labels import heading
from dhr_manager.ui.models.deadline_table_model import DeadlineRow, DeadlineTableModel, due_soon
from dhr_manager.ui.models.row_model import ROW_ROLE
from dhr_manager.ui.page import Page
from dhr_manager.ui.words import day_text, stage_name

LIVE_STAGES = (Stage.NOTIFICATION, Stage.PANEL, Stage.CHRONOLOGY, Stage.REPORT, Stage.ACTION_PLAN)
_DEADLINE_COLUMN = 2  # the long one: it takes the spare width and elides, with the full text as a tooltip


class DashboardPage(Page):
    """Every case at a glance. `today` fixes the day deadlines are counted from (tests); by default it is the
    day `show_workspace` runs, so a window left open overnight counts from the new day after F5."""

    loaded = Signal()  # the figures of the last `show_workspace` are on screen (or why they are not)
    show_overdue_actions = Signal()  # the user asked to see the overdue actions on the Action plans screen

    def __init__(self, today: date | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._today = today
        self._loading: object | None = None  # the load whose result the screen waits for
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

        self.overdue_actions_button = button("", self.tr("Overdue actions"))
        self.overdue_actions_button.clicked.connect(self.show_overdue_actions)
        self.overdue_actions_button.setStyleSheet("color: #a4000f; font-weight: bold; text-align: left;")

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
        layout.addWidget(self.overdue_actions_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(heading(self.tr("Overdue and due this week")))
        layout.addWidget(self.due_pages, 1)
        layout.addLayout(timeline_row)
        layout.addWidget(self.timeline_pages)
        self.clear()

    @property
    def loading(self) -> bool:
        return self._loading is not None

    def show_workspace(self, ws: UnlockedWorkspace) -> None:
        """Read every case once, off the GUI thread (a thousand cases take a while), saying "Loading…" meanwhile,
        then fill the counts, the table and the timeline from the same overviews and emit `loaded`.

        What was shown stays until then, so F5 does not blank the screen; a load that locking or a newer load
        overtook is dropped when it arrives."""
        today = self._today or date.today()
        token = self._loading = object()
        self.as_of.setText(self.tr("Loading…"))
        if not self.model.rowCount():
            self.nothing_due.setText(self.tr("Loading the cases…"))
            self.due_pages.setCurrentWidget(self.nothing_due)

        def read() -> tuple[list[CaseOverview], list[DeadlineRow], list[ActionView], PreparedTimeline]:
            overviews = case_overviews(ws, today)
            overdue = list_actions(ws, rag=Rag.RED, open_only=True, today=today)
            # Sorting a thousand cases' deadlines and putting the timeline in words: not on the GUI thread.
            return overviews, due_soon(overviews, today), overdue, prepare_timeline(overviews, today)

        run_quietly(self, read, lambda result: self._loaded(token, *result),
                    lambda exc: self._failed(token, exc))

    def _loaded(self, token: object, overviews: list[CaseOverview], due: list[DeadlineRow],
                overdue_actions: list[ActionView], timeline: PreparedTimeline) -> None:
        """The table first, the timeline on the next turn of the event loop: each takes tens of milliseconds
        over a thousand cases, and together they would hold up the window's painting and keys."""
        if token is not self._loading:
            return
        self._show_counts(overviews)
        self._show_overdue_actions(overdue_actions)
        self.model.set_rows(due)
        if self.model.rowCount():
            self.due_pages.setCurrentWidget(self.table)
        else:
            self.nothing_due.setText(self.tr("Nothing is overdue or due in the next 7 days."))
            self.due_pages.setCurrentWidget(self.nothing_due)
        QTimer.singleShot(0, self, lambda: self._loaded_timeline(token, timeline))

    def _loaded_timeline(self, token: object, timeline: PreparedTimeline) -> None:
        if token is not self._loading:
            return
        self._loading = None
        self.timeline.show_prepared(timeline)
        self.timeline_text.setPlainText(self.timeline.accessibleDescription())  # its text equivalent, made once
        self.as_of.setText(self.tr("As of {day}").format(day=day_text(timeline.today)))
        self.loaded.emit()

    def _failed(self, token: object, exc: Exception) -> None:
        if token is not self._loading:
            return  # locking overtook the load: the workspace refused it, and the screen is already clear
        self.clear()
        reason = exc.message if isinstance(exc, DhrError) else self.tr("an unexpected error ({kind}).").format(
            kind=type(exc).__name__)
        self.nothing_due.setText(self.tr("The cases could not be read: {reason} Press F5 to try again.").format(
            reason=reason))
        self.loaded.emit()

    def clear(self) -> None:
        """Drop every decrypted value shown: references and pseudonyms in the table, timeline and its text."""
        self._loading = None
        self.as_of.clear()
        self._show_counts(None)
        self._show_overdue_actions([])
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

    def _show_overdue_actions(self, actions: list[ActionView]) -> None:
        """A line for the action plans' overdue actions, listed in its tooltip; hidden when there are none."""
        n = len(actions)
        text = self.tr("1 action overdue — show it") if n == 1 else self.tr(
            "{n} actions overdue — show them").format(n=n)
        self.overdue_actions_button.setText(text)
        self.overdue_actions_button.setAccessibleName(text)
        self.overdue_actions_button.setToolTip("\n".join(
            self.tr("{case} action {number} ({agency}): {status}").format(
                case=a.case_reference, number=a.number, agency=a.lead_agency, status=a.rag_words)
            for a in actions[:20]))
        self.overdue_actions_button.setVisible(n > 0)

    def _activated(self, index: QModelIndex) -> None:
        self.open_case.emit(index.data(ROW_ROLE).reference)

    def _show_timeline_as_text(self, as_text: bool) -> None:
        self.timeline_pages.setCurrentWidget(self.timeline_text if as_text else self.timeline_scroll)
