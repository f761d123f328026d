"""The action plan's dialogs: add a recommendation (with its SMART warnings live as the user types), add an
action, record progress on one, and record the publication dates.

Like the other case dialogs each performs its change through a function it is given; a problem the service
reports is shown inside the dialog and nothing is saved.
"""

from collections.abc import Callable, Sequence
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from dhr_manager.domain.actions import Scope, smart_warnings
from dhr_manager.domain.calendar import add_months
from dhr_manager.services.actions import ActionView, RecommendationView
from dhr_manager.services.publication import ONLINE_MONTHS, PublicationView
from dhr_manager.ui.case.dialogs import ActionDialog
from dhr_manager.ui.fields import date_edit, to_date, to_qdate
from dhr_manager.ui.models.action_table_model import WARNING_MARK, scope_name
from dhr_manager.ui.words import day_text


def _text_box(name: str, lines: int = 3) -> QPlainTextEdit:
    box = QPlainTextEdit()
    box.setAccessibleName(name)
    box.setTabChangesFocus(True)  # Tab moves on to the next field, as in every other form
    box.setFixedHeight(box.fontMetrics().lineSpacing() * lines + 12)
    return box


def _agency_edit(name: str, agencies: Sequence[str]) -> QLineEdit:
    edit = QLineEdit()
    edit.setAccessibleName(name)
    completer = QCompleter(list(agencies), edit)
    completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    completer.setFilterMode(Qt.MatchFlag.MatchContains)
    edit.setCompleter(completer)
    return edit


class OptionalDate(QWidget):
    """A check box and a date field: the date counts only when the box is ticked."""

    def __init__(self, check_text: str, name: str, today: date, latest: date | None = None,
                 day: date | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.check = QCheckBox(check_text)
        self.check.setAccessibleName(self.tr("{name}: set").format(name=name))
        self.edit: QDateEdit = date_edit(name, day or today, latest=latest)
        self.check.setChecked(day is not None)
        self.edit.setEnabled(day is not None)
        self.check.toggled.connect(self.edit.setEnabled)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.check)
        row.addWidget(self.edit, 1)

    def value(self) -> date | None:
        return to_date(self.edit.date()) if self.check.isChecked() else None

    def disable(self, reason: str) -> None:
        self.check.setChecked(False)
        for widget in (self.check, self.edit):
            widget.setEnabled(False)
            widget.setToolTip(reason)


class RecommendationDialog(ActionDialog):
    """A new recommendation. SMART warnings show as the user types; saving with warnings asks once more
    (the button becomes "Save anyway") rather than refusing."""

    def __init__(self, today: date, agencies: Sequence[str],
                 add: Callable[[str, Scope, str | None, str | None, date | None], object],
                 parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Add a recommendation"), self.tr(
            "Recommendations should be SMART: say who should do what, how the panel will know it is achieved, "
            "and by when."), self.tr("&Save"), parent)
        self._add = add
        self._confirming = False
        self.text_edit = _text_box(self.tr("Recommendation"))
        self.scope_combo = QComboBox()
        self.scope_combo.setAccessibleName(self.tr("Scope"))
        for scope in Scope:
            self.scope_combo.addItem(scope_name(scope), scope)
        self.agency_edit = _agency_edit(self.tr("For agency (optional)"), agencies)
        self.outcome_edit = QLineEdit()
        self.outcome_edit.setAccessibleName(self.tr("Measurable outcome"))
        self.outcome_edit.setPlaceholderText(self.tr("For example: 90% of officers trained by the target date"))
        self.target = OptionalDate(self.tr("&Set:"), self.tr("Target date"), today)
        self.warnings_label = QLabel()
        self.warnings_label.setWordWrap(True)
        self.warnings_label.setTextFormat(Qt.TextFormat.PlainText)
        self.form.addRow(self.tr("&Recommendation:"), self.text_edit)
        self.form.addRow(self.tr("S&cope:"), self.scope_combo)
        self.form.addRow(self.tr("For &agency:"), self.agency_edit)
        self.form.addRow(self.tr("&Measurable outcome:"), self.outcome_edit)
        self.form.addRow(self.tr("&Target date:"), self.target)
        self.form.addRow(self.tr("SMART check:"), self.warnings_label)
        self.setMinimumWidth(620)
        for signal in (self.text_edit.textChanged, self.outcome_edit.textChanged, self.target.check.toggled,
                       self.target.edit.dateChanged):
            signal.connect(self._update_warnings)
        self._update_warnings()

    def warnings(self) -> tuple[str, ...]:
        return smart_warnings(self.text_edit.toPlainText(), self.outcome_edit.text(), self.target.value())

    def _update_warnings(self) -> None:
        warnings = self.warnings()
        text = "\n".join(f"{WARNING_MARK} {w}" for w in warnings) if warnings else self.tr(
            "No warnings: it is specific, measurable and time-bound.")
        self.warnings_label.setText(text)
        self.warnings_label.setAccessibleName(self.tr("SMART check: {text}").format(text=text))
        self.warnings_label.setStyleSheet("color: #6e4600;" if warnings else "")
        self._confirming = False
        self.ok_button.setText(self.tr("&Save"))
        self.error.show_message("")

    def perform(self) -> None:
        self._add(self.text_edit.toPlainText(), self.scope_combo.currentData(), self.agency_edit.text() or None,
                  self.outcome_edit.text() or None, self.target.value())

    def _perform(self) -> None:
        """The first click on Save with warnings asks for confirmation, and the dialog stays open."""
        if self.warnings() and not self._confirming and self.text_edit.toPlainText().strip():
            self._confirming = True
            self.ok_button.setText(self.tr("Save &anyway"))
            self.error.show_message(self.tr(
                "This recommendation is not yet SMART (see the warnings above). Save it anyway, or improve it "
                "first."))
            return
        super()._perform()


