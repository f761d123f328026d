"""Importing one agency's chronology: choose the file, check the guessed columns against a preview, import.

The dialog only collects; reading and checking are the services' (`read_table`, `preview_import`) and the import
itself runs in the background (`import_chronology`). What is wrong with a file is said inline, next to the fields.
"""

from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from dhr_manager.documents.table_readers import RawTable, read_table
from dhr_manager.domain.chronology import ChronologyEntry
from dhr_manager.domain.chronology_mapping import Field, guess_mapping
from dhr_manager.errors import DhrError
from dhr_manager.services.chronology import ImportPreview, ImportResult, import_chronology, preview_import
from dhr_manager.storage.workspace import UnlockedWorkspace
from dhr_manager.ui.background import run_in_background
from dhr_manager.ui.chronology.chronology_tab import date_text, time_text
from dhr_manager.ui.fields import button, table_view
from dhr_manager.ui.labels import InlineError, heading
from dhr_manager.ui.models.row_model import Column, RowTableModel

PREVIEW_ROWS = 20
NONE = -1
FILE_FILTER = "Chronologies (*.csv *.tsv *.txt *.xlsx *.docx);;All files (*)"


def field_name(field: Field) -> str:
    return {Field.DATE: "Date", Field.TIME: "Time", Field.SOURCE: "Source / record reference",
            Field.EVENT: "Event", Field.ACTION: "Action / outcome", Field.COMMENTS: "Comments"}[field]


