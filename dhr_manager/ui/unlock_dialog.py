"""Asking who the user is and for their passphrase, at start and again after the workspace was locked.

At start the dialog is shown before the workspace file is open (see `WorkspaceOpener`): the passphrase can be
typed at once, and the names appear as soon as the file is read. Pressing Unlock earlier waits for it.
"""

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from dhr_manager.errors import DhrError, WrongPassphrase
from dhr_manager.ui.labels import InlineError, heading, paragraph
from dhr_manager.ui.workspace_opener import WorkspaceOpener

if TYPE_CHECKING:  # importing them takes longer than showing this dialog: see WorkspaceOpener
    from dhr_manager.storage.workspace import UnlockedWorkspace, Workspace


class UnlockDialog(QDialog):
    """Stays open until the passphrase opens the workspace or the user cancels; `unlocked` holds the result.

    Given a `WorkspaceOpener` rather than an open workspace, it rejects itself if the file cannot be opened,
    leaving the reason in `open_error`."""

    def __init__(self, workspace: "Workspace | WorkspaceOpener", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._workspace: Workspace | None = None
        self.unlocked: UnlockedWorkspace | None = None
        self.open_error: DhrError | None = None
        self.setWindowTitle(self.tr("Unlock the DHR Manager workspace"))
        self.setAccessibleName(self.tr("Unlock the workspace"))
        self.setMinimumWidth(520)

        self.user_combo = QComboBox()
        self.user_combo.setAccessibleName(self.tr("Your name"))
        self.passphrase_edit = QLineEdit()
        self.passphrase_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase_edit.setAccessibleName(self.tr("Passphrase"))
        form = QFormLayout()
        form.addRow(self.tr("Your &name:"), self.user_combo)
        form.addRow(self.tr("&Passphrase:"), self.passphrase_edit)

        self.error = InlineError()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        buttons.setAccessibleName(self.tr("Unlock or cancel"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setAccessibleName(self.tr("Cancel"))
        self.unlock_button = buttons.addButton(self.tr("&Unlock"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.unlock_button.setAccessibleName(self.tr("Unlock"))
        buttons.accepted.connect(self._unlock)
        buttons.rejected.connect(self.reject)
        self.user_combo.currentIndexChanged.connect(self._update_button)
        self.passphrase_edit.textChanged.connect(self._update_button)

        location = paragraph(self.tr("Workspace: {path}").format(path=workspace.path))
        location.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("Unlock the workspace")))
        layout.addWidget(location)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addStretch(1)
        layout.addWidget(buttons)
        self.unlock_button.setDefault(True)  # only once the button is inside the dialog, or Qt ignores it
        if isinstance(workspace, WorkspaceOpener):
            self._opener: WorkspaceOpener | None = workspace
            workspace.opened.connect(self._opened)
            workspace.failed.connect(self._failed)
            self.user_combo.setPlaceholderText(self.tr("Reading the names…"))
            self.passphrase_edit.setFocus()  # most workspaces have one user; typing need not wait for the names
            if workspace.ready:
                self._opened()
        else:
            self._opener = None
            self._show_users(workspace)
            (self.passphrase_edit if self.user_combo.currentIndex() >= 0 else self.user_combo).setFocus()
        self._update_button()

    def _show_users(self, workspace: "Workspace") -> None:
        self._workspace = workspace
        self.user_combo.addItems(workspace.user_names())
        if self.user_combo.count() > 1:
            # Nobody is preselected where several people share the workspace: each must say who they are.
            self.user_combo.setPlaceholderText(self.tr("Choose your name"))
            self.user_combo.setCurrentIndex(-1)
        else:
            self.user_combo.setPlaceholderText("")
            self.user_combo.setCurrentIndex(0)  # a placeholder, shown while reading the names, stops Qt doing it

    def _opened(self) -> None:
        if self._workspace is None and self._opener is not None:
            self._show_users(self._opener.workspace())
            self._update_button()

    def _failed(self, exc: DhrError) -> None:
        self.open_error = exc
        self.reject()

    def _update_button(self) -> None:
        named = self.user_combo.currentIndex() >= 0 or self._workspace is None  # names not read yet: wait on Unlock
        self.unlock_button.setEnabled(named and bool(self.passphrase_edit.text()))

    def _unlock(self) -> None:
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)  # deriving the key takes a moment
        try:
            if self._workspace is None and self._opener is not None:
                self._opener.workspace()  # the user was quicker than the imports: wait for them
                self._opened()
                if self.user_combo.currentIndex() < 0:
                    self._update_button()
                    self.error.show_message(self.tr("Choose your name, then press Unlock."))
                    self.user_combo.setFocus()
                    return
            assert self._workspace is not None
            self.unlocked = self._workspace.unlock(self.user_combo.currentText(), self.passphrase_edit.text())
        except WrongPassphrase as exc:
            self.error.show_message(exc.message)
            self.passphrase_edit.clear()
            self.passphrase_edit.setFocus()
            return
        except DhrError as exc:
            self.error.show_message(exc.message)
            return
        finally:
            QApplication.restoreOverrideCursor()
        self.passphrase_edit.clear()
        self.accept()
