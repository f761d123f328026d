"""Reading agency chronology tables: formats, encodings, merged Word cells, and refusal of hostile or broken files.

Every fixture is built here from fictional data; no binary files are committed.
"""

import csv
import datetime as dt
import io
import time
import zipfile
from pathlib import Path

import docx
import openpyxl
import pytest

from dhr_manager.documents import table_readers
from dhr_manager.documents.table_readers import ImportRejected, RawTable, neutralise_formula, read_table
from dhr_manager.errors import InputError

HEADERS = ["Date", "Agency", "Event"]


def write_csv(path: Path, rows: list[list[str]], encoding: str = "utf-8", delimiter: str = ",") -> Path:
    buffer = io.StringIO(newline="")
    csv.writer(buffer, delimiter=delimiter).writerows(rows)
    path.write_bytes(buffer.getvalue().encode(encoding))
    return path


def write_xlsx(path: Path, sheets: dict[str, list[list[object]]]) -> Path:
    workbook = openpyxl.Workbook()
    workbook.remove(workbook.active)
    for title, rows in sheets.items():
        worksheet = workbook.create_sheet(title)
        for row in rows:
            worksheet.append(row)
    workbook.save(path)
    return path


def write_docx(path: Path, tables: list[list[list[str]]]) -> Path:
    document = docx.Document()
    for rows in tables:
        table = document.add_table(rows=len(rows), cols=len(rows[0]))
        for r, row in enumerate(rows):
            for c, text in enumerate(row):
                table.cell(r, c).text = text
        document.add_paragraph("Continued")
    document.save(path)
    return path


def rewrite_member(source: Path, target: Path, member: str, change) -> Path:
    """Copy a zip, passing one member's bytes through `change`."""
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as new:
        for info in old.infolist():
            content = old.read(info)
            new.writestr(info.filename, change(content) if info.filename == member else content)
    return target


def rejection(path: Path, **kwargs: str) -> str:
    with pytest.raises(ImportRejected) as caught:
        read_table(path, **kwargs)
    assert caught.value.message.startswith(path.name)
    return caught.value.message


# --- CSV ---------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1252"])
def test_csv_encodings_round_trip_accents_and_pound_sign(tmp_path: Path, encoding: str) -> None:
    path = write_csv(tmp_path / "team.csv", [HEADERS, ["03/04/2025", "Zoë Fictional Trust", "Paid £40 fee"]], encoding)
    table = read_table(path)
    assert table == RawTable("team.csv", HEADERS, [["03/04/2025", "Zoë Fictional Trust", "Paid £40 fee"]], [2])


def test_semicolon_csv_is_sniffed(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "police.csv", [HEADERS, ["01/02/2024", "Police", "Visit, no answer"]], delimiter=";")
    assert read_table(path).rows == [["01/02/2024", "Police", "Visit, no answer"]]


def test_tab_separated_text_is_read(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "gp.txt", [HEADERS, ["01/02/2024", "GP", "Appointment"]], delimiter="\t")
    assert read_table(path).rows == [["01/02/2024", "GP", "Appointment"]]


def test_csv_header_is_first_non_empty_row_and_rows_are_squared_up(tmp_path: Path) -> None:
    path = tmp_path / "team.csv"
    path.write_text("\n,,\nDate,Agency,Event\n 01/01/2024 ,GP\n\n02/01/2024,GP,Call,extra\n", encoding="utf-8")
    table = read_table(path)
    assert table.headers == HEADERS
    assert table.rows == [["01/01/2024", "GP", ""], ["02/01/2024", "GP", "Call"]]
    assert table.row_numbers == [4, 6]


def test_binary_csv_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "team.csv"
    path.write_bytes(b"Date,Agency\x00\x01\x02")
    assert "contains binary data" in rejection(path)


def test_five_thousand_row_csv_reads_completely(tmp_path: Path) -> None:
    rows = [HEADERS] + [[f"{i % 28 + 1:02d}/01/2024", "Agency", f"Event {i}"] for i in range(1, 5001)]
    table = read_table(write_csv(tmp_path / "big.csv", rows))
    assert len(table.rows) == 5000
    assert table.rows[-1] == ["17/01/2024", "Agency", "Event 5000"]
    assert table.row_numbers[-1] == 5001


