"""One case's workspace: where it stands, what is due, and the tabs for each stage, deadlines, people, documents,
tasks and the audit trail.

The page is the controller: the tabs and dialogs only collect and show, and every change goes through a service
here, after which the page reloads itself and emits `changed` so other pages can refresh. (The chronology import
and the Documents tab call their slow services themselves, in the background, and the page reloads after.) What a
user may see and do follows their role: a chair reads, and never sees real names.
"""

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QDialog, QHBoxLayout, QTabWidget, QVBoxLayout, QWidget

from dhr_manager.domain.cases import PersonRole, Stage, Status
from dhr_manager.domain.events import EventKind
from dhr_manager.domain.roles import Permission, allows
from dhr_manager.errors import DhrError
from dhr_manager.services.agencies import list_agencies
from dhr_manager.services.audit_log import list_audit
from dhr_manager.services.cases import show_case
from dhr_manager.services.chronology import ChronologyView, edit_entry, list_chronology, set_key_event
from dhr_manager.services.people import add_person, list_people
from dhr_manager.services.tasks import TaskView, complete_task, list_tasks, skip_task
from dhr_manager.services.workflow import PAUSE_REASONS, WorkflowView, advance, pause, record_event, resume, workflow
from dhr_manager.storage.workspace import UnlockedWorkspace
from dhr_manager.ui.case.action_plan_tab import ActionPlanTab
from dhr_manager.ui.case.deadlines_tab import DeadlinesTab
from dhr_manager.ui.case.dialogs import AdvanceDialog, GateNotMetDialog, PauseDialog, ResumeDialog, SkipTaskDialog
from dhr_manager.ui.case.documents_tab import DocumentsTab
from dhr_manager.ui.case.event_form import offered_agencies
from dhr_manager.ui.case.people_tab import AddPersonDialog, PeopleTab
from dhr_manager.ui.case.stage_tab import StageTab
from dhr_manager.ui.case.stepper import StageStepper
from dhr_manager.ui.case.tasks_tab import TasksTab
from dhr_manager.ui.case.wording import deadline_colour, deadline_name
from dhr_manager.ui.chronology.chronology_tab import ChronologyTab
from dhr_manager.ui.chronology.edit_entry_dialog import EditEntryDialog
from dhr_manager.ui.chronology.import_dialog import ImportDialog
from dhr_manager.ui.exports import export_calendar_file
from dhr_manager.ui.fields import ValueLabel, button, table_view
from dhr_manager.ui.labels import InlineError, paragraph
from dhr_manager.ui.models.audit_table_model import audit_model
from dhr_manager.ui.page import Page
from dhr_manager.ui.words import day_text, days_left_text, stage_name, status_name

ENDED = (Status.CLOSED, Status.NOT_PROCEEDING)


