"""The form for recording what happened on a case: the fields each kind of event needs appear for it.

The form only collects; the case page records through the workflow service and reports back, so the form
never holds the workspace.
"""

from collections.abc import Iterable
from datetime import date
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from dhr_manager.domain.agencies import agency_key
from dhr_manager.domain.events import EventKind
from dhr_manager.ui.case.wording import decision_words, event_name, feedback_words
from dhr_manager.ui.fields import button, date_edit, to_date, to_qdate
from dhr_manager.ui.labels import InlineError

# The fields each kind needs, by the name of the detail they fill; kinds not listed need only the date.
FIELDS: dict[EventKind, tuple[str, ...]] = {
    EventKind.DECISION: ("decision", "rationale"),
    EventKind.CHAIR_APPOINTED: ("name",),
    EventKind.TOR_AGREED: ("scope_from", "scope_to"),
    EventKind.AGENCY_SCOPED: ("agency",),
    EventKind.AGENCY_REQUEST: ("agency", "due"),
    EventKind.AGENCY_RETURN: ("agency", "return_kind"),
    EventKind.DRAFT_CIRCULATED: ("version",),
    EventKind.QA_FEEDBACK: ("feedback",),
}


def offered_agencies(case_agencies: Iterable[str], register: Iterable[str]) -> list[str]:
    """The agency names to offer where one is typed: the case's own first, as the case has them, then the rest
    of the register alphabetically, each once whatever its spacing or capitals. A new name can still be typed;
    recording it adds it to the register."""
    offered: list[str] = []
    seen: set[str] = set()
    for name in [*case_agencies, *sorted(register, key=str.casefold)]:
        if agency_key(name) not in seen:
            seen.add(agency_key(name))
            offered.append(name)
    return offered


