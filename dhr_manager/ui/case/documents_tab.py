"""A case's Word drafts: generate one, see every kept version, export a version, and work through the comments and
tracked changes of drafts the chair sent back.

Staff who may edit cases get this tab; a chair never does, since drafts and review comments can hold real names.
The tab talks to the services itself and runs the slow calls (generating, reading a returned draft) in the
background. After each change it emits `changed`, and the case page reloads it through `show_case`, once, with the
rest of the case. Dialogs are handed to the page through `dialog_requested`, so the page opens them the way it opens
its own, and closes them when the workspace locks.
"""

from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from dhr_manager.documents.disclosure import describe
from dhr_manager.documents.protection import WrongDocumentPassword
from dhr_manager.documents.review_reader import ProtectedDocument
from dhr_manager.documents.templates import KINDS, TemplateKind
from dhr_manager.errors import DhrError
from dhr_manager.services.drafts import (
    DraftView,
    check_disclosure,
    draft_content,
    export_draft,
    generate_draft,
    list_drafts,
    parse_version,
)
from dhr_manager.services.review_items import (
    OPEN,
    ReviewImport,
    ReviewItemView,
    import_review,
    list_review_items,
    set_review_item_status,
)
from dhr_manager.storage.workspace import UnlockedWorkspace
from dhr_manager.ui.background import run_in_background
from dhr_manager.ui.case.dialogs import ActionDialog
from dhr_manager.ui.case.export_dialog import ExportDialog, default_path, documents_folder, made_text
from dhr_manager.ui.fields import button, selected_row, table_view
from dhr_manager.ui.labels import InlineError, paragraph
from dhr_manager.ui.models.row_model import Column, RowTableModel
from dhr_manager.ui.words import day_text

REVIEW_FILE_FILTER = "Word documents (*.docx);;All files (*)"
LONG_COLUMNS = (4, 5)  # a review item's text and the passage it is on
LONG_COLUMN_CHARS = 50


def _tr(text: str) -> str:
    return QCoreApplication.translate("documents", text)


def kind_text(info: TemplateKind) -> str:
    """A kind's title as offered in the list; the letters that must name real people say so."""
    return _tr("{title} (names real people)").format(title=info.title) if info.personal_data else info.title


def size_text(size: int) -> str:
    return f"{size / 1024 / 1024:.1f} MB" if size >= 1024 * 1024 else f"{max(1, round(size / 1024))} KB"


def item_kind_name(kind: str) -> str:
    return {"comment": _tr("Comment"), "insertion": _tr("Insertion"), "deletion": _tr("Deletion")}.get(kind, kind)


def item_status_name(status: str) -> str:
    return _tr("Open") if status == OPEN else _tr("Resolved")


def when_text(at: str) -> str:
    """When the chair made a comment or change, as Word recorded it; Word's own text if it cannot be read."""
    try:
        moment = datetime.fromisoformat(at)
    except ValueError:
        return at
    if moment.tzinfo is not None:
        moment = moment.astimezone()
    return f"{day_text(moment.date())} {moment:%H:%M}"


def counted(number: int, one: str, many: str) -> str:
    return f"{number} {one if number == 1 else many}"


def import_summary(result: ReviewImport) -> str:
    """"Imported 3 comments, 2 insertions, 1 deletion"."""
    return _tr("Imported {comments}, {insertions}, {deletions}").format(
        comments=counted(result.comments, _tr("comment"), _tr("comments")),
        insertions=counted(result.insertions, _tr("insertion"), _tr("insertions")),
        deletions=counted(result.deletions, _tr("deletion"), _tr("deletions")))


