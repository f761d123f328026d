"""The Word templates for drafts: which ones exist, the fields they may use, checking an administrator's own file,
and rendering a draft.

Templates are ordinary .docx files with docxtpl's Jinja tags (`{{ case.reference }}`, `{%tr for row in chronology %}`)
so that an administrator can open one in Word, reword it or swap in the local authority's letterhead, and keep the
tags. Rendering always escapes values (autoescape), so a name such as "Zoë & Sons <Ltd>" lands in the document as
text and can never break its XML.

`FIELDS` is the one list of what a template may ask for; `check_template` holds every template against it, and
docs/templates.md is generated from it. The services layer builds a context with exactly these names; every leaf is
already a display string (dates formatted, empty values as "") except the chronology's three flags.
"""

import copy
import io
import re
import secrets
import zipfile
from collections.abc import Iterator, Mapping
from dataclasses import dataclass

import docx
from docx.document import Document as WordDocument
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.opc.exceptions import PackageNotFoundError
from docx.oxml.ns import qn
from docxtpl import DocxTemplate
from jinja2 import Environment, StrictUndefined, Template, TemplateError, TemplateSyntaxError, UndefinedError, nodes
from lxml import etree
from markupsafe import Markup

from dhr_manager.documents.safe_docx import FileKind, check_zip
from dhr_manager.errors import InputError
from dhr_manager.resources_path import resource

# A template is a few hundred kilobytes; anything far larger is not one of ours and is refused before it is opened.
MAX_TEMPLATE_BYTES = 25 * 1024 * 1024


@dataclass(frozen=True)
class TemplateKind:
    """One kind of draft. `personal_data` marks the letters that must name real people and so are never meant for
    circulation; `for_circulation` marks drafts that go beyond the team (panel, agencies, Home Office) and therefore
    pass the disclosure check before export."""

    kind: str
    title: str
    file_name: str
    personal_data: bool
    for_circulation: bool
    purpose: str


def _kind(kind: str, title: str, personal_data: bool, for_circulation: bool, purpose: str) -> TemplateKind:
    return TemplateKind(kind, title, f"{kind}.docx", personal_data, for_circulation, purpose)


KINDS: dict[str, TemplateKind] = {k.kind: k for k in (
    _kind("panel-invitation", "Panel invitation", False, True,
          "Invites the panel members to a review panel meeting and lists the panel."),
    _kind("agency-request", "Request for records, chronology and agency report", True, False,
          "Asks each agency in scope to secure its records and return a chronology and agency report by its due "
          "date: one letter per agency, each on its own pages, addressed to the agency's contact."),
    _kind("family-letter", "Letter to the family", True, False,
          "The first letter to the family: explains the review, offers specialist advocacy and invites them to "
          "take part. Addressed to the family contact by name."),
    _kind("home-office-notification", "Notification to the Home Office", False, True,
          "Tells the Home Office of the Community Safety Partnership's decision whether to hold a review."),
    _kind("terms-of-reference", "Terms of reference", False, True,
          "The terms of reference agreed by the panel: purpose, subjects, scoping period, agencies, key lines of "
          "enquiry, family involvement, parallel processes, confidentiality, timetable and media."),
    _kind("agenda", "Panel meeting agenda", False, True,
          "The agenda for the next panel meeting, with the panel list and the standard items."),
    _kind("minutes", "Panel meeting minutes", False, True,
          "Minutes of the latest panel meeting, with attendance, agency returns and actions."),
    _kind("chronology", "Combined chronology", False, True,
          "The combined chronology of every agency's contact with the subjects, in date order."),
    _kind("overview-report", "Overview report", False, True,
          "The overview report in the Home Office structure, with the action plan, terms of reference, combined "
          "chronology and glossary as appendices. Prefilled where the case holds the facts; the chair writes the "
          "rest where it says so."),
    _kind("executive-summary", "Executive summary", False, True,
          "The executive summary in the Home Office structure."),
    _kind("action-plan", "Action plan", False, True,
          "The action plan in the Home Office's seven columns."),
    _kind("qa-covering-letter", "Covering letter to the Home Office quality assurance panel", False, True,
          "Covers the submission of the overview report, executive summary and action plan to the Home Office "
          "quality assurance panel."),
)}