def test_cell_over_ten_thousand_characters_is_refused_naming_the_row(tmp_path: Path) -> None:
    rows = [HEADERS, ["01/01/2024", "GP", "ok"], ["02/01/2024", "GP", "x" * 10_001]]
    message = rejection(write_csv(tmp_path / "team.csv", rows))
    assert message == "team.csv, row 3: a cell is longer than 10,000 characters."


def test_cell_beyond_the_csv_field_limit_is_refused_as_too_long(tmp_path: Path) -> None:
    rows = [HEADERS, ["01/01/2024", "GP", "x" * 200_000]]
    assert rejection(write_csv(tmp_path / "team.csv", rows)).startswith("team.csv, row 2: a cell is longer")


def test_more_than_twenty_thousand_rows_is_refused(tmp_path: Path) -> None:
    rows = [HEADERS] + [["01/01/2024", "GP", str(i)] for i in range(20_001)]
    assert "more than 20,000 rows" in rejection(write_csv(tmp_path / "team.csv", rows))


def test_exactly_twenty_thousand_rows_is_accepted(tmp_path: Path) -> None:
    rows = [HEADERS] + [["01/01/2024", "GP", str(i)] for i in range(20_000)]
    assert len(read_table(write_csv(tmp_path / "team.csv", rows)).rows) == 20_000


def test_too_many_columns_is_refused(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "wide.csv", [[f"C{i}" for i in range(61)]])
    assert "more than 60 columns" in rejection(path)


def test_empty_and_blank_files_are_refused(tmp_path: Path) -> None:
    (tmp_path / "empty.csv").write_bytes(b"")
    (tmp_path / "blank.csv").write_text("\n , \n")
    assert "empty" in rejection(tmp_path / "empty.csv")
    assert "empty" in rejection(tmp_path / "blank.csv")


