"""The Word templates: each renders for a complete case, opens in python-docx and LibreOffice, has the Home Office
headings in order, carries the marking, draft version and page numbers, uses only known fields, and keeps awkward
names exactly as typed. All data is fictional (tests/helpers/document_context.py)."""

import io
import os
import shutil
import subprocess
import zipfile
from pathlib import Path
from types import ModuleType

import docx
import pytest
from docx.document import Document
from docx.enum.section import WD_ORIENT
from docx.oxml.ns import qn
from docxtpl import DocxTemplate
from lxml import etree

from dhr_manager.documents.templates import (
    FIELDS,
    KINDS,
    builtin_template,
    check_template,
    environment,
    render,
    template_fields,
)
from dhr_manager.errors import InputError
from tests.helpers.document_context import AWKWARD_NAME, FAMILY_NAME, sample_context
from tests.helpers.tools import load_tool

OVERVIEW_HEADINGS = [
    "Preface", "1 Introduction", "2 Timescales", "3 Confidentiality", "4 Terms of Reference", "5 Methodology",
    "6 Involvement of Family, Friends, Work Colleagues, Neighbours and Wider Community",
    "7 Contributors to the Review", "8 The Review Panel Members", "9 Author of the Overview Report",
    "10 Parallel Reviews", "11 Equality and Diversity", "12 Dissemination", "13 Background Information (The Facts)",
    "14 Chronology", "15 Overview", "16 Analysis", "17 Conclusions", "18 Lessons to be Learnt", "19 Recommendations",
    "Appendix A Action Plan", "Appendix B Terms of Reference", "Appendix C Combined Chronology",
    "Appendix D Glossary",
]
EXECUTIVE_SUMMARY_HEADINGS = [
    "1 The Review Process", "2 Contributors to the Review", "3 The Review Panel Members",
    "4 Author of the Overview Report", "5 Terms of Reference", "6 Summary Chronology",
    "7 Key Issues Arising from the Review", "8 Conclusions", "9 Lessons to be Learnt", "10 Recommendations",
]
TERMS_OF_REFERENCE_HEADINGS = [
    "1 Legal Basis and Purpose", "2 Subjects of the Review", "3 Scoping Period",
    "4 Agencies and What Each Provides", "5 Key Lines of Enquiry", "6 Family Involvement", "7 Parallel Processes",
    "8 Confidentiality", "9 Timetable", "10 Media and Communications",
]
# Headings (level 1) each kind must have, in this order; for the two reports and the terms of reference, exactly.
REQUIRED_HEADINGS: dict[str, list[str]] = {
    "overview-report": OVERVIEW_HEADINGS,
    "executive-summary": EXECUTIVE_SUMMARY_HEADINGS,
    "terms-of-reference": TERMS_OF_REFERENCE_HEADINGS,
    "agenda": ["Attendees", "Agenda", "Agency Returns", "Confidentiality"],
    "minutes": ["Present and Apologies", "1 Welcome, Introductions and Apologies",
                "2 Confidentiality and Declarations of Interest", "3 Minutes and Actions of the Previous Meeting",
                "4 Agency Returns", "5 Discussion", "6 Family Involvement", "7 Parallel Proceedings",
                "8 Any Other Business", "9 Date of Next Meeting", "Actions Agreed"],
}
EXACT = {"overview-report", "executive-summary", "terms-of-reference"}
LETTERS = ["panel-invitation", "agency-request", "family-letter", "home-office-notification", "qa-covering-letter"]
CHRONOLOGY_COLUMNS = ["Date", "Time", "Agency", "Source / record reference", "Event", "Action / outcome", "Comments"]
REPO = Path(__file__).resolve().parents[2]
ACTION_COLUMNS = ["Recommendation", "Scope (local / regional / national)", "Action to take", "Lead agency",
                  "Key milestones achieved in enacting recommendation", "Target date",
                  "Date of completion and outcome"]


def context_for(kind: str, rows: int = 12) -> dict[str, object]:
    """The sample case, with the document block the services would give this kind of draft."""
    context = sample_context(rows)
    context["document"] = {**context["document"], "title": KINDS[kind].title, "kind": kind}  # type: ignore[dict-item]
    return context