class ImportDialog(QDialog):
    """`set_file`, `preview` and `do_import` are what the buttons do, callable from tests; `result` holds the
    service's answer once the import is done, and `message` what the user was told."""

    def __init__(self, ws: UnlockedWorkspace, reference: str, agencies: list[str] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ws, self._reference = ws, reference
        self._table: RawTable | None = None
        self.result: ImportResult | None = None
        self.message = ""
        self.busy = False
        self.setWindowTitle(self.tr("Import an agency chronology"))
        self.setAccessibleName(self.tr("Import an agency chronology"))

        self.path_edit = QLineEdit()
        self.path_edit.setAccessibleName(self.tr("File"))
        self.browse_button = button(self.tr("&Choose file…"), self.tr("Choose the file"))
        self.agency_combo = QComboBox()
        self.agency_combo.setEditable(True)
        self.agency_combo.setAccessibleName(self.tr("Agency"))
        self.agency_combo.addItems(agencies or [])
        self.agency_combo.setCurrentText("")
        self.sheet_edit = QLineEdit()
        self.sheet_edit.setAccessibleName(self.tr("Sheet (spreadsheets only, optional)"))
        self.sheet_edit.setPlaceholderText(self.tr("the first sheet"))
        self.preview_button = button(self.tr("&Preview"))
        self.error = InlineError()
        self.replace_box = QCheckBox(self.tr("&Replace the earlier import"))
        self.replace_box.setAccessibleName(self.tr("Replace the earlier import"))
        self.replace_box.hide()
        self.mapping_combos: dict[Field, QComboBox] = {}
        self.mapping_box = QWidget()
        grid = QGridLayout(self.mapping_box)
        grid.setContentsMargins(0, 0, 0, 0)
        for i, field in enumerate(Field):
            combo = QComboBox()
            combo.setAccessibleName(self.tr("Column for {field}").format(field=field_name(field)))
            label = QLabel(field_name(field) + ":")
            label.setBuddy(combo)
            grid.addWidget(label, i // 3, (i % 3) * 2)
            grid.addWidget(combo, i // 3, (i % 3) * 2 + 1)
            combo.currentIndexChanged.connect(self._refresh_preview)
            self.mapping_combos[field] = combo
        self.mapping_box.setEnabled(False)
        self.preview_model: RowTableModel[ChronologyEntry] = RowTableModel([
            Column(self.tr("Row"), lambda e: str(e.row)),
            Column(self.tr("Date"), date_text),
            Column(self.tr("Time"), time_text),
            Column(self.tr("Source"), lambda e: e.source),
            Column(self.tr("Event"), lambda e: e.event),
            Column(self.tr("Action"), lambda e: e.action),
            Column(self.tr("Comments"), lambda e: e.comments),
        ], self)
        self.preview_table = table_view(self.preview_model, self.tr("Preview of the first entries"))
        self.preview_label = QLabel()
        self.buttons = QDialogButtonBox()
        self.import_button = self.buttons.addButton(self.tr("&Import"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.import_button.setAccessibleName(self.tr("Import"))
        self.import_button.setEnabled(False)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)

        file_row = QHBoxLayout()
        file_row.addWidget(self.path_edit, 1)
        file_row.addWidget(self.browse_button)
        form = QFormLayout()
        form.addRow(self.tr("&File:"), file_row)
        form.addRow(self.tr("&Agency:"), self.agency_combo)
        form.addRow(self.tr("&Sheet:"), self.sheet_edit)
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("Import an agency chronology")))
        layout.addLayout(form)
        layout.addWidget(self.preview_button)
        layout.addWidget(QLabel(self.tr("Which column holds what (guessed from the headers; correct it here):")))
        layout.addWidget(self.mapping_box)
        layout.addWidget(self.preview_label)
        layout.addWidget(self.preview_table, 1)
        layout.addWidget(self.error)
        layout.addWidget(self.replace_box)
        layout.addWidget(self.buttons)
        self.resize(900, 600)

        self.browse_button.clicked.connect(self._browse)
        self.preview_button.clicked.connect(self.preview)
        self.import_button.clicked.connect(self.do_import)
        self.buttons.rejected.connect(self.reject)
        self.path_edit.textEdited.connect(self._forget_table)
        self.sheet_edit.textEdited.connect(self._forget_table)

    # ---- the steps ---------------------------------------------------------------------------------------

    def set_file(self, path: Path | str) -> None:
        self.path_edit.setText(str(path))
        self._forget_table()

    def preview(self) -> bool:
        """Read the file, show the guessed columns and the first entries; False (with the reason shown) if the
        file cannot be read."""
        self._forget_table()
        path = self.path_edit.text().strip()
        if not path:
            self.error.show_message(self.tr("Choose the file to import."))
            return False
        try:
            table = read_table(Path(path), self._sheet())
        except DhrError as exc:
            self.error.show_message(exc.message)
            return False
        self._table = table
        guessed = guess_mapping(table.headers)
        for field, combo in self.mapping_combos.items():
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(self.tr("(none)"), NONE)
            for column, header in enumerate(table.headers):
                combo.addItem(header or self.tr("column {n}").format(n=column + 1), column)
            combo.setCurrentIndex(combo.findData(guessed.get(field, NONE)))
            combo.blockSignals(False)
        self.mapping_box.setEnabled(True)
        return self._refresh_preview()

    def map_text(self) -> str:
        """The chosen columns as the service's `--map` text, by column number so commas in headers are safe."""
        def column(combo: QComboBox) -> str:  # "(none)" is an empty column: the field is left out
            return "" if combo.currentData() in (None, NONE) else str(combo.currentData() + 1)

        return ",".join(f"{field.value}={column(combo)}" for field, combo in self.mapping_combos.items())

    def do_import(self) -> None:
        """Check and store the entries in the background; the dialog accepts once they are in."""
        if self._table is None and not self.preview():
            return
        if not self._agency():
            self.error.show_message(self.tr("Name the agency the chronology comes from."))
            return
        path, agency, map_text, sheet = Path(self.path_edit.text().strip()), self._agency(), self.map_text(), \
            self._sheet()
        replace = not self.replace_box.isHidden() and self.replace_box.isChecked()
        ws, reference = self._ws, self._reference
        self.busy = True
        self.import_button.setEnabled(False)
        self.error.show_message("")
        run_in_background(self, self.tr("Importing the chronology…"),
                          lambda: import_chronology(ws, reference, path, agency, map_text or None, sheet, replace),
                          self._imported, self._failed)

    # ---- helpers -------------------------------------------------------------------------------------------

    def _refresh_preview(self) -> bool:
        if self._table is None:
            return False
        try:
            preview: ImportPreview = preview_import(self._table, self._agency() or "?", self.map_text() or None)
        except DhrError as exc:
            self.preview_model.set_rows([])
            self.preview_label.setText("")
            self.error.show_message(exc.message)
            self.import_button.setEnabled(False)
            return False
        self.error.show_message("")
        self.preview_model.set_rows(preview.entries[:PREVIEW_ROWS])
        self.preview_label.setText(self.tr("{count} entries read; the first {shown} are shown.").format(
            count=len(preview.entries), shown=min(PREVIEW_ROWS, len(preview.entries))))
        self.import_button.setEnabled(True)
        return True

    def _imported(self, result: ImportResult) -> None:
        self.busy = False
        self.result = result
        self.message = self.tr("Imported {count} entries from {agency}").format(
            count=len(result.preview.entries), agency=result.preview.agency)
        if result.replaced:
            self.message += self.tr(", replacing the earlier import")
        self.preview_label.setText(self.message)
        self.accept()

    def _failed(self, exc: Exception) -> None:
        self.busy = False
        self.import_button.setEnabled(True)
        text = exc.message if isinstance(exc, DhrError) else self.tr("The import failed: {error}").format(error=exc)
        if "already imported" in text:
            self.replace_box.show()
            text = text.replace("Import it again with --replace to replace those entries.",
                                self.tr("Tick “Replace the earlier import” and import again to replace them."))
        self.error.show_message(text)

    def _forget_table(self) -> None:
        self._table = None
        self.preview_model.set_rows([])
        self.preview_label.setText("")
        self.mapping_box.setEnabled(False)
        self.import_button.setEnabled(False)
        self.replace_box.hide()
        self.replace_box.setChecked(False)

    def _agency(self) -> str:
        return self.agency_combo.currentText().strip()

    def _sheet(self) -> str | None:
        return self.sheet_edit.text().strip() or None

    def _browse(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(self, self.tr("Choose the agency's chronology"), "",
                                                    self.tr(FILE_FILTER))
        if path:
            self.set_file(path)
            self.preview()