def test_oversized_file_is_refused_before_reading(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(table_readers, "MAX_FILE_BYTES", 100)
    path = write_csv(tmp_path / "team.csv", [HEADERS] + [["01/01/2024", "GP", "call"]] * 10)
    assert "larger than" in rejection(path)


# --- XLSX --------------------------------------------------------------------------------------------------------


def test_xlsx_reads_first_sheet_and_named_sheet(tmp_path: Path) -> None:
    path = write_xlsx(
        tmp_path / "return.xlsx",
        {"Chronology": [HEADERS, ["01/01/2024", "Housing", "Repair"]], "Other": [["Name"], ["Alex Example"]]},
    )
    assert read_table(path) == RawTable("return.xlsx", HEADERS, [["01/01/2024", "Housing", "Repair"]], [2])
    assert read_table(path, sheet="Other").rows == [["Alex Example"]]


def test_xlsx_unknown_sheet_lists_the_sheets(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "return.xlsx", {"Chronology": [HEADERS], "Notes": [["x"]]})
    message = rejection(path, sheet="Missing")
    assert "'Missing'" in message
    assert "'Chronology', 'Notes'" in message


def test_xlsx_formula_is_kept_as_text_and_never_evaluated(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "return.xlsx", {"S": [["Value", "Total"], ["=1+1", '=HYPERLINK("http://x","y")']]})
    assert read_table(path).rows == [["=1+1", '=HYPERLINK("http://x","y")']]


def test_xlsx_dates_times_and_numbers_become_plain_text(tmp_path: Path) -> None:
    rows: list[list[object]] = [
        ["Date", "When", "Count", "Rate", "Flag"],
        [dt.datetime(2025, 4, 3), dt.datetime(2025, 4, 3, 14, 5), 7, 2.5, True],
        [dt.date(2024, 12, 25), None, 3.0, None, None],
    ]
    table = read_table(write_xlsx(tmp_path / "return.xlsx", {"S": rows}))
    assert table.rows == [["03/04/2025", "03/04/2025 14:05", "7", "2.5", "TRUE"], ["25/12/2024", "", "3", "", ""]]


def test_five_thousand_row_xlsx_reads_completely(tmp_path: Path) -> None:
    rows: list[list[object]] = [HEADERS] + [
        [dt.datetime(2024, 1, 1 + i % 28), "Agency", f"Event {i}"] for i in range(5000)
    ]
    table = read_table(write_xlsx(tmp_path / "big.xlsx", {"S": rows}))
    assert len(table.rows) == 5000
    assert table.rows[-1] == ["16/01/2024", "Agency", "Event 4999"]
    assert table.row_numbers[-1] == 5001


def test_xlsx_cell_too_long_names_the_row(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "return.xlsx", {"S": [HEADERS, ["a", "b", "c"], ["a", "b", "y" * 10_001]]})
    assert rejection(path).startswith("return.xlsx, row 3: a cell is longer than 10,000 characters")


# --- DOCX --------------------------------------------------------------------------------------------------------


def test_docx_tables_sharing_a_header_are_joined(tmp_path: Path) -> None:
    path = write_docx(
        tmp_path / "return.docx",
        [
            [HEADERS, ["01/01/2024", "GP", "Visit"]],
            [HEADERS, ["02/01/2024", "GP", "Call"], ["03/01/2024", "GP", "Letter"]],
        ],
    )
    table = read_table(path)
    assert table.headers == HEADERS
    assert table.rows == [["01/01/2024", "GP", "Visit"], ["02/01/2024", "GP", "Call"], ["03/01/2024", "GP", "Letter"]]
    assert table.row_numbers == [2, 4, 5]


def test_docx_continuation_table_without_a_header_is_appended(tmp_path: Path) -> None:
    path = write_docx(
        tmp_path / "return.docx", [[HEADERS, ["01/01/2024", "GP", "Visit"]], [["02/01/2024", "GP", "Call"]]]
    )
    assert read_table(path).rows == [["01/01/2024", "GP", "Visit"], ["02/01/2024", "GP", "Call"]]


def test_docx_horizontally_merged_header_is_not_duplicated(tmp_path: Path) -> None:
    document = docx.Document()
    table = document.add_table(rows=2, cols=4)
    merged = table.cell(0, 1).merge(table.cell(0, 2))
    merged.text = "Date and time"
    table.cell(0, 0).text = "Agency"
    table.cell(0, 3).text = "Event"
    for c, text in enumerate(["Police", "01/01/2024", "10:00", "Attended"]):
        table.cell(1, c).text = text
    document.save(tmp_path / "return.docx")
    result = read_table(tmp_path / "return.docx")
    assert result.headers == ["Agency", "Date and time", "Event"]
    assert result.rows == [["Police", "01/01/2024 10:00", "Attended"]]


def test_docx_merged_data_cells_are_not_duplicated_across_columns(tmp_path: Path) -> None:
    document = docx.Document()
    table = document.add_table(rows=3, cols=3)
    for c, text in enumerate(HEADERS):
        table.cell(0, c).text = text
    table.cell(1, 0).merge(table.cell(2, 0)).text = "01/01/2024"
    table.cell(1, 1).merge(table.cell(1, 2)).text = "GP: home visit"
    table.cell(2, 1).text = "GP"
    table.cell(2, 2).text = "Call"
    document.save(tmp_path / "return.docx")
    rows = read_table(tmp_path / "return.docx").rows
    assert rows == [["01/01/2024", "GP: home visit", ""], ["01/01/2024", "GP", "Call"]]


def test_docx_without_a_table_is_refused(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("We have had no contact with the family.")
    document.save(tmp_path / "letter.docx")
    assert "no table found" in rejection(tmp_path / "letter.docx")


def test_docx_with_xxe_doctype_is_refused(tmp_path: Path) -> None:
    clean = write_docx(tmp_path / "clean.docx", [[HEADERS, ["01/01/2024", "GP", "Visit"]]])

    def inject(xml: bytes) -> bytes:
        declaration_end = xml.index(b"?>") + 2
        doctype = b'<!DOCTYPE foo [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
        return xml[:declaration_end] + doctype + xml[declaration_end:].replace(b"Visit", b"&xxe;")

    path = rewrite_member(clean, tmp_path / "attack.docx", "word/document.xml", inject)
    assert "DOCTYPE or ENTITY" in rejection(path)


def test_entity_hidden_from_the_byte_scan_is_still_refused_by_defusedxml(tmp_path: Path) -> None:
    clean = write_docx(tmp_path / "clean.docx", [[HEADERS]])

    def to_utf16(xml: bytes) -> bytes:
        text = xml.decode("utf-8").replace("encoding='UTF-8'", "encoding='UTF-16'")
        end = text.index("?>") + 2
        return (text[:end] + '<!DOCTYPE d [<!ENTITY a "aaaa">]>' + text[end:]).encode("utf-16")

    path = rewrite_member(clean, tmp_path / "attack.docx", "word/document.xml", to_utf16)
    assert "DOCTYPE or ENTITY" in rejection(path)


def test_truncated_docx_is_refused_as_damaged(tmp_path: Path) -> None:
    data = write_docx(tmp_path / "full.docx", [[HEADERS, ["01/01/2024", "GP", "Visit"]]]).read_bytes()
    path = tmp_path / "cut.docx"
    path.write_bytes(data[: len(data) // 2])
    assert "damaged" in rejection(path)


# --- hostile and mislabelled files -------------------------------------------------------------------------------


def test_zip_bomb_named_xlsx_is_refused_before_decompression(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.xml", "<workbook/>")
        with archive.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as member:
            chunk = b"\0" * (1024 * 1024)
            for _ in range(300):
                member.write(chunk)
    assert path.stat().st_size < 2 * 1024 * 1024

    def must_not_open(*args: object, **kwargs: object) -> None:
        raise AssertionError("openpyxl was reached")

    monkeypatch.setattr(openpyxl, "load_workbook", must_not_open)
    started = time.monotonic()
    message = rejection(path)
    assert time.monotonic() - started < 1
    assert "bomb.xlsx" in message
    assert "more than 200 MB" in message


def test_highly_compressed_member_is_refused_by_ratio(tmp_path: Path) -> None:
    path = tmp_path / "ratio.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.xml", "<workbook/>")
        archive.writestr("xl/media/blank.bin", b"\0" * (20 * 1024 * 1024))
    assert "zip bomb" in rejection(path)


def test_xlsx_saved_as_csv_is_refused(tmp_path: Path) -> None:
    xlsx = write_xlsx(tmp_path / "real.xlsx", {"S": [HEADERS]})
    path = tmp_path / "team.csv"
    path.write_bytes(xlsx.read_bytes())
    message = rejection(path)
    assert "named .csv but contains an Excel workbook" in message


def test_text_saved_as_docx_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "team.docx"
    path.write_text("Date,Agency,Event\n01/01/2024,GP,Visit\n")
    assert "named .docx but contains a CSV or text file" in rejection(path)


def test_pdf_saved_as_docx_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "team.docx"
    path.write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n")
    assert "contains a PDF" in rejection(path)


def test_docx_saved_as_xlsx_is_refused(tmp_path: Path) -> None:
    data = write_docx(tmp_path / "real.docx", [[HEADERS]]).read_bytes()
    path = tmp_path / "team.xlsx"
    path.write_bytes(data)
    assert "contains a Word document" in rejection(path)


def test_unsupported_extension_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "team.pdf"
    path.write_bytes(b"%PDF-1.7")
    assert "cannot be imported" in rejection(path)


def test_missing_file_is_refused(tmp_path: Path) -> None:
    assert "could not be opened" in rejection(tmp_path / "absent.csv")


def test_import_rejected_is_an_input_error() -> None:
    assert issubclass(ImportRejected, InputError)
    assert ImportRejected("x").exit_code == 2


# --- export ------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("=1+1", "'=1+1"),
        ("+44 7700 900000", "'+44 7700 900000"),
        ("-2", "'-2"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("Visit by GP", "Visit by GP"),
        ("a=b", "a=b"),
        ("", ""),
    ],
)
def test_neutralise_formula(text: str, expected: str) -> None:
    assert neutralise_formula(text) == expected