def _fields() -> dict[str, str]:
    """Built from small tables so that the list-shaped fields read like the context the services build."""
    chronology_row = {
        "date": "Date of the entry (for example 14 March 2021, or March 2021 when only the month is known)",
        "time": "Time of the entry, or empty",
        "agency": "The agency whose record this is",
        "source": "The agency's source or record reference",
        "event": "What happened: the contact or event",
        "action": "Action taken and outcome",
        "comments": "Comments",
        "key_event": "True for a key event (a yes/no value for `{% if %}`, not text)",
        "approximate": "True when the date is approximate (a yes/no value for `{% if %}`, not text)",
        "out_of_scope": "True when the entry is outside the scoping period (a yes/no value for `{% if %}`, not text)",
    }
    fields = {
        "marking": "The protective marking, OFFICIAL-SENSITIVE until publication",
        "today": "Today's date, for letters",
        "document.title": "The title of this draft",
        "document.kind": "The kind of draft (for example overview-report)",
        "document.version": "The draft's version number (for example v0.3)",
        "document.generated_on": "The date the draft was generated",
        "document.generated_by": "The user who generated the draft",
        "case.reference": "The case reference",
        "case.area": "The Community Safety Partnership's area",
        "case.stage": "The stage the case is at",
        "case.notified_on": "The date the Community Safety Partnership was notified of the death",
        "case.date_of_death": "The date of death",
        "case.decision": "The decision whether to hold a review",
        "case.decision_on": "The date of that decision",
        "case.home_office_notified_on": "The date the Home Office was told of the decision",
        "case.scoping_from": "The start of the scoping period",
        "case.scoping_to": "The end of the scoping period",
        "case.profile": "The review process followed (for example England DHR 2016)",
        "victim.pseudonym": "The pseudonym of the person who died",
        "perpetrator.pseudonym": "The pseudonym of the perpetrator",
        "subjects": "The subjects of the review, for a loop",
        "subjects[].role": "A subject's role in the review (victim, perpetrator, child…)",
        "subjects[].pseudonym": "A subject's pseudonym",
        "chair.name": "The independent chair, who is also the author of the overview report",
        "agencies": "The agencies in scope, for a loop",
        "agencies[].name": "The agency's name",
        "agencies[].type": "The type of agency (police, health, housing…)",
        "agencies[].contact": "The person letters to the agency go to (a real name: personal data)",
        "agencies[].scoped_on": "The date the agency was brought into scope",
        "agencies[].requested_on": "The date records, chronology and report were requested",
        "agencies[].due_on": "The date the agency's return is due",
        "agencies[].returned_on": "The date the agency returned, or empty",
        "agencies[].return_kind": "What the agency returned (chronology, agency report, nil return…), or empty",
        "panel": "The review panel members, for a loop",
        "panel[].name": "A panel member's name",
        "panel[].agency": "The agency the panel member represents",
        "panel[].role": "The panel member's role or job title",
        "meetings": "The panel meetings held so far, for a loop",
        "meetings[].number": "The meeting's number (1 for the first panel)",
        "meetings[].date": "The meeting's date",
        "next_meeting.number": "The next panel meeting's number, or empty when none is planned",
        "next_meeting.date": "The next panel meeting's date, or empty when none is planned",
        "terms_of_reference.agreed_on": "The date the panel agreed the terms of reference",
        "terms_of_reference.lines_of_enquiry": "The key lines of enquiry, for a loop",
        "terms_of_reference.lines_of_enquiry[]": "One key line of enquiry",
        "chronology": "Every entry of the combined chronology, in date order, for a table row loop",
        "key_events": "The chronology's key events only, for a table row loop",
        "recommendations": "The review's recommendations, for a loop",
        "recommendations[].number": "The recommendation's number",
        "recommendations[].text": "The recommendation",
        "recommendations[].scope": "Local, regional or national",
        "recommendations[].agency": "The agency the recommendation is for",
        "actions": "The action plan's actions, for a table row loop",
        "actions[].recommendation": "The recommendation the action answers",
        "actions[].scope": "Local, regional or national",
        "actions[].action": "The action to take",
        "actions[].lead_agency": "The lead agency",
        "actions[].milestones": "Key milestones achieved in enacting the recommendation",
        "actions[].target_date": "The target date",
        "actions[].completion": "Date of completion and outcome",
        "family.name": "The family contact's name (family letter only: a real name, personal data)",
        "family.address": "The family contact's postal address (family letter only: personal data)",
    }
    for table in ("chronology", "key_events"):
        fields |= {f"{table}[].{name}": text for name, text in chronology_row.items()}
    return fields


