"""Correcting the words of one chronology entry; the edit is audited (which entry, by whom), never the text."""

from collections.abc import Callable

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLineEdit, QPlainTextEdit, QVBoxLayout, QWidget

from dhr_manager.domain.chronology import ChronologyEntry
from dhr_manager.errors import DhrError
from dhr_manager.ui.labels import InlineError, heading


class EditEntryDialog(QDialog):
    def __init__(self, entry: ChronologyEntry, save: Callable[[dict[str, str]], None],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._entry, self._save = entry, save
        self.setWindowTitle(self.tr("Edit chronology entry"))
        self.setAccessibleName(self.tr("Edit chronology entry"))
        self.setMinimumWidth(560)
        self.source = QLineEdit(entry.source)
        self.event = QPlainTextEdit(entry.event)
        self.event.setTabChangesFocus(True)
        self.action = QLineEdit(entry.action)
        self.comments = QLineEdit(entry.comments)
        form = QFormLayout()
        for label, field, name in ((self.tr("&Source:"), self.source, self.tr("Source or record reference")),
                                   (self.tr("E&vent:"), self.event, self.tr("Event")),
                                   (self.tr("&Action / outcome:"), self.action, self.tr("Action or outcome")),
                                   (self.tr("&Comments:"), self.comments, self.tr("Comments"))):
            field.setAccessibleName(name)
            form.addRow(label, field)
        self.error = InlineError()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("{agency}, {date}").format(agency=entry.agency, date=entry.when.text())))
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def changes(self) -> dict[str, str]:
        """Only what the coordinator changed."""
        now = {"source": self.source.text(), "event": self.event.toPlainText(), "action": self.action.text(),
               "comments": self.comments.text()}
        return {key: value for key, value in now.items() if value.strip() != getattr(self._entry, key)}

    def save(self) -> None:
        changes = self.changes()
        if not changes:
            self.reject()
            return
        try:
            self._save(changes)
        except DhrError as exc:
            self.error.show_message(exc.message)
            return
        self.accept()
