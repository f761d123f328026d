"""Build the Word templates in resources/templates/ and their field dictionary, docs/templates.md, from this code.

    .venv/bin/python tools/build_templates.py            write resources/templates/*.docx and docs/templates.md
    .venv/bin/python tools/build_templates.py --docs     write docs/templates.md only
    .venv/bin/python tools/build_templates.py --check    exit 1 if either is out of date (CI, tests)

Why a script: a .docx is a binary nobody can review in a diff, so the templates are written here as code, in
the order a reader meets them, and regenerated whenever this file changes. The output is deterministic (fixed zip
times and document properties), so an unchanged script gives unchanged files. Administrators never run this: they
open the generated file in Word, change the wording or letterhead, keep the {{ … }} tags, and check it with
`dhr-manager templates check FILE`.

Conventions in every template: real Heading 1/2 styles; "Table Grid" tables with a repeating, shaded header row
and fixed column widths; big tables as one docxtpl row loop (`{%tr for row in chronology %}`), never a row per
entry written here; A4 pages, landscape for the wide tables; the protective marking top and bottom of every page
and Page X of Y as real Word fields. Places a person must complete are highlighted: yellow for the coordinator
("[COORDINATOR TO COMPLETE: …]"), turquoise for the chair ("[Chair to write: …]").
"""

import argparse
import io
import sys
import zipfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

import docx  # noqa: E402
from docx.document import Document  # noqa: E402
from docx.enum.section import WD_ORIENT, WD_SECTION  # noqa: E402
from docx.enum.style import WD_STYLE_TYPE  # noqa: E402
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK, WD_COLOR_INDEX  # noqa: E402
from docx.opc.constants import RELATIONSHIP_TYPE  # noqa: E402
from docx.oxml import OxmlElement  # noqa: E402
from docx.oxml.ns import qn  # noqa: E402
from docx.oxml.table import CT_Tbl  # noqa: E402
from docx.section import Section  # noqa: E402
from docx.shared import Cm, Pt, RGBColor  # noqa: E402
from docx.table import _Cell, _Row  # noqa: E402
from docx.text.paragraph import Paragraph  # noqa: E402

from dhr_manager.documents.templates import FIELDS, KINDS, template_fields  # noqa: E402

TEMPLATES = REPO / "resources" / "templates"
DOCS = REPO / "docs" / "templates.md"

FONT = "Arial"
HEADING_COLOUR = RGBColor(0x1F, 0x38, 0x64)
HEADER_FILL = "D9D9D9"
LABEL_FILL = "F2F2F2"
# A4 with 2.5 cm margins in portrait, 2 cm in landscape so seven columns fit: text widths 16.0 cm and 25.7 cm.
PORTRAIT_WIDTH = 16.0
LANDSCAPE_WIDTH = 25.7
FIXED_TIME = datetime(2026, 1, 1, tzinfo=UTC)
ZIP_TIME = (2026, 1, 1, 0, 0, 0)


# ---- content ---------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Run:
    """A run of text with its own formatting; a tag inside one run is never split by Word's formatting."""

    text: str
    bold: bool = False
    italic: bool = False
    highlight: WD_COLOR_INDEX | None = None


Part = str | Run
Cell = Part | Sequence[Part]


@dataclass(frozen=True)
class Loop:
    """A table row repeated for each item: `expr` is the inside of a Jinja for tag, `row in chronology`."""

    expr: str
    cells: Sequence[Cell]


def bold(text: str) -> Run:
    return Run(text, bold=True)


def italic(text: str) -> Run:
    return Run(text, italic=True)


def coordinator(what: str) -> Run:
    return Run(f"[COORDINATOR TO COMPLETE: {what}]", bold=True, highlight=WD_COLOR_INDEX.YELLOW)


def chair(what: str) -> Run:
    return Run(f"[Chair to write: {what}]", italic=True, highlight=WD_COLOR_INDEX.TURQUOISE)


# ---- the document builder ----------------------------------------------------------------------------------

class Draft:
    """One template being written: python-docx for the structure, docxtpl tags for everything the case fills in."""

    def __init__(self, kind: str, landscape: bool = False) -> None:
        self.kind = KINDS[kind]
        self.doc: Document = docx.Document()
        _set_up_styles(self.doc)
        _set_properties(self.doc, self.kind.title)
        section = self.doc.sections[0]
        _set_page(section, landscape)
        _write_header_footer(section)
        self.landscape = landscape

    @property
    def width(self) -> float:
        return LANDSCAPE_WIDTH if self.landscape else PORTRAIT_WIDTH

    def title(self, title: str, subtitle: str = "") -> None:
        self.doc.add_paragraph(title, style="Title")
        if subtitle:
            self.doc.add_paragraph(subtitle, style="Subtitle")

    def heading(self, text: str, level: int = 1) -> Paragraph:
        return self.doc.add_heading(text, level)

    def para(self, *parts: Part, style: str | None = None, align: WD_ALIGN_PARAGRAPH | None = None,
             after: float | None = None, keep_with_next: bool = False, break_before: bool = False) -> Paragraph:
        paragraph = self.doc.add_paragraph(style=style)
        _add_runs(paragraph, parts)
        fmt = paragraph.paragraph_format
        if align is not None:
            paragraph.alignment = align
        if after is not None:
            fmt.space_after = Pt(after)
        if keep_with_next:
            fmt.keep_with_next = True
        if break_before:
            fmt.page_break_before = True
        return paragraph

    def bullets(self, *items: Cell) -> None:
        for item in items:
            self.para(*_parts(item), style="List Bullet")

    def control(self, tag: str) -> None:
        """A paragraph that is only a docxtpl paragraph tag: it disappears when the draft is rendered."""
        self.para(f"{{%p {tag} %}}")

    def loop_bullets(self, expr: str, item: Cell) -> None:
        self.control(f"for {expr}")
        self.bullets(item)
        self.control("endfor")

    def page_break(self) -> None:
        self.doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)

    def section(self, landscape: bool) -> None:
        _set_page(self.doc.add_section(WD_SECTION.NEW_PAGE), landscape)
        self.landscape = landscape

    def table(self, widths: Sequence[float], rows: Sequence[Sequence[Cell] | Loop],
              heading: Sequence[str] = (), label_column: bool = False) -> None:
        """A fixed-width table: an optional repeating header row, then static rows and row loops in order.

        A loop becomes three rows in the template (`{%tr for … %}`, the row itself, `{%tr endfor %}`), which
        docxtpl turns into one row per item: the file stays small and rendering stays linear in the rows.
        """
        if sum(widths) > self.width + 0.01:
            raise ValueError(f"{self.kind.kind}: table of {sum(widths)} cm is wider than the page ({self.width} cm)")
        count = len(rows) + (1 if heading else 0) + 2 * sum(isinstance(row, Loop) for row in rows)
        table = self.doc.add_table(rows=count, cols=len(widths))
        table.style = self.doc.styles["Table Grid"]
        table.autofit = False
        _set_table_width(table._tbl, sum(widths))
        for column, width in zip(table.columns, widths, strict=True):
            column.width = Cm(width)
        rows_left = iter(table.rows)
        if heading:
            header = next(rows_left)
            _repeat_as_header(header)
            for cell, text, width in zip(header.cells, heading, widths, strict=True):
                _fill(cell, width, [text], "Table Heading", HEADER_FILL)
        for row in rows:
            if isinstance(row, Loop):
                _fill(next(rows_left).cells[0], widths[0], [f"{{%tr for {row.expr} %}}"], "Table Text")
                cells = row.cells
            else:
                cells = row
            _fill_row(next(rows_left), widths, cells, label_column)
            if isinstance(row, Loop):
                _fill(next(rows_left).cells[0], widths[0], ["{%tr endfor %}"], "Table Text")
        self.para(after=0)

    def facts(self, rows: Sequence[tuple[str, Cell]], label_width: float = 5.5) -> None:
        """A two-column table of labelled facts (reference, dates, chair)."""
        self.table((label_width, self.width - label_width), [[label, value] for label, value in rows],
                   label_column=True)

    def save(self) -> bytes:
        out = io.BytesIO()
        self.doc.save(out)
        return _normalised_zip(out.getvalue())


