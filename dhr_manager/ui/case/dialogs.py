"""The case workspace's dialogs: each asks for what one action needs and performs it through a function it is
given, so a dialog never holds the workspace and a test can drive it without a modal loop.

A problem the service reports (its `.message`) is shown inside the dialog and nothing changes; on success the
dialog closes as accepted.
"""

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from dhr_manager.errors import DhrError
from dhr_manager.services.workflow import PAUSE_REASONS
from dhr_manager.ui.fields import date_edit, plain, to_date
from dhr_manager.ui.labels import InlineError, heading, paragraph
from dhr_manager.ui.words import day_text


class ActionDialog(QDialog):
    """A heading, a short explanation, a form, and one button that performs the action."""

    def __init__(self, title: str, explanation: str, action_text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.setMinimumWidth(480)
        self.explanation = paragraph(explanation)
        self.form = QFormLayout()
        self.error = InlineError()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        buttons.setAccessibleName(self.tr("{action} or cancel").format(action=plain(action_text)))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setAccessibleName(self.tr("Cancel"))
        self.ok_button = buttons.addButton(action_text, QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok_button.setAccessibleName(plain(action_text))
        buttons.accepted.connect(self._perform)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading(title))
        layout.addWidget(self.explanation)
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        layout.addStretch(1)
        layout.addWidget(buttons)
        self.ok_button.setDefault(True)  # only once the button is inside the dialog, or Qt ignores it

    def perform(self) -> None:
        """Do the action; raise a `DhrError` to refuse it."""
        raise NotImplementedError

    def _perform(self) -> None:
        try:
            self.perform()
        except DhrError as exc:
            self.error.show_message(exc.message)
            return
        self.accept()


class GateNotMetDialog(QDialog):
    """Why a case cannot move on: exactly the gate items still missing, as a list. It changes nothing."""

    def __init__(self, headline: str, missing: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("The case cannot move on yet"))
        self.setAccessibleName(headline)
        self.setMinimumWidth(480)
        self.missing = list(missing)
        items = QGridLayout()
        items.setColumnStretch(1, 1)
        self.item_labels: list[QLabel] = []
        for row, item in enumerate(missing):
            bullet, label = QLabel("•"), QLabel(item)  # a column of bullets keeps wrapped lines indented
            bullet.setAccessibleName(self.tr("Still missing"))
            bullet.setAlignment(Qt.AlignmentFlag.AlignTop)
            label.setWordWrap(True)
            label.setAccessibleName(self.tr("Still missing: {item}").format(item=item))
            items.addWidget(bullet, row, 0)
            items.addWidget(label, row, 1)
            self.item_labels.append(label)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.setAccessibleName(self.tr("Close"))
        self.close_button = buttons.button(QDialogButtonBox.StandardButton.Close)
        self.close_button.setAccessibleName(self.tr("Close"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading(headline))
        layout.addWidget(paragraph(self.tr("Record these first; nothing has been changed:")))
        layout.addLayout(items)
        layout.addStretch(1)
        layout.addWidget(buttons)
        self.close_button.setDefault(True)


class AdvanceDialog(ActionDialog):
    """Confirms the move to the next stage (or closing the case) and the day it happened."""

    def __init__(self, reference: str, following: str | None, today: date, advance: Callable[[date], object],
                 parent: QWidget | None = None) -> None:
        title = self.tr("Move to the next stage") if following else self.tr("Close the case")
        super().__init__(title, "", self.tr("&Move on") if following else self.tr("&Close case"), parent)
        self._reference, self._following, self._advance = reference, following, advance
        self.date_edit = date_edit(self.tr("Date"), today, latest=today)
        self.form.addRow(self.tr("&Date:"), self.date_edit)
        self.date_edit.dateChanged.connect(self._ask)
        self._ask()

    def _ask(self) -> None:
        day = day_text(to_date(self.date_edit.date()))
        if self._following:
            question = self.tr("Move {reference} to the {stage} stage on {day}?").format(
                reference=self._reference, stage=self._following, day=day)
        else:
            question = self.tr("Close {reference} on {day}?").format(reference=self._reference, day=day)
        self.explanation.setText(question)
        self.explanation.setAccessibleName(question)

    def perform(self) -> None:
        self._advance(to_date(self.date_edit.date()))


class PauseDialog(ActionDialog):
    """Pauses the case for parallel proceedings; the clocks stop until it resumes."""

    def __init__(self, today: date, pause: Callable[[str, date], object], parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Pause the case"), self.tr(
            "Pause while parallel proceedings run. The review can go on where it can, but every open deadline "
            "stops until the case resumes, and the report cannot be published."), self.tr("&Pause"), parent)
        self._pause = pause
        self.reason_combo = QComboBox()
        self.reason_combo.setAccessibleName(self.tr("Reason"))
        for key, words in PAUSE_REASONS.items():
            self.reason_combo.addItem(words[:1].upper() + words[1:], key)
        self.start_edit = date_edit(self.tr("Paused from"), today, latest=today)
        self.form.addRow(self.tr("&Reason:"), self.reason_combo)
        self.form.addRow(self.tr("Paused &from:"), self.start_edit)

    def perform(self) -> None:
        self._pause(self.reason_combo.currentData(), to_date(self.start_edit.date()))


class ResumeDialog(ActionDialog):
    """Ends the pause; every open deadline moves on by the days the case was paused."""

    def __init__(self, today: date, resume: Callable[[date], object], parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Resume the case"), self.tr(
            "The clocks start again. Every open deadline moves later by the number of days the case was paused."),
            self.tr("Res&ume"), parent)
        self._resume = resume
        self.date_edit = date_edit(self.tr("Resumed on"), today, latest=today)
        self.form.addRow(self.tr("Resumed &on:"), self.date_edit)

    def perform(self) -> None:
        self._resume(to_date(self.date_edit.date()))


class SkipTaskDialog(ActionDialog):
    """Marks a task not needed. A reason is required, so colleagues can see why."""

    def __init__(self, title: str, skip: Callable[[str], object], parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Task not needed"), self.tr("“{task}” will be marked not needed.").format(task=title),
                         self.tr("&Mark not needed"), parent)
        self._skip = skip
        self.reason_edit = QLineEdit()
        self.reason_edit.setAccessibleName(self.tr("Why it is not needed"))
        self.reason_edit.setPlaceholderText(self.tr("For example: the chair sent the papers herself"))
        self.form.addRow(self.tr("&Why:"), self.reason_edit)
        self.reason_edit.textChanged.connect(self._update_button)
        self._update_button()

    def _update_button(self) -> None:
        self.ok_button.setEnabled(bool(self.reason_edit.text().strip()))

    def perform(self) -> None:
        self._skip(self.reason_edit.text())