class EventForm(QGroupBox):
    """`submitted(kind, date, details)` asks the page to record; it answers with `reset` or `show_error`."""

    submitted = Signal(object, object, object)

    def __init__(self, today: date, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Record an event"), parent)
        self.setAccessibleName(self.tr("Record an event"))
        self._today = today
        self.kind_combo = QComboBox()
        self.kind_combo.setAccessibleName(self.tr("Event"))
        self.date_edit = date_edit(self.tr("Date it happened"), today, latest=today)

        self.decision_combo = QComboBox()
        self.decision_combo.setAccessibleName(self.tr("Decision"))
        for key, words in decision_words().items():
            self.decision_combo.addItem(words, key)
        self.rationale_edit = self._line(self.tr("Reasons for the decision"))
        self.name_edit = self._line(self.tr("Chair's name"))
        self.scope_from_edit = date_edit(self.tr("Scoping period from"), today, latest=today)
        self.scope_to_edit = date_edit(self.tr("Scoping period to"), today, latest=today)
        self.agency_combo = QComboBox()
        self.agency_combo.setEditable(True)
        self.agency_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.agency_combo.setAccessibleName(self.tr("Agency"))
        self.agency_combo.lineEdit().setPlaceholderText(self.tr("Agency name"))
        self.due_check = QCheckBox(self.tr("&Set a due date"))
        self.due_check.setAccessibleName(self.tr("Set a due date instead of the profile's default"))
        self.due_edit = date_edit(self.tr("Due date"), today)
        self.due_edit.setEnabled(False)
        self.due_check.toggled.connect(self.due_edit.setEnabled)
        due_row = QWidget()
        due_layout = QHBoxLayout(due_row)
        due_layout.setContentsMargins(0, 0, 0, 0)
        due_layout.addWidget(self.due_check)
        due_layout.addWidget(self.due_edit, 1)
        self.return_group = QButtonGroup(self)
        return_row = QWidget()
        return_row.setAccessibleName(self.tr("What the agency sent"))
        return_layout = QHBoxLayout(return_row)
        return_layout.setContentsMargins(0, 0, 0, 0)
        for text, key in ((self.tr("Re&turned"), "return"), (self.tr("Ni&l return"), "nil"),
                          (self.tr("Dec&lined"), "declined")):
            radio = QRadioButton(text)
            radio.setAccessibleName(text.replace("&", ""))
            radio.setProperty("return_kind", key)
            self.return_group.addButton(radio)
            return_layout.addWidget(radio)
        self.version_edit = self._line(self.tr("Draft version"))
        self.feedback_combo = QComboBox()
        self.feedback_combo.setAccessibleName(self.tr("Home Office feedback"))
        for key, words in feedback_words().items():
            self.feedback_combo.addItem(words, key)

        self.form = QFormLayout()
        self.form.addRow(self.tr("&Event:"), self.kind_combo)
        self.form.addRow(self.tr("&Date:"), self.date_edit)
        self._rows: dict[str, QWidget] = {
            "decision": self.decision_combo, "rationale": self.rationale_edit, "name": self.name_edit,
            "scope_from": self.scope_from_edit, "scope_to": self.scope_to_edit, "agency": self.agency_combo,
            "due": due_row, "return_kind": return_row, "version": self.version_edit,
            "feedback": self.feedback_combo,
        }
        labels = {"decision": self.tr("&Outcome:"), "rationale": self.tr("Rea&sons:"),
                  "name": self.tr("Chair's &name:"),
                  "scope_from": self.tr("Scope &from:"), "scope_to": self.tr("Scope &to:"),
                  "agency": self.tr("A&gency:"), "due": self.tr("Due:"), "return_kind": self.tr("Sent:"),
                  "version": self.tr("&Version:"), "feedback": self.tr("&Outcome:")}
        for key, widget in self._rows.items():
            self.form.addRow(labels[key], widget)

        self.error = InlineError()
        self.record_button = button(self.tr("&Record"), self.tr("Record the event"))
        self.record_button.clicked.connect(self._submit)
        actions = QHBoxLayout()
        actions.addStretch(1)
        actions.addWidget(self.record_button)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        layout.addLayout(actions)

        self.kind_combo.currentIndexChanged.connect(self._show_fields)
        for edit in (self.rationale_edit, self.name_edit, self.version_edit):
            edit.textChanged.connect(self._update_button)
        self.agency_combo.currentTextChanged.connect(self._update_button)
        self.reset()

    def _line(self, name: str) -> QLineEdit:
        edit = QLineEdit()
        edit.setAccessibleName(name)
        return edit

    def kind(self) -> EventKind | None:
        data = self.kind_combo.currentData()  # Qt hands the enum back as a plain string
        return EventKind(data) if data else None

    def set_choices(self, kinds: list[EventKind], agencies: list[str], today: date) -> None:
        """Offer `kinds` (keeping the chosen one if it is still offered) and `agencies` to pick from (see
        `offered_agencies`), keeping what the user has typed."""
        chosen = self.kind()
        self.kind_combo.blockSignals(True)
        self.kind_combo.clear()
        for kind in kinds:
            self.kind_combo.addItem(event_name(kind), kind)
        self.kind_combo.setCurrentIndex(max(0, self.kind_combo.findData(chosen)) if kinds else -1)
        self.kind_combo.blockSignals(False)
        typed = self.agency_combo.currentText()
        self.agency_combo.clear()
        self.agency_combo.addItems(agencies)
        self.agency_combo.setEditText(typed)
        if today != self._today:
            self._today = today
            for edit in (self.date_edit, self.scope_from_edit, self.scope_to_edit):
                edit.setMaximumDate(to_qdate(today))
        self._show_fields()

    def reset(self) -> None:
        """Empty every field and set the dates back to today, keeping the kind of event chosen."""
        for edit in (self.rationale_edit, self.name_edit, self.version_edit):
            edit.clear()
        self.agency_combo.setCurrentIndex(-1)
        self.agency_combo.clearEditText()
        for edit in (self.date_edit, self.scope_from_edit, self.scope_to_edit, self.due_edit):
            edit.setDate(to_qdate(self._today))
        self.due_check.setChecked(False)
        self.decision_combo.setCurrentIndex(0)
        self.feedback_combo.setCurrentIndex(0)
        self.return_group.buttons()[0].setChecked(True)
        self.error.show_message("")
        self._show_fields()

    def clear(self) -> None:
        """Forget everything shown, including the choices, when the workspace locks."""
        self.kind_combo.clear()
        self.agency_combo.clear()
        self.reset()

    def show_error(self, message: str) -> None:
        self.error.show_message(message)

    def _needed(self) -> tuple[str, ...]:
        kind = self.kind()
        return FIELDS.get(kind, ()) if kind else ()

    def _show_fields(self) -> None:
        needed = self._needed()
        for key, widget in self._rows.items():
            self.form.setRowVisible(widget, key in needed)
        self._update_button()

    def _update_button(self) -> None:
        """Record stays disabled until every text the kind requires is typed, so the service's own message for
        a missing detail (worded for the command line) is never needed here."""
        texts = {"rationale": self.rationale_edit.text(), "name": self.name_edit.text(),
                 "agency": self.agency_combo.currentText(), "version": self.version_edit.text()}
        self.record_button.setEnabled(self.kind() is not None and all(
            texts[key].strip() for key in self._needed() if key in texts))

    def _details(self, kind: EventKind) -> dict[str, Any]:
        iso = {"scope_from": self.scope_from_edit, "scope_to": self.scope_to_edit}
        values: dict[str, Any] = {
            "decision": ("outcome", self.decision_combo.currentData()),
            "feedback": ("outcome", self.feedback_combo.currentData()),
            "rationale": ("rationale", self.rationale_edit.text()),
            "name": ("name", self.name_edit.text()),
            "agency": ("agency", self.agency_combo.currentText()),
            "version": ("version", self.version_edit.text()),
            "return_kind": ("return_kind", self.return_group.checkedButton().property("return_kind")),
            "due": ("due", to_date(self.due_edit.date()).isoformat() if self.due_check.isChecked() else None),
            **{key: (key, to_date(edit.date()).isoformat()) for key, edit in iso.items()},
        }
        return dict(values[key] for key in FIELDS.get(kind, ()))

    def _submit(self) -> None:
        kind = self.kind()
        if kind is not None:
            self.error.show_message("")
            self.submitted.emit(kind, to_date(self.date_edit.date()), self._details(kind))