class CasePage(Page):
    """`set_reference` chooses the case, `show_workspace` loads (and reloads) it, `clear` forgets it.

    `today` fixes the date for tests and screenshots; otherwise each load uses the real date. `dialog` is the
    dialog currently open over the page, if any.
    """

    changed = Signal()

    def __init__(self, today: date | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Case"))
        self._today = today
        self._ws: UnlockedWorkspace | None = None
        self._reference: str | None = None
        self._shown_reference: str | None = None
        self.dialog: QDialog | None = None
        self._agencies: list[str] = []  # offered by the import dialog: the case's, then the register's
        now = self._now()

        self.reference_label = ValueLabel(self.tr("Case reference"), show_caption=False)
        font = self.reference_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        self.reference_label.setFont(font)
        self.pseudonym_label = ValueLabel(self.tr("Victim (pseudonym)"))
        self.area_label = ValueLabel(self.tr("Area"))
        self.profile_label = ValueLabel(self.tr("Process"))
        self.stepper = StageStepper()
        self.status_label = ValueLabel(self.tr("Status"))
        self.deadline_label = ValueLabel(self.tr("Next deadline"))
        self.deadline_label.setWordWrap(True)
        self.advance_button = button(self.tr("&Advance stage…"), self.tr("Advance to the next stage"))
        self.advance_button.setToolTip(self.tr("Move the case to its next stage (Ctrl+Shift+A)"))
        self.pause_button = button(self.tr("&Pause…"), self.tr("Pause the case"))
        self.resume_button = button(self.tr("Res&ume…"), self.tr("Resume the case"))
        self.error = InlineError()

        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(self.tr("Parts of the case"))
        self.tabs.setDocumentMode(True)
        self.stage_tabs = {stage: StageTab(stage, now) for stage in Stage if stage is not Stage.CLOSED}
        self.chronology_tab = ChronologyTab()
        self.deadlines_tab = DeadlinesTab()
        self.people_tab = PeopleTab()
        self.documents_tab = DocumentsTab()
        self.action_plan_tab = ActionPlanTab()
        self.tasks_tab = TasksTab(now)
        self.audit_model = audit_model(self, with_case=False)
        self.audit_view = table_view(self.audit_model, self.tr("Audit trail of this case"))
        self.audit_tab = QWidget()
        self.audit_tab.setAccessibleName(self.tr("Audit trail of this case"))
        audit_layout = QVBoxLayout(self.audit_tab)
        audit_layout.addWidget(paragraph(self.tr(
            "Who did what on this case, oldest first. The log holds no names of the people involved.")))
        audit_layout.addWidget(self.audit_view, 1)

        top = QHBoxLayout()
        top.addWidget(self.reference_label)
        for label in (self.pseudonym_label, self.area_label, self.profile_label):
            top.addSpacing(self.fontMetrics().height() * 2)
            top.addWidget(label)
        top.addStretch(1)
        for push in (self.advance_button, self.pause_button, self.resume_button):
            top.addWidget(push)
        state = QHBoxLayout()
        state.addWidget(self.status_label)
        state.addSpacing(self.fontMetrics().height() * 2)
        state.addWidget(self.deadline_label, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.stepper)
        layout.addLayout(state)
        layout.addWidget(self.error)
        layout.addWidget(self.tabs, 1)

        self.advance_button.clicked.connect(lambda: self._open(self.advance_dialog))
        self.pause_button.clicked.connect(lambda: self._open(self.pause_dialog))
        self.resume_button.clicked.connect(lambda: self._open(self.resume_dialog))
        self.advance_shortcut = QShortcut(QKeySequence(self.tr("Ctrl+Shift+A")), self)
        self.advance_shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.advance_shortcut.activated.connect(self.advance_button.click)
        for tab in self.stage_tabs.values():
            tab.form.submitted.connect(lambda kind, on, details, tab=tab: self._record(tab, kind, on, details))
        self.people_tab.add_button.clicked.connect(lambda: self._open(self.add_person_dialog))
        self.tasks_tab.done_requested.connect(self._complete_task)
        self.deadlines_tab.export_button.clicked.connect(lambda: self.export_calendar())
        self.chronology_tab.import_requested.connect(lambda: self._open(self.import_dialog))
        self.chronology_tab.key_event_toggled.connect(self._set_key_event)
        self.chronology_tab.edit_requested.connect(
            lambda entry_id: self._open(lambda: self.edit_entry_dialog(entry_id)))
        self.documents_tab.changed.connect(self._after_change)
        self.documents_tab.dialog_requested.connect(lambda build: self._open(lambda: self._track(build())))
        self.action_plan_tab.dialog_requested.connect(lambda build: self._open(lambda: self._track(build())))
        self.tasks_tab.skip_requested.connect(lambda task: self._open(lambda: self.skip_task_dialog(task)))
        self._show_controls(editor=False, active=False, paused=False)

    # ---- the Page contract ---------------------------------------------------------------------------------

    @property
    def reference(self) -> str | None:
        return self._reference

    def set_reference(self, reference: str) -> None:
        """Choose the case `show_workspace` loads."""
        self._reference = reference

    def show_workspace(self, ws: UnlockedWorkspace) -> None:
        """Load the case from the services; a problem (a case gone, a role that may not read it) is shown in
        place of the case, never as a traceback."""
        self._ws = ws
        if self._reference is None:
            return
        today = self._now()
        role = ws.user.role
        editor = allows(role, Permission.EDIT_CASES)
        try:
            case = show_case(ws, self._reference)
            view = workflow(ws, self._reference, today)
            tasks = list_tasks(ws, case_reference=self._reference, include_closed=True, today=today)
            people = list_people(ws, self._reference) if editor else []
            # Agency chronologies carry real names, so chairs (who never see them) get no chronology tab.
            chronology = list_chronology(ws, self._reference) if editor else ChronologyView([])
            audit = list_audit(ws, case_reference=self._reference) if allows(role, Permission.READ_AUDIT) else []
            # Names are offered only where editors type them, once per load rather than on every keystroke; a
            # role that may not read the whole register is offered the case's own agencies only.
            register = [a.name for a in list_agencies(ws)] if editor and allows(
                role, Permission.READ_ALL_CASES) else []
        except DhrError as exc:
            self._forget_shown()
            self.error.show_message(exc.message)
            return
        self.error.show_message("")
        self.reference_label.show_value(view.reference)
        self.pseudonym_label.show_value(case.victim_pseudonym or self.tr("not recorded"))
        self.area_label.show_value(case.area)
        self.profile_label.show_value(view.profile)
        self.stepper.show_stages(view.stages, view.stage, view.status)
        self.status_label.show_value(self._status_text(view))
        self._show_next_deadline(view, today)

        active = view.status not in ENDED and view.stage is not Stage.CLOSED
        names = dict(view.stages)
        for stage, tab in self.stage_tabs.items():
            if stage in names:
                tab.show_view(view, names[stage], today, editable=editor and active, register=register)
            else:
                tab.clear()  # not in this case's profile: nothing from another case may linger
        self.deadlines_tab.show_deadlines(view.deadlines, today)
        self.people_tab.show_people(people)
        if view.reference != self._shown_reference:
            self.chronology_tab.clear_filters()  # another case's dates or agency would hide this one's entries
        self.chronology_tab.show_chronology(chronology, editable=editor and active)
        self._agencies = offered_agencies(
            [*(a.name for a in view.agencies), *sorted({e.agency for e in chronology.entries}, key=str.casefold)],
            register)
        self.tasks_tab.show_tasks(tasks, today, editable=editor)
        if editor:
            self.documents_tab.show_case(ws, self._reference, today, allows(role, Permission.OVERRIDE_DISCLOSURE))
        else:
            self.documents_tab.clear()
        if view.status is Status.NOT_PROCEEDING:
            self.action_plan_tab.clear()  # never a review, so no action plan
        else:  # monitored after publication, so editable once closed too
            self.action_plan_tab.show_case(ws, self._reference, today, editor, self._agencies)
        self.audit_model.set_rows(audit)
        self._arrange_tabs(names, editor, reads_audit=allows(role, Permission.READ_AUDIT))
        if view.reference != self._shown_reference and view.stage in names:
            self.tabs.setCurrentWidget(self.stage_tabs[view.stage])  # a case opens on the stage it is in
        self._shown_reference = view.reference
        self._show_controls(editor, active, paused=view.status is Status.PAUSED)

    def clear(self) -> None:
        """Forget the case and everything shown of it, as when the workspace locks."""
        self._reference = None
        self._ws = None
        self._forget_shown()
        self.error.show_message("")

    # ---- dialogs: built by methods a test can call, opened without a modal loop ----------------------------

    def advance_dialog(self) -> QDialog:
        """The missing gate items if the case cannot move on; otherwise the confirmation with its date."""
        ws, reference, today = self._case()
        view = workflow(ws, reference, today)  # fresh: someone may have recorded something meanwhile
        if view.missing:
            headline = self.tr("{reference} cannot leave the {stage} stage yet").format(
                reference=view.reference, stage=dict(view.stages).get(view.stage, stage_name(view.stage)))
            return self._track(GateNotMetDialog(headline, view.missing, self))
        order = [stage for stage, _name in view.stages]
        following = order.index(view.stage) + 1
        name = view.stages[following][1] if following < len(order) else None
        return self._track(AdvanceDialog(view.reference, name, today,
                                         lambda on: advance(ws, reference, on, today=today), self))

    def pause_dialog(self) -> QDialog:
        ws, reference, today = self._case()
        return self._track(PauseDialog(today, lambda reason, start: pause(ws, reference, reason, start, today=today),
                                       self))

    def resume_dialog(self) -> QDialog:
        ws, reference, today = self._case()
        return self._track(ResumeDialog(today, lambda on: resume(ws, reference, on, today=today), self))

    def add_person_dialog(self) -> QDialog:
        ws, reference, today = self._case()

        def add(role: PersonRole, name: str, pseudonym: str, born: date | None, address: str | None) -> None:
            add_person(ws, reference, role, name, pseudonym, born, address, today=today)

        return self._track(AddPersonDialog(today, add, self))

    def skip_task_dialog(self, task: TaskView) -> QDialog:
        ws, _reference, today = self._case()
        return self._track(SkipTaskDialog(task.title, lambda reason: skip_task(ws, task.id, reason, today=today),
                                          self))

    def import_dialog(self) -> ImportDialog:
        ws, reference, _today = self._case()
        dialog = ImportDialog(ws, reference, self._agencies, self)
        self._track(dialog)
        dialog.accepted.connect(lambda: self.chronology_tab.show_notice(dialog.message))
        return dialog

    def edit_entry_dialog(self, entry_id: str) -> EditEntryDialog:
        ws, _reference, _today = self._case()
        entry = next(e for e in self.chronology_tab.shown_entries() if e.id == entry_id)
        return self._track(EditEntryDialog(entry, lambda changes: edit_entry(ws, entry_id, changes), self))

    def show_action_plan(self) -> None:
        """Bring the Recommendations and actions tab forward, when the case has one."""
        if self.action_plan_tab.shown:
            self.tabs.setCurrentWidget(self.action_plan_tab)

    def export_calendar(self) -> bool:
        """This case's open deadlines and tasks as an .ics file; False if the user cancelled."""
        ws, reference, today = self._case()
        return export_calendar_file(self, ws, reference, today)

    def _set_key_event(self, entry_id: str, flag: bool) -> None:
        ws, _reference, _today = self._case()
        set_key_event(ws, entry_id, flag)
        self._after_change()

    def _track(self, dialog: QDialog) -> QDialog:
        """Reload after the dialog changed something, and close it if the page is cleared while it is open."""
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(self._after_change)
        dialog.finished.connect(lambda _result: self._forget_dialog(dialog))
        self.dialog = dialog
        return dialog

    def _forget_dialog(self, dialog: QDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None

    def _open(self, build: Callable[[], QDialog]) -> None:
        try:
            dialog = build()
        except DhrError as exc:
            self.error.show_message(exc.message)
            return
        dialog.open()

    # ---- actions -----------------------------------------------------------------------------------------

    def _record(self, tab: StageTab, kind: EventKind, on: date, details: dict) -> None:
        ws, reference, today = self._case()
        try:
            record_event(ws, reference, kind, on, details, today=today)
        except DhrError as exc:
            tab.form.show_error(exc.message)
            return
        tab.form.reset()
        self._after_change()

    def _complete_task(self, task: TaskView) -> None:
        ws, _reference, today = self._case()
        try:
            complete_task(ws, task.id, today=today)
        except DhrError as exc:
            self.tasks_tab.error.show_message(exc.message)
            return
        self._after_change()

    def _after_change(self) -> None:
        if self._ws is not None:
            self.show_workspace(self._ws)
        self.changed.emit()

    # ---- helpers -------------------------------------------------------------------------------------------

    def _now(self) -> date:
        return self._today or date.today()

    def _case(self) -> tuple[UnlockedWorkspace, str, date]:
        if self._ws is None or self._reference is None:
            raise RuntimeError("CasePage: no case is shown")  # the controls are hidden until one is
        return self._ws, self._reference, self._now()

    def _status_text(self, view: WorkflowView) -> str:
        if view.status is Status.PAUSED and view.pause is not None:
            return self.tr("Paused — {reason}, since {day}").format(
                reason=PAUSE_REASONS.get(view.pause.reason, view.pause.reason), day=day_text(view.pause.start))
        return status_name(view.status)

    def _show_next_deadline(self, view: WorkflowView, today: date) -> None:
        deadline = view.next_deadline
        colour = None
        if deadline is None:
            text = self.tr("none open")
        elif view.status is Status.PAUSED:
            text = self.tr("{deadline} — clocks paused").format(deadline=deadline_name(deadline))
        else:
            text = self.tr("{deadline} — {day}, {left}").format(
                deadline=deadline_name(deadline), day=day_text(deadline.due), left=days_left_text(deadline.due, today))
            colour = deadline_colour(deadline, today)
        self.deadline_label.show_value(text)
        # The words say how late it is; the colour only helps it catch the eye.
        self.deadline_label.setStyleSheet(f"color: {colour.name()}; font-weight: bold;" if colour else "")

    def _arrange_tabs(self, stage_names: dict[Stage, str], editor: bool, reads_audit: bool) -> None:
        """The profile's stages, Recommendations and actions (for reviews), then Combined chronology and Documents
        (staff only), Deadlines, People (staff only), Tasks and Audit (for those who may read it)."""
        wanted: list[tuple[QWidget, str]] = [(self.stage_tabs[s], name) for s, name in stage_names.items()]
        if self.action_plan_tab.shown:
            wanted.append((self.action_plan_tab, self.tr("Recommendations and actions")))
        if editor:
            wanted.append((self.chronology_tab, self.tr("Combined chronology")))
            wanted.append((self.documents_tab, self.tr("Documents")))
        wanted.append((self.deadlines_tab, self.tr("Deadlines")))
        if editor:
            wanted.append((self.people_tab, self.tr("People")))
        wanted.append((self.tasks_tab, self.tr("Tasks")))
        if reads_audit:
            wanted.append((self.audit_tab, self.tr("Audit")))
        if [widget for widget, _title in wanted] != [self.tabs.widget(i) for i in range(self.tabs.count())]:
            keep = self.tabs.currentWidget()
            self.tabs.clear()
            for widget, title in wanted:
                self.tabs.addTab(widget, title)
            if any(widget is keep for widget, _title in wanted):
                self.tabs.setCurrentWidget(keep)
        for i, (_widget, title) in enumerate(wanted):
            self.tabs.setTabText(i, title)

    def _show_controls(self, editor: bool, active: bool, paused: bool) -> None:
        self.advance_button.setVisible(editor and active)
        self.advance_shortcut.setEnabled(editor and active)
        self.pause_button.setVisible(editor and active and not paused)
        self.resume_button.setVisible(editor and active and paused)

    def _forget_shown(self) -> None:
        if self.dialog is not None:
            self.dialog.reject()
        self._shown_reference = None
        self._agencies = []
        for label in (self.reference_label, self.pseudonym_label, self.area_label, self.profile_label,
                      self.status_label, self.deadline_label):
            label.clear()
        self.deadline_label.setStyleSheet("")
        self.stepper.clear()
        for tab in self.stage_tabs.values():
            tab.clear()
        self.deadlines_tab.clear()
        self.people_tab.clear()
        self.chronology_tab.clear()
        self.documents_tab.clear()
        self.action_plan_tab.clear()
        self.tasks_tab.clear()
        self.audit_model.set_rows([])
        self.tabs.clear()
        self._show_controls(editor=False, active=False, paused=False)