def _parts(cell: Cell) -> Sequence[Part]:
    return [cell] if isinstance(cell, str | Run) else cell


def _add_runs(paragraph: Paragraph, parts: Sequence[Part]) -> None:
    for part in parts:
        run = paragraph.add_run(part if isinstance(part, str) else part.text)
        if isinstance(part, Run):
            run.bold = part.bold or None
            run.italic = part.italic or None
            if part.highlight is not None:
                run.font.highlight_color = part.highlight


def _fill_row(row: _Row, widths: Sequence[float], cells: Sequence[Cell], label_column: bool) -> None:
    for index, (cell, width, content) in enumerate(zip(row.cells, widths, cells, strict=True)):
        label = label_column and index == 0
        _fill(cell, width, _parts(content), "Table Heading" if label else "Table Text", LABEL_FILL if label else None)


def _fill(cell: _Cell, width: float, parts: Sequence[Part], style: str, fill: str | None = None) -> None:
    cell.width = Cm(width)
    paragraph = cell.paragraphs[0]
    paragraph.style = style
    _add_runs(paragraph, parts)
    if fill:
        shading = OxmlElement("w:shd")
        shading.set(qn("w:val"), "clear")
        shading.set(qn("w:color"), "auto")
        shading.set(qn("w:fill"), fill)
        cell._tc.get_or_add_tcPr().append(shading)


def _repeat_as_header(row: _Row) -> None:
    """Repeat the row at the top of every page the table runs onto, and never split it across pages."""
    properties = row._tr.get_or_add_trPr()
    properties.append(OxmlElement("w:cantSplit"))
    properties.append(OxmlElement("w:tblHeader"))


def _set_table_width(tbl: CT_Tbl, width_cm: float) -> None:
    """python-docx writes an automatic width; a fixed one keeps Word and LibreOffice from reflowing the columns."""
    table_width = tbl.tblPr.find(qn("w:tblW"))
    table_width.set(qn("w:w"), str(round(width_cm / 2.54 * 1440)))
    table_width.set(qn("w:type"), "dxa")


# ---- page, header and footer -------------------------------------------------------------------------------

def _set_page(section: Section, landscape: bool) -> None:
    short, long = Cm(21.0), Cm(29.7)
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = (long, short) if landscape else (short, long)
    margin = Cm(2.0) if landscape else Cm(2.5)
    section.left_margin = section.right_margin = margin
    section.top_margin = section.bottom_margin = Cm(2.5)
    section.header_distance = section.footer_distance = Cm(1.0)


def _write_header_footer(section: Section) -> None:
    """Marking top and bottom (UK Government Security Classifications), title and reference, draft and page."""
    header = section.header
    marking = header.paragraphs[0]
    marking.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _add_runs(marking, [bold("{{ marking }}")])
    about = header.add_paragraph("{{ document.title }} · {{ case.reference }}")
    about.alignment = WD_ALIGN_PARAGRAPH.CENTER

    footer = section.footer
    draft = footer.paragraphs[0]
    draft.alignment = WD_ALIGN_PARAGRAPH.CENTER
    draft.add_run("Draft {{ document.version }} · {{ document.generated_on }} · Page ")
    _add_field(draft, "PAGE")
    draft.add_run(" of ")
    _add_field(draft, "NUMPAGES")
    marking = footer.add_paragraph()
    marking.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _add_runs(marking, [bold("{{ marking }}")])


def _add_field(paragraph: Paragraph, instruction: str) -> None:
    """A real Word field (begin, instruction, separate, result, end), which Word and LibreOffice update."""
    def char(kind: str) -> None:
        element = OxmlElement("w:fldChar")
        element.set(qn("w:fldCharType"), kind)
        paragraph.add_run()._r.append(element)

    char("begin")
    text = OxmlElement("w:instrText")
    text.set(qn("xml:space"), "preserve")
    text.text = f" {instruction} "
    paragraph.add_run()._r.append(text)
    char("separate")
    paragraph.add_run("1")
    char("end")


# ---- styles and properties ---------------------------------------------------------------------------------

def _set_up_styles(doc: Document) -> None:
    """Arial throughout (no theme fonts, which would override it in Word), British English, compact tables."""
    styles = doc.styles
    for fonts in styles.element.iter(qn("w:rFonts")):
        for name in list(fonts.attrib):
            if name.endswith("Theme") or name.endswith("theme"):
                del fonts.attrib[name]
        for attribute in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
            fonts.set(qn(attribute), FONT)
    for language in styles.element.iter(qn("w:lang")):
        language.set(qn("w:val"), "en-GB")
        language.set(qn("w:eastAsia"), "en-GB")
    for spacing in styles.element.find(qn("w:docDefaults")).iter(qn("w:spacing")):
        spacing.set(qn("w:after"), "120")

    for name, size in (("Title", 22), ("Subtitle", 15), ("Heading 1", 14), ("Heading 2", 12)):
        style = styles[name]
        style.font.size = Pt(size)
        style.font.bold = True
        style.font.italic = False
        style.font.color.rgb = HEADING_COLOUR
    styles["Title"].paragraph_format.space_after = Pt(6)
    styles["Subtitle"].paragraph_format.space_after = Pt(18)
    styles["Heading 1"].paragraph_format.space_before = Pt(18)
    styles["Heading 2"].paragraph_format.space_before = Pt(12)
    for name in ("Header", "Footer"):
        styles[name].font.size = Pt(9)
        styles[name].paragraph_format.space_after = Pt(0)

    text = styles.add_style("Table Text", WD_STYLE_TYPE.PARAGRAPH)
    text.base_style = styles["Normal"]
    text.font.size = Pt(9)
    text.paragraph_format.space_before = Pt(1)
    text.paragraph_format.space_after = Pt(1)
    text.paragraph_format.line_spacing = 1.0
    heading = styles.add_style("Table Heading", WD_STYLE_TYPE.PARAGRAPH)
    heading.base_style = text
    heading.font.bold = True
    heading.paragraph_format.keep_with_next = True