FIELDS: Mapping[str, str] = _fields()

# Where docxtpl looks for tags: the body, every header and footer, footnotes and these core properties.
_RENDERED_PARTS = (RELATIONSHIP_TYPE.HEADER, RELATIONSHIP_TYPE.FOOTER, RELATIONSHIP_TYPE.FOOTNOTES)
_RENDERED_PROPERTIES = ("author", "comments", "identifier", "language", "subject", "title")
# Filters that pick one item of a list (`(meetings|last).date`) or keep the list as it is (`agencies|sort`).
_ITEM_FILTERS = frozenset({"first", "last", "random"})
_LIST_FILTERS = frozenset({"sort", "reverse", "list", "unique", "selectattr", "rejectattr", "batch", "slice"})


def builtin_template(kind: str) -> bytes:
    """The template shipped with the application, read through the installed package so a wheel finds it too."""
    if kind not in KINDS:
        raise InputError(f"There is no template called '{kind}'; the templates are: {', '.join(KINDS)}.")
    return resource("templates", KINDS[kind].file_name).read_bytes()


def environment(strict: bool = False) -> Environment:
    """The one Jinja environment for parsing and rendering: autoescape on, so every value is text in the XML, and
    values made safe for Word (see `_finalize`). `strict` makes an unknown name an error instead of nothing."""
    if strict:
        return Environment(autoescape=True, finalize=_finalize, undefined=StrictUndefined)
    return Environment(autoescape=True, finalize=_finalize)


_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_LINE_BREAK = Markup('</w:t><w:br/><w:t xml:space="preserve">')
_TAB = Markup('</w:t><w:tab/><w:t xml:space="preserve">')


def _finalize(value: object) -> object:
    """Every value as Word text: line breaks and tabs become Word's own, and characters XML cannot hold (pasted
    from a spreadsheet, say) are dropped instead of making the document unreadable."""
    if not isinstance(value, str) or isinstance(value, Markup) or value.isprintable():
        return value
    text = _NOT_XML.sub("", value.replace("\r\n", "\n").replace("\r", "\n"))
    if "\n" not in text and "\t" not in text:
        return text
    return _LINE_BREAK.join(_TAB.join(line.split("\t")) for line in text.split("\n"))


def template_fields(source: bytes, name: str = "template") -> list[str]:
    """The dotted field names a template uses, sorted: `case.reference`, `chronology[].event` for `row.event`
    inside `{%tr for row in chronology %}`. Loop counters (`loop.last`) and names the template sets itself are not
    fields."""
    found: set[str] = set()
    env = environment()
    for part, text in _template_texts(source, name):
        _collect(_parse(env, text, name, part), {}, found, frozenset(env.globals))
    return sorted(found)


def check_template(source: bytes, name: str) -> list[str]:
    """The fields a template uses that the application does not provide (empty when the template is good).

    A file that is not a Word document, or whose tags are not valid, raises InputError naming the file and the
    problem, because rendering it would fail in front of a coordinator later.
    """
    return [field for field in template_fields(source, name) if field not in FIELDS]


def render(kind: str, context: Mapping[str, object], source: bytes | None = None) -> bytes:
    """The draft as .docx bytes: `source` (an administrator's own template) or the built-in template, rendered with
    every value escaped.

    Table row loops over a list in the context (`{%tr for row in chronology %}`) are rendered apart from the rest
    and spliced into the saved file (`_take_row_loops`): docxtpl alone re-parses and moves every rendered row, which
    for a 5,000-row chronology takes most of the time. The output is the same either way.
    """
    name = KINDS[kind].file_name if source is None else f"the {kind} template"
    blob = builtin_template(kind) if source is None else _checked_word(source, name)
    values = dict(context)
    try:
        try:
            template = DocxTemplate(io.BytesIO(blob))
            loops = _take_row_loops(template, values)
            rows = {loop.marker: loop.template.render(values) for loop in loops}
        except UndefinedError:
            # A row loop that uses a name from around it (an enclosing paragraph loop): leave it all to docxtpl.
            template, rows = DocxTemplate(io.BytesIO(blob)), {}
        template.render(values, jinja_env=environment(), autoescape=True)
    except TemplateError as exc:
        raise InputError(f"{name} could not be filled in: {_problem(exc)}.") from None
    except _DAMAGED:
        raise _not_word(name) from None
    out = io.BytesIO()
    template.save(out)
    return _splice_rows(out.getvalue(), rows, name) if rows else out.getvalue()


