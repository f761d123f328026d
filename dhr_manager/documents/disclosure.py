"""The disclosure check: find every real name, address and date of birth held on the case anywhere in a Word file.

A review report is circulated under pseudonyms, so before any export meant for circulation the whole .docx is
searched, not only the visible body: headers and footers, footnotes, comments, text boxes, tracked deletions, field
codes, document properties and every other XML part travel with the file and can be read by anyone who gets it.
The result says what was found (the term's label, such as "the victim's real name") and where, never the value.

Matching is deliberately generous, because a missed name is a breach and a false alarm costs a minute:
- text is compared after Unicode normalisation (NFKC) and case folding, with typographic apostrophes and dashes
  made plain, so "ZOË O\u2019TESTPERSON" (curly apostrophe) matches "Zoë O'Testperson";
- a name matches on any of its parts of two letters or more, on word boundaries ("Ann" finds "ANN," but not
  "Annual" or "planning");
- an address matches on any of its lines (split at commas, semicolons and line breaks) and its postcode, ignoring
  whitespace, so "ZZ99ZZ" finds "ZZ9 9ZZ";
- a date of birth matches in the renderings people type: 03/04/1980, 3.4.80, 3 April 1980, 3rd of Apr 1980,
  April 3, 1980, 1980-04-03 and the like.
A name or address that is found whole is always found through its parts, so only the parts are searched. The text
of a paragraph is joined across its runs before matching, because Word splits words between runs routinely.
"""

import datetime as dt
import itertools
import posixpath
import re
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from enum import Enum

from lxml import etree

from dhr_manager.documents.safe_docx import FileKind, parse_xml, rendered_docx_parts


class TermKind(Enum):
    NAME = "name"
    ADDRESS = "address"
    DATE_OF_BIRTH = "date of birth"


@dataclass(frozen=True)
class Term:
    """One real value that must not appear in a circulated document.

    `text` is the decrypted value and is kept out of repr so it cannot reach a log or a traceback; `label` is what it
    is, safe to show ("the victim's real name"). A date of birth is given as YYYY-MM-DD.
    """

    text: str = field(repr=False)
    label: str
    kind: TermKind


@dataclass(frozen=True)
class Hit:
    """A term found in the document: its label and the place it was found, such as "footer (section 2)"."""

    label: str
    place: str


_W_NAMESPACES = (
    "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    # Word's "Strict Open XML" format uses its own namespace; a check that ignored it would pass such files unread.
    "http://purl.oclc.org/ooxml/wordprocessingml/main",
)
_R_NAMESPACES = (
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "http://purl.oclc.org/ooxml/officeDocument/relationships",
)
_RELATIONSHIPS = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
_CORE = "http://schemas.openxmlformats.org/package/2006/metadata/core-properties"
_APP = (
    "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties",
    "http://purl.oclc.org/ooxml/officeDocument/extendedProperties",
)
_CUSTOM = (
    "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties",
    "http://purl.oclc.org/ooxml/officeDocument/customProperties",
)


def _w(*names: str) -> tuple[str, ...]:
    return tuple(f"{{{namespace}}}{name}" for name in names for namespace in _W_NAMESPACES)