def rendered(kind: str, rows: int = 12) -> Document:
    return docx.Document(io.BytesIO(render(kind, context_for(kind, rows))))


def headings(document: Document, level: int = 1) -> list[str]:
    return [p.text for p in document.paragraphs if p.style is not None and p.style.name == f"Heading {level}"]


def is_subsequence(wanted: list[str], found: list[str]) -> bool:
    remaining = iter(found)
    return all(any(item == seen for seen in remaining) for item in wanted)


def body_text(document: Document) -> str:
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return "\n".join([p.text for p in document.paragraphs] + cells)


def word_file(*paragraphs: str) -> bytes:
    """An administrator's own template: a plain Word file with tags typed into it."""
    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def load_builder() -> ModuleType:
    return load_tool("build_templates.py")


# ---- every template ----------------------------------------------------------------------------------------

@pytest.mark.parametrize("kind", list(KINDS))
def test_every_template_renders_with_its_headings_in_order(kind: str) -> None:
    document = rendered(kind)
    found = headings(document)
    wanted = REQUIRED_HEADINGS.get(kind, [])
    if kind in EXACT:
        assert found == wanted
    else:
        assert is_subsequence(wanted, found), found
    assert all(text.strip() for level in (1, 2) for text in headings(document, level))


@pytest.mark.parametrize("kind", list(KINDS))
def test_every_page_carries_the_marking_title_reference_draft_version_and_page_numbers(kind: str) -> None:
    document = rendered(kind)
    for section in document.sections:
        header = "\n".join(p.text for p in section.header.paragraphs)
        footer = "\n".join(p.text for p in section.footer.paragraphs)
        assert "OFFICIAL-SENSITIVE" in header and "OFFICIAL-SENSITIVE" in footer
        assert KINDS[kind].title in header and "DHR-2026-001" in header
        assert "Draft v0.3 · 22 November 2026" in footer
        fields = [text.text.strip() for text in section.footer._element.iter(qn("w:instrText"))]
        assert fields == ["PAGE", "NUMPAGES"]


@pytest.mark.parametrize("kind", list(KINDS))
def test_every_template_uses_only_known_fields(kind: str) -> None:
    source = builtin_template(kind)
    assert check_template(source, KINDS[kind].file_name) == []
    assert template_fields(source)


@pytest.mark.parametrize("kind", list(KINDS))
def test_every_table_has_a_built_in_style_and_a_repeating_header_row(kind: str) -> None:
    for table in rendered(kind).tables:
        assert table.style is not None and table.style.name == "Table Grid"
        first_row = table.rows[0]._tr
        if first_row.find(qn("w:trPr")) is not None and first_row.trPr.find(qn("w:tblHeader")) is not None:
            continue
        # Only the small two-column fact tables (label | value) go without a header row.
        assert len(table.columns) == 2 and table.rows[0].cells[0].text


@pytest.mark.parametrize("kind", list(KINDS))
def test_no_template_tag_is_left_in_a_rendered_draft(kind: str) -> None:
    document = rendered(kind)
    text = body_text(document) + "".join(p.text for s in document.sections for p in s.header.paragraphs)
    assert "{{" not in text and "{%" not in text and "DHR-ROWS-" not in text


@pytest.mark.parametrize("kind", list(KINDS))
def test_every_template_renders_for_a_case_with_nothing_recorded_yet(kind: str) -> None:
    context = context_for(kind)
    for name in ("subjects", "agencies", "panel", "meetings", "chronology", "key_events", "recommendations",
                 "actions"):
        context[name] = []
    context["next_meeting"] = {"number": "", "date": ""}
    context["terms_of_reference"] = {"agreed_on": "", "lines_of_enquiry": []}
    document = docx.Document(io.BytesIO(render(kind, context)))
    assert headings(document) == headings(rendered(kind))
    assert "DHR-ROWS-" not in body_text(document)


# ---- the reports -------------------------------------------------------------------------------------------

