"""Read the comments and tracked changes out of a draft a chair (or panel member) sent back.

The returned file comes from outside the workspace and is treated as hostile exactly like an agency return
(safe_docx: size cap, zip bomb and XXE checks, type decided by content); a file either reads completely or is
refused with an ImportRejected naming it. A password-protected file is opened only with its password, in memory.

Comments come with the text they are attached to, and tracked changes with the paragraph they sit in, so the
coordinator can find each one without opening the file. Both are listed in document order: the body first, then
footnotes, endnotes, headers and footers.
"""

import datetime as dt
from dataclasses import dataclass, field
from typing import Literal

from lxml import etree

from dhr_manager.documents.protection import WrongDocumentPassword, is_protected, unprotect
from dhr_manager.documents.safe_docx import (
    MAX_FILE_BYTES,
    FileKind,
    ImportRejected,
    check_size,
    open_docx,
    parse_xml,
)
from dhr_manager.errors import InputError

# A comment can be attached to pages of text; the list only needs enough to find it.
MAX_ANCHOR_CHARS = 1_000
CONTEXT_CHARS = 120
# Far beyond a heavily edited report, and low enough that a crafted file cannot exhaust memory.
MAX_ITEMS = 10_000

_W_NAMESPACES = (
    "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    "http://purl.oclc.org/ooxml/wordprocessingml/main",  # Word's "Strict Open XML"
)
_MAIN = "word/document.xml"
_NOTES = ("word/footnotes.xml", "word/endnotes.xml")


class ProtectedDocument(InputError):
    """The returned draft is password-protected and no password was given."""


@dataclass(frozen=True)
class ReviewComment:
    """One comment, with the text it is attached to so the coordinator can find it without opening the file."""

    author: str
    date: dt.datetime | None  # as Word recorded it; None when it did not
    text: str
    anchor: str  # the document text the comment is attached to ("" when it marks a point, not a range)


@dataclass(frozen=True)
class TrackedChange:
    """One insertion or deletion, with the paragraph it sits in."""

    kind: Literal["insertion", "deletion"]
    author: str
    date: dt.datetime | None
    text: str
    context: str  # the paragraph as it reads with the changes accepted, around the change


@dataclass(frozen=True)
class ReturnedReview:
    """What a returned draft holds.

    `document` is the Word file itself, decrypted if it was protected, so the disclosure check can read it; it is
    kept out of repr.
    """

    document: bytes = field(repr=False)
    comments: list[ReviewComment]
    changes: list[TrackedChange]


def read_review(name: str, data: bytes, password: str | None = None) -> ReturnedReview:
    """The comments and tracked changes of the Word file `data`, named `name` in every message."""
    check_size(name, data, MAX_FILE_BYTES)
    if is_protected(data):
        data = _decrypt(name, data, password)
    parts = open_docx(name, data, "the chair")
    main = parse_xml(name, parts[_MAIN], FileKind.DOCX)
    namespace = etree.QName(main).namespace
    if namespace not in _W_NAMESPACES:
        raise ImportRejected(f"{name}: the file is damaged or not {FileKind.DOCX.value}.")
    tags = _Tags(namespace)
    others = [*_NOTES, *sorted(p for p in parts if p.startswith(("word/header", "word/footer")))]
    stories = [main, *(parse_xml(name, parts[part], FileKind.DOCX) for part in others if part in parts)]
    comments_part = parts.get("word/comments.xml")
    comments_root = parse_xml(name, comments_part, FileKind.DOCX) if comments_part is not None else None
    comments = _comments(comments_root, stories, tags)
    changes = _changes(stories, tags, MAX_ITEMS - len(comments))
    if len(comments) + len(changes) > MAX_ITEMS:
        raise ImportRejected(
            f"{name}: the document has more than {MAX_ITEMS:,} comments and tracked changes. Ask the chair to "
            "accept the changes they are sure of and send it again."
        )
    return ReturnedReview(document=data, comments=comments, changes=changes)


def _decrypt(name: str, data: bytes, password: str | None) -> bytes:
    if password is None:
        raise ProtectedDocument(
            f"{name}: the document is password-protected. Give its password to read it (ask the chair if you "
            "do not have it)."
        )
    try:
        return unprotect(data, password)
    except WrongDocumentPassword as exc:
        raise WrongDocumentPassword(
            f"{name}: that password does not open the document. Check it with the chair and try again."
        ) from exc
    except ValueError as exc:
        raise ImportRejected(f"{name}: the file is damaged or not {FileKind.DOCX.value}.") from exc


class _Tags:
    """The WordprocessingML element and attribute names in the document's namespace (transitional or strict)."""

    def __init__(self, namespace: str) -> None:
        def w(local: str) -> str:
            return f"{{{namespace}}}{local}"

        self.p, self.t, self.del_text = w("p"), w("t"), w("delText")
        self.tab, self.br, self.cr = w("tab"), w("br"), w("cr")
        self.comment, self.range_start, self.range_end = w("comment"), w("commentRangeStart"), w("commentRangeEnd")
        self.reference = w("commentReference")
        self.ins, self.delete, self.move_to, self.move_from = w("ins"), w("del"), w("moveTo"), w("moveFrom")
        self.id, self.author, self.date = w("id"), w("author"), w("date")
        self.breaks = frozenset({self.tab, self.br, self.cr})