_P, _TBL, _TXBX, _SECT_PR, _SECT_PR_CHANGE = map(_w, ("p", "tbl", "txbxContent", "sectPr", "sectPrChange"))
# Run content: what a separator adds to the shown text, and whether text is shown (0), a tracked deletion (1) or a
# field code (2). A line break starts a new line, and no term is matched across lines.
_SEPARATORS = {tag: " " for tag in _w("tab", "ptab")} | {tag: "\n" for tag in _w("br", "cr")} | dict.fromkeys(
    _w("noBreakHyphen"), "-"
)
_RUN_TEXT = {tag: 0 for tag in _w("t")} | {tag: 1 for tag in _w("delText", "delInstrText")} | {
    tag: 2 for tag in _w("instrText")
}
# Equations (m:t) and drawings (a:t) keep text in elements named t of their own. Pictures keep their description
# ("alt text") in attributes of docPr or cNvPr, old-style (VML) shapes in attributes of their own elements.
_ALT_TEXT_CARRIERS = ("{*}docPr", "{*}cNvPr", "{urn:schemas-microsoft-com:vml}*")
_ALT_TEXT_ATTRIBUTES = frozenset({"descr", "title", "alt"})
# Attributes holding free text that is not on the page: who made each change or comment, link tooltips, bookmark
# names, field instructions, content control titles and form field entries. Other attributes of a story are
# formatting (fonts, style names) and are not searched: a font called "Shruti" is not a person.
_HIDDEN_TEXT_ATTRIBUTES = {
    tag: frozenset(names)
    for elements, names in (
        (("ins", "del", "moveFrom", "moveTo", "rPrChange", "pPrChange", "sectPrChange", "tblPrChange",
          "trPrChange", "tcPrChange", "numberingChange"), ("author",)),
        (("comment",), ("author", "initials")),
        (("hyperlink",), ("tooltip", "anchor")),
        (("bookmarkStart",), ("name",)),
        (("fldSimple",), ("instr",)),
        (("alias", "tag", "name", "default", "helpText", "statusText", "listEntry"), ("val",)),
    )
    for tag in _w(*elements)
}
_WALKED = (*_P, *_TBL, *_TXBX, *_SEPARATORS, *_RUN_TEXT, *_HIDDEN_TEXT_ATTRIBUTES, "{*}t", *_ALT_TEXT_CARRIERS)
_P_SET, _TBL_SET, _TXBX_SET = map(frozenset, (_P, _TBL, _TXBX))
_STORY_LABELS = {"document": "body", "footnotes": "footnotes", "endnotes": "endnotes", "comments": "comments",
                 "glossaryDocument": "building blocks (glossary)"}
_STORY_ROOTS = {tag: label for name, label in _STORY_LABELS.items() for tag in _w(name)}
_HEADER_FOOTER_ROOTS = _w("hdr", "ftr")
_HEADER_FOOTER_KINDS = {
    (f"{part}Reference", kind): f"{prefix}{part}"
    for part in ("header", "footer")
    for kind, prefix in (("default", ""), ("first", "first-page "), ("even", "even-page "))
}
# Every attribute value of a part outside the stories: document variables in the settings, reviewers' names, data
# behind content controls. Parts that only describe formatting are left out: their attributes are font and style
# names, so only their text is searched.
_ATTRIBUTES = etree.XPath("descendant-or-self::*/@*", smart_strings=False)
_FORMATTING_ROOTS = frozenset({"styles", "numbering", "fonts", "theme", "webSettings"})

_CORE_NAMES = {"creator": "author", "lastModifiedBy": "last modified by", "contentStatus": "status",
               "lastPrinted": "last printed"}
_APP_NAMES = {"Company": "company", "Manager": "manager", "HyperlinkBase": "hyperlink base", "Template": "template",
              "TitlesOfParts": "titles of parts", "HeadingPairs": "heading pairs"}
_PART_LABELS = {"word/settings.xml": "document settings", "word/people.xml": "list of reviewers",
                "word/styles.xml": "styles", "word/numbering.xml": "numbering", "word/fontTable.xml": "fonts"}
# Places a reader of the printed page sees; anything else travels with the file unseen, and describe() says how to
# find it.
_ON_THE_PAGE = re.compile(
    r"((table|text box) in )?(body|footnotes|endnotes|((first|even)-page )?(header|footer) \(section \d+\))"
)

_PLAIN = str.maketrans({"\u2018": "'", "\u2019": "'", "\u02bc": "'", "\u2032": "'", "\u2010": "-", "\u2011": "-",
                        "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2212": "-", "\u00ad": None})
_POSTCODE = re.compile(r"(?<!\w)[a-z]{1,2}\d[a-z\d]?\s*\d[a-z]{2}(?!\w)")
# A title or suffix typed into the name field is not part of the name, and would match every "Mrs" in a report.
_TITLES = frozenset({"mr", "mrs", "ms", "miss", "mx", "dr", "prof", "rev", "sir", "dame", "lady", "lord", "jr", "jnr",
                     "sr", "snr"})
_COUNTRIES = frozenset({"uk", "united kingdom", "great britain", "england", "wales", "scotland", "northern ireland"})
_MONTHS = (("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",), ("june", "jun"),
           ("july", "jul"), ("august", "aug"), ("september", "sept", "sep"), ("october", "oct"), ("november", "nov"),
           ("december", "dec"))
_ORDINALS = {1: "st", 2: "nd", 3: "rd"}
_NUMBER_SEPARATOR = r"[/.\-]"


