"""The first start: create the workspace file with its first administrator, then show the recovery key once."""

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from dhr_manager.errors import DhrError
from dhr_manager.storage.workspace import MIN_PASSPHRASE_LENGTH, UnlockedWorkspace, Workspace
from dhr_manager.ui.labels import InlineError, heading, paragraph
from dhr_manager.ui.passphrase_strength import PassphraseStrengthMeter

WORKSPACE_SUFFIX = ".dhr"


class FirstRunDialog(QDialog):
    """Two steps: the details of the new workspace, then its recovery key. `unlocked` holds the result.

    Once the workspace exists the dialog cannot be dismissed until the user confirms the recovery key is
    stored, because it is never shown again.
    """

    def __init__(self, suggested_path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.unlocked: UnlockedWorkspace | None = None
        self.setWindowTitle(self.tr("Create a DHR Manager workspace"))
        self.setAccessibleName(self.tr("Create a workspace"))
        self.setMinimumWidth(640)
        self.stack = QStackedWidget()
        self.stack.setAccessibleName(self.tr("Steps"))
        self.stack.addWidget(self._details_step(suggested_path))
        self.stack.addWidget(self._recovery_step())
        layout = QVBoxLayout(self)
        layout.addWidget(self.stack)
        self.create_button.setDefault(True)  # only once the button is inside the dialog, or Qt ignores it
        self._update_details()

    def _details_step(self, suggested_path: Path) -> QWidget:
        self.path_edit = QLineEdit(str(suggested_path))
        self.path_edit.setAccessibleName(self.tr("Workspace file"))
        self.browse_button = QPushButton(self.tr("&Browse…"))
        self.browse_button.setAccessibleName(self.tr("Choose where to keep the workspace file"))
        self.browse_button.setAutoDefault(False)
        self.browse_button.clicked.connect(self._browse)
        location = QHBoxLayout()
        location.addWidget(self.path_edit, 1)
        location.addWidget(self.browse_button)

        self.name_edit = QLineEdit()
        self.name_edit.setAccessibleName(self.tr("Your name"))
        self.name_edit.setPlaceholderText(self.tr("As colleagues will know you, for example Sam Patel"))
        self.passphrase_edit = QLineEdit()
        self.passphrase_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase_edit.setAccessibleName(self.tr("Passphrase"))
        self.repeat_edit = QLineEdit()
        self.repeat_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat_edit.setAccessibleName(self.tr("Repeat the passphrase"))
        self.strength = PassphraseStrengthMeter()

        form = QFormLayout()
        location_label = QLabel(self.tr("&Location:"))
        location_label.setBuddy(self.path_edit)  # a row holding a layout gets no buddy from QFormLayout
        form.addRow(location_label, location)
        form.addRow(self.tr("Your &name:"), self.name_edit)
        form.addRow(self.tr("&Passphrase:"), self.passphrase_edit)
        form.addRow(self.tr("&Repeat passphrase:"), self.repeat_edit)
        form.addRow("", self.strength)

        self.error = InlineError()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        buttons.setAccessibleName(self.tr("Create or cancel"))
        self.create_button = buttons.addButton(self.tr("&Create"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.create_button.setAccessibleName(self.tr("Create the workspace"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setAccessibleName(self.tr("Cancel"))
        buttons.accepted.connect(self._create)
        buttons.rejected.connect(self.reject)

        for edit in (self.path_edit, self.name_edit, self.passphrase_edit, self.repeat_edit):
            edit.textChanged.connect(self._update_details)

        page = QWidget()
        page.setAccessibleName(self.tr("Workspace details"))
        layout = QVBoxLayout(page)
        layout.addWidget(heading(self.tr("Create a workspace")))
        layout.addWidget(paragraph(self.tr(
            "The workspace is one encrypted file that holds every case. You will be its first administrator "
            "and can add colleagues later. Choose a passphrase of at least %n characters: nobody, not even an "
            "administrator, can read the workspace without one.", "", MIN_PASSPHRASE_LENGTH)))
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addStretch(1)
        layout.addWidget(buttons)
        return page

    def _recovery_step(self) -> QWidget:
        self.recovery_key_label = QLabel()
        font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        font.setPointSizeF(font.pointSizeF() * 1.1)
        font.setWeight(QFont.Weight.DemiBold)
        self.recovery_key_label.setFont(font)
        self.recovery_key_label.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.recovery_key_label.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.recovery_key_label.setFrameShape(QLabel.Shape.StyledPanel)
        self.recovery_key_label.setMargin(10)
        self.recovery_key_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.recovery_key_label.setAccessibleName(self.tr("Recovery key"))

        self.stored_checkbox = QCheckBox(self.tr("I have &stored the recovery key somewhere safe"))
        self.stored_checkbox.setAccessibleName(self.tr("I have stored the recovery key somewhere safe"))
        buttons = QDialogButtonBox()
        buttons.setAccessibleName(self.tr("Finish"))
        self.finish_button = buttons.addButton(self.tr("&Finish"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.finish_button.setAccessibleName(self.tr("Finish and open the workspace"))
        self.finish_button.setEnabled(False)
        self.stored_checkbox.toggled.connect(self.finish_button.setEnabled)
        buttons.accepted.connect(self.accept)

        page = QWidget()
        page.setAccessibleName(self.tr("Recovery key"))
        layout = QVBoxLayout(page)
        layout.addWidget(heading(self.tr("Store the recovery key")))
        layout.addWidget(paragraph(self.tr(
            "The workspace has been created. If every passphrase is forgotten, this recovery key is the only way "
            "back in. Write it down or print it, and keep it somewhere safe away from this computer.")))
        layout.addWidget(self.recovery_key_label)
        layout.addWidget(paragraph(self.tr("It is shown only this once.")))
        layout.addWidget(self.stored_checkbox)
        layout.addStretch(1)
        layout.addWidget(buttons)
        return page

    def _browse(self) -> None:
        chosen, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Where to keep the workspace"), self.path_edit.text(),
            self.tr("DHR Manager workspaces (*{suffix})").format(suffix=WORKSPACE_SUFFIX),
            options=QFileDialog.Option.DontConfirmOverwrite)
        if chosen:
            path = Path(chosen)
            self.path_edit.setText(str(path if path.suffix else path.with_suffix(WORKSPACE_SUFFIX)))

    def _update_details(self) -> None:
        """Keep Create disabled until every field holds something acceptable, and say what is missing."""
        passphrase, repeat = self.passphrase_edit.text(), self.repeat_edit.text()
        self.strength.show_strength(passphrase)
        mismatch = bool(repeat) and repeat != passphrase
        self.error.show_message(self.tr("The two passphrases differ.") if mismatch else "")
        self.create_button.setEnabled(
            bool(self.path_edit.text().strip()) and bool(self.name_edit.text().strip())
            and len(passphrase) >= MIN_PASSPHRASE_LENGTH and repeat == passphrase)

    def _create(self) -> None:
        path = Path(self.path_edit.text().strip()).expanduser()
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)  # deriving the key takes a moment
        try:
            self.unlocked, recovery_key = Workspace.create(path, self.name_edit.text(), self.passphrase_edit.text())
        except DhrError as exc:
            self.error.show_message(exc.message)
            return
        except OSError as exc:
            self.error.show_message(self.tr("The workspace could not be created at {path}: {reason}.")
                                    .format(path=path, reason=exc.strerror or exc))
            return
        finally:
            QApplication.restoreOverrideCursor()
        self.passphrase_edit.clear()
        self.repeat_edit.clear()
        self.recovery_key_label.setText(recovery_key)
        self.stack.setCurrentIndex(1)
        self.create_button.setDefault(False)
        self.finish_button.setDefault(True)
        self.recovery_key_label.setFocus()

    def reject(self) -> None:
        """Escape and the close button do nothing on the recovery step: the key must be acknowledged first."""
        if self.unlocked is None:
            super().reject()

    def accept(self) -> None:
        self.recovery_key_label.clear()  # the key is not kept on screen or in the widget once acknowledged
        super().accept()