def _set_properties(doc: Document, title: str) -> None:
    """Fixed properties, so the file is the same on every run and names no person."""
    properties = doc.core_properties
    properties.title = title
    properties.subject = "Domestic homicide review"
    properties.author = "DHR Manager"
    properties.last_modified_by = "DHR Manager"
    properties.comments = "A DHR Manager template: keep the tags in double braces when editing."
    properties.created = properties.modified = FIXED_TIME
    properties.revision = 1
    package = doc.part.package
    for key, rel in list(package.rels.items()):
        if rel.reltype == RELATIONSHIP_TYPE.THUMBNAIL:
            del package.rels[key]


def _normalised_zip(blob: bytes) -> bytes:
    """The same bytes for the same content: python-docx stamps every zip member with the time of saving."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(blob)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            member = zipfile.ZipInfo(info.filename, ZIP_TIME)
            member.compress_type = zipfile.ZIP_DEFLATED
            member.external_attr = 0o644 << 16
            target.writestr(member, source.read(info))
    return out.getvalue()


# ---- pieces several templates share -----------------------------------------------------------------------

CHRONOLOGY_COLUMNS = ("Date", "Time", "Agency", "Source / record reference", "Event", "Action / outcome", "Comments")
CHRONOLOGY_WIDTHS = (2.7, 1.3, 3.3, 2.6, 7.0, 4.6, 4.2)
ACTION_COLUMNS = ("Recommendation", "Scope (local / regional / national)", "Action to take", "Lead agency",
                  "Key milestones achieved in enacting recommendation", "Target date",
                  "Date of completion and outcome")
ACTION_WIDTHS = (4.6, 2.5, 4.8, 3.2, 4.3, 2.2, 4.1)
APPROX = Run("{% if row.approximate %} (approx.){% endif %}", italic=True)


def chronology_table(d: Draft) -> None:
    """Every entry, with the three markers in print: "(approx.)" after the date, "Key event" and "Outside
    scoping period" in bold at the start of Comments."""
    d.para(bold("How to read this chronology. "),
           "Entries are in date order. ", italic("(approx.)"), " after a date: the agency gave an approximate "
           "date, sorted at the start of its range. ", bold("Key event"), ": marked by the panel. ",
           bold("Outside scoping period"), ": outside {{ case.scoping_from }} to {{ case.scoping_to }}, included "
           "for context.", keep_with_next=True)
    d.table(CHRONOLOGY_WIDTHS, [Loop("row in chronology", [
        ["{{ row.date }}", APPROX], "{{ row.time }}", "{{ row.agency }}", "{{ row.source }}", "{{ row.event }}",
        "{{ row.action }}",
        [bold("{% if row.key_event %}Key event. {% endif %}"),
         bold("{% if row.out_of_scope %}Outside scoping period. {% endif %}"), "{{ row.comments }}"],
    ])], heading=CHRONOLOGY_COLUMNS)


def key_events_table(d: Draft) -> None:
    d.table((3.2, 3.8, 9.0), [Loop("row in key_events", [
        ["{{ row.date }}", APPROX], "{{ row.agency }}", "{{ row.event }}",
    ])], heading=("Date", "Agency", "Event"))


def action_table(d: Draft) -> None:
    d.table(ACTION_WIDTHS, [Loop("action in actions", [
        "{{ action.recommendation }}", "{{ action.scope }}", "{{ action.action }}", "{{ action.lead_agency }}",
        "{{ action.milestones }}", "{{ action.target_date }}", "{{ action.completion }}",
    ])], heading=ACTION_COLUMNS)


def recommendations_table(d: Draft) -> None:
    d.table((1.2, 9.6, 2.0, 3.2), [Loop("recommendation in recommendations", [
        "{{ recommendation.number }}", "{{ recommendation.text }}", "{{ recommendation.scope }}",
        "{{ recommendation.agency }}",
    ])], heading=("No.", "Recommendation", "Scope", "Agency"))


def panel_table(d: Draft, extra: tuple[str, Cell] | None = None) -> None:
    widths = (4.5, 5.5, 6.0) if extra is None else (4.0, 4.5, 4.0, 3.5)
    cells: list[Cell] = ["{{ member.name }}", "{{ member.agency }}", "{{ member.role }}"]
    heading = ["Name", "Agency", "Role"]
    if extra is not None:
        heading.append(extra[0])
        cells.append(extra[1])
    d.table(widths, [Loop("member in panel", cells)], heading=heading)


def subjects_table(d: Draft) -> None:
    d.table((5.0, 11.0), [Loop("subject in subjects", ["{{ subject.role }}", "{{ subject.pseudonym }}"])],
            heading=("Role in the review", "Pseudonym"))


def contributors_table(d: Draft) -> None:
    d.table((5.5, 3.5, 4.3, 2.7), [Loop("agency in agencies", [
        "{{ agency.name }}", "{{ agency.type }}", "{{ agency.return_kind }}", "{{ agency.returned_on }}",
    ])], heading=("Agency", "Type", "Contribution", "Returned on"))


def timescales_table(d: Draft) -> None:
    d.table((8.0, 8.0), [
        ["Community Safety Partnership notified of the death", "{{ case.notified_on }}"],
        ["Decision: {{ case.decision }}", "{{ case.decision_on }}"],
        ["Home Office notified of the decision", "{{ case.home_office_notified_on }}"],
        ["Terms of reference agreed", "{{ terms_of_reference.agreed_on }}"],
        Loop("meeting in meetings", ["Review panel meeting {{ meeting.number }}", "{{ meeting.date }}"]),
    ], heading=("Milestone", "Date"))


def cover(d: Draft, subtitle: str) -> None:
    d.title("Domestic Homicide Review", subtitle)
    d.para(bold("{{ case.area }} Community Safety Partnership"), after=18)
    d.facts([
        ("Case reference", "{{ case.reference }}"),
        ("Date of death", "{{ case.date_of_death }}"),
        ("Independent chair and author", "{{ chair.name }}"),
        ("Draft", "{{ document.version }}, {{ document.generated_on }}"),
        ("Protective marking", "{{ marking }}: not for publication until approved by the Home Office"),
    ])
    d.page_break()