def scan_docx(data: bytes, terms: Sequence[Term], name: str = "The document") -> list[Hit]:
    """Every (label, place) where a term appears in the Word file `data`, each once, in the order found.

    `data` is a draft this application rendered (a local template from outside passed the hostile-file checks
    when it was rendered); `name` starts any refusal message.
    """
    parts = rendered_docx_parts(name, data)
    matchers = _matchers(terms)
    if not matchers:
        return []
    trees = {part: parse_xml(name, content, FileKind.DOCX) for part, content in parts.items()}
    found: dict[Hit, None] = {}
    for place, pieces in _places(trees).items():
        text = _fold("".join(pieces))
        for matcher in matchers:
            for label in matcher.labels_in(text):
                found.setdefault(Hit(label, _safe_place(place, matchers)), None)
    return list(found)


class TextScanner:
    """The same check for short plain texts that leave the workspace outside a Word file (calendar entries):
    `labels_in(text)` names each term found, never its value. Built once per set of terms, used for many texts."""

    def __init__(self, terms: Sequence[Term]) -> None:
        self._matchers = _matchers(terms)

    def labels_in(self, text: str) -> list[str]:
        folded = _fold(text)
        return [label for matcher in self._matchers for label in matcher.labels_in(folded)]


def describe(hits: Sequence[Hit]) -> str:
    """A message for the coordinator listing, for each label, every place it was found; never the values."""
    if not hits:
        return "No real names, addresses or dates of birth of people in this review were found in the document."
    places: dict[str, list[str]] = {}
    for hit in hits:
        places.setdefault(hit.label, []).append(hit.place)
    lines = ["The document contains real details of people in this review:"]
    lines += [f"- {label}: found in {'; '.join(where)}" for label, where in places.items()]
    if not all(_ON_THE_PAGE.fullmatch(hit.place) for hit in hits):
        lines.append(
            "Some of these places are not on the printed page but travel with the file (tracked deletions, "
            "comments, field codes, document properties, hidden details). In Word, accept or reject all changes, "
            "delete comments, and use File > Info > Check for Issues > Inspect Document to find the rest."
        )
    return "\n".join(lines)


# --- matching ----------------------------------------------------------------------------------------------------
#
# A term becomes alternatives, each a list of regex atoms: a one-character atom is that literal character, a longer
# one is a pattern for the separators between words or date fields (whitespace, "/", "of"...).


@dataclass(frozen=True)
class _Matcher:
    """Finds the terms of one kind in a text with one pass of a single regular expression, however many terms.

    `anchors` holds the longest literal stretch of every alternative (a name part, an address's longest word, a
    date's year or month), so the engine can skip almost all of a document on its first character; only the lines
    holding an anchor are searched by `finder`, which holds every alternative exactly, with word boundaries. It is
    a lookahead, so an alternative starting inside another's match (a postcode inside an address line) is still
    seen. Each distinct match is then checked against each term's own pattern, crediting every term it contains:
    two people at one address, or a name part inside a longer one.
    """

    anchors: re.Pattern[str]
    finder: re.Pattern[str]
    terms: tuple[tuple[re.Pattern[str], str], ...]

    def labels_in(self, text: str) -> list[str]:
        lines = {(text.rfind("\n", 0, anchor.start()) + 1, _line_end(text, anchor.end()))
                 for anchor in self.anchors.finditer(text)}
        matched = {match.group(1) for start, end in lines for match in self.finder.finditer(text, start, end)}
        return list(dict.fromkeys(label for pattern, label in self.terms if any(map(pattern.search, matched))))


def _line_end(text: str, at: int) -> int:
    end = text.find("\n", at)
    return len(text) if end == -1 else end


def _matchers(terms: Sequence[Term]) -> list[_Matcher]:
    return [matcher for matcher in (_matcher(terms, kind) for kind in TermKind) if matcher is not None]


def _matcher(terms: Sequence[Term], kind: TermKind) -> _Matcher | None:
    """One matcher for the terms of a kind, or None when the case holds none of that kind."""
    everything: list[list[str]] = []
    each: list[tuple[re.Pattern[str], str]] = []
    for term in terms:
        if term.kind is kind and (alternatives := list(_alternatives(term))):
            everything += alternatives
            each.append((re.compile(rf"(?<!\w)(?:{_prefix_tree(alternatives)})(?!\w)"), term.label))
    if not each:
        return None
    return _Matcher(
        anchors=re.compile(_prefix_tree([list(_anchor(atoms)) for atoms in everything])),
        finder=re.compile(rf"(?=(?<!\w)({_prefix_tree(everything)})(?!\w))"),
        terms=tuple(each),
    )


