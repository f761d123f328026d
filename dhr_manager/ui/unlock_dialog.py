"""Asking who the user is and for their passphrase, at start and again after the workspace was locked.

The dialog reads the names and opens the key slot straight from the file (`storage.unlocking`: sqlite3 and
cryptography only), so at start it needs neither SQLAlchemy nor the services, which import behind it while the
user types (see `WorkspaceOpener`).
"""

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from dhr_manager.errors import DhrError, WrongPassphrase
from dhr_manager.storage.unlocking import open_with_passphrase, user_names
from dhr_manager.ui.labels import InlineError, heading, paragraph

if TYPE_CHECKING:
    from dhr_manager.storage.unlocking import OpenedKey


class UnlockDialog(QDialog):
    """Stays open until the passphrase opens the workspace's key or the user cancels; `key` holds the result,
    for `Workspace.unlock_with`. The file at `path` has passed `preflight`; its names are read at once."""

    def __init__(self, path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.path = path
        self.key: OpenedKey | None = None
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
        buttons = QDialogButtonBox()  # its constructor with buttons would set up `QtCore.Qt` (see ui.application)
        buttons.setAccessibleName(self.tr("Unlock or cancel"))
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel).setAccessibleName(self.tr("Cancel"))
        self.unlock_button = buttons.addButton(self.tr("&Unlock"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.unlock_button.setAccessibleName(self.tr("Unlock"))
        buttons.accepted.connect(self._unlock)
        buttons.rejected.connect(self.reject)
        self.user_combo.currentIndexChanged.connect(self._update_button)
        self.passphrase_edit.textChanged.connect(self._update_button)

        location = paragraph(self.tr("Workspace: {path}").format(path=path))
        # Selectable, for copying; set through the style sheet, so the dialog needs no `QtCore.Qt` (see
        # ui.application).
        location.setStyleSheet("qproperty-textInteractionFlags: TextSelectableByMouse;")
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("Unlock the workspace")))
        layout.addWidget(location)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addStretch(1)
        layout.addWidget(buttons)
        self.unlock_button.setDefault(True)  # only once the button is inside the dialog, or Qt ignores it
        try:
            self._show_users(user_names(path))
        except DhrError as exc:  # the file went between the check and now: say so, and Unlock stays off
            self.error.show_message(exc.message)
        (self.passphrase_edit if self.user_combo.currentIndex() >= 0 else self.user_combo).setFocus()
        self._update_button()

    def _show_users(self, names: list[str]) -> None:
        self.user_combo.addItems(names)
        if self.user_combo.count() > 1:
            # Nobody is preselected where several people share the workspace: each must say who they are.
            self.user_combo.setPlaceholderText(self.tr("Choose your name"))
            self.user_combo.setCurrentIndex(-1)

    def _update_button(self) -> None:
        self.unlock_button.setEnabled(self.user_combo.currentIndex() >= 0 and bool(self.passphrase_edit.text()))

    def _unlock(self) -> None:
        # Deriving the key takes a moment (about a second on a slow machine): the button says so meanwhile.
        label = self.unlock_button.text()
        self.unlock_button.setText(self.tr("Unlocking…"))
        self.unlock_button.setEnabled(False)
        self.unlock_button.repaint()
        try:
            self.key = open_with_passphrase(self.path, self.user_combo.currentText(), self.passphrase_edit.text())
        except WrongPassphrase as exc:
            self.error.show_message(exc.message)
            self.passphrase_edit.clear()
            self.passphrase_edit.setFocus()
            return
        except DhrError as exc:
            self.error.show_message(exc.message)
            return
        finally:
            self.unlock_button.setText(label)
            self._update_button()
        self.passphrase_edit.clear()
        self.accept()
