"""The disclosure check: a real name, address or date of birth anywhere in a Word file is found and placed.

Every fixture is built here, in memory, from fictional people; no binary files are committed.
"""

import io
import time
import zipfile
from collections.abc import Callable

import docx
import pytest
from docx.document import Document
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import parse_xml

from dhr_manager.documents.disclosure import Hit, Term, TermKind, describe, scan_docx

VICTIM = "Alexandra Testperson"
ADDRESS = "12 Fictional Row, Exampleton, ZZ9 9ZZ"
BORN = "1980-04-03"
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'

TERMS = [
    Term(VICTIM, "the victim's real name", TermKind.NAME),
    Term(ADDRESS, "the victim's address", TermKind.ADDRESS),
    Term(BORN, "the victim's date of birth", TermKind.DATE_OF_BIRTH),
]


RELATIONSHIPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def make_docx(build: Callable[[Document], object] | None = None, body: str = "The review panel met in June.") -> bytes:
    document = docx.Document()
    document.add_paragraph(body)
    if build is not None:
        build(document)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def rewrite(data: bytes, changes: dict[str, Callable[[bytes], bytes]], added: dict[str, bytes] | None = None) -> bytes:
    """Copy a .docx in memory, passing the named members through their change and adding new members."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as old, zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as new:
        for info in old.infolist():
            content = old.read(info)
            new.writestr(info.filename, changes.get(info.filename, lambda same: same)(content))
        for member, content in (added or {}).items():
            new.writestr(member, content)
    return buffer.getvalue()


def with_part(data: bytes, part: str, content: bytes, content_type: str, rels: str,
              relationship: tuple[str, str]) -> bytes:
    """`data` with a new part, declared in [Content_Types].xml and linked from the `rels` relationships file."""
    override = f'<Override PartName="/{part}" ContentType="{content_type}"/></Types>'.encode()
    link = f'<Relationship Id="rIdAdded" Target="{relationship[0]}" Type="{relationship[1]}"/></Relationships>'.encode()
    return rewrite(
        data,
        {"[Content_Types].xml": lambda xml: xml.replace(b"</Types>", override),
         rels: lambda xml: xml.replace(b"</Relationships>", link)},
        {part: content},
    )


def places(data: bytes, terms: list[Term] = TERMS) -> list[tuple[str, str]]:
    return [(hit.label, hit.place) for hit in scan_docx(data, terms)]


def name_only(text: str) -> list[Term]:
    return [Term(text, "the victim's real name", TermKind.NAME)]


# --- where a name is found ---------------------------------------------------------------------------------------


def test_clean_document_has_no_hits() -> None:
    data = make_docx(lambda d: d.add_paragraph("'Anna' (a pseudonym) lived in the area with her family."))
    assert scan_docx(data, TERMS) == []


def test_name_in_body_is_found_in_the_body() -> None:
    data = make_docx(body=f"{VICTIM} was known to the GP.")
    assert places(data) == [("the victim's real name", "body")]


def test_name_in_footer_is_found_in_that_footer() -> None:
    def build(document: Document) -> None:
        document.sections[0].footer.paragraphs[0].text = f"Draft prepared about {VICTIM}"

    assert places(make_docx(build)) == [("the victim's real name", "footer (section 1)")]


def test_header_of_the_second_section_and_first_page_header_are_named_by_section() -> None:
    def build(document: Document) -> None:
        first = document.sections[0]
        first.different_first_page_header_footer = True
        first.first_page_header.paragraphs[0].text = "Alexandra"
        second = document.add_section()
        second.header.is_linked_to_previous = False
        second.header.paragraphs[0].text = "Testperson"

    assert places(make_docx(build)) == [
        ("the victim's real name", "first-page header (section 1)"),
        ("the victim's real name", "header (section 2)"),
    ]


def test_name_in_a_footnote_is_found_in_footnotes() -> None:
    footnotes = (
        f'<w:footnotes {W}><w:footnote w:id="1"><w:p><w:r><w:t xml:space="preserve">Interview with </w:t></w:r>'
        "<w:r><w:t>Testperson family, May 2024.</w:t></w:r></w:p></w:footnote></w:footnotes>"
    ).encode()
    data = with_part(make_docx(), "word/footnotes.xml", footnotes,
                     "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml",
                     "word/_rels/document.xml.rels",
                     ("footnotes.xml", f"{RELATIONSHIPS}/footnotes"))
    assert places(data) == [("the victim's real name", "footnotes")]


def test_name_in_a_comment_is_found_in_comments() -> None:
    def build(document: Document) -> None:
        run = document.add_paragraph("The chronology was agreed.").runs[0]
        document.add_comment(run, text=f"Check this with {VICTIM}'s sister", author="Chair", initials="C")

    assert places(make_docx(build)) == [("the victim's real name", "comments")]


def test_comment_author_is_found_as_a_hidden_detail_of_comments() -> None:
    def build(document: Document) -> None:
        run = document.add_paragraph("The chronology was agreed.").runs[0]
        document.add_comment(run, text="Agreed.", author=VICTIM, initials="AT")

    assert places(make_docx(build)) == [("the victim's real name", "hidden details in comments")]


def test_name_in_a_text_box_is_found_in_the_text_box() -> None:
    def build(document: Document) -> None:
        box = parse_xml(
            f'<w:r {W} xmlns:v="urn:schemas-microsoft-com:vml"><w:pict><v:shape><v:textbox><w:txbxContent>'
            f"<w:p><w:r><w:t>Note: {VICTIM}</w:t></w:r></w:p>"
            "</w:txbxContent></v:textbox></v:shape></w:pict></w:r>"
        )
        paragraph = document.add_paragraph("Before the box ")
        paragraph._p.append(box)
        paragraph.add_run("and after it.")

    hits = places(make_docx(build))
    assert hits == [("the victim's real name", "text box in body")]


def test_text_around_a_text_box_stays_one_paragraph() -> None:
    def build(document: Document) -> None:
        paragraph = document.add_paragraph("Alex")
        paragraph._p.append(parse_xml(
            f'<w:r {W} xmlns:v="urn:schemas-microsoft-com:vml"><w:pict><v:shape><v:textbox><w:txbxContent>'
            "<w:p><w:r><w:t>Box text</w:t></w:r></w:p></w:txbxContent></v:textbox></v:shape></w:pict></w:r>"
        ))
        paragraph.add_run("andra visited.")

    assert places(make_docx(build)) == [("the victim's real name", "body")]


def test_name_in_document_title_is_found_in_document_properties() -> None:
    def build(document: Document) -> None:
        document.core_properties.title = f"DHR into the death of {VICTIM}"
        document.core_properties.author = "Review Coordinator"

    assert places(make_docx(build)) == [("the victim's real name", "document properties: title")]


def test_name_in_a_custom_property_is_found_under_the_property_name() -> None:
    custom = (
        '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" '
        'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
        '<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="Subject person">'
        f"<vt:lpwstr>{VICTIM}</vt:lpwstr></property></Properties>"
    ).encode()
    data = with_part(make_docx(), "docProps/custom.xml", custom,
                     "application/vnd.openxmlformats-officedocument.custom-properties+xml", "_rels/.rels",
                     ("docProps/custom.xml", f"{RELATIONSHIPS}/custom-properties"))
    assert places(data) == [("the victim's real name", "document properties: Subject person")]


def test_custom_property_named_after_the_person_is_reported_without_its_name() -> None:
    custom = (
        '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" '
        'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
        f'<property pid="2" name="{VICTIM}"><vt:lpwstr>Alexandra</vt:lpwstr></property></Properties>'
    ).encode()
    hits = scan_docx(rewrite(make_docx(), {}, {"docProps/custom.xml": custom}), TERMS)
    assert [hit.place for hit in hits] == [
        "document properties: names of custom properties",
        "a place in the file whose own name contains case details",
    ]
    assert "Testperson" not in describe(hits)


def test_name_in_a_table_cell_is_found_in_the_table() -> None:
    def build(document: Document) -> None:
        table = document.add_table(rows=2, cols=2)
        table.cell(1, 1).text = f"Seen by GP with {VICTIM}"

    assert places(make_docx(build)) == [("the victim's real name", "table in body")]


def test_tracked_deletion_is_found_as_a_tracked_deletion() -> None:
    def build(document: Document) -> None:
        paragraph = document.add_paragraph("The victim, ")
        paragraph._p.append(parse_xml(
            f'<w:del {W} w:id="7" w:author="Chair" w:date="2024-05-01T10:00:00Z">'
            f"<w:r><w:delText>{VICTIM}</w:delText></w:r></w:del>"
        ))

    assert places(make_docx(build)) == [("the victim's real name", "tracked deletion in body")]


def test_field_code_is_searched() -> None:
    def build(document: Document) -> None:
        paragraph = document.add_paragraph()
        paragraph._p.append(parse_xml(
            f'<w:r {W}><w:instrText xml:space="preserve"> HYPERLINK "mailto:alexandra@example.org" </w:instrText></w:r>'
        ))

    assert places(make_docx(build)) == [("the victim's real name", "field code in body")]


def test_name_in_a_hyperlink_address_is_found_in_the_links() -> None:
    def build(document: Document) -> None:
        paragraph = document.add_paragraph()
        rid = document.part.relate_to("mailto:alexandra.testperson@example.org", RELATIONSHIP_TYPE.HYPERLINK,
                                      is_external=True)
        paragraph._p.append(parse_xml(
            f'<w:hyperlink {W} xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
            f'r:id="{rid}"><w:r><w:t>email the family liaison</w:t></w:r></w:hyperlink>'
        ))

    assert places(make_docx(build)) == [("the victim's real name", "links and references in body")]


def test_name_split_across_runs_is_found() -> None:
    def build(document: Document) -> None:
        paragraph = document.add_paragraph("Visit to ")
        paragraph.add_run("Alex").bold = True
        paragraph.add_run("andra")
        paragraph.add_run(" Test").italic = True
        paragraph.add_run("person at home.")

    assert places(make_docx(build), name_only("Alexandra")) == [("the victim's real name", "body")]
    assert places(make_docx(build), name_only("Testperson")) == [("the victim's real name", "body")]


def test_paragraphs_are_not_joined_into_one_word() -> None:
    def build(document: Document) -> None:
        document.add_paragraph("Alex")
        document.add_paragraph("andra")

    assert places(make_docx(build), name_only("Alexandra")) == []


# --- how names match ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["Ann was seen.", "The GP saw ANN, twice.", "ann's sister", "Ann-Marie called."])
def test_name_part_is_found_as_a_word_in_any_case(text: str) -> None:
    assert places(make_docx(body=text), name_only("Ann Fictional")) == [("the victim's real name", "body")]


@pytest.mark.parametrize("text", ["The Annual report.", "Care planning meeting.", "Joanne visited.", "Anne"])
def test_name_part_is_not_found_inside_other_words(text: str) -> None:
    assert places(make_docx(body=text), name_only("Ann Fictional")) == []


def test_a_title_in_the_name_field_is_not_searched_for() -> None:
    assert places(make_docx(body="Mrs Smith and Dr Jones attended."), name_only("Mrs Alexandra Testperson")) == []


def test_name_parts_shorter_than_two_letters_are_ignored() -> None:
    data = make_docx(body="Option J was chosen. Ó is a letter.")
    assert places(data, name_only("J. Ó Fictional")) == []


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("Zoë Ó Fictional", "ZOË attended."),
        ("Zoë Ó Fictional", "Zoe\u0308 attended."),  # the same name with a combining diaeresis
        ("Zoë Ó Fictional", "The FICTIONAL family."),
        ("Łucja Przykładowa", "Notes by łucja."),
        ("Łucja Przykładowa", "PRZYKŁADOWA, Ł."),
        ("Siobhán Ní Fhictional", "siobhÁn phoned."),
    ],
)
def test_non_ascii_names_are_found_whatever_their_case(name: str, text: str) -> None:
    assert places(make_docx(body=text), name_only(name)) == [("the victim's real name", "body")]


def test_non_ascii_name_is_not_found_inside_a_longer_word() -> None:
    assert places(make_docx(body="Zoëlle and Łucjan attended."), name_only("Zoë Łucja")) == []


def test_curly_apostrophe_in_the_document_matches_a_straight_one_on_the_case() -> None:
    data = make_docx(body="Mr O\u2019Testperson was interviewed.")
    assert places(data, name_only("Dara O'Testperson")) == [("the victim's real name", "body")]


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ('Jo "Jojo" Testperson', 'Known as "Jojo" to friends.'),
        ("Fictional&Daughter Testcase", "Letter from Fictional&Daughter."),
        ("<Angle> Testcase", "The <Angle> file."),
        ("Amir Al-Testperson", "Mr AL-TESTPERSON declined."),
    ],
)
def test_names_with_xml_special_characters_are_found(name: str, text: str) -> None:
    assert places(make_docx(body=text), name_only(name)) == [("the victim's real name", "body")]


# --- addresses and dates of birth --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "She lived at 12 Fictional Row.",
        "Address: 12  FICTIONAL\u00a0ROW",
        "The family moved to Exampleton.",
        "Postcode ZZ9 9ZZ.",
        "Postcode zz99zz on the form.",
    ],
)
def test_address_lines_and_postcode_are_found_with_any_spacing(text: str) -> None:
    assert places(make_docx(body=text)) == [("the victim's address", "body")]


def test_address_parts_are_not_found_inside_other_words() -> None:
    assert places(make_docx(body="Exampletonians met at 112 Fictional Rowing Club; AZZ9 9ZZA.")) == []


def test_two_people_at_one_address_are_both_reported() -> None:
    terms = [
        Term("Flat 2, 12 Fictional Row, Exampleton", "the victim's address", TermKind.ADDRESS),
        Term("12 Fictional Row, Exampleton, ZZ9 9ZZ", "the perpetrator's address", TermKind.ADDRESS),
    ]
    assert places(make_docx(body="Police attended 12 Fictional Row."), terms) == [
        ("the victim's address", "body"),
        ("the perpetrator's address", "body"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "03/04/1980",
        "3/4/1980",
        "03.04.1980",
        "3-4-80",
        "03/04/80",
        "3 April 1980",
        "3rd April 1980",
        "3rd of April, 1980",
        "3 Apr 1980",
        "03-Apr-1980",
        "3 APR. 1980",
        "April 3, 1980",
        "Apr 3rd 1980",
        "1980-04-03",
    ],
)
def test_each_date_of_birth_format_is_found(text: str) -> None:
    assert places(make_docx(body=f"Born {text}, she moved away.")) == [("the victim's date of birth", "body")]


@pytest.mark.parametrize(
    "text", ["13/04/1980", "03/04/1981", "03/14/1980", "1980-04-13", "23 April 1980", "3 May 1980", "103/04/1980"]
)
def test_other_dates_are_not_taken_for_the_date_of_birth(text: str) -> None:
    assert places(make_docx(body=f"Seen on {text}.")) == []


def test_date_of_birth_must_be_iso_and_the_error_does_not_show_it() -> None:
    with pytest.raises(ValueError, match="the victim's date of birth") as caught:
        scan_docx(make_docx(), [Term("03/04/1980", "the victim's date of birth", TermKind.DATE_OF_BIRTH)])
    assert "1980" not in str(caught.value)


# --- results and the message -------------------------------------------------------------------------------------


def test_hits_are_each_reported_once_in_the_order_found() -> None:
    def build(document: Document) -> None:
        document.add_paragraph(f"{VICTIM} and again Alexandra, born 3 April 1980, of ZZ9 9ZZ.")
        document.sections[0].footer.paragraphs[0].text = VICTIM

    assert places(make_docx(build)) == [
        ("the victim's real name", "body"),
        ("the victim's address", "body"),
        ("the victim's date of birth", "body"),
        ("the victim's real name", "footer (section 1)"),
    ]


def test_describe_lists_every_place_and_never_the_value() -> None:
    def build(document: Document) -> None:
        document.add_paragraph(f"{VICTIM}, 12 Fictional Row, born 03/04/1980")
        document.sections[0].footer.paragraphs[0].text = VICTIM
        document.core_properties.title = VICTIM

    hits = scan_docx(make_docx(build), TERMS)
    message = describe(hits)
    assert "- the victim's real name: found in body; footer (section 1); document properties: title" in message
    assert "- the victim's address: found in body" in message
    assert "- the victim's date of birth: found in body" in message
    assert "Inspect Document" in message  # the title is not on the page, so the message says how to find it
    for secret in ("Alexandra", "Testperson", "Fictional", "12", "1980", "03/04"):
        assert secret.casefold() not in message.casefold()


def test_describe_only_explains_unseen_places_when_there_are_some() -> None:
    message = describe([Hit("the victim's real name", "table in body"), Hit("the victim's address", "footnotes")])
    assert message == (
        "The document contains real details of people in this review:\n"
        "- the victim's real name: found in table in body\n"
        "- the victim's address: found in footnotes"
    )
    assert "Inspect Document" in describe([Hit("the victim's real name", "tracked deletion in body")])


def test_describe_without_hits_says_nothing_was_found() -> None:
    assert describe([]).startswith("No real names")


def test_term_repr_does_not_show_the_value() -> None:
    term = Term(VICTIM, "the victim's real name", TermKind.NAME)
    assert VICTIM not in repr(term)
    assert VICTIM not in repr(Hit("the victim's real name", "body"))


def test_fonts_of_the_theme_are_not_taken_for_names() -> None:
    # The default theme lists fonts such as Shruti, Latha and Mangal, which are also people's names.
    assert places(make_docx(), name_only("Shruti Latha Mangal")) == []


def test_without_terms_nothing_is_found() -> None:
    assert scan_docx(make_docx(body=VICTIM), []) == []


def test_five_thousand_row_table_is_scanned_to_the_last_cell() -> None:
    """A full chronology appendix; the time is printed for the record rather than asserted (machines differ)."""
    document = docx.Document()
    rows, columns = 5000, 7
    table = document.add_table(rows=rows, cols=columns)
    for r, row in enumerate(table.rows):
        for c, cell in enumerate(row.cells):
            cell.text = f"{r % 28 + 1:02d}/0{c + 1}/2019 Agency {c} recorded contact and a follow-up visit"
    table.cell(rows - 1, columns - 1).text = "Seen with Alexandra at the surgery"
    buffer = io.BytesIO()
    document.save(buffer)
    terms = [Term(f"Fictional{i} Person{i}", f"person {i}'s real name", TermKind.NAME) for i in range(8)]
    terms += [Term(f"{i} Example Street, Testville, ZZ{i} 1ZZ", f"person {i}'s address", TermKind.ADDRESS)
              for i in range(6)]
    terms += [Term(f"19{70 + i}-0{i + 1}-1{i}", f"person {i}'s date of birth", TermKind.DATE_OF_BIRTH)
              for i in range(5)]
    terms += TERMS[:1]
    data = buffer.getvalue()
    timings = []
    for _ in range(3):
        started = time.perf_counter()
        hits = scan_docx(data, terms)
        timings.append(time.perf_counter() - started)
    assert hits == [Hit("the victim's real name", "table in body")]
    print(f"\nscan of a {rows:,} x {columns} table with {len(terms)} terms: best of 3 {min(timings):.3f} s")