def _anchor(atoms: list[str]) -> str:
    """The longest run of literal characters (the later one of equal runs: a date's year rather than its day)."""
    runs = ["".join(group) for literal, group in itertools.groupby(atoms, key=lambda atom: len(atom) == 1) if literal]
    return max(reversed(runs), key=len)


def _prefix_tree(alternatives: list[list[str]]) -> str:
    """An alternation with shared prefixes factored out: "ann|anna|bo" becomes "(?:ann(?:a)?|bo)".

    Every alternative starts with a literal character, so the regex engine tests each position against a set of
    first characters instead of trying every alternative in turn.
    """
    tree: dict[str, dict] = {}
    for atoms in alternatives:
        node = tree
        for atom in atoms:
            node = node.setdefault(atom, {})
        node[""] = {}
    return _tree_regex(tree)


def _tree_regex(node: dict[str, dict]) -> str:
    pieces = []
    # A stretch without branches (most of a long address line) is written out in a loop, not by recursion.
    while len(node) == 1 and "" not in node:
        atom, node = next(iter(node.items()))
        pieces.append(_atom_regex(atom))
    branches = [_atom_regex(atom) + _tree_regex(child) for atom, child in sorted(node.items()) if atom]
    if branches:
        body = branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"
        pieces.append(f"(?:{body})?" if "" in node else body)
    return "".join(pieces)


def _atom_regex(atom: str) -> str:
    return re.escape(atom) if len(atom) == 1 else atom


def _alternatives(term: Term) -> Iterator[list[str]]:
    """What to look for: each name part, each address line and postcode, each rendering of a date of birth."""
    match term.kind:
        case TermKind.NAME:
            for part in re.split(r"[\s\-]+", _fold(term.text)):
                part = _trim(part)
                if sum(char.isalpha() for char in part) >= 2 and part not in _TITLES:
                    yield list(part)
        case TermKind.ADDRESS:
            folded = _fold(term.text)
            lines = [" ".join(_trim(line).split()) for line in re.split(r"[,;\n\r]+", folded)]
            lines += [" ".join(code.split()) for code in _POSTCODE.findall(folded)]
            for line in dict.fromkeys(lines):
                if sum(char.isalpha() for char in line) >= 2 and line not in _COUNTRIES:
                    yield [r"\s*" if char == " " else char for char in line]
        case TermKind.DATE_OF_BIRTH:
            try:
                born = dt.date.fromisoformat(term.text.strip())
            except ValueError:
                raise ValueError(f"{term.label}: a date of birth must be given as YYYY-MM-DD") from None
            yield from _date_renderings(born)


def _date_renderings(born: dt.date) -> Iterator[list[str]]:
    """The ways people in the UK write a date: 03/04/1980, 3.4.80, 3rd of April 1980, Apr 3, 1980, 1980-04-03."""
    days = dict.fromkeys((str(born.day), f"{born.day:02d}"))
    months = dict.fromkeys((str(born.month), f"{born.month:02d}"))
    years = (str(born.year), f"{born.year % 100:02d}")
    suffixes = ("", "th" if 11 <= born.day <= 13 else _ORDINALS.get(born.day % 10, "th"))
    for day, month in itertools.product(days, months):
        for year in years:
            yield [*day, _NUMBER_SEPARATOR, *month, _NUMBER_SEPARATOR, *year]
        yield [*years[0], _NUMBER_SEPARATOR, *month, _NUMBER_SEPARATOR, *day]
    for day, suffix, name in itertools.product(days, suffixes, _MONTHS[born.month - 1]):
        for year in years:
            yield [*day, *suffix, r"[\s\-/.]*(?:of\s+)?", *name, r"\.?[\s\-/.,]*", *year]
        yield [*name, r"\.?\s*", *day, *suffix, r",?\s*", *years[0]]


def _fold(text: str) -> str:
    """The form both sides are compared in: NFKC, case-folded, with typographic apostrophes and dashes made plain."""
    return unicodedata.normalize("NFKC", text).casefold().translate(_PLAIN)


