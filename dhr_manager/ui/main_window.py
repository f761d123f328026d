"""The main window: navigation (Dashboard, Cases, Tasks, Action plans, Agencies, Audit, Settings), a case
workspace, locking.

Ctrl+1 to Ctrl+7 reach the navigation's screens in that order; a screen the user's role may not read (the agency
register and the audit log, for chairs) is hidden from the navigation and its shortcut does nothing.

Every screen is a `Page`; locking, by hand (Ctrl+L) or after the idle time in Settings, drops the key and clears
every page, then emits `locked` so that the application can ask for the passphrase again.

At start the window appears as soon as the passphrase has opened the key, before the screens' modules (SQLAlchemy,
the services) have finished importing: it says "Opening the workspace…", its navigation already answers, and
`set_workspace` builds the screens (see `ui.screens`) and shows the one chosen.
"""

import gc
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6 import QtCore  # QtCore.Qt when used, not at import: see ui.application
from PySide6.QtCore import QByteArray, QEvent, QObject, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QWidget,
)

from dhr_manager.domain.roles import Permission, allows
from dhr_manager.errors import DhrError
from dhr_manager.settings import Settings
from dhr_manager.ui.background import run_in_background
from dhr_manager.ui.page import Page
from dhr_manager.ui.words import role_name

if TYPE_CHECKING:
    from dhr_manager.storage.workspace import UnlockedWorkspace, Workspace
    from dhr_manager.ui.about_dialog import AboutDialog
    from dhr_manager.ui.case.case_page import CasePage
    from dhr_manager.ui.pages.action_plans_page import ActionPlansPage
    from dhr_manager.ui.pages.agencies_page import AgenciesPage
    from dhr_manager.ui.pages.audit_page import AuditPage
    from dhr_manager.ui.pages.cases_page import CasesPage
    from dhr_manager.ui.pages.dashboard import DashboardPage
    from dhr_manager.ui.pages.settings_page import SettingsPage
    from dhr_manager.ui.pages.tasks_page import TasksPage
    from dhr_manager.ui.screens import Screens

# The screens a role needs a permission to see; every other screen is for everyone.
RESTRICTED_VIEWS = {"agencies": Permission.READ_ALL_CASES, "audit": Permission.READ_AUDIT}
_ACTIVITY = {QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove, QEvent.Type.Wheel}


def _centred(text: str, name: str) -> QLabel:
    """A message across the whole screen area. Centred through the style sheet, so that the window's shell
    needs no `QtCore.Qt` (see ui.application)."""
    label = QLabel(text)
    label.setStyleSheet("qproperty-alignment: AlignCenter;")
    label.setAccessibleName(name)
    return label