def terms_of_reference_body(d: Draft, number: Callable[[int], str], level: int) -> None:
    """The terms of reference, as a document of their own and as Appendix B of the overview report."""
    d.heading(f"{number(1)} Legal Basis and Purpose", level)
    d.para("This review is held under section 9 of the Domestic Violence, Crime and Victims Act 2004 and the Home "
           "Office Multi-Agency Statutory Guidance for the Conduct of Domestic Homicide Reviews. The {{ case.area }} "
           "Community Safety Partnership decided on {{ case.decision_on }} to hold a review following the death of "
           "{{ victim.pseudonym }} on {{ case.date_of_death }}. Process followed: {{ case.profile }}.")
    d.para("The purpose of the review is to:", keep_with_next=True)
    d.bullets("establish what lessons are to be learned from the death about the way local professionals and "
              "organisations work, individually and together, to safeguard victims;",
              "identify clearly what those lessons are, how and within what timescales they will be acted on, and "
              "what is expected to change as a result;",
              "apply these lessons to service responses, including changes to policies and procedures;",
              "prevent domestic abuse and homicide, and improve service responses for all domestic abuse victims "
              "and their children, through better inter-agency working;",
              "contribute to a better understanding of the nature of domestic abuse; and",
              "highlight good practice.")
    d.para("The review is not an inquiry into how the victim died or into who is culpable: those are matters for "
           "coroners and criminal courts.")

    d.heading(f"{number(2)} Subjects of the Review", level)
    d.para("The review uses pseudonyms throughout. Real names are never used in documents circulated to the panel "
           "or published.", keep_with_next=True)
    subjects_table(d)

    d.heading(f"{number(3)} Scoping Period", level)
    d.para("The review will consider agencies' contact with the subjects from {{ case.scoping_from }} to "
           "{{ case.scoping_to }}. Agencies should also summarise any earlier contact that is relevant to the "
           "terms of reference.")

    d.heading(f"{number(4)} Agencies and What Each Provides", level)
    d.para("Each agency below is asked to secure its records and to provide a chronology of its contact with the "
           "subjects in the scoping period and, where asked, an agency report (individual management review) "
           "written by an author independent of the case, approved by a senior manager.", keep_with_next=True)
    d.table((6.0, 3.6, 3.2, 3.2), [Loop("agency in agencies", [
        "{{ agency.name }}", "{{ agency.type }}", "{{ agency.requested_on }}", "{{ agency.due_on }}",
    ])], heading=("Agency", "Type", "Requested on", "Due on"))

    d.heading(f"{number(5)} Key Lines of Enquiry", level)
    d.para("The panel will examine:", keep_with_next=True)
    d.loop_bullets("line in terms_of_reference.lines_of_enquiry", "{{ line }}")
    d.para("The panel may add lines of enquiry as the review progresses.")

    d.heading(f"{number(6)} Family Involvement", level)
    d.para("The family of {{ victim.pseudonym }} will be invited to contribute to the review, told how they can "
           "take part, given the Home Office leaflet for families and offered specialist independent advocacy. "
           "Friends, work colleagues, neighbours and the wider community may also be approached. The family will "
           "see the report before it is submitted to the Home Office.")
    d.para(coordinator("who is the family's point of contact, and any advocacy already in place"))

    d.heading(f"{number(7)} Parallel Processes", level)
    d.para("The review will run alongside any criminal proceedings, inquest or other review, sharing information "
           "with the senior investigating officer and the coroner as agreed, and without prejudicing them.")
    d.para(coordinator("parallel processes: criminal proceedings, inquest, other reviews, and the contacts for each"))

    d.heading(f"{number(8)} Confidentiality", level)
    d.para("Everything shared with the review is confidential and marked {{ marking }}. Information is shared only "
           "with panel members and those who need it for the review, by secure email. Panel papers are not "
           "forwarded, and are returned or destroyed when the review ends.")

    d.heading(f"{number(9)} Timetable", level)
    d.para("The statutory guidance expects a review to be completed within six months of the decision to hold it. "
           "The panel will keep the Home Office informed of any delay.", keep_with_next=True)
    d.table((8.0, 8.0), [
        ["Community Safety Partnership notified", "{{ case.notified_on }}"],
        ["Decision to hold a review", "{{ case.decision_on }}"],
        ["Home Office notified", "{{ case.home_office_notified_on }}"],
        ["Terms of reference agreed", "{{ terms_of_reference.agreed_on }}"],
        Loop("meeting in meetings", ["Review panel meeting {{ meeting.number }}", "{{ meeting.date }}"]),
        ["Next panel meeting", "{{ next_meeting.date or 'to be confirmed' }}"],
        ["Report to the Home Office", [coordinator("target date")]],
    ], heading=("Milestone", "Date"))

    d.heading(f"{number(10)} Media and Communications", level)
    d.para("All media enquiries are referred to the {{ case.area }} Community Safety Partnership. Panel members do "
           "not comment on the review, and agencies tell the coordinator of any enquiry they receive.")
    d.para(coordinator("the communications lead and how the family will be told before anything is published"))


# ---- letters ----------------------------------------------------------------------------------------------

def letter_top(d: Draft, recipient: Sequence[Cell], salutation: str, subject: Cell, new_page: bool = False) -> None:
    """Sender block on the right, recipient on the left, reference and date, salutation and subject line."""
    d.para(bold("{{ case.area }} Community Safety Partnership"), align=WD_ALIGN_PARAGRAPH.RIGHT, after=0,
           break_before=new_page)
    d.para(coordinator("team postal address, telephone and secure email"), align=WD_ALIGN_PARAGRAPH.RIGHT, after=12)
    for line in recipient:
        d.para(*_parts(line), after=0)
    d.para(after=6)
    d.para("Our reference: {{ case.reference }}", after=0)
    d.para("Date: {{ today }}", after=12)
    d.para(salutation)
    d.para(*[bold(part) if isinstance(part, str) else part for part in _parts(subject)])


def letter_end(d: Draft, closing: str = "Yours sincerely,") -> None:
    d.para(closing, after=30, keep_with_next=True)
    d.para(coordinator("your name"), after=0, keep_with_next=True)
    d.para("Domestic Homicide Review Coordinator", after=0, keep_with_next=True)
    d.para("on behalf of the {{ case.area }} Community Safety Partnership")


def panel_invitation() -> Draft:
    d = Draft("panel-invitation")
    letter_top(d, ["Members of the review panel (listed below)"], "Dear colleague,",
               "Domestic Homicide Review {{ case.reference }}: invitation to a review panel meeting")
    d.para("The {{ case.area }} Community Safety Partnership is holding a domestic homicide review under section 9 "
           "of the Domestic Violence, Crime and Victims Act 2004 following the death of {{ victim.pseudonym }} on "
           "{{ case.date_of_death }}. {{ chair.name }} is the independent chair and author of the review.")
    d.control("if next_meeting.date")
    d.para("You are invited to review panel meeting {{ next_meeting.number }} on {{ next_meeting.date }}, ",
           coordinator("time, and the venue or secure online meeting link"), ".")
    d.control("else")
    d.para("You are invited to a meeting of the review panel on ",
           coordinator("date, time, and the venue or secure online meeting link"), ".")
    d.control("endif")
    d.para("Panel members are senior representatives of their agencies with no direct involvement in the case and "
           "no line management of anyone who was involved. If that is not so for you, please tell me before the "
           "meeting so that a colleague can attend instead.")
    d.para("Papers will follow by secure email. Everything discussed by the panel is confidential and marked "
           "{{ marking }}: please do not forward this letter or the papers.")
    d.para("Please confirm that you will attend, or send your apologies and the name of a deputy, by ",
           coordinator("date"), ".")
    d.para(bold("Review panel"), keep_with_next=True)
    panel_table(d)
    letter_end(d)
    return d


