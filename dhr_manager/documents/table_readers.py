"""Read the table out of an agency's chronology return: a Word table (.docx), a spreadsheet (.xlsx) or a CSV file.

Agency returns arrive from outside the workspace, so every file is treated as hostile: its type is decided by its
content rather than its name, zip archives are measured before anything decompresses them, every XML part is
checked for DTDs and entities before python-docx or openpyxl parse it (safe_docx holds these checks for every
reader of outside files), spreadsheet formulas are never evaluated, and sizes are capped. A file either reads
completely or is refused with an ImportRejected naming the file and, where it applies, the row; nothing partially
read is returned.
"""

import csv
import datetime as dt
import io
import warnings
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import docx
import openpyxl
from docx.opc.exceptions import OpcError
from docx.table import Table, _Cell
from openpyxl.utils.exceptions import InvalidFileException
from openpyxl.worksheet.formula import ArrayFormula, DataTableFormula

from dhr_manager.documents.safe_docx import (
    MAX_FILE_BYTES,
    ZIP_MAGIC,
    FileKind,
    ImportRejected,
    check_zip,
    kind_of,
    open_zip,
    read_file_bytes,
)

MAX_ROWS = 20_000
MAX_COLUMNS = 60
MAX_CELL_CHARS = 10_000

TEXT_EXTENSIONS = frozenset({".csv", ".tsv", ".txt"})
CSV_DELIMITERS = ",;\t"
FORMULA_PREFIXES = ("=", "+", "-", "@")


@dataclass(frozen=True)
class RawTable:
    """Cells exactly as the agency supplied them, as text, before any column is interpreted.

    `row_numbers[i]` is where `rows[i]` sits in the original file, so later checks can point the coordinator at it.
    """

    source: str
    headers: list[str]
    rows: list[list[str]]
    row_numbers: list[int]


_KIND_BY_EXTENSION = {".docx": FileKind.DOCX, ".xlsx": FileKind.XLSX} | dict.fromkeys(TEXT_EXTENSIONS, FileKind.TEXT)


def neutralise_formula(text: str) -> str:
    """Prefix an apostrophe to a cell that a spreadsheet would run as a formula (CSV/Excel injection) on export."""
    return "'" + text if text.startswith(FORMULA_PREFIXES) else text


def read_table(path: Path, sheet: str | None = None) -> RawTable:
    """Read the one table in an agency file; `sheet` picks a worksheet by name in a workbook (default: the first)."""
    name = path.name
    expected = _KIND_BY_EXTENSION.get(path.suffix.lower())
    if expected is None:
        raise ImportRejected(
            f"{name}: this type of file cannot be imported; save it as a Word document (.docx), "
            "an Excel workbook (.xlsx) or a CSV file."
        )
    data = read_file_bytes(path, MAX_FILE_BYTES)
    archive = open_zip(name, data, expected) if data.startswith(ZIP_MAGIC) else None
    actual = kind_of(data, archive)
    if actual is not expected:
        raise ImportRejected(
            f"{name}: the file is named {path.suffix} but contains {actual.value}; "
            "save it again in the right format and import that copy."
        )
    if archive is not None:
        with archive:
            check_zip(name, archive, expected, "the agency")
    match expected:
        case FileKind.TEXT:
            return _read_csv(name, data)
        case FileKind.XLSX:
            return _read_xlsx(name, data, sheet)
        case _:
            return _read_docx(name, data)