# ---- fast table row loops ----------------------------------------------------------------------------------

_ROW_LOOP_START = re.compile(r"\{%tr\s+for\s+[A-Za-z_]\w*\s+in\s+([A-Za-z_]\w*)\s*%\}")
_ANY_ROW_LOOP_START = re.compile(r"\{%tr\s+for\b")
_ROW_LOOP_END = re.compile(r"\{%tr\s+endfor\s*%\}")
_NAMESPACE = re.compile(r'\sxmlns:(\w+)="([^"]*)"')


@dataclass(frozen=True)
class _RowLoop:
    """A row loop taken out of the template: a marker row stands in its place until the rows are spliced in."""

    marker: str
    template: Template


def _take_row_loops(template: DocxTemplate, context: Mapping[str, object]) -> list[_RowLoop]:
    """Replace each row loop over a top-level list of the context, in the body's tables, with a marker row, and
    compile the loop's rows (docxtpl's own clean-up, then Jinja) to render on their own."""
    template.init_docx()
    root = template.docx.element
    strict = environment(strict=True)
    loops = []
    for table in root.body.findall(qn("w:tbl")):
        rows = table.findall(qn("w:tr"))
        index = 0
        while index < len(rows):
            start = _ROW_LOOP_START.fullmatch(_row_text(rows[index]).strip())
            end = _loop_end(rows, index) if start and isinstance(context.get(start[1]), list) else None
            if end is None:
                index += 1
                continue
            marker = f"DHR-ROWS-{secrets.token_hex(12)}"  # random: no value in the case can contain it
            xml = "".join(_without_root_namespaces(row, root.nsmap) for row in rows[index:end + 1])
            loops.append(_RowLoop(marker, strict.from_string(template.patch_xml(xml))))
            placeholder = copy.deepcopy(rows[index])
            texts = list(placeholder.iter(qn("w:t")))
            for text in texts:
                text.text = ""
            texts[0].text = marker
            rows[index].addprevious(placeholder)
            for row in rows[index:end + 1]:
                table.remove(row)
            index = end + 1
    return loops


def _row_text(row: etree._Element) -> str:
    return "".join(text.text or "" for text in row.iter(qn("w:t")))


def _loop_end(rows: list[etree._Element], start: int) -> int | None:
    depth = 0
    for index in range(start, len(rows)):
        text = _row_text(rows[index])
        if _ANY_ROW_LOOP_START.search(text):
            depth += 1
        elif _ROW_LOOP_END.search(text):
            depth -= 1
            if depth == 0:
                return index
    return None


def _without_root_namespaces(row: etree._Element, declared: Mapping[str | None, str]) -> str:
    """The row's XML without the namespace declarations lxml repeats on it, which the document root already makes:
    30 declarations on each of 5,000 rows would double the file."""
    xml = etree.tostring(row, encoding="unicode")
    head, rest = xml.split(">", 1)
    head = _NAMESPACE.sub(lambda m: "" if declared.get(m[1]) == m[2] else m[0], head)
    return f"{head}>{rest}"


def _splice_rows(blob: bytes, rows: Mapping[str, str], name: str) -> bytes:
    """Put the rendered rows in place of their marker rows in word/document.xml, after checking they are XML."""
    rows = {marker: _unescape_braces(xml) for marker, xml in rows.items()}
    with zipfile.ZipFile(io.BytesIO(blob)) as archive:
        members = [(info, archive.read(info)) for info in archive.infolist()]
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info, data in members:
            if info.filename == "word/document.xml":
                data = _spliced_document(data.decode("utf-8"), rows, name).encode("utf-8")
            target.writestr(info, data, zipfile.ZIP_DEFLATED)
    return out.getvalue()