class AddActionDialog(ActionDialog):
    """A new action under one of the case's recommendations; numbered 2.1, 2.2, ... by the service."""

    def __init__(self, today: date, recommendations: Sequence[RecommendationView], chosen: int | None,
                 agencies: Sequence[str], add: Callable[[int, str, str, str | None, str | None, date | None], object],
                 parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Add an action"), self.tr(
            "Each action has a lead agency and a target date; the lead agency is asked for an update every few "
            "months until the action is complete."), self.tr("&Add"), parent)
        self._add = add
        self.recommendation_combo = QComboBox()
        self.recommendation_combo.setAccessibleName(self.tr("Recommendation"))
        for r in recommendations:
            words = r.text if len(r.text) <= 70 else r.text[:69] + "…"
            self.recommendation_combo.addItem(f"{r.number}. {words}", r.number)
        if chosen is not None:
            self.recommendation_combo.setCurrentIndex(max(self.recommendation_combo.findData(chosen), 0))
        self.action_edit = _text_box(self.tr("Action"), lines=2)
        self.agency_edit = _agency_edit(self.tr("Lead agency"), agencies)
        self.officer_edit = QLineEdit()
        self.officer_edit.setAccessibleName(self.tr("Lead officer (optional)"))
        self.milestones_edit = QLineEdit()
        self.milestones_edit.setAccessibleName(self.tr("Key milestones (optional)"))
        self.target = OptionalDate(self.tr("&Set:"), self.tr("Target date"), today, day=add_months(today, 3))
        self.form.addRow(self.tr("&Recommendation:"), self.recommendation_combo)
        self.form.addRow(self.tr("A&ction:"), self.action_edit)
        self.form.addRow(self.tr("&Lead agency:"), self.agency_edit)
        self.form.addRow(self.tr("Lead &officer:"), self.officer_edit)
        self.form.addRow(self.tr("&Milestones:"), self.milestones_edit)
        self.form.addRow(self.tr("&Target date:"), self.target)
        self.setMinimumWidth(620)

    def perform(self) -> None:
        self._add(self.recommendation_combo.currentData(), self.action_edit.toPlainText(), self.agency_edit.text(),
                  self.officer_edit.text() or None, self.milestones_edit.text() or None, self.target.value())


