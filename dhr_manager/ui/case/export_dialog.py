"""Exporting one kept draft as a Word file: where to, what the disclosure check found, and the checks before it
leaves the workspace.

The dialog never holds the workspace: it is given `check` (the disclosure check of this version) and `export` (the
service call that writes the file), and runs both in the background, because searching a long overview report takes
a second or two. What stops an export is said in the dialog, next to the fields, and nothing is written until every
check has passed; the service checks again anyway, so the dialog is a guide, not the guard.
"""

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import platformdirs
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from dhr_manager.documents.disclosure import Hit, describe
from dhr_manager.documents.protection import MIN_PASSWORD_CHARS
from dhr_manager.documents.templates import TemplateKind
from dhr_manager.errors import DhrError
from dhr_manager.services.drafts import DraftView, ExportResult
from dhr_manager.ui.background import run_in_background
from dhr_manager.ui.fields import button, plain
from dhr_manager.ui.labels import InlineError, heading, paragraph
from dhr_manager.ui.save_paths import free_path
from dhr_manager.ui.words import day_text

FILE_FILTER = "Word documents (*.docx)"
BLOCKED_STYLE = "color: #a4000f;"  # as InlineError: the words say it is blocked, the colour only catches the eye

Export = Callable[[Path, str | None, bool, str | None], ExportResult]


def made_text(made_at: datetime) -> str:
    """When a draft was made, in the user's own time zone: Sun 22 Nov 2026 10:14."""
    local = made_at.astimezone()
    return f"{day_text(local.date())} {local:%H:%M}"


def documents_folder() -> Path:
    """The user's Documents folder, or their home folder where there is none."""
    folder = Path(platformdirs.user_documents_dir())
    return folder if folder.is_dir() else Path.home()


def default_path(reference: str, draft: DraftView, folder: Path) -> Path:
    """`DHR-DEMO-05 overview-report v0.3.docx` in `folder`, numbered " (2)" and on when that name is taken: an
    export never replaces a file, so the name offered is one that can be used."""
    return free_path(folder, f"{reference} {draft.kind} {draft.version}", ".docx")