def test_overview_report_names_the_victim_by_pseudonym_and_prefills_what_the_case_knows() -> None:
    context = context_for("overview-report")
    document = docx.Document(io.BytesIO(render("overview-report", context)))
    text = body_text(document)
    assert "Adult A (Jo)" in text
    assert "The independent chair and author of this report is Dr Fictional Chair." in text
    assert "20 December 2025" in text and "2 February 2026" in text
    assert "[Chair to write:" in text
    lines = context["terms_of_reference"]["lines_of_enquiry"]  # type: ignore[index]
    assert headings(document, 2)[:len(lines)] == lines  # the analysis takes each line of enquiry in turn


def test_overview_report_appendices_hold_the_action_plan_and_the_full_chronology() -> None:
    document = rendered("overview-report", rows=40)
    action_plan = next(t for t in document.tables if [c.text for c in t.rows[0].cells] == ACTION_COLUMNS)
    chronology = next(t for t in document.tables if [c.text for c in t.rows[0].cells] == CHRONOLOGY_COLUMNS)
    assert len(action_plan.rows) == 1 + 2
    assert len(chronology.rows) == 1 + 40
    portrait, landscape = WD_ORIENT.PORTRAIT, WD_ORIENT.LANDSCAPE  # landscape for the two wide appendices
    assert [s.orientation for s in document.sections] == [portrait, landscape, portrait, landscape, portrait]


def test_action_plan_has_exactly_the_seven_home_office_columns_on_a_landscape_page() -> None:
    document = rendered("action-plan")
    (table,) = document.tables
    assert [c.text for c in table.rows[0].cells] == ACTION_COLUMNS
    assert [c.text for c in table.rows[2].cells][:4] == ["2", "regional", "Routine enquiry training for GP practices",
                                                         AWKWARD_NAME]
    assert document.sections[0].page_width > document.sections[0].page_height


def test_chronology_marks_approximate_dates_key_events_and_entries_outside_the_scoping_period() -> None:
    context = context_for("chronology", rows=12)
    document = docx.Document(io.BytesIO(render("chronology", context)))
    table = document.tables[-1]
    assert [c.text for c in table.rows[0].cells] == CHRONOLOGY_COLUMNS
    rows = [[c.text for c in row.cells] for row in table.rows[1:]]
    assert len(rows) == 12
    for entry, row in zip(context["chronology"], rows, strict=True):  # type: ignore[call-overload]
        assert row[0].endswith(" (approx.)") == entry["approximate"]
        assert ("Key event." in row[6]) == entry["key_event"]
        assert ("Outside scoping period." in row[6]) == entry["out_of_scope"]
        assert row[4] == entry["event"]
    assert "1 January 2019 to 20 December 2025" in body_text(document)
    assert document.sections[0].page_width > document.sections[0].page_height


def test_agency_request_is_one_letter_per_agency_each_starting_a_new_page() -> None:
    document = rendered("agency-request")
    greetings = [p for p in document.paragraphs if p.text.startswith("Dear ")]
    assert [p.text for p in greetings] == ["Dear DI Fictional Officer,", "Dear Ms Zoë Example,",
                                           "Dear Dr Imaginary Practitioner,"]
    starts = [p for p in document.paragraphs if p.paragraph_format.page_break_before]
    assert len(starts) == 3
    assert body_text(document).count("by 16 April 2026.") == 3


@pytest.mark.parametrize("kind", LETTERS)
def test_letters_have_a_reference_date_greeting_and_sign_off(kind: str) -> None:
    text = body_text(rendered(kind))
    assert "Our reference: DHR-2026-001" in text and "Date: 22 November 2026" in text
    assert "Dear " in text and "Yours sincerely," in text
    assert "[COORDINATOR TO COMPLETE: your name]" in text


