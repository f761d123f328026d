"""The main window: for now the list of cases the user may read, with Lock now and Quit."""

from PySide6.QtCore import QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QMainWindow, QStackedWidget, QTableView, QWidget

from dhr_manager.domain.roles import Role
from dhr_manager.services.cases import list_cases
from dhr_manager.storage.workspace import UnlockedWorkspace
from dhr_manager.ui.case_table_model import CaseTableModel


class MainWindow(QMainWindow):
    """Shows one unlocked workspace. `locked` is emitted after Lock now so the application can ask to unlock
    again (and tests can lock without a modal dialog); `set_workspace` fills the window again."""

    locked = Signal()

    def __init__(self, unlocked: UnlockedWorkspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._workspace: UnlockedWorkspace | None = None
        self.setAccessibleName(self.tr("DHR Manager"))
        self.resize(960, 600)

        self.model = CaseTableModel(self)
        proxy = QSortFilterProxyModel(self)
        proxy.setSourceModel(self.model)
        self.table = QTableView()
        self.table.setAccessibleName(self.tr("Cases"))
        self.table.setModel(proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)

        self.message = QLabel()
        self.message.setAccessibleName(self.tr("Cases"))
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setWordWrap(True)
        self.pages = QStackedWidget()
        self.pages.setAccessibleName(self.tr("Cases"))
        self.pages.addWidget(self.table)
        self.pages.addWidget(self.message)
        self.setCentralWidget(self.pages)

        self.status_label = QLabel()
        self.status_label.setAccessibleName(self.tr("Who is signed in"))
        self.statusBar().addWidget(self.status_label)
        self.statusBar().setAccessibleName(self.tr("Status"))

        self.lock_action = QAction(self.tr("&Lock now"), self)
        self.lock_action.setShortcut(QKeySequence(self.tr("Ctrl+L")))
        self.lock_action.setStatusTip(self.tr("Hide everything and ask for the passphrase again"))
        self.lock_action.triggered.connect(self.lock)
        # Set explicitly: the platform's standard Quit key is empty on Windows.
        self.quit_action = QAction(self.tr("&Quit"), self)
        self.quit_action.setShortcut(QKeySequence(self.tr("Ctrl+Q")))
        self.quit_action.triggered.connect(self.close)
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        file_menu.addAction(self.lock_action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        self.menuBar().setAccessibleName(self.tr("Menu bar"))

        self.set_workspace(unlocked)

    def set_workspace(self, unlocked: UnlockedWorkspace) -> None:
        """Show `unlocked`: at start and after the user unlocks again."""
        self._workspace = unlocked
        self.setWindowTitle(self.tr("DHR Manager — {name}").format(name=unlocked.path.name))
        roles = {Role.ADMINISTRATOR: self.tr("administrator"), Role.COORDINATOR: self.tr("coordinator"),
                 Role.CHAIR: self.tr("chair")}
        self.status_label.setText(self.tr("Unlocked as {name} ({role})").format(
            name=unlocked.user.name, role=roles[unlocked.user.role]))
        self.lock_action.setEnabled(True)
        self.model.set_cases(list_cases(unlocked))
        if self.model.rowCount():
            self.pages.setCurrentWidget(self.table)
        else:
            self.message.setText(self.tr("No cases yet."))
            self.pages.setCurrentWidget(self.message)

    def lock(self) -> None:
        """Drop the key and every decrypted value on screen, then let the application ask to unlock."""
        self._forget_workspace()
        self.message.setText(self.tr("The workspace is locked."))
        self.pages.setCurrentWidget(self.message)
        self.status_label.setText(self.tr("Locked"))
        self.lock_action.setEnabled(False)
        self.locked.emit()

    def _forget_workspace(self) -> None:
        if self._workspace is not None:
            self._workspace.lock()
            self._workspace = None
        self.model.set_cases([])

    def closeEvent(self, event: QCloseEvent) -> None:
        """Quitting locks too, so the key never outlives the window."""
        self._forget_workspace()
        super().closeEvent(event)