def _comments(root: etree._Element | None, stories: list[etree._Element], tags: _Tags) -> list[ReviewComment]:
    """Each comment with its anchor, in the order their marks appear; unmarked comments last, as Word lists them."""
    if root is None:
        return []
    found = {comment.get(tags.id, ""): comment for comment in root.iter(tags.comment)}
    anchors: dict[str, str] = {}
    order: list[str] = []
    for story in stories:
        _anchors(story, tags, anchors, order)
    marked = dict.fromkeys(order)
    ordered = [key for key in marked if key in found] + [key for key in found if key not in marked]
    comments = []
    for key in ordered[: MAX_ITEMS + 1]:
        comment = found[key]
        text = "\n".join("".join(_run_text(paragraph, tags, tags.t)) for paragraph in comment.iter(tags.p)).strip()
        comments.append(ReviewComment(comment.get(tags.author, ""), _when(comment.get(tags.date)), text,
                                      anchors.get(key, "")))
    return comments


def _anchors(story: etree._Element, tags: _Tags, anchors: dict[str, str], order: list[str]) -> None:
    """The text between each comment's range marks, read in one pass however many comments overlap."""
    pieces: list[str] = []
    length = 0
    starts: dict[str, int] = {}
    ends: dict[str, int] = {}
    marks = (tags.range_start, tags.range_end, tags.reference, tags.p, tags.t, tags.del_text, *tags.breaks)
    for node in story.iter(*marks):
        if node.tag == tags.range_start:
            starts.setdefault(node.get(tags.id, ""), length)
            order.append(node.get(tags.id, ""))
        elif node.tag == tags.range_end:
            ends[node.get(tags.id, "")] = length
        elif node.tag == tags.reference:
            order.append(node.get(tags.id, ""))
        else:
            piece = " " if node.tag in tags.breaks or node.tag == tags.p else node.text or ""
            pieces.append(piece)
            length += len(piece)
    text = "".join(pieces)
    for key, start in starts.items():
        end = max(start, ends.get(key, start))
        anchor = " ".join(text[start : min(end, start + 2 * MAX_ANCHOR_CHARS)].split())
        anchors.setdefault(key, anchor if len(anchor) <= MAX_ANCHOR_CHARS else anchor[:MAX_ANCHOR_CHARS] + "…")


def _changes(stories: list[etree._Element], tags: _Tags, room: int) -> list[TrackedChange]:
    """Insertions and deletions that carry text; changes to formatting or paragraph marks carry none.

    Stops once there are more than `room`, which the caller refuses.
    """
    changes: list[TrackedChange] = []
    layouts: dict[etree._Element, tuple[str, dict[etree._Element, int]]] = {}
    for story in stories:
        for change in story.iter(tags.ins, tags.delete, tags.move_to, tags.move_from):
            inserted = change.tag in (tags.ins, tags.move_to)
            # Deleted text is in w:delText, but text moved away is often kept in w:t: a deletion reads both.
            text = "".join(_run_text(change, tags, *((tags.t,) if inserted else (tags.t, tags.del_text))))
            if not text.strip():
                continue
            if len(changes) > room:
                return changes
            paragraph = next(change.iterancestors(tags.p), None)
            context = ""
            if paragraph is not None:
                if paragraph not in layouts:
                    layouts[paragraph] = _layout(paragraph, tags)
                accepted, offsets = layouts[paragraph]
                context = _around(accepted, offsets.get(change, 0))
            changes.append(TrackedChange("insertion" if inserted else "deletion", change.get(tags.author, ""),
                                         _when(change.get(tags.date)), text, context))
    return changes


def _run_text(element: etree._Element, tags: _Tags, *texts: str) -> list[str]:
    """The text of the given text elements under `element`, with tabs and line breaks as spaces."""
    return [" " if node.tag in tags.breaks else node.text or "" for node in element.iter(*texts, *tags.breaks)]


def _layout(paragraph: etree._Element, tags: _Tags) -> tuple[str, dict[etree._Element, int]]:
    """The paragraph as it reads with its changes accepted, and where in that text each change starts."""
    pieces: list[str] = []
    offsets: dict[etree._Element, int] = {}
    length = 0
    changes = (tags.ins, tags.delete, tags.move_to, tags.move_from)
    for node in paragraph.iter(tags.t, *tags.breaks, *changes):
        if next(node.iterancestors(tags.p)) is not paragraph:
            continue  # a text box's own paragraph
        if node.tag in changes:
            offsets[node] = length
        elif next(node.iterancestors(tags.delete, tags.move_from), None) is None:
            piece = " " if node.tag in tags.breaks else node.text or ""
            pieces.append(piece)
            length += len(piece)
    return "".join(pieces), offsets


def _around(text: str, at: int) -> str:
    """About CONTEXT_CHARS of `text` centred on position `at`, with an ellipsis where it was cut."""
    if len(text) <= CONTEXT_CHARS:
        return text.strip()
    start = max(0, min(at - CONTEXT_CHARS // 2, len(text) - CONTEXT_CHARS))
    end = start + CONTEXT_CHARS
    return ("…" if start else "") + text[start:end].strip() + ("…" if end < len(text) else "")


def _when(value: str | None) -> dt.datetime | None:
    """Word's w:date (ISO 8601, usually UTC with a Z); None when missing or unreadable rather than a refusal."""
    if not value:
        return None
    try:
        return dt.datetime.fromisoformat(value)
    except ValueError:
        return None