def agency_request() -> Draft:
    d = Draft("agency-request")
    d.control("for agency in agencies")
    letter_top(d, ["{{ agency.contact }}", "{{ agency.name }}", [coordinator("the agency's address or secure email")]],
               "Dear {{ agency.contact }},",
               "Domestic Homicide Review {{ case.reference }}: please secure your records and provide a chronology "
               "and agency report", new_page=True)
    d.para("The {{ case.area }} Community Safety Partnership has decided to hold a domestic homicide review under "
           "section 9 of the Domestic Violence, Crime and Victims Act 2004 following the death of "
           "{{ victim.pseudonym }} on {{ case.date_of_death }}. {{ chair.name }} is the independent chair and "
           "author of the review.")
    d.para("{{ agency.name }} may have had contact with the subjects of the review. I am writing to ask you to:",
           keep_with_next=True)
    d.bullets("secure every record your agency holds about the subjects now, so that nothing is altered or "
              "destroyed;",
              "search your records for contact with the subjects between {{ case.scoping_from }} and "
              "{{ case.scoping_to }}, the scoping period the panel agreed; and",
              ["return a chronology of that contact, and an agency report if the panel asks for one, by ",
               bold("{{ agency.due_on }}"), "."])
    d.para("If your agency had no contact with the subjects in the scoping period, please confirm this in writing "
           "(a nil return) by the same date.")
    d.para(bold("Subjects of the review"), keep_with_next=True)
    d.para("The subjects are referred to by these pseudonyms. Their full names, dates of birth and addresses are "
           "sent to you separately by secure email: please never put them in open correspondence.",
           keep_with_next=True)
    subjects_table(d)
    d.para(coordinator("how the subjects' identifying details are being sent"))
    d.para(bold("The chronology"), keep_with_next=True)
    d.para("Please give one row for each contact, with the columns Date, Time, Source / record reference, Event, "
           "Action / outcome and Comments. Where only an approximate date is known, give what is known (for "
           "example 'March 2021'). A spreadsheet (.xlsx) or a table in Word is welcome.")
    d.para("The chronology and any agency report should be written by someone with no involvement in the case and "
           "no line management of anyone who was involved, and approved by a senior manager.")
    d.para("Please send your return by secure email to ", coordinator("secure email address"),
           ". If you have any questions, please contact me.")
    letter_end(d)
    d.control("endfor")
    return d


def family_letter() -> Draft:
    d = Draft("family-letter")
    letter_top(d, ["{{ family.name }}", "{{ family.address }}"], "Dear {{ family.name }},",
               ["A review following the death of ", coordinator("name, as the family knows them")])
    d.para("I am writing on behalf of the {{ case.area }} Community Safety Partnership. First, please accept our "
           "sincere condolences on your loss.")
    d.para("When someone dies and domestic abuse may have played a part, the Community Safety Partnership must "
           "consider holding a review, called a domestic homicide review. A review has been agreed. It is not "
           "about blaming anyone: it is to understand what happened, to learn lessons, and to improve how "
           "services help people in the future.")
    d.para("The review is led by an independent chair, {{ chair.name }}. We would very much like you to be "
           "involved in whatever way feels right for you. You can meet the chair, tell the review about ",
           coordinator("name"), "'s life and what you know of what happened, help choose the name used for ",
           coordinator("name"), " in the report, and read the report before it is finished. You can also "
           "decide not to take part, or to take part later.")
    d.para("Free, independent support is available from specialist advocates who help families through reviews, "
           "such as Advocacy After Fatal Domestic Abuse (AAFDA, www.aafda.org.uk). ",
           coordinator("local advocacy service and how the family can contact it"))
    d.para("I enclose the Home Office leaflet for families, which explains the review and what to expect.")
    d.para(coordinator("any personal message, and the arrangements for meeting the family"))
    d.para("There is no need to reply quickly. When you are ready, please contact me on ",
           coordinator("telephone number and email address"), ".")
    letter_end(d)
    d.para("Enclosures: Home Office leaflet for families; information about advocacy and support.")
    return d


def home_office_notification() -> Draft:
    d = Draft("home-office-notification")
    letter_top(d, ["Domestic Homicide Review Team", "Home Office", [coordinator("current Home Office address or "
                                                                                  "DHR mailbox")]],
               "Dear colleagues,", "Domestic Homicide Review {{ case.reference }}: notification of decision")
    d.para("I am writing on behalf of the chair of the {{ case.area }} Community Safety Partnership to tell the Home "
           "Office of the Partnership's decision following the death of {{ victim.pseudonym }}.", keep_with_next=True)
    d.facts([
        ("Case reference", "{{ case.reference }}"),
        ("Community Safety Partnership", "{{ case.area }}"),
        ("Date of death", "{{ case.date_of_death }}"),
        ("Partnership notified", "{{ case.notified_on }}"),
        ("Decision", "{{ case.decision }}"),
        ("Date of decision", "{{ case.decision_on }}"),
        ("Independent chair", "{{ chair.name }}"),
        ("Process followed", "{{ case.profile }}"),
    ])
    d.para(bold("Reasons for the decision. "), coordinator("the Partnership chair's reasons, as recorded"))
    d.para(bold("Parallel proceedings. "), coordinator("criminal proceedings, inquest or other reviews, if any"))
    d.para("Where the decision is not to hold a review, we understand that the Home Office quality assurance panel "
           "will consider it, and we would welcome its view.")
    letter_end(d)
    return d


def qa_covering_letter() -> Draft:
    d = Draft("qa-covering-letter")
    letter_top(d, ["Home Office Domestic Homicide Review Quality Assurance Panel",
                   [coordinator("current Home Office address or DHR mailbox")]],
               "Dear panel members,", "Domestic Homicide Review {{ case.reference }}: submission for quality assurance")
    d.para("On behalf of the {{ case.area }} Community Safety Partnership, I enclose the overview report, executive "
           "summary and action plan of the domestic homicide review into the death of {{ victim.pseudonym }}, for "
           "the panel's quality assurance.", keep_with_next=True)
    d.facts([
        ("Case reference", "{{ case.reference }}"),
        ("Community Safety Partnership", "{{ case.area }}"),
        ("Date of death", "{{ case.date_of_death }}"),
        ("Partnership notified", "{{ case.notified_on }}"),
        ("Decision to hold a review", "{{ case.decision_on }}"),
        ("Home Office notified", "{{ case.home_office_notified_on }}"),
        ("Independent chair and author", "{{ chair.name }}"),
        ("Panel meetings held", "{{ meetings|length }}"),
        ("Recommendations", "{{ recommendations|length }}"),
        ("Version submitted", "{{ document.version }}"),
    ])
    d.para(bold("Sign-off. "), "The Community Safety Partnership signed off the report on ", coordinator("date"), ".")
    d.para(bold("Family. "), coordinator("how the family was involved, and whether they have seen the report"))
    d.para(bold("Parallel proceedings. "), coordinator("criminal proceedings and inquest: their outcome or status"))
    d.para(bold("Timescales. "), coordinator("if the review took longer than six months, why"))
    d.para(bold("Publication. "), coordinator("planned publication, and any request to delay it"))
    d.para(bold("Enclosures"), keep_with_next=True)
    d.bullets("Overview report", "Executive summary", "Action plan", [coordinator("any other enclosure")])
    letter_end(d)
    return d


# ---- meetings ----------------------------------------------------------------------------------------------