def _trim(text: str) -> str:
    """Drop punctuation around a word or line ("(Ann)", "Row.") so its ends are letters or digits."""
    return re.sub(r"^[\W_]+|[\W_]+$", "", text)


def _safe_place(place: str, matchers: list[_Matcher]) -> str:
    """A place named from the file itself (a custom property, a part) may contain a term: then it is not named."""
    if any(matcher.labels_in(_fold(place)) for matcher in matchers):
        return "a place in the file whose own name contains case details"
    return place


# --- where the text is -------------------------------------------------------------------------------------------
#
# Text is gathered as pieces per place; paragraphs and other units are ended with "\n", so a term is never matched
# across two of them.


def _places(trees: dict[str, etree._Element]) -> dict[str, list[str]]:
    """All text of the package by the place a coordinator would look for it, parts in reading order."""
    labels = _header_footer_labels(trees)
    places: dict[str, list[str]] = {}
    for part in sorted(trees, key=lambda part: _part_order(part, trees[part], labels)):
        _part_texts(part, trees[part], labels, trees, places)
    return places


def _add(places: dict[str, list[str]], place: str, text: str) -> None:
    if text.strip():
        places.setdefault(place, []).extend((text, "\n"))


def _part_order(part: str, root: etree._Element, labels: dict[str, tuple[int, str]]) -> tuple[int, int, str]:
    if root.tag in _w("document"):
        return 0, 0, part
    if part in labels:
        return 1, labels[part][0], part
    if root.tag in _STORY_ROOTS or root.tag in _HEADER_FOOTER_ROOTS:
        return 2, 0, part
    return (4 if part.startswith("docProps/") else 3), 0, part


def _part_texts(
    part: str,
    root: etree._Element,
    labels: dict[str, tuple[int, str]],
    trees: dict[str, etree._Element],
    places: dict[str, list[str]],
) -> None:
    namespace = etree.QName(root).namespace
    if root.tag in _STORY_ROOTS or root.tag in _HEADER_FOOTER_ROOTS:
        _story_texts(root, _label_of(part, root, labels), places)
    elif namespace == _CORE or namespace in _APP:
        names = _CORE_NAMES if namespace == _CORE else _APP_NAMES
        for child in root:
            local = etree.QName(child).localname
            _add(places, f"document properties: {names.get(local, local)}", "\n".join(child.itertext()))
    elif namespace in _CUSTOM:
        for prop in root:
            prop_name = prop.get("name", "")
            _add(places, "document properties: names of custom properties", prop_name)
            _add(places, f"document properties: {prop_name or 'unnamed custom property'}", "\n".join(prop.itertext()))
    elif root.tag == _RELATIONSHIPS + "s":
        source = _rels_source(part)
        where = _label_of(source, trees.get(source), labels) if source else "the file"
        _add(places, f"links and references in {where}", "\n".join(rel.get("Target", "") for rel in root))
    else:
        label = _label_of(part, root, labels)
        _add(places, label, "\n".join(root.itertext()))
        if etree.QName(root).localname not in _FORMATTING_ROOTS:
            _add(places, f"hidden details in {label}", "\n".join(set(_ATTRIBUTES(root))))