class DocumentsTab(QWidget):
    """`show_case` loads the case's drafts and review items, `clear` forgets them. `generate`, `export_dialog`,
    `import_review_file` and `set_resolved` are what the buttons do, callable from tests; `busy` is True while a
    draft is generated or a returned draft is read."""

    changed = Signal()
    dialog_requested = Signal(object)  # a function building the dialog; the page opens and tracks it

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Documents"))
        self._ws: UnlockedWorkspace | None = None
        self._reference: str | None = None
        self._today: date | None = None
        self._may_override = False
        self._job = 0  # bumped when the case changes or is cleared: a late result of another case is dropped
        self._wanted_draft: str | None = None  # selected once the page has reloaded the list
        self.busy = False

        self.kind_combo = QComboBox()
        self.kind_combo.setAccessibleName(self.tr("Document to generate"))
        for info in KINDS.values():
            self.kind_combo.addItem(kind_text(info), info.kind)
            self.kind_combo.setItemData(self.kind_combo.count() - 1, info.purpose, Qt.ItemDataRole.ToolTipRole)
        self.purpose_label = paragraph("")
        italic = self.purpose_label.font()
        italic.setItalic(True)
        self.purpose_label.setFont(italic)
        self.generate_button = button(self.tr("&Generate draft"))
        self.notice = QLabel()
        self.notice.setWordWrap(True)
        self.notice.setAccessibleName(self.tr("Last action"))
        self.error = InlineError()

        self.drafts_model = RowTableModel[DraftView]([
            Column[DraftView](self.tr("Document"), lambda d: d.title),
            Column[DraftView](self.tr("Version"), lambda d: d.version),
            Column[DraftView](self.tr("Made"), lambda d: made_text(d.made_at)),
            Column[DraftView](self.tr("By"), lambda d: d.made_by),
            Column[DraftView](self.tr("Size"), lambda d: size_text(d.size)),
        ], self)
        self.drafts_view = table_view(self.drafts_model, self.tr("Kept versions of the drafts"))
        self.export_button = button(self.tr("E&xport…"), self.tr("Export the selected version"))

        self._items: list[ReviewItemView] = []
        self.items_model = RowTableModel[ReviewItemView]([
            Column[ReviewItemView](self.tr("Status"), lambda i: item_status_name(i.status)),
            Column[ReviewItemView](self.tr("Kind"), lambda i: item_kind_name(i.kind)),
            Column[ReviewItemView](self.tr("Author"), lambda i: i.author),
            Column[ReviewItemView](self.tr("When"), lambda i: when_text(i.at)),
            Column[ReviewItemView](self.tr("Text"), lambda i: i.text),
            Column[ReviewItemView](self.tr("On"), lambda i: i.anchor),
        ], self)
        self.items_view = table_view(self.items_model, self.tr("Comments and tracked changes from returned drafts"))
        # A comment, or the passage it is on, can run to a page: those columns fit their contents only up to a
        # readable width (the whole text is in the tooltip), so the columns after them stay in view.
        self.items_model.modelReset.connect(self._cap_long_columns)
        self.import_button = button(self.tr("&Import a returned draft…"))
        self.show_resolved = QCheckBox(self.tr("Show re&solved"))
        self.show_resolved.setAccessibleName(self.tr("Show resolved items"))
        self.resolve_button = button(self.tr("&Mark resolved"), self.tr("Mark the selected item resolved"))
        self.reopen_button = button(self.tr("Re&open"), self.tr("Reopen the selected item"))
        self.review_notice = QLabel()
        self.review_notice.setWordWrap(True)
        self.review_notice.setAccessibleName(self.tr("Last import"))
        self.review_warning = InlineError()

        generate_row = QHBoxLayout()
        kind_label = QLabel(self.tr("&Document:"))
        kind_label.setBuddy(self.kind_combo)
        generate_row.addWidget(kind_label)
        generate_row.addWidget(self.kind_combo, 1)
        generate_row.addWidget(self.generate_button)
        versions_row = QHBoxLayout()
        versions_row.addWidget(QLabel(self.tr("Kept versions, newest first:")), 1)
        versions_row.addWidget(self.export_button)
        drafts_box = QGroupBox(self.tr("Drafts"))
        drafts_layout = QVBoxLayout(drafts_box)
        drafts_layout.addWidget(paragraph(self.tr(
            "Drafts are made from what the case holds, with pseudonyms in place of names, and each one is kept as "
            "the next version. Drafts meant for circulation are checked for real names, addresses and dates of "
            "birth before they are exported.")))
        drafts_layout.addLayout(generate_row)
        drafts_layout.addWidget(self.purpose_label)
        drafts_layout.addWidget(self.notice)
        drafts_layout.addWidget(self.error)
        drafts_layout.addLayout(versions_row)
        drafts_layout.addWidget(self.drafts_view, 1)

        review_row = QHBoxLayout()
        review_row.addWidget(self.import_button)
        review_row.addWidget(self.show_resolved)
        review_row.addStretch(1)
        review_row.addWidget(self.resolve_button)
        review_row.addWidget(self.reopen_button)
        review_box = QGroupBox(self.tr("Comments and tracked changes from returned drafts"))
        review_layout = QVBoxLayout(review_box)
        review_layout.addLayout(review_row)
        review_layout.addWidget(self.review_notice)
        review_layout.addWidget(self.review_warning)
        review_layout.addWidget(self.items_view, 1)

        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(drafts_box)
        splitter.addWidget(review_box)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)

        self.kind_combo.currentIndexChanged.connect(self._show_purpose)
        self.generate_button.clicked.connect(self.generate)
        self.export_button.clicked.connect(self._request_export)
        self.drafts_view.doubleClicked.connect(lambda _index: self._request_export())
        self.drafts_view.selectionModel().selectionChanged.connect(self._update_buttons)
        self.import_button.clicked.connect(self._choose_review_file)
        self.show_resolved.toggled.connect(self._refill_items)
        self.items_view.selectionModel().selectionChanged.connect(self._update_buttons)
        self.resolve_button.clicked.connect(lambda: self.set_resolved(True))
        self.reopen_button.clicked.connect(lambda: self.set_resolved(False))
        self._show_purpose()
        self.clear()

    # ---- loading ---------------------------------------------------------------------------------------------------

    def show_case(self, ws: UnlockedWorkspace, reference: str, today: date, may_override: bool) -> None:
        """Load (or reload) the case's drafts and review items; a problem is shown in the tab."""
        if reference != self._reference:
            self._forget()
        self._ws, self._reference, self._today, self._may_override = ws, reference, today, may_override
        try:
            drafts = list_drafts(ws, reference)
            items = list_review_items(ws, reference)
        except DhrError as exc:
            self.error.show_message(exc.message)
            return
        keep = self._wanted_draft or getattr(self.selected_draft(), "id", None)
        self._wanted_draft = None
        self.drafts_model.set_rows(drafts)
        if not self._select(self.drafts_view, self.drafts_model, keep) and drafts:
            self.drafts_view.selectRow(0)  # so that Export… works straight away
        self._items = items
        self._refill_items()

    def clear(self) -> None:
        """Forget the case and everything shown of it, as when the workspace locks."""
        self._forget()
        self._ws = self._reference = self._today = None

    def _forget(self) -> None:
        self._job += 1
        self.busy = False
        self._wanted_draft = None
        self._items = []
        self.drafts_model.set_rows([])
        self.items_model.set_rows([])
        self.show_resolved.setChecked(False)
        for label in (self.notice, self.review_notice):
            label.clear()
            label.hide()
        self.error.show_message("")
        self.review_warning.show_message("")
        self._update_buttons()

    # ---- drafts ------------------------------------------------------------------------------------------------

    def selected_draft(self) -> DraftView | None:
        draft = selected_row(self.drafts_view)
        return draft if isinstance(draft, DraftView) else None

    def generate(self) -> None:
        """Generate the chosen kind in the background; the new version is selected once the page reloads."""
        ws, reference, today = self._case()
        kind = self.kind_combo.currentData()
        doing = self.tr("Generating the {title}…").format(title=KINDS[kind].title.lower())
        self._start()
        self._show(self.notice, doing)
        job = self._job
        run_in_background(self, doing, lambda: generate_draft(ws, reference, kind, today),
                          lambda draft: self._generated(job, draft),
                          lambda exc: self._failed(job, exc, self.notice, self.error))

    def _generated(self, job: int, draft: DraftView) -> None:
        if job != self._job:
            return
        self._stop()
        self._wanted_draft = draft.id
        self._show(self.notice, self.tr("{title} {version} generated").format(title=draft.title,
                                                                                 version=draft.version))
        self.changed.emit()

    def export_dialog(self, draft: DraftView | None = None) -> ExportDialog:
        """The export dialog for `draft` (the selected version by default), its disclosure check already started."""
        ws, reference, _today = self._case()
        draft = draft or self.selected_draft()
        if draft is None:
            raise RuntimeError("DocumentsTab: no version is selected")  # the button is disabled until one is
        kind, number = draft.kind, parse_version(draft.version)
        dialog = ExportDialog(
            draft, KINDS[kind], default_path(reference, draft, documents_folder()), self._may_override,
            lambda: check_disclosure(ws, reference, draft_content(ws, reference, kind, number)[1]),
            lambda out, password, confirmed, reason: export_draft(ws, reference, kind, out, number, password,
                                                                  confirmed, reason),
            self)
        dialog.accepted.connect(lambda: self._show(self.notice, dialog.message))
        return dialog

    def _request_export(self) -> None:
        if self.selected_draft() is not None:
            self.dialog_requested.emit(self.export_dialog)

    # ---- returned drafts -----------------------------------------------------------------------------------

    def import_review_file(self, path: Path | str, password: str | None = None) -> None:
        """Read a returned draft's comments and tracked changes in the background. A protected file is asked
        for its password, and asked again if the password does not open it."""
        ws, reference, _today = self._case()
        path = Path(path)
        self._start()
        self.review_warning.show_message("")
        self._show(self.review_notice, self.tr("Reading {file}…").format(file=path.name))
        job = self._job
        run_in_background(self, self.tr("Reading the returned draft…"),
                          lambda: import_review(ws, reference, path, password),
                          lambda result: self._review_imported(job, result),
                          lambda exc: self._review_failed(job, path, exc))

    def _review_imported(self, job: int, result: ReviewImport) -> None:
        if job != self._job:
            return
        self._stop()
        self._show(self.review_notice, import_summary(result))
        if result.hits:
            self.review_warning.show_message(self.tr(
                "This returned draft holds real details of people in this review: check who it was sent to, and "
                "whether it has to be reported as a data breach.") + "\n" + describe(result.hits))
        self.changed.emit()

    def _review_failed(self, job: int, path: Path, exc: Exception) -> None:
        if job != self._job:
            return
        if isinstance(exc, ProtectedDocument | WrongDocumentPassword):
            self._stop()
            self._show(self.review_notice, "")
            problem = exc.message if isinstance(exc, WrongDocumentPassword) else ""
            self.dialog_requested.emit(lambda: ReviewPasswordDialog(
                path.name, problem, lambda typed: self.import_review_file(path, typed), self))
            return
        self._failed(job, exc, self.review_notice, self.review_warning)

    def _choose_review_file(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(self, self.tr("Choose the draft the chair sent back"),
                                                    str(documents_folder()), self.tr(REVIEW_FILE_FILTER))
        if path:
            self.import_review_file(path)

    def selected_item(self) -> ReviewItemView | None:
        item = selected_row(self.items_view)
        return item if isinstance(item, ReviewItemView) else None

    def set_resolved(self, resolved: bool) -> None:
        """Resolve (or reopen) the selected item; the page reloads the list."""
        ws, _reference, _today = self._case()
        item = self.selected_item()
        if item is None:
            return
        try:
            set_review_item_status(ws, item.id, resolved)
        except DhrError as exc:
            self.review_warning.show_message(exc.message)
            return
        self.changed.emit()

    def _refill_items(self) -> None:
        keep = getattr(self.selected_item(), "id", None)
        shown = self._items if self.show_resolved.isChecked() else [i for i in self._items if i.status == OPEN]
        self.items_model.set_rows(shown)
        self._select(self.items_view, self.items_model, keep)
        self._update_buttons()

    # ---- helpers -------------------------------------------------------------------------------------------

    def _case(self) -> tuple[UnlockedWorkspace, str, date]:
        if self._ws is None or self._reference is None or self._today is None:
            raise RuntimeError("DocumentsTab: no case is shown")  # the page shows the tab only with a case
        return self._ws, self._reference, self._today

    def _start(self) -> None:
        self.busy = True
        self.error.show_message("")
        self._update_buttons()

    def _stop(self) -> None:
        self.busy = False
        self._update_buttons()

    def _failed(self, job: int, exc: Exception, progress: QLabel, where: InlineError) -> None:
        """Take down the "Generating…" or "Reading…" line and say what went wrong in its place."""
        if job != self._job:
            return
        self._stop()
        self._show(progress, "")
        where.show_message(exc.message if isinstance(exc, DhrError)
                           else self.tr("That did not work: {error}").format(error=exc))

    def _show(self, label: QLabel, text: str) -> None:
        label.setText(text)
        label.setVisible(bool(text))

    def _show_purpose(self) -> None:
        info = KINDS.get(self.kind_combo.currentData())
        purpose = info.purpose if info else ""
        self.purpose_label.setText(purpose)
        self.purpose_label.setAccessibleName(purpose)
        self.kind_combo.setToolTip(purpose)

    def _select(self, view: QTableView, model: RowTableModel[DraftView] | RowTableModel[ReviewItemView],
                row_id: str | None) -> bool:
        """Select the row with this id, if it is shown; False if it is not."""
        for row in range(model.rowCount()):
            if model.row(row).id == row_id:
                view.selectRow(row)
                view.scrollTo(model.index(row, 0))
                return True
        return False

    def _cap_long_columns(self) -> None:
        widest = self.items_view.fontMetrics().averageCharWidth() * LONG_COLUMN_CHARS
        for index in LONG_COLUMNS:
            self.items_view.setColumnWidth(index, min(self.items_view.columnWidth(index), widest))

    def _update_buttons(self) -> None:
        working = self._ws is not None and not self.busy
        self.generate_button.setEnabled(working)
        self.import_button.setEnabled(working)
        self.export_button.setEnabled(self._ws is not None and self.selected_draft() is not None)
        item = self.selected_item()
        self.resolve_button.setEnabled(item is not None and item.status == OPEN)
        self.reopen_button.setEnabled(item is not None and item.status != OPEN)


class ReviewPasswordDialog(ActionDialog):
    """Asks for the password a returned draft was protected with, and tries the import again with it."""

    def __init__(self, file_name: str, problem: str, retry: Callable[[str], None],
                 parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Password needed"), self.tr(
            "{file} is protected with a password. Type the password it was sent with; it is used to read the file "
            "and is not kept.").format(file=file_name), self.tr("&Import"), parent)
        self._retry = retry
        self.password_edit = QLineEdit()
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_edit.setAccessibleName(self.tr("Password of the returned draft"))
        self.form.addRow(self.tr("&Password:"), self.password_edit)
        self.error.show_message(problem)
        self.password_edit.textChanged.connect(lambda text: self.ok_button.setEnabled(bool(text)))
        self.ok_button.setEnabled(False)

    def perform(self) -> None:
        self._retry(self.password_edit.text())

    def done(self, result: int) -> None:
        """The password typed is not left in a closed dialog."""
        self.password_edit.clear()
        super().done(result)