AGENDA_ITEMS = (
    ("Welcome, introductions and apologies", "Chair"),
    ("Confidentiality statement and declarations of interest", "Chair"),
    ("Minutes and actions of the previous meeting", "Chair"),
    ("Terms of reference and scoping period ({{ case.scoping_from }} to {{ case.scoping_to }})", "Chair"),
    ("Agency returns: chronologies and agency reports", "Coordinator"),
    ("Family involvement", "Chair"),
    ("Parallel proceedings: criminal, coroner and other reviews", "Police and coordinator"),
    ("Emerging themes against the key lines of enquiry", "Panel"),
    ("Communications and media", "Coordinator"),
    ("Any other business", "All"),
    ("Date of the next meeting", "Chair"),
)


def agenda() -> Draft:
    d = Draft("agenda")
    d.title("Agenda", "Domestic Homicide Review {{ case.reference }}: review panel meeting {{ next_meeting.number }}")
    d.facts([
        ("Date", "{{ next_meeting.date or 'to be confirmed' }}"),
        ("Time and venue", [coordinator("time, and the venue or secure online meeting link")]),
        ("Chair", "{{ chair.name }}"),
        ("Review", "Death of {{ victim.pseudonym }}, {{ case.area }} Community Safety Partnership"),
    ])
    d.heading("Attendees")
    panel_table(d)
    d.heading("Agenda")
    d.table((1.2, 11.3, 3.5), [[str(number), item, lead] for number, (item, lead) in enumerate(AGENDA_ITEMS, 1)],
            heading=("No.", "Item", "Lead"))
    d.heading("Agency Returns")
    d.table((4.6, 2.6, 2.6, 2.6, 3.6), [Loop("agency in agencies", [
        "{{ agency.name }}", "{{ agency.requested_on }}", "{{ agency.due_on }}", "{{ agency.returned_on }}",
        "{{ agency.return_kind }}",
    ])], heading=("Agency", "Requested", "Due", "Returned", "Return"))
    d.heading("Confidentiality")
    d.para("Everything shared at this meeting is confidential and marked {{ marking }}. Papers are shared only by "
           "secure email, are not forwarded, and are returned or destroyed when the review ends.")
    return d


MINUTES_SECTIONS = (
    ("1 Welcome, Introductions and Apologies", coordinator("notes")),
    ("2 Confidentiality and Declarations of Interest",
     ["The chair reminded members that the review is confidential. ", coordinator("declarations of interest, or "
                                                                                  "'None were made'")]),
    ("3 Minutes and Actions of the Previous Meeting", coordinator("corrections and progress on actions")),
)
MINUTES_LATER = (
    ("5 Discussion", coordinator("discussion against the terms of reference and key lines of enquiry")),
    ("6 Family Involvement", coordinator("contact with the family and advocacy")),
    ("7 Parallel Proceedings", coordinator("criminal proceedings, inquest and other reviews")),
    ("8 Any Other Business", coordinator("notes")),
)


def minutes() -> Draft:
    d = Draft("minutes")
    d.title("Minutes", "Domestic Homicide Review {{ case.reference }}: review panel meeting")
    d.facts([
        ("Meeting", "{% if meetings %}{{ (meetings|last).number }}{% endif %}"),
        ("Date", "{% if meetings %}{{ (meetings|last).date }}{% endif %}"),
        ("Venue", [coordinator("venue or online")]),
        ("Chair", "{{ chair.name }}"),
        ("Minutes taken by", [coordinator("name")]),
    ])
    d.heading("Present and Apologies")
    panel_table(d, ("Attendance", ""))
    d.para(coordinator("mark each member present, apologies or deputy, and add anyone else who attended"))
    for heading, content in MINUTES_SECTIONS:
        d.heading(heading)
        d.para(*_parts(content))
    d.heading("4 Agency Returns")
    d.table((6.0, 2.6, 2.6, 4.8), [Loop("agency in agencies", [
        "{{ agency.name }}", "{{ agency.due_on }}", "{{ agency.returned_on }}", "{{ agency.return_kind }}",
    ])], heading=("Agency", "Due", "Returned", "Return"))
    d.para(coordinator("late returns and what was agreed"))
    for heading, content in MINUTES_LATER:
        d.heading(heading)
        d.para(*_parts(content))
    d.heading("9 Date of Next Meeting")
    d.para("{{ next_meeting.date or 'To be confirmed' }}")
    d.heading("Actions Agreed")
    d.table((1.2, 9.2, 3.0, 2.6), [["1", [coordinator("action")], [coordinator("who")], [coordinator("by when")]]],
            heading=("No.", "Action", "Owner", "By when"))
    return d


# ---- reports -----------------------------------------------------------------------------------------------

def terms_of_reference() -> Draft:
    d = Draft("terms-of-reference")
    d.title("Terms of Reference", "Domestic Homicide Review {{ case.reference }}")
    d.para("Review into the death of {{ victim.pseudonym }}. Agreed by the review panel on "
           "{{ terms_of_reference.agreed_on }}. Independent chair: {{ chair.name }}.")
    terms_of_reference_body(d, str, 1)
    return d


def chronology() -> Draft:
    d = Draft("chronology", landscape=True)
    d.title("Combined Chronology", "Domestic Homicide Review {{ case.reference }}")
    d.facts([
        ("Case reference", "{{ case.reference }}"),
        ("Community Safety Partnership", "{{ case.area }}"),
        ("Subjects", "{{ victim.pseudonym }} (victim); {{ perpetrator.pseudonym }} (perpetrator)"),
        ("Scoping period", "{{ case.scoping_from }} to {{ case.scoping_to }}"),
        ("Entries", "{{ chronology|length }}"),
    ], label_width=6.0)
    chronology_table(d)
    d.para(italic("End of the combined chronology."))
    return d


def action_plan() -> Draft:
    d = Draft("action-plan", landscape=True)
    d.title("Action Plan", "Domestic Homicide Review {{ case.reference }}: "
            "{{ case.area }} Community Safety Partnership")
    d.para("Actions answering the recommendations of the review into the death of {{ victim.pseudonym }}. Each "
           "action is specific, measurable, achievable, realistic and timed, with a lead agency. The Community "
           "Safety Partnership monitors the plan until every action is complete.", keep_with_next=True)
    action_table(d)
    return d


OVERVIEW_PLACEHOLDERS = {
    "13 Background Information (The Facts)":
        "the background of the victim, the perpetrator and their family, and the circumstances of the death",
    "15 Overview": "a summary of what was known to each agency, and what was known to family and friends",
    "17 Conclusions": "the panel's conclusions",
    "18 Lessons to be Learnt": "the lessons for each agency and for agencies together",
}
GLOSSARY = (
    ("AAFDA", "Advocacy After Fatal Domestic Abuse"),
    ("CSP", "Community Safety Partnership"),
    ("DASH", "Domestic Abuse, Stalking and Harassment and Honour-based Violence risk assessment"),
    ("DHR", "Domestic Homicide Review"),
    ("GP", "General Practitioner"),
    ("ICB", "Integrated Care Board"),
    ("IDVA", "Independent Domestic Violence Advisor"),
    ("IMR", "Individual Management Review (agency report)"),
    ("MARAC", "Multi-Agency Risk Assessment Conference"),
    ("MAPPA", "Multi-Agency Public Protection Arrangements"),
)