def _unescape_braces(xml: str) -> str:
    """docxtpl's way of writing a literal {{ or {% in a template ({_{ and {_%), undone after rendering as it does."""
    return xml.replace("{_{", "{{").replace("}_}", "}}").replace("{_%", "{%").replace("%_}", "%}")


def _spliced_document(xml: str, rows: Mapping[str, str], name: str) -> str:
    """One pass over the (small) rendered document: each marker row, however often an enclosing loop repeated it,
    becomes its rendered rows."""
    declarations = xml[xml.index("<w:document"):].split(">", 1)[0].removeprefix("<w:document")
    for rendered in rows.values():
        try:
            etree.fromstring(f"<w:tbl {declarations}>{rendered}</w:tbl>", etree.XMLParser(huge_tree=True))
        except etree.XMLSyntaxError:
            raise InputError(f"{name} has a table row loop whose rows do not make a valid table; check that each "
                             "{%tr … %} tag is on a table row of its own.") from None
    parts = []
    position = 0
    for match in re.finditer("|".join(rows), xml):
        start = max(xml.rfind("<w:tr>", position, match.start()), xml.rfind("<w:tr ", position, match.start()))
        parts += [xml[position:start], rows[match[0]]]
        position = xml.index("</w:tr>", match.end()) + len("</w:tr>")
    parts.append(xml[position:])
    return "".join(parts)


# ---- reading a template ------------------------------------------------------------------------------------

# What python-docx raises, besides its own errors, for a package whose parts are missing or malformed.
_DAMAGED = (zipfile.BadZipFile, PackageNotFoundError, KeyError, ValueError, AttributeError, etree.XMLSyntaxError)
_WORD_CONTENT_TYPE = b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"


def _problem(exc: TemplateError) -> str:
    return (exc.message or type(exc).__name__).rstrip(".")


def _not_word(name: str) -> InputError:
    return InputError(f"{name} is not a Word document (.docx). Save the template from Word as a "
                      "'Word Document (*.docx)' and try again.")


def _checked_word(source: bytes, name: str) -> bytes:
    """The file, if it is a Word document of a sane size, decided by its content, not its name, and passes the
    hostile-file checks (a template comes from outside the application)."""
    if len(source) > MAX_TEMPLATE_BYTES:
        raise InputError(f"{name} is {len(source) // (1024 * 1024)} MB; a Word template is far smaller than "
                         f"{MAX_TEMPLATE_BYTES // (1024 * 1024)} MB. Choose the template file itself.")
    try:
        with zipfile.ZipFile(io.BytesIO(source)) as archive:
            if _WORD_CONTENT_TYPE not in archive.read("[Content_Types].xml"):
                raise _not_word(name)
            check_zip(name, archive, FileKind.DOCX, "whoever made the template")
    except (zipfile.BadZipFile, KeyError):
        raise _not_word(name) from None
    return source


def _open_word(source: bytes, name: str) -> WordDocument:
    try:
        return docx.Document(io.BytesIO(_checked_word(source, name)))
    except _DAMAGED:
        raise _not_word(name) from None


def _template_texts(source: bytes, name: str) -> Iterator[tuple[str, str]]:
    """(where, Jinja source) for every place docxtpl renders, after docxtpl's own clean-up of Word's XML."""
    document = _open_word(source, name)
    patcher = DocxTemplate(io.BytesIO(b""))
    yield "the main text", patcher.patch_xml(etree.tostring(document.element.body, encoding="unicode"))
    for rel in document.part.rels.values():
        if rel.reltype in _RENDERED_PARTS and not rel.is_external:
            where = {RELATIONSHIP_TYPE.HEADER: "a header", RELATIONSHIP_TYPE.FOOTER: "a footer"}.get(
                rel.reltype, "the footnotes")
            yield where, patcher.patch_xml(rel.target_part.blob.decode("utf-8"))
    for prop in _RENDERED_PROPERTIES:
        yield f"the document property '{prop}'", getattr(document.core_properties, prop) or ""