class ExportDialog(QDialog):
    """`do_export` is what the Export button does, callable from tests. `hits` is the disclosure check's answer
    (None until it is known, and for letters that are not checked), `checking` and `busy` say whether the check or
    the export is still running, and `message` is what the user is told once the file is written."""

    def __init__(self, draft: DraftView, info: TemplateKind, out: Path, may_override: bool,
                 check: Callable[[], list[Hit]], export: Export, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._draft, self._info, self._folder = draft, info, out.parent
        self._may_override, self._export = may_override, export
        self.hits: list[Hit] | None = None
        self.checking = False
        self.busy = False
        self.result: ExportResult | None = None
        self.message = ""
        title = self.tr("Export a draft")
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.setMinimumWidth(600)

        what = self.tr("{title} {version}, made {made} by {by}").format(
            title=draft.title, version=draft.version, made=made_text(draft.made_at), by=draft.made_by or "?")
        self.what_label = paragraph(what)
        self.path_edit = QLineEdit(str(out))
        self.path_edit.setAccessibleName(self.tr("Save as"))
        self.choose_button = button(self.tr("C&hoose…"), self.tr("Choose where to save the file"))
        self.disclosure_label = paragraph("")
        self.disclosure_label.setAccessibleName(self.tr("Disclosure check"))
        self.reason_edit = QLineEdit()
        self.reason_edit.setAccessibleName(self.tr("Reason for exporting anyway"))
        self.reason_edit.setPlaceholderText(self.tr("For example: for the panel chair only, agreed with the family"))
        reason_label = QLabel(self.tr("Export anyway — &reason (kept in the audit log):"))
        reason_label.setBuddy(self.reason_edit)
        self.override_box = QWidget()
        override_layout = QVBoxLayout(self.override_box)
        override_layout.setContentsMargins(0, 0, 0, 0)
        override_layout.addWidget(reason_label)
        override_layout.addWidget(self.reason_edit)
        self.override_box.hide()
        self.personal_check = QCheckBox(self.tr("This letter names real people. It goes only to its &addressee."))
        self.personal_check.setAccessibleName(plain(self.personal_check.text()))
        self.personal_check.setVisible(info.personal_data)
        self.protect_check = QCheckBox(self.tr("&Protect with a password"))
        self.protect_check.setAccessibleName(self.tr("Protect with a password"))
        self.password_edit = self._password_edit(self.tr("Password"))
        self.repeat_edit = self._password_edit(self.tr("Repeat the password"))
        self.password_box = QWidget()
        passwords = QFormLayout(self.password_box)
        passwords.setContentsMargins(self.fontMetrics().averageCharWidth() * 4, 0, 0, 0)
        passwords.addRow(self.tr("Pass&word:"), self.password_edit)
        passwords.addRow(self.tr("R&epeat:"), self.repeat_edit)
        passwords.addRow(paragraph(self.tr(
            "At least {n} characters. Send it to the recipient separately, by phone or another message, never with "
            "the document.").format(n=MIN_PASSWORD_CHARS)))
        self.password_box.setEnabled(False)
        self.error = InlineError()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        buttons.setAccessibleName(self.tr("Export or cancel"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setAccessibleName(self.tr("Cancel"))
        self.export_button = buttons.addButton(self.tr("&Export"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.export_button.setAccessibleName(self.tr("Export"))

        file_row = QHBoxLayout()
        file_row.addWidget(self.path_edit, 1)
        file_row.addWidget(self.choose_button)
        path_label = QLabel(self.tr("&Save as:"))
        path_label.setBuddy(self.path_edit)  # a row holding a layout gets no buddy, and then shows the "&"
        form = QFormLayout()
        form.addRow(path_label, file_row)
        layout = QVBoxLayout(self)
        layout.addWidget(heading(title))
        layout.addWidget(self.what_label)
        layout.addLayout(form)
        gap = self.fontMetrics().height() // 2  # what the check found, and what the user decides, set apart
        layout.addSpacing(gap)
        layout.addWidget(self.disclosure_label)
        layout.addWidget(self.override_box)
        layout.addWidget(self.personal_check)
        layout.addSpacing(gap)
        layout.addWidget(self.protect_check)
        layout.addWidget(self.password_box)
        layout.addWidget(self.error)
        layout.addStretch(1)
        layout.addWidget(buttons)
        self.export_button.setDefault(True)  # only once the button is inside the dialog, or Qt ignores it

        self.choose_button.clicked.connect(self._choose)
        self.export_button.clicked.connect(self.do_export)
        buttons.rejected.connect(self.reject)
        self.protect_check.toggled.connect(self.password_box.setEnabled)
        for edit in (self.path_edit, self.reason_edit):
            edit.textChanged.connect(self._update_button)
        self.personal_check.toggled.connect(self._update_button)

        if info.for_circulation:
            self._show_disclosure(self.tr("Checking the draft for real names, addresses and dates of birth…"))
            self.checking = True
            run_in_background(self, self.tr("Checking the draft for real names…"), check, self._checked,
                              self._check_failed)
        elif info.personal_data:
            self._show_disclosure(self.tr(
                "This letter must name its addressee, so it is not checked for real names. It is personal data."))
        self._update_button()

    def _password_edit(self, name: str) -> QLineEdit:
        edit = QLineEdit()
        edit.setEchoMode(QLineEdit.EchoMode.Password)
        edit.setAccessibleName(name)
        return edit

    # ---- the disclosure check ----------------------------------------------------------------------------------

    def _checked(self, hits: list[Hit]) -> None:
        self.checking = False
        self.hits = hits
        if not hits:
            self._show_disclosure(self.tr(
                "Disclosure check passed: no real names, addresses or dates of birth found."))
        elif self._may_override:
            self._show_disclosure(describe(hits) + "\n" + self.tr(
                "Replace each with the pseudonym and generate the draft again, or, if it must go as it is, give "
                "the reason below."), blocked=True)
            self.override_box.show()
        else:
            self._show_disclosure(describe(hits) + "\n" + self.tr(
                "Replace each with the pseudonym where it comes from (a chronology entry, a person's details) and "
                "generate the draft again. Only an administrator can export it as it is."), blocked=True)
        self._update_button()

    def _check_failed(self, exc: Exception) -> None:
        self.checking = False
        reason = exc.message if isinstance(exc, DhrError) else str(exc)
        self._show_disclosure(self.tr("The disclosure check could not be done, so the draft cannot be exported: "
                                      "{reason}").format(reason=reason), blocked=True)
        self._update_button()

    def _show_disclosure(self, text: str, blocked: bool = False) -> None:
        self.disclosure_label.setText(text)
        self.disclosure_label.setAccessibleName(self.tr("Disclosure check: {result}").format(result=text))
        self.disclosure_label.setStyleSheet(BLOCKED_STYLE if blocked else "")

    # ---- exporting -----------------------------------------------------------------------------------------------

    def do_export(self) -> None:
        """Check the password fields here, then write the file in the background; the dialog accepts once it is
        written and stays open, saying why, if the service refuses."""
        if not self.export_button.isEnabled():
            return
        problem = self._password_problem()
        if problem:
            self.error.show_message(problem)
            return
        out = self._out()
        password = self.password_edit.text() if self.protect_check.isChecked() else None
        confirmed = self.personal_check.isChecked()
        reason = self.reason_edit.text() if self.hits else None
        self.error.show_message("")
        self.busy = True
        self._update_button()
        export = self._export
        run_in_background(self, self.tr("Exporting the draft…"), lambda: export(out, password, confirmed, reason),
                          self._exported, self._failed)

    def _exported(self, result: ExportResult) -> None:
        self.busy = False
        self.result = result
        self.message = self.tr("Exported {title} {version} to {path}").format(
            title=self._draft.title, version=result.version, path=result.path)
        if result.protected:
            self.message += self.tr(", protected with a password")
        if result.overridden:
            self.message += self.tr(". The disclosure check was overridden; the reason is in the audit log")
        self.accept()

    def _failed(self, exc: Exception) -> None:
        self.busy = False
        self._update_button()
        self.error.show_message(exc.message if isinstance(exc, DhrError)
                                else self.tr("The export failed: {error}").format(error=exc))

    def _password_problem(self) -> str:
        if not self.protect_check.isChecked():
            return ""
        if len(self.password_edit.text()) < MIN_PASSWORD_CHARS:
            return self.tr("The password must be at least {n} characters long.").format(n=MIN_PASSWORD_CHARS)
        if self.password_edit.text() != self.repeat_edit.text():
            return self.tr("The two passwords are not the same. Type the password again in both fields.")
        return ""

    def _out(self) -> Path:
        """The path typed, in the Documents folder when only a name is given, and always a Word file."""
        path = Path(self.path_edit.text().strip()).expanduser()
        if not path.is_absolute():
            path = self._folder / path
        return path if path.name.lower().endswith(".docx") else path.with_name(path.name + ".docx")

    def _update_button(self) -> None:
        ready = bool(self.path_edit.text().strip()) and not self.busy and not self.checking
        if self._info.for_circulation:
            ready = ready and self.hits is not None and (
                not self.hits or (self._may_override and bool(self.reason_edit.text().strip())))
        if self._info.personal_data:
            ready = ready and self.personal_check.isChecked()
        self.export_button.setEnabled(ready)

    def _choose(self) -> None:
        # The overwrite question is left out: the export never replaces a file, so "Replace?" would mislead.
        path, _filter = QFileDialog.getSaveFileName(self, self.tr("Export the draft as"), str(self._out()),
                                                    self.tr(FILE_FILTER),
                                                    options=QFileDialog.Option.DontConfirmOverwrite)
        if path:
            self.path_edit.setText(path)

    def done(self, result: int) -> None:
        """Passwords, the reason and the file name (which holds the case reference) are not left in a closed
        dialog."""
        for edit in (self.path_edit, self.password_edit, self.repeat_edit, self.reason_edit):
            edit.clear()
        super().done(result)