def overview_report() -> Draft:
    d = Draft("overview-report")
    cover(d, "Overview Report into the death of {{ victim.pseudonym }}")

    d.heading("Preface")
    d.para("The {{ case.area }} Community Safety Partnership and the review panel offer their deepest sympathy to "
           "the family and friends of {{ victim.pseudonym }}, and thank everyone who contributed to this review for "
           "their time, openness and commitment.")
    d.para(chair("a tribute to {{ victim.pseudonym }}, in words agreed with the family if they wish"))

    d.heading("1 Introduction")
    d.para("This report of a domestic homicide review examines the contact agencies had with, and the support they "
           "gave to, {{ victim.pseudonym }}, who lived in the {{ case.area }} area, before their death on "
           "{{ case.date_of_death }}.")
    d.para("The review also looks at the past to identify any relevant background or history of abuse, whether "
           "support was sought in the community and whether there were barriers to seeking it. The key purpose is "
           "to learn lessons so that agencies can better protect people in future; the review is not an inquiry "
           "into who is to blame, which is a matter for courts and coroners.")
    d.para(chair("a short summary of the circumstances of the death and of any criminal proceedings"))

    d.heading("2 Timescales")
    d.para("The Community Safety Partnership's decision and the review's progress:", keep_with_next=True)
    timescales_table(d)
    d.para("The statutory guidance expects a review to be completed within six months of the decision to hold it.")
    d.para(chair("if the review took longer, the reasons (for example parallel proceedings)"))

    d.heading("3 Confidentiality")
    d.para("The findings of the review are confidential. Information is available only to participating "
           "professionals and their line managers until the report has been approved for publication by the Home "
           "Office Quality Assurance Panel. To protect the identity of those involved, this report uses these "
           "pseudonyms:", keep_with_next=True)
    subjects_table(d)
    d.para(chair("who chose the pseudonyms, and the ages and ethnicity of the subjects if the family agrees"))

    d.heading("4 Terms of Reference")
    d.para("The panel agreed the terms of reference on {{ terms_of_reference.agreed_on }}; they are at Appendix B. "
           "The scoping period is {{ case.scoping_from }} to {{ case.scoping_to }}. The key lines of enquiry are:",
           keep_with_next=True)
    d.loop_bullets("line in terms_of_reference.lines_of_enquiry", "{{ line }}")

    d.heading("5 Methodology")
    d.para("Process followed: {{ case.profile }}. The panel agreed the scoping period, asked each agency to secure "
           "its records and to provide a chronology and, where needed, an agency report, combined the chronologies "
           "into one (Appendix C), and analysed the agencies' involvement against the terms of reference over "
           "{{ meetings|length }} panel meetings.")
    d.para(chair("interviews held, documents read, and how the panel tested the agency reports"))

    d.heading("6 Involvement of Family, Friends, Work Colleagues, Neighbours and Wider Community")
    d.para("The family of {{ victim.pseudonym }} were told about the review by letter, given the Home Office "
           "leaflet for families, and offered specialist independent advocacy.")
    d.para(chair("who was approached, who took part, how their views shaped the review, and whether the family "
                 "saw the report before it was submitted"))

    d.heading("7 Contributors to the Review")
    d.para("These agencies were asked to contribute:", keep_with_next=True)
    contributors_table(d)
    d.para(chair("confirm that the agency report authors were independent of the case and its line management"))

    d.heading("8 The Review Panel Members")
    panel_table(d)
    d.para("The panel met {{ meetings|length }} times; the dates are in section 2.")
    d.para(chair("confirm that panel members were independent of the case"))

    d.heading("9 Author of the Overview Report")
    d.para("The independent chair and author of this report is {{ chair.name }}.")
    d.para(chair("the author's background and experience, and a statement of independence from the agencies "
                 "involved"))

    d.heading("10 Parallel Reviews")
    d.para(chair("criminal proceedings, inquest and any other review, and how they relate to this review"))

    d.heading("11 Equality and Diversity")
    d.para("The panel considered the nine protected characteristics of the Equality Act 2010: age, disability, "
           "gender reassignment, marriage and civil partnership, pregnancy and maternity, race, religion or "
           "belief, sex and sexual orientation.")
    d.para(chair("which characteristics were relevant, and how they affected access to services"))

    d.heading("12 Dissemination")
    d.para("Once approved by the Home Office, the report will be shared with:", keep_with_next=True)
    d.bullets("the family of {{ victim.pseudonym }}, before anyone else;", "the Domestic Abuse Commissioner;",
              "the members of the {{ case.area }} Community Safety Partnership;")
    d.loop_bullets("agency in agencies", "{{ agency.name }};")
    d.bullets([coordinator("any other recipients")])

    d.heading("13 Background Information (The Facts)")
    d.para(chair(OVERVIEW_PLACEHOLDERS["13 Background Information (The Facts)"]))

    d.heading("14 Chronology")
    d.para("The combined chronology of every agency's contact is at Appendix C. The key events were:",
           keep_with_next=True)
    key_events_table(d)
    d.para(chair("a narrative of the chronology"))

    d.heading("15 Overview")
    d.para(chair(OVERVIEW_PLACEHOLDERS["15 Overview"]))

    d.heading("16 Analysis")
    d.para("The panel analysed the agencies' involvement against each key line of enquiry.")
    d.control("for line in terms_of_reference.lines_of_enquiry")
    d.heading("{{ line }}", 2)
    d.para(chair("analysis against this line of enquiry, including good practice"))
    d.control("endfor")

    for heading in ("17 Conclusions", "18 Lessons to be Learnt"):
        d.heading(heading)
        d.para(chair(OVERVIEW_PLACEHOLDERS[heading]))

    d.heading("19 Recommendations")
    d.para("The review makes these recommendations; the action plan is at Appendix A. Single-agency "
           "recommendations are in the agencies' own reports.", keep_with_next=True)
    recommendations_table(d)

    d.section(landscape=True)
    d.heading("Appendix A Action Plan")
    action_table(d)

    d.section(landscape=False)
    d.heading("Appendix B Terms of Reference")
    d.para("Agreed by the review panel on {{ terms_of_reference.agreed_on }}.")
    terms_of_reference_body(d, lambda n: f"B.{n}", 2)

    d.section(landscape=True)
    d.heading("Appendix C Combined Chronology")
    chronology_table(d)

    d.section(landscape=False)
    d.heading("Appendix D Glossary")
    d.table((3.0, 13.0), [list(row) for row in GLOSSARY], heading=("Term", "Meaning"))
    return d