class UpdateActionDialog(ActionDialog):
    """Progress on an action: milestones, lead officer, target, at risk, and completion with its outcome."""

    def __init__(self, today: date, action: ActionView, update: Callable[..., object],
                 parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Update action {number}").format(number=action.number),
                         self.tr("{number}: {action} — {status}").format(
                             number=action.number, action=action.action, status=action.rag_words),
                         self.tr("&Save"), parent)
        self._update = update
        self.officer_edit = QLineEdit(action.lead_officer or "")
        self.officer_edit.setAccessibleName(self.tr("Lead officer"))
        self.milestones_edit = QLineEdit(action.milestones or "")
        self.milestones_edit.setAccessibleName(self.tr("Key milestones"))
        self.target = OptionalDate(self.tr("&Set:"), self.tr("Target date"), today, day=action.target_date)
        if action.target_date is not None:
            self.target.check.setEnabled(False)  # a target can be moved, not removed
            self.target.check.setToolTip(self.tr("A target date can be moved but not removed."))
        self.at_risk_check = QCheckBox(self.tr("Marked at &risk (shown amber)"))
        self.at_risk_check.setAccessibleName(self.tr("Marked at risk"))
        self.at_risk_check.setChecked(action.at_risk)
        self.completed = OptionalDate(self.tr("&Done on:"), self.tr("Completed on"), today, latest=today,
                                      day=action.completed_on)
        if action.completed_on is not None:
            self.completed.check.setEnabled(False)
            self.completed.check.setToolTip(self.tr("A completed action stays complete; its date can be corrected."))
        self._was_completed = action.completed_on
        self.outcome_edit = QLineEdit(action.outcome or "")
        self.outcome_edit.setAccessibleName(self.tr("Outcome"))
        self.outcome_edit.setPlaceholderText(self.tr("What changed; needed to record the action complete"))
        self.form.addRow(self.tr("Lead &officer:"), self.officer_edit)
        self.form.addRow(self.tr("&Milestones:"), self.milestones_edit)
        self.form.addRow(self.tr("&Target date:"), self.target)
        self.form.addRow("", self.at_risk_check)
        self.form.addRow(self.tr("Completed:"), self.completed)
        self.form.addRow(self.tr("O&utcome:"), self.outcome_edit)
        self.explanation.setWordWrap(True)
        self.setMinimumWidth(620)

    def perform(self) -> None:
        completed = self.completed.value()
        self._update(milestones=self.milestones_edit.text(), lead_officer=self.officer_edit.text(),
                     target=self.target.value(), at_risk=self.at_risk_check.isChecked(),
                     completed_on=None if completed == self._was_completed else completed,
                     outcome=self.outcome_edit.text() or None)


class PublicationDialog(ActionDialog):
    """The family's sight of the final report, publication, the copy to the Commissioner, and how long the
    report stays online. Publication itself is disabled, with the reason, while it is blocked."""

    def __init__(self, today: date, view: PublicationView, record: Callable[..., object],
                 parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Record publication"), self.tr(
            "Tick each date to record. The report stays online for at least {months} months after "
            "publication.").format(months=ONLINE_MONTHS), self.tr("&Record"), parent)
        self._record = record
        self.family = OptionalDate(self.tr("&Set:"), self.tr("Family saw the final report on"), today, latest=today)
        self.published = OptionalDate(self.tr("S&et:"), self.tr("Published on"), today, latest=today)
        self.dac = OptionalDate(self.tr("Se&t:"), self.tr("Copy sent to the Domestic Abuse Commissioner on"), today,
                                latest=today)
        self.online = OptionalDate(self.tr("Set:"), self.tr("Keep online until"), today,
                                   day=None)
        self.online.edit.setDate(to_qdate(add_months(view.published_on or today, ONLINE_MONTHS)))
        self.blocked_label = QLabel()
        self.blocked_label.setWordWrap(True)
        if view.published_on is not None:
            self.published.disable(self.tr("Published on {day}.").format(day=day_text(view.published_on)))
        elif view.blocked_reason:
            self.published.disable(view.blocked_reason)
            self.blocked_label.setText(self.tr("Cannot be published yet: {reason}").format(reason=view.blocked_reason))
            self.online.disable(view.blocked_reason)
        if view.published_on is None:
            self.published.check.toggled.connect(self._published_toggled)
            self.published.edit.dateChanged.connect(self._published_toggled)
            self.online.check.setEnabled(False)
        self.blocked_label.setVisible(bool(self.blocked_label.text()))
        self.form.addRow(self.tr("&Family saw final report:"), self.family)
        self.form.addRow(self.tr("&Published:"), self.published)
        self.form.addRow("", self.blocked_label)
        self.form.addRow(self.tr("Copy to the &Commissioner:"), self.dac)
        self.form.addRow(self.tr("Keep online &until:"), self.online)
        self.setMinimumWidth(600)

    def _published_toggled(self) -> None:
        day = self.published.value()
        self.online.check.setEnabled(day is not None)
        if day is not None:
            self.online.edit.setDate(to_qdate(add_months(day, ONLINE_MONTHS)))

    def perform(self) -> None:
        self._record(family_saw_final_on=self.family.value(), published_on=self.published.value(),
                     dac_copy_on=self.dac.value(), online_until=self.online.value())