class MainWindow(QMainWindow):
    locked = Signal()
    # The screens, built by `set_workspace` the first time (see `ui.screens`).
    dashboard: "DashboardPage"
    cases: "CasesPage"
    tasks: "TasksPage"
    action_plans: "ActionPlansPage"
    agencies: "AgenciesPage"
    audit: "AuditPage"
    settings_page: "SettingsPage"

    def __init__(self, unlocked: "UnlockedWorkspace | None", settings: Settings | None = None,
                 today: date | None = None, parent: QWidget | None = None) -> None:
        """Given no workspace yet, the window says it is opening it until `set_workspace` is called."""
        super().__init__(parent)
        self.settings = settings or Settings()
        self._ws: UnlockedWorkspace | None = None
        self._workspace: Workspace | None = None
        self.setAccessibleName(self.tr("DHR Manager"))
        self.resize(1200, 780)

        self._today = today
        self._screens: Screens | None = None
        self._picked_while_opening: str | None = None
        self._case_page: CasePage | None = None  # built when first opened: the biggest screen, and slow to import
        self.view_labels = {"dashboard": self.tr("Dashboard"), "cases": self.tr("Cases"), "tasks": self.tr("Tasks"),
                            "actions": self.tr("Action plans"), "agencies": self.tr("Agencies"),
                            "audit": self.tr("Audit"), "settings": self.tr("Settings")}
        self.locked_message = _centred(self.tr("The workspace is locked."), self.tr("Locked"))
        self.opening_message = _centred(self.tr("Opening the workspace…"), self.tr("Opening the workspace"))

        self.stack = QStackedWidget()
        self.stack.setAccessibleName(self.tr("Current screen"))
        self.navigation = QListWidget()
        self.navigation.setAccessibleName(self.tr("Navigation"))
        for label in self.view_labels.values():
            self.navigation.addItem(QListWidgetItem(label))
        self.stack.addWidget(self.locked_message)
        self.stack.addWidget(self.opening_message)
        self.navigation.setFixedWidth(self.navigation.sizeHintForColumn(0) + 4 * self.fontMetrics().averageCharWidth())
        self.navigation.currentRowChanged.connect(self._navigate)

        central = QWidget()
        row = QHBoxLayout(central)
        row.addWidget(self.navigation)
        row.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self.status_label = QLabel()
        self.status_label.setAccessibleName(self.tr("Who is signed in"))
        self.statusBar().addWidget(self.status_label)

        self._build_actions()
        self._build_help_menu()
        self.idle_timer = QTimer(self)
        self.idle_timer.setSingleShot(True)
        self.idle_timer.timeout.connect(self.lock)
        self._restore_geometry()
        if unlocked is not None:
            self.set_workspace(unlocked)
        else:
            self._disable_actions()
            self.stack.setCurrentWidget(self.opening_message)
            self.status_label.setText(self.tr("Opening the workspace…"))

    @property
    def views(self) -> "dict[str, tuple[str, Page]]":
        """Each screen by its navigation key, with its label; empty until the screens are built."""
        pages = self._screens.by_view() if self._screens is not None else {}
        return {key: (label, pages[key]) for key, label in self.view_labels.items() if key in pages}

    def _build_screens(self) -> None:
        """Build the screens (their modules are imported by now: see `WorkspaceOpener`) and wire them up."""
        from dhr_manager.ui.screens import build_screens

        screens = self._screens = build_screens(self.settings, self._today)
        self.dashboard, self.cases, self.tasks = screens.dashboard, screens.cases, screens.tasks
        self.action_plans, self.agencies, self.audit = screens.action_plans, screens.agencies, screens.audit
        self.settings_page = screens.settings_page
        for page in screens.by_view().values():
            self.stack.addWidget(page)
            page.open_case.connect(self.open_case)
        self.action_plans.open_action_plan.connect(self.open_action_plan)
        self.dashboard.show_overdue_actions.connect(self.show_overdue_actions)
        self.dashboard.loaded.connect(self._freeze_heap)
        for changing in (self.cases, self.tasks, self.agencies):
            changing.changed.connect(self._data_changed)
        self.settings_page.saved.connect(self._restart_idle_timer)

    # ---- actions ---------------------------------------------------------------------------------------------

    def _action(self, text: str, shortcut: str | QKeySequence.StandardKey | None, slot: object,
                tip: str = "") -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            # setShortcuts with one, as setShortcut's overloads make PySide set up `QtCore.Qt` (see ui.application).
            action.setShortcuts([QKeySequence(shortcut)])
        action.setStatusTip(tip)
        action.triggered.connect(slot)
        self.addAction(action)  # shortcuts work whichever widget has focus
        return action

    def _build_actions(self) -> None:
        self.new_case_action = self._action(self.tr("&New case…"), self.tr("Ctrl+N"), self._new_case,
                                            self.tr("Open a new case"))
        self.calendar_action = self._action(self.tr("Export &calendar (.ics)…"), None, self.export_calendar,
                                            self.tr("Every open deadline and task, for your calendar app"))
        self.return_action = self._action(self.tr("Administrator's &return (.xlsx)…"), None, self.export_return,
                                          self.tr("Every case's stage, deadlines, days late and pauses, for boards"))
        self.backup_action = self._action(self.tr("&Back up workspace…"), None, self.back_up,
                                          self.tr("Write an encrypted copy of the workspace"))
        self.lock_action = self._action(self.tr("&Lock now"), self.tr("Ctrl+L"), self.lock,
                                        self.tr("Hide everything and ask for the passphrase again"))
        self.quit_action = self._action(self.tr("&Quit"), self.tr("Ctrl+Q"), self.close)
        self.find_action = self._action(self.tr("&Find case"), self.tr("Ctrl+F"), self._find,
                                        self.tr("Search cases by reference or pseudonym"))
        self.refresh_action = self._action(self.tr("&Refresh"), QKeySequence.StandardKey.Refresh, self.refresh)
        self.refresh_action.setShortcuts([QKeySequence("F5")])
        self.back_action = self._action(self.tr("&Back to the list"), self.tr("Alt+Left"), self._back)
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        for action in (self.new_case_action, self.calendar_action, self.return_action, self.backup_action,
                       self.lock_action):
            file_menu.addAction(action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        view_menu = self.menuBar().addMenu(self.tr("&View"))
        self.view_actions: dict[str, QAction] = {}
        for number, (key, label) in enumerate(self.view_labels.items(), start=1):
            action = self._action(label, f"Ctrl+{number}", lambda _=False, k=key: self.show_view(k))
            view_menu.addAction(action)
            self.view_actions[key] = action
        view_menu.addSeparator()
        for action in (self.find_action, self.refresh_action, self.back_action):
            view_menu.addAction(action)

    def _build_help_menu(self) -> None:
        """Help stays usable while the workspace is locked: its actions are not the window's, which lock disables."""
        self.user_guide_action = QAction(self.tr("&User guide"), self)
        self.user_guide_action.setShortcuts([QKeySequence(QKeySequence.StandardKey.HelpContents)])
        self.user_guide_action.triggered.connect(self.show_user_guide)
        self.about_action = QAction(self.tr("&About DHR Manager"), self)
        self.about_action.triggered.connect(self.show_about)
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        help_menu.addAction(self.user_guide_action)
        help_menu.addAction(self.about_action)

    def show_user_guide(self) -> None:
        from dhr_manager.ui.about_dialog import open_user_guide  # the window appears sooner without it

        if open_user_guide() is None:
            self.warn(self.tr("User guide not installed"), self.tr(
                "This installation does not include the user guide. It is the file docs/user-guide.md of "
                "DHR Manager's source, and the packaged application includes it."))

    def show_about(self) -> "AboutDialog":
        from dhr_manager.ui.about_dialog import AboutDialog

        dialog = AboutDialog(self._workspace.path if self._workspace is not None else None, self)
        dialog.setAttribute(QtCore.Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    # ---- workspace and locking -------------------------------------------------------------------------------

    def set_workspace(self, unlocked: "UnlockedWorkspace") -> None:
        """Show `unlocked`: at start and after the user unlocks again."""
        if self._screens is None:
            self._build_screens()
            # Drawn now, behind the window's first appearance, at every size (about 10 ms); every window and
            # dialog of the application shows it from here on.
            from dhr_manager.ui.app_icon import application_icon

            QApplication.setWindowIcon(application_icon())
        self._ws = unlocked
        self._workspace = unlocked.workspace
        app = QApplication.instance()
        if app is not None:
            # Watched from now, when there is something to lock: the first events through a Python filter on
            # the whole application make PySide set up every Qt class (about 60 ms), which need not delay the
            # window's first appearance. Installing it again only moves it to the front.
            app.installEventFilter(self)
        role = unlocked.user.role
        self.setWindowTitle(self.tr("DHR Manager — {name}").format(name=unlocked.path.name))
        self.status_label.setText(self.tr("Unlocked as {name} ({role})").format(
            name=unlocked.user.name, role=role_name(role)))
        editor = allows(role, Permission.EDIT_CASES)
        self.new_case_action.setEnabled(editor)
        self.backup_action.setEnabled(allows(role, Permission.BACKUP))
        self.calendar_action.setEnabled(True)
        self.return_action.setEnabled(allows(role, Permission.READ_ALL_CASES))
        allowed = {key: allows(role, permission) for key, permission in RESTRICTED_VIEWS.items()}
        for row, key in enumerate(self.view_labels):
            self.navigation.item(row).setHidden(not allowed.get(key, True))
            self.view_actions[key].setEnabled(allowed.get(key, True))  # locking disabled them all
        for action in (self.lock_action, self.find_action, self.refresh_action, self.back_action):
            action.setEnabled(True)
        self.navigation.setEnabled(True)
        # The screen picked while the workspace was opening, else the one shown last time.
        last = self._picked_while_opening or self.settings.get("last_view")
        self._picked_while_opening = None
        self.show_view(last if last in self.views and allowed.get(last, True) else "dashboard")
        self._restart_idle_timer()
        self._freeze_heap()

    @staticmethod
    def _freeze_heap() -> None:
        """Everything loaded so far (modules, Qt wrappers, the dashboard's cases) lives as long as the window.
        Freezing it keeps Python's full garbage collections from walking it again: measured here, such a
        collection held the interpreter for 130 ms while background work ran, freezing the window. Called on
        unlock and again when the dashboard's background load has landed, which is most of the heap."""
        gc.freeze()

    @property
    def workspace(self) -> "UnlockedWorkspace | None":
        return self._ws

    @property
    def sealed_workspace(self) -> "Workspace | None":
        """The workspace file last shown, locked or not: what Unlock opens again."""
        return self._workspace

    def lock(self) -> None:
        """Drop the key and every decrypted value on screen, then let the application ask to unlock."""
        if self._ws is None:
            return
        self._forget_workspace()
        self.stack.setCurrentWidget(self.locked_message)
        self.status_label.setText(self.tr("Locked"))
        self.navigation.setEnabled(False)
        self._disable_actions()
        self.locked.emit()

    def _disable_actions(self) -> None:
        """Every action that reaches the workspace, while it is locked or still opening; Quit and Help stay."""
        for action in self.actions():
            if action is not self.quit_action:
                action.setEnabled(False)

    def _forget_workspace(self) -> None:
        self.idle_timer.stop()
        if self._ws is not None:
            self._ws.lock()
            self._ws = None
        for page in (*(page for _label, page in self.views.values()), self._case_page):
            if page is not None:
                page.clear()

    def _restart_idle_timer(self) -> None:
        if self._ws is not None:
            self.idle_timer.start(self.settings.get("auto_lock_minutes") * 60_000)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Any keyboard or mouse use in the application postpones the automatic lock."""
        if event.type() in _ACTIVITY and self.idle_timer.isActive():
            self.idle_timer.start()
        return False

    # ---- navigation ------------------------------------------------------------------------------------------

    def show_view(self, key: str) -> None:
        row = list(self.view_labels).index(key)
        if self.navigation.currentRow() == row:
            self._navigate(row)
        else:
            self.navigation.setCurrentRow(row)

    def _navigate(self, row: int) -> None:
        if row < 0:
            return
        key = list(self.view_labels)[row]
        if self._ws is None:
            if self._screens is None:  # still opening: that screen is shown once it is built
                self._picked_while_opening = key
            return
        page = self.views[key][1]
        self._show_page(page)
        self.settings.set("last_view", key)

    def _show_page(self, page: Page) -> None:
        """Pages are filled when shown, so that a list never shows data older than the last change."""
        assert self._ws is not None
        try:
            page.show_workspace(self._ws)
        except DhrError as exc:
            self.warn(self.tr("Cannot show this screen"), exc.message)
            return
        self.stack.setCurrentWidget(page)

    @property
    def case_page(self) -> "CasePage":
        if self._case_page is None:
            from dhr_manager.ui.case.case_page import CasePage

            self._case_page = CasePage(today=self._today)
            self._case_page.changed.connect(self._data_changed)
            self.stack.addWidget(self._case_page)
        return self._case_page

    def open_case(self, reference: str) -> None:
        if self._ws is None:
            return
        self.case_page.set_reference(reference)
        self._show_page(self.case_page)
        # A case belongs under Cases in the navigation, whichever screen it was opened from.
        self.navigation.blockSignals(True)
        self.navigation.setCurrentRow(list(self.view_labels).index("cases"))
        self.navigation.blockSignals(False)

    def open_action_plan(self, reference: str) -> None:
        """Open the case on its Recommendations and actions tab."""
        self.open_case(reference)
        if self._case_page is not None and self.stack.currentWidget() is self._case_page:
            self._case_page.show_action_plan()

    def show_overdue_actions(self) -> None:
        """The Action plans screen, showing the red (overdue) actions of every agency."""
        from dhr_manager.domain.actions import Rag

        self.show_view("actions")
        self.action_plans.set_filter(rag=Rag.RED)

    def current_page(self) -> QWidget:
        return self.stack.currentWidget()

    def refresh(self) -> None:
        page = self.stack.currentWidget()
        if self._ws is not None and isinstance(page, Page):
            self._show_page(page)

    def _data_changed(self) -> None:
        """A change on one screen: the others refresh when next shown; the dashboard counts may change now."""
        self._restart_idle_timer()

    def _back(self) -> None:
        if self._case_page is not None and self.stack.currentWidget() is self._case_page:
            self.show_view(list(self.view_labels)[max(self.navigation.currentRow(), 0)])

    def _find(self) -> None:
        self.show_view("cases")
        self.cases.focus_search()

    def _new_case(self) -> None:
        self.show_view("cases")
        self.cases.new_case()

    # ---- exports and backup ----------------------------------------------------------------------------------

    def export_calendar(self) -> None:
        from dhr_manager.ui.exports import export_calendar_file

        if self._ws is not None:
            export_calendar_file(self, self._ws)

    def export_return(self) -> None:
        from dhr_manager.ui.exports import export_return_file

        if self._ws is not None:
            export_return_file(self, self._ws)

    def back_up(self) -> None:
        if self._ws is None:
            return
        suggested = str(self._ws.path.with_name(f"{self._ws.path.stem}-backup-{date.today().isoformat()}.dhr"))
        target, _filter = QFileDialog.getSaveFileName(self, self.tr("Back up the workspace"), suggested,
                                                      self.tr("DHR Manager workspace (*.dhr)"))
        if target:
            self.start_backup(Path(target))

    def start_backup(self, target: Path) -> None:
        """Write the backup on a worker thread; the window stays responsive meanwhile."""
        from dhr_manager.services.backups import backup_workspace

        ws = self._ws
        assert ws is not None
        run_in_background(self, self.tr("Backing up the workspace…"), lambda: backup_workspace(ws, target),
                          self._backup_done, self._backup_failed)

    def _backup_done(self, target: object) -> None:
        self.statusBar().showMessage(self.tr("Backed up to {path}").format(path=target), 10_000)

    def _backup_failed(self, exc: Exception) -> None:
        message = exc.message if isinstance(exc, DhrError) else self.tr("The backup failed ({kind}).").format(
            kind=type(exc).__name__)
        self.warn(self.tr("Backup not written"), message)

    def warn(self, title: str, message: str) -> QMessageBox:
        """A window-modal message that does not stop the event loop (so timers, auto-lock and tests go on)."""
        box = QMessageBox(QMessageBox.Icon.Warning, title, message, QMessageBox.StandardButton.Ok, self)
        box.setAttribute(QtCore.Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        return box

    # ---- window state ----------------------------------------------------------------------------------------

    def _restore_geometry(self) -> None:
        saved = self.settings.get("window_geometry")
        if saved:
            self.restoreGeometry(QByteArray.fromBase64(saved.encode()))

    def closeEvent(self, event: QCloseEvent) -> None:
        """Quitting locks too, so the key never outlives the window; the window's place is remembered."""
        self.settings.set("window_geometry", bytes(self.saveGeometry().toBase64().data()).decode())
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
        self._forget_workspace()
        super().closeEvent(event)