def _parse(env: Environment, text: str, name: str, where: str) -> nodes.Template:
    """Parse and compile, so that an unknown filter is found now rather than while a coordinator waits."""
    try:
        tree = env.parse(text)
        env.compile(tree)
    except TemplateSyntaxError as exc:
        raise InputError(f"{name} has a template tag that does not work, in {where}: {_problem(exc)}. "
                         "Check that every {{ … }} and {% … %} is complete and every {% for %} or {% if %} has "
                         "its {% endfor %} or {% endif %}.") from None
    return tree


# ---- fields from the Jinja syntax tree ---------------------------------------------------------------------

# A scope maps a name the template bound ({% for row in chronology %}, {% set %}) to the field path it stands
# for, or to None when it stands for no field (a loop counter, a tuple unpacked from items()).
Scope = dict[str, str | None]


def _collect(node: nodes.Node, scope: Scope, found: set[str], builtins: frozenset[str]) -> None:
    if isinstance(node, nodes.For):
        _collect(node.iter, scope, found, builtins)
        base = _path(node.iter, scope, builtins)
        inner: Scope = {**scope, "loop": None, **{target.name: None for target in node.target.find_all(nodes.Name)}}
        if isinstance(node.target, nodes.Name):
            inner[node.target.name] = f"{base}[]" if base else None
        for child in [*node.body, *([node.test] if node.test else [])]:
            _collect(child, inner, found, builtins)
        for child in node.else_:
            _collect(child, scope, found, builtins)
        return
    if isinstance(node, nodes.Assign):
        _collect(node.node, scope, found, builtins)
        scope.update({target.name: None for target in node.target.find_all(nodes.Name)})
        if isinstance(node.target, nodes.Name):
            scope[node.target.name] = _path(node.node, scope, builtins)
        return
    if isinstance(node, nodes.Macro | nodes.CallBlock):
        local = {**scope, **{arg.name: None for arg in node.args}, "caller": None, "varargs": None, "kwargs": None}
        for child in node.iter_child_nodes(exclude=("args",)):
            _collect(child, local, found, builtins)
        return
    if isinstance(node, nodes.Call) and isinstance(node.node, nodes.Getattr):
        # A method call such as `case.reference.upper()` uses the field, not a field called "upper".
        for child in (node.node.node, *node.args, *node.kwargs):
            _collect(child, scope, found, builtins)
        return
    if isinstance(node, nodes.Name | nodes.Getattr | nodes.Getitem | nodes.Filter):
        path = _path(node, scope, builtins)
        if path:
            # `agencies|first` on its own uses the list; `(agencies|first).name` uses agencies[].name.
            found.add(path.removesuffix("[]") if isinstance(node, nodes.Filter) else path)
            for child in _side_expressions(node):
                _collect(child, scope, found, builtins)
            return
    for child in node.iter_child_nodes():
        _collect(child, scope, found, builtins)


def _path(node: nodes.Node, scope: Scope, builtins: frozenset[str]) -> str | None:
    """The field path an expression reads, or None when it reads no field (a local name, a calculation)."""
    if isinstance(node, nodes.Name):
        if node.name in scope:
            return scope[node.name]
        return None if node.name in builtins else node.name
    if isinstance(node, nodes.Getattr):
        base = _path(node.node, scope, builtins)
        return f"{base}.{node.attr}" if base else None
    if isinstance(node, nodes.Getitem):
        base = _path(node.node, scope, builtins)
        if not base:
            return None
        if isinstance(node.arg, nodes.Const) and isinstance(node.arg.value, str):
            return f"{base}.{node.arg.value}"
        return f"{base}[]" if not isinstance(node.arg, nodes.Slice) else base
    if isinstance(node, nodes.Filter) and node.node is not None:
        base = _path(node.node, scope, builtins)
        if base and node.name in _ITEM_FILTERS:
            return f"{base}[]"
        if base and node.name in _LIST_FILTERS:
            return base
    return None


def _side_expressions(node: nodes.Node) -> Iterator[nodes.Node]:
    """The parts of a field path that are expressions of their own: an index, a filter's arguments."""
    if isinstance(node, nodes.Getitem):
        if not isinstance(node.arg, nodes.Const):
            yield node.arg
        yield from _side_expressions(node.node)
    elif isinstance(node, nodes.Getattr):
        yield from _side_expressions(node.node)
    elif isinstance(node, nodes.Filter):
        yield from (*node.args, *node.kwargs)
        if node.node is not None:
            yield from _side_expressions(node.node)