def executive_summary() -> Draft:
    d = Draft("executive-summary")
    cover(d, "Executive Summary of the Overview Report into the death of {{ victim.pseudonym }}")

    d.heading("1 The Review Process")
    d.para("This summary outlines the process the {{ case.area }} domestic homicide review panel followed in "
           "reviewing the death of {{ victim.pseudonym }} on {{ case.date_of_death }}. These pseudonyms are used:",
           keep_with_next=True)
    subjects_table(d)
    d.para("The Community Safety Partnership was notified on {{ case.notified_on }}, decided on "
           "{{ case.decision_on }} to hold a review, and told the Home Office on "
           "{{ case.home_office_notified_on }}. The panel met {{ meetings|length }} times. Process followed: "
           "{{ case.profile }}.")
    d.para(chair("the outcome of any criminal proceedings, and the family's involvement"))

    d.heading("2 Contributors to the Review")
    contributors_table(d)

    d.heading("3 The Review Panel Members")
    panel_table(d)

    d.heading("4 Author of the Overview Report")
    d.para("The independent chair and author is {{ chair.name }}.")
    d.para(chair("a statement of the author's independence"))

    d.heading("5 Terms of Reference")
    d.para("The panel agreed the terms of reference on {{ terms_of_reference.agreed_on }}. The scoping period is "
           "{{ case.scoping_from }} to {{ case.scoping_to }}. The key lines of enquiry are:", keep_with_next=True)
    d.loop_bullets("line in terms_of_reference.lines_of_enquiry", "{{ line }}")

    d.heading("6 Summary Chronology")
    d.para("The key events from the combined chronology:", keep_with_next=True)
    key_events_table(d)

    for heading, what in (("7 Key Issues Arising from the Review", "the key issues"),
                          ("8 Conclusions", "the panel's conclusions"),
                          ("9 Lessons to be Learnt", "the lessons to be learnt")):
        d.heading(heading)
        d.para(chair(what))

    d.heading("10 Recommendations")
    recommendations_table(d)
    return d


BUILDERS: dict[str, Callable[[], Draft]] = {
    "panel-invitation": panel_invitation,
    "agency-request": agency_request,
    "family-letter": family_letter,
    "home-office-notification": home_office_notification,
    "terms-of-reference": terms_of_reference,
    "agenda": agenda,
    "minutes": minutes,
    "chronology": chronology,
    "overview-report": overview_report,
    "executive-summary": executive_summary,
    "action-plan": action_plan,
    "qa-covering-letter": qa_covering_letter,
}


# ---- the field dictionary ----------------------------------------------------------------------------------

DOCS_INTRO = """\
# Document templates and their fields

<!-- Generated by tools/build_templates.py --docs from dhr_manager/documents/templates.py (FIELDS, KINDS) and the
     templates themselves. Do not edit by hand: change the code and regenerate. -->

DHR Manager produces its Word drafts from templates in `resources/templates/`. Each template is an ordinary Word
document with **fields** in double braces, such as `{{ case.reference }}`, which DHR Manager fills in from the
case when it makes a draft. Every draft carries the protective marking (`{{ marking }}`, OFFICIAL-SENSITIVE) at the
top and bottom of each page, the draft's version and date, and Page X of Y.

Places a person must complete are highlighted in the drafts: yellow **[COORDINATOR TO COMPLETE: …]** for the
coordinator, turquoise *[Chair to write: …]* for the independent chair.

## Using your own template

1. Open the built-in template (for example `overview-report.docx`) in Word and save a copy.
2. Change the wording, layout or letterhead as you like. Keep the `{{ … }}` fields, and keep each `{% … %}`
   tag together with its partner (`{% for %}` … `{% endfor %}`, `{% if %}` … `{% endif %}`).
3. Check it: `dhr-manager templates check FILE`. The check lists the fields the file uses and names any field
   DHR Manager does not know, and tells you if the file is not a Word document or a tag is broken.
4. Only fields from the tables below can be used. A misspelt field would print nothing, which is why the check
   refuses it.

Values are always inserted as plain text: a name such as `Zoë & Sons <Ltd>` appears exactly as written.

### Tags you will see

- `{{ case.reference }}`: insert a field.
- `{%tr for row in chronology %}` … `{%tr endfor %}`, each on a table row of its own: repeat the row between
  them once per entry. Inside, `row.event` is the field `chronology[].event`.
- `{%p for agency in agencies %}` … `{%p endfor %}`, each on a paragraph of its own: repeat the paragraphs
  between them.
- `{%p if … %}` … `{%p else %}` … `{%p endif %}`: paragraphs used only when a condition holds.
- `{{ meetings|length }}`: the number of items in a list.
- `{{ next_meeting.date or 'to be confirmed' }}`: a field, with words to use when it is empty.

A field written `list[].name` is the `name` of each item in a list: in a loop `{% for member in panel %}`,
`{{ member.name }}` is the field `panel[].name`.
"""


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def field_dictionary(built: dict[str, bytes]) -> str:
    """docs/templates.md: for each template its purpose, whether it holds personal data, and its fields."""
    lines = [DOCS_INTRO, "## The templates", ""]
    for kind in KINDS.values():
        personal = ("Yes: it names real people, so it is never circulated beyond its addressee."
                    if kind.personal_data else "No: the people the review is about appear by pseudonym only.")
        circulation = ("Yes: it is checked for real names, addresses and dates of birth before export."
                       if kind.for_circulation else "No: it goes to its addressee only.")
        lines += [f"### {kind.title} (`{kind.file_name}`)", "", kind.purpose, "",
                  f"- Contains personal data: {personal}", f"- For circulation: {circulation}", "",
                  "| Field | Description |", "|---|---|"]
        lines += [f"| `{field}` | {_cell(FIELDS[field])} |" for field in template_fields(built[kind.kind])
                  if field in FIELDS]
        lines.append("")
    lines += ["## Every field", "", "All fields a template may use. Dates are already written out "
              "(22 November 2026); an empty value prints nothing.", "", "| Field | Description |", "|---|---|"]
    lines += [f"| `{field}` | {_cell(text)} |" for field, text in FIELDS.items()]
    return "\n".join(lines) + "\n"


# ---- running ------------------------------------------------------------------------------------------------

def build_all() -> dict[str, bytes]:
    return {kind: BUILDERS[kind]().save() for kind in KINDS}


def _members(blob: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(blob)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def stale(built: dict[str, bytes] | None = None) -> list[str]:
    """The generated files that differ from what this script writes, compared member by member (not as zip
    bytes, which differ between zlib builds)."""
    built = build_all() if built is None else built
    out = []
    for kind, blob in built.items():
        path = TEMPLATES / KINDS[kind].file_name
        if not path.exists() or _members(path.read_bytes()) != _members(blob):
            out.append(str(path.relative_to(REPO)))
    if not DOCS.exists() or DOCS.read_text(encoding="utf-8") != field_dictionary(built):
        out.append(str(DOCS.relative_to(REPO)))
    return out


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--docs", action="store_true", help="write docs/templates.md only")
    mode.add_argument("--check", action="store_true", help="exit 1 if a generated file is out of date")
    args = parser.parse_args(argv)
    built = build_all()
    if args.check:
        out_of_date = stale(built)
        for path in out_of_date:
            print(f"out of date: {path} (run tools/build_templates.py)", file=sys.stderr)
        return 1 if out_of_date else 0
    if not args.docs:
        TEMPLATES.mkdir(parents=True, exist_ok=True)
        for kind, blob in built.items():
            (TEMPLATES / KINDS[kind].file_name).write_bytes(blob)
            print(TEMPLATES / KINDS[kind].file_name)
    DOCS.write_text(field_dictionary(built), encoding="utf-8")
    print(DOCS)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