def test_family_letter_is_addressed_to_the_family_with_highlighted_places_to_complete() -> None:
    document = rendered("family-letter")
    assert document.paragraphs[2].text == FAMILY_NAME
    assert f"Dear {FAMILY_NAME}," in body_text(document)
    placeholders = [run for p in document.paragraphs for run in p.runs
                    if run.text.startswith("[COORDINATOR TO COMPLETE:")]
    assert len(placeholders) >= 4
    assert all(run.font.highlight_color is not None for run in placeholders)
    address = document.paragraphs[3]
    assert address.text == "1 Imaginary Road\nFictionton\nEX1 2MP"  # each line of the address on its own line


def test_only_the_family_letter_and_agency_request_hold_personal_data() -> None:
    assert {k for k, v in KINDS.items() if v.personal_data} == {"family-letter", "agency-request"}
    assert all(not v.for_circulation for v in KINDS.values() if v.personal_data)


# ---- values are text ---------------------------------------------------------------------------------------

def test_ampersands_angle_brackets_quotes_and_accents_come_back_exactly_as_typed() -> None:
    for kind in ("overview-report", "agency-request", "panel-invitation"):
        blob = render(kind, context_for(kind))
        with zipfile.ZipFile(io.BytesIO(blob)) as archive:
            assert archive.testzip() is None
            etree.fromstring(archive.read("word/document.xml"))  # strict parse: well-formed XML
        text = body_text(docx.Document(io.BytesIO(blob)))
        assert AWKWARD_NAME in text
        assert "Northshire & Exampleshire" in text
    chronology = rendered("chronology").tables[-1]
    assert chronology.rows[1].cells[3].text == "REF-0000 & <log>"
    assert chronology.rows[1].cells[4].text.endswith('Jo said "things are fine" \N{EN DASH} café visit.')


def test_line_breaks_tabs_and_characters_xml_cannot_hold_are_made_safe() -> None:
    context = context_for("chronology", rows=2)
    context["chronology"][0]["event"] = "First line\nsecond\tcolumn\x0b\x01 end"  # type: ignore[index]
    blob = render("chronology", context)
    cell = docx.Document(io.BytesIO(blob)).tables[-1].rows[1].cells[4]
    assert cell.text == "First line\nsecond\tcolumn end"


def test_row_loops_rendered_apart_give_the_same_document_as_docxtpl_alone() -> None:
    context = context_for("overview-report", rows=30)
    plain = DocxTemplate(io.BytesIO(builtin_template("overview-report")))
    plain.render(context, jinja_env=environment(), autoescape=True)
    out = io.BytesIO()
    plain.save(out)
    expected = docx.Document(io.BytesIO(out.getvalue()))
    assert body_text(rendered("overview-report", rows=30)) == body_text(expected)


# ---- checking an administrator's template ------------------------------------------------------------------

def test_fields_are_read_from_the_template_including_loop_variables() -> None:
    source = word_file("{{ case.reference }} {{ (meetings|last).date }} {{ meetings|length }}",
                       "{%p for row in chronology %}", "{{ row.event }} {{ loop.index }} {{ row.date|upper }}",
                       "{%p endfor %}", "{% set first = agencies|first %}{{ first.name }}")
    assert template_fields(source) == ["agencies", "agencies[].name", "case.reference", "chronology",
                                       "chronology[].date", "chronology[].event", "meetings", "meetings[].date"]


def test_unknown_fields_are_reported_from_the_body_and_the_header() -> None:
    document = docx.Document(io.BytesIO(word_file("{{ case.reference }}", "{{ case.victim_real_name }}")))
    document.sections[0].header.paragraphs[0].text = "{{ secret }} {{ marking }}"
    out = io.BytesIO()
    document.save(out)
    assert check_template(out.getvalue(), "own.docx") == ["case.victim_real_name", "secret"]