def _story_texts(root: etree._Element, label: str, places: dict[str, list[str]]) -> None:
    """The paragraphs of a story (body, header, notes, comments) by place, each joined across its runs.

    One walk over the tree with start and end events: a text box sits inside a paragraph, so paragraphs nest, and
    a table or text box is only known to be over at its end tag. Each place keeps its own buffers, so the text of
    a paragraph around a text box stays together while the box's text goes to "text box in ...".
    """
    in_box, in_table = f"text box in {label}", f"table in {label}"
    buffers = {place: ([], [], []) for place in (label, in_table, in_box)}  # shown, deleted, field codes
    # Text outside any paragraph is not valid WordprocessingML, but it is still read, as the story's own.
    open_paragraphs: list[tuple[list[str], list[str], list[str]]] = [buffers[label]]
    alt_texts: set[str] = set()
    hidden: set[str] = set()
    tables = boxes = 0
    for event, node in etree.iterwalk(root, events=("start", "end"), tag=_WALKED):
        tag = node.tag
        if event == "end":
            if tag in _P_SET:
                for buffer in open_paragraphs.pop():
                    buffer.append("\n")
            elif tag in _TBL_SET:
                tables -= 1
            elif tag in _TXBX_SET:
                boxes -= 1
        elif tag in _RUN_TEXT:
            open_paragraphs[-1][_RUN_TEXT[tag]].append(node.text or "")
        elif tag in _P_SET:
            open_paragraphs.append(buffers[in_box if boxes else in_table if tables else label])
        elif tag in _TBL_SET:
            tables += 1
        elif tag in _TXBX_SET:
            boxes += 1
        elif tag in _SEPARATORS:
            open_paragraphs[-1][0].append(_SEPARATORS[tag])
        elif tag in _HIDDEN_TEXT_ATTRIBUTES:
            hidden.update(_attribute_values(node, _HIDDEN_TEXT_ATTRIBUTES[tag]))
        elif tag.endswith("}t"):  # equation and drawing text
            open_paragraphs[-1][0].append(node.text or "")
        else:
            alt_texts.update(_attribute_values(node, _ALT_TEXT_ATTRIBUTES))
    for place, (shown, deleted, codes) in buffers.items():
        _add(places, place, "".join(shown))
        _add(places, f"tracked deletion in {place}", "".join(deleted))
        _add(places, f"field code in {place}", "".join(codes))
    _add(places, f"picture description (alt text) in {label}", "\n".join(alt_texts))
    _add(places, f"hidden details in {label}", "\n".join(hidden))


def _attribute_values(element: etree._Element, names: frozenset[str]) -> Iterator[str]:
    return (value for key, value in element.items() if etree.QName(key).localname in names)


def _header_footer_labels(trees: dict[str, etree._Element]) -> dict[str, tuple[int, str]]:
    """Header and footer parts by the first section that uses them: "first-page header (section 2)"."""
    main = next((part for part, root in trees.items() if root.tag in _w("document")), None)
    if main is None:
        return {}
    targets = _relationship_targets(main, trees.get(_rels_path(main)))
    labels: dict[str, tuple[int, str]] = {}
    # A section's properties also appear, as they were, inside a tracked change to them; those are not sections.
    sections = [s for s in trees[main].iter(*_SECT_PR) if s.getparent().tag not in _SECT_PR_CHANGE]
    for number, section in enumerate(sections, start=1):
        for reference in section:
            local = etree.QName(reference).localname
            kind = _HEADER_FOOTER_KINDS.get((local, _attribute(reference, _W_NAMESPACES, "type") or "default"))
            target = targets.get(_attribute(reference, _R_NAMESPACES, "id") or "")
            if kind and target and target not in labels:
                labels[target] = (number, f"{kind} (section {number})")
    return labels


def _attribute(element: etree._Element, namespaces: tuple[str, ...], name: str) -> str | None:
    return next((value for ns in namespaces if (value := element.get(f"{{{ns}}}{name}")) is not None), None)


def _relationship_targets(source: str, rels: etree._Element | None) -> dict[str, str]:
    if rels is None:
        return {}
    base = posixpath.dirname(source)
    targets = {}
    for rel in rels.iter(_RELATIONSHIPS):
        target = rel.get("Target", "")
        if rel.get("TargetMode") != "External":
            targets[rel.get("Id", "")] = target[1:] if target.startswith("/") else posixpath.normpath(
                posixpath.join(base, target)
            )
    return targets


def _rels_path(part: str) -> str:
    folder, file = posixpath.split(part)
    return posixpath.join(folder, "_rels", f"{file}.rels")


def _rels_source(rels: str) -> str:
    """The part a relationships part belongs to ("" for the package's own _rels/.rels)."""
    folder, file = posixpath.split(rels)
    return posixpath.join(posixpath.dirname(folder), file.removesuffix(".rels")).lstrip("/")


def _label_of(part: str, root: etree._Element | None, labels: dict[str, tuple[int, str]]) -> str:
    if part in labels:
        return labels[part][1]
    if root is not None and root.tag in _STORY_ROOTS:
        return _STORY_ROOTS[root.tag]
    if root is not None and root.tag in _HEADER_FOOTER_ROOTS:
        return _unused_label(root.tag)
    return _PART_LABELS.get(part, f"file part {part}")


def _unused_label(tag: str) -> str:
    return f"{'header' if etree.QName(tag).localname == 'hdr' else 'footer'} not used by any section"