def _read_csv(name: str, data: bytes) -> RawTable:
    """Read CSV in UTF-8 (with or without a BOM) or Windows-1252, the encodings agencies' tools produce."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError as exc:
            raise ImportRejected(f"{name}: the file is not readable text (UTF-8 or Windows-1252).") from exc
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_sniff_delimiter(text))

    def records() -> Iterator[tuple[int, str, list[str]]]:
        number = 0
        try:
            for number, record in enumerate(reader, start=1):
                yield number, f"row {number}", record
        except csv.Error as exc:
            row = number + 1
            if "field larger than field limit" in str(exc):
                raise _cell_too_long(name, f"row {row}") from exc
            raise ImportRejected(f"{name}, row {row}: the row could not be read as CSV ({exc}).") from exc

    return _collect(name, records())


def _sniff_delimiter(text: str) -> str:
    """Pick comma, semicolon (European Excel) or tab from the opening lines; comma when they do not say."""
    sample = "\n".join(text.splitlines()[:20])
    try:
        return csv.Sniffer().sniff(sample, delimiters=CSV_DELIMITERS).delimiter
    except csv.Error:
        header = next((line for line in text.splitlines() if line.strip()), "")
        return max(CSV_DELIMITERS, key=header.count) if any(d in header for d in CSV_DELIMITERS) else ","


def _read_xlsx(name: str, data: bytes, sheet: str | None) -> RawTable:
    """Read one worksheet; formulas stay as their text because evaluating agency formulas is never safe."""
    try:
        with warnings.catch_warnings():
            # openpyxl warns about workbook features it ignores (data validation, styles); nothing to act on.
            warnings.simplefilter("ignore", UserWarning)
            workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=False)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, ValueError, TypeError, OSError) as exc:
        raise ImportRejected(f"{name}: the file is damaged or not {FileKind.XLSX.value}.") from exc
    try:
        if sheet is None:
            worksheet = workbook.worksheets[0]
        elif sheet in workbook.sheetnames:
            worksheet = workbook[sheet]
        else:
            listed = ", ".join(f"'{s}'" for s in workbook.sheetnames)
            raise ImportRejected(f"{name}: there is no sheet called '{sheet}'; the sheets are {listed}.")
        if not hasattr(worksheet, "iter_rows"):
            raise ImportRejected(f"{name}: the sheet '{worksheet.title}' is a chart, not a table.")
        # The dimension recorded in the file may be wrong; without this, read-only mode trusts it and cuts rows off.
        worksheet.reset_dimensions()

        def records() -> Iterator[tuple[int, str, list[str]]]:
            for number, values in enumerate(worksheet.iter_rows(values_only=True), start=1):
                yield number, f"row {number}", [_cell_text(value) for value in values]

        try:
            return _collect(name, records())
        except (KeyError, ValueError, TypeError, OverflowError) as exc:
            raise ImportRejected(f"{name}: the file is damaged or not {FileKind.XLSX.value}.") from exc
    finally:
        workbook.close()


def _cell_text(value: object) -> str:
    """Render a spreadsheet value as the text a coordinator would see, dates in the UK order."""
    match value:
        case None:
            return ""
        case dt.datetime():
            midnight = (value.hour, value.minute, value.second, value.microsecond) == (0, 0, 0, 0)
            return value.strftime("%d/%m/%Y" if midnight else "%d/%m/%Y %H:%M")
        case dt.date():
            return value.strftime("%d/%m/%Y")
        case dt.time():
            return value.strftime("%H:%M")
        case ArrayFormula():
            return value.text or ""
        case DataTableFormula():
            # A what-if data table has no formula text of its own; its cached results are not read either.
            return ""
        case bool():
            return "TRUE" if value else "FALSE"
        case float() if value.is_integer() and abs(value) < 1e15:
            return str(int(value))
        case _:
            return str(value).strip()


def _read_docx(name: str, data: bytes) -> RawTable:
    """Read every body table as one: continuation tables that repeat the header have that row dropped."""
    try:
        document = docx.Document(io.BytesIO(data))
    except (OpcError, zipfile.BadZipFile, KeyError, ValueError, TypeError, OSError) as exc:
        raise ImportRejected(f"{name}: the file is damaged or not {FileKind.DOCX.value}.") from exc
    tables = document.tables
    if not tables:
        raise ImportRejected(f"{name}: no table found; the chronology must be set out as a table in the document.")

    def records() -> Iterator[tuple[int, str, list[str]]]:
        headers: list[str] | None = None
        number = 0
        for table_number, table in enumerate(tables, start=1):
            spans: list[tuple[int, int]] | None = None
            for row_number, grid in enumerate(_grid_rows(table), start=1):
                number += 1
                if row_number == 1:
                    texts, row_spans = _header_spans(grid)
                    if headers is None or texts == headers:
                        # The first table's first row is the header; a later table repeating it is a continuation.
                        spans = row_spans
                        if headers is None:
                            headers = texts
                            yield number, f"table {table_number}, row 1", texts
                        continue
                yield number, f"table {table_number}, row {row_number}", _row_texts(grid, spans)

    return _collect(name, records())


def _grid_rows(table: Table) -> Iterator[list[_Cell | None]]:
    """Each row as one entry per layout-grid column: a merged cell repeats, a missing leading cell is None."""
    for row in table.rows:
        yield [None] * row.grid_cols_before + list(row.cells)


def _header_spans(grid: list[_Cell | None]) -> tuple[list[str], list[tuple[int, int]]]:
    """Header texts with horizontally merged cells counted once, and the grid columns each header covers."""
    texts: list[str] = []
    spans: list[tuple[int, int]] = []
    for index, cell in enumerate(grid):
        if index and cell is not None and _same_tc(cell, grid[index - 1]):
            spans[-1] = (spans[-1][0], index + 1)
            continue
        texts.append(_docx_text(cell))
        spans.append((index, index + 1))
    return texts, spans


def _row_texts(grid: list[_Cell | None], spans: list[tuple[int, int]] | None) -> list[str]:
    """A data row laid out under the header's columns.

    Cells sharing one header column are joined with a space; a cell merged across several header columns is
    placed in the first of them only, so its text is not counted twice.
    """
    if spans is None:
        spans = _header_spans(grid)[1]
    placed: list[_Cell] = []
    texts = []
    for start, end in spans:
        here: list[_Cell] = []
        for cell in grid[start:end]:
            if cell is not None and not any(_same_tc(cell, other) for other in placed):
                placed.append(cell)
                here.append(cell)
        texts.append(" ".join(text for text in (_docx_text(cell) for cell in here) if text))
    return texts


def _same_tc(cell: _Cell, other: _Cell | None) -> bool:
    """Whether two grid positions are one Word cell: merges repeat it, and vertical ones as a new _Cell object."""
    return other is not None and cell._tc is other._tc


def _docx_text(cell: _Cell | None) -> str:
    return "" if cell is None else cell.text.strip()


def _collect(name: str, records: Iterable[tuple[int, str, list[str]]]) -> RawTable:
    """Apply the limits common to every format and square the rows up to the header."""
    headers: list[str] | None = None
    rows: list[list[str]] = []
    row_numbers: list[int] = []
    for number, where, record in records:
        cells = [cell.strip() for cell in record]
        while cells and not cells[-1]:
            cells.pop()
        if not cells:
            continue
        if len(cells) > MAX_COLUMNS:
            raise ImportRejected(f"{name}, {where}: the row has more than {MAX_COLUMNS} columns.")
        if any(len(cell) > MAX_CELL_CHARS for cell in cells):
            raise _cell_too_long(name, where)
        if headers is None:
            headers = cells
            continue
        if len(rows) == MAX_ROWS:
            raise ImportRejected(
                f"{name}: the file has more than {MAX_ROWS:,} rows; split it into smaller files and import each."
            )
        rows.append((cells + [""] * len(headers))[: len(headers)])
        row_numbers.append(number)
    if headers is None:
        raise ImportRejected(f"{name}: the table is empty; there is no heading row to read.")
    return RawTable(source=name, headers=headers, rows=rows, row_numbers=row_numbers)


def _cell_too_long(name: str, where: str) -> ImportRejected:
    return ImportRejected(f"{name}, {where}: a cell is longer than {MAX_CELL_CHARS:,} characters.")