def test_a_file_that_is_not_a_word_document_is_refused_with_its_name() -> None:
    with pytest.raises(InputError, match=r"notes\.txt is not a Word document \(\.docx\)"):
        check_template(b"Just some text, not a template", "notes.txt")
    spreadsheet = io.BytesIO()
    with zipfile.ZipFile(spreadsheet, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
    with pytest.raises(InputError, match=r"sheet\.xlsx is not a Word document"):
        check_template(spreadsheet.getvalue(), "sheet.xlsx")


def test_a_broken_tag_is_refused_naming_the_file_and_the_problem() -> None:
    unclosed = word_file("{%p for agency in agencies %}", "{{ agency.name }}")
    with pytest.raises(InputError, match=r"own\.docx has a template tag that does not work, in the main text: "
                                         r".*'endfor'"):
        check_template(unclosed, "own.docx")
    with pytest.raises(InputError, match=r"own\.docx has a template tag that does not work.*"):
        check_template(word_file("{{ case.reference }"), "own.docx")
    with pytest.raises(InputError, match=r"No filter named 'shout'\. Check"):
        check_template(word_file("{{ case.reference|shout }}"), "own.docx")


def test_an_administrators_own_template_replaces_the_built_in_one() -> None:
    source = word_file("Our own letterhead", "Reference {{ case.reference }} for {{ victim.pseudonym }}")
    document = docx.Document(io.BytesIO(render("agenda", context_for("agenda"), source=source)))
    assert [p.text for p in document.paragraphs] == ["Our own letterhead", "Reference DHR-2026-001 for Adult A (Jo)"]
    with pytest.raises(InputError, match="the agenda template is not a Word document"):
        render("agenda", context_for("agenda"), source=b"not a zip")


def test_a_template_with_xml_declarations_is_refused_before_it_is_used() -> None:
    """A template comes from outside: a DOCTYPE with entities (XXE, billion laughs) is refused by defusedxml."""
    clean = word_file("Reference {{ case.reference }}")
    hostile = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(clean)) as source, zipfile.ZipFile(hostile, "w") as target:
        for info in source.infolist():
            content = source.read(info)
            if info.filename == "word/document.xml":
                end = content.index(b"?>") + 2
                content = content[:end] + b'<!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>' + content[end:]
            target.writestr(info, content)
    for use in (lambda: check_template(hostile.getvalue(), "own.docx"),
                lambda: render("agenda", context_for("agenda"), source=hostile.getvalue())):
        with pytest.raises(InputError, match="DOCTYPE or ENTITY"):
            use()


def test_an_unknown_kind_of_template_is_refused() -> None:
    with pytest.raises(InputError, match="no template called 'letter-to-santa'"):
        builtin_template("letter-to-santa")


# ---- real clients and the repository -----------------------------------------------------------------------

def test_libreoffice_converts_every_rendered_template_to_pdf(tmp_path: Path) -> None:
    if shutil.which("soffice") is None:
        if os.environ.get("CI") == "true":
            pytest.fail("LibreOffice (soffice) is required in CI to prove a real client opens every template")
        pytest.skip("LibreOffice (soffice) is not installed")
    drafts = []
    for kind, spec in KINDS.items():
        path = tmp_path / spec.file_name
        path.write_bytes(render(kind, context_for(kind, rows=40)))
        drafts.append(str(path))
    out = tmp_path / "pdf"
    result = subprocess.run(
        ["soffice", f"-env:UserInstallation={(tmp_path / 'lo-profile').as_uri()}", "--headless",
         "--convert-to", "pdf", "--outdir", str(out), *drafts],
        capture_output=True, text=True, timeout=240, stdin=subprocess.DEVNULL)
    assert result.returncode == 0, result.stderr
    for spec in KINDS.values():
        pdf = out / spec.file_name.replace(".docx", ".pdf")
        assert pdf.exists() and pdf.stat().st_size > 0, f"{pdf.name} was not produced: {result.stderr}"
    info = subprocess.run(["pdfinfo", str(out / "overview-report.pdf")], capture_output=True, text=True, check=True)
    pages = int(next(line.split()[-1] for line in info.stdout.splitlines() if line.startswith("Pages:")))
    assert pages > 1


def test_generated_templates_and_field_dictionary_match_the_builder() -> None:
    assert load_builder().stale() == []


def test_every_kind_has_a_template_file_and_every_field_a_description() -> None:
    names = {path.name for path in (REPO / "resources" / "templates").glob("*.docx")}
    assert names == {spec.file_name for spec in KINDS.values()}
    assert all(description.strip() for description in FIELDS.values())
