"""Reading a chair's returned draft: comments with what they are attached to, tracked changes with their paragraph,
in document order, and refusal of hostile, broken or mislabelled files.

Every fixture is built here, in memory, from fictional content; no binary files are committed.
"""

import datetime as dt
import io
import itertools
import time
import zipfile
from collections.abc import Callable

import docx
import pytest
from docx.document import Document
from docx.oxml import parse_xml

from dhr_manager.documents import review_reader
from dhr_manager.documents.protection import WrongDocumentPassword, protect
from dhr_manager.documents.review_reader import (
    ProtectedDocument,
    TrackedChange,
    read_review,
)
from dhr_manager.documents.safe_docx import ImportRejected

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
MAY_FIRST = dt.datetime(2024, 5, 1, 10, 0, tzinfo=dt.UTC)
PASSWORD = "Fictional-Pass-2024"
CHANGE_IDS = itertools.count(100)


def make_docx(build: Callable[[Document], object]) -> bytes:
    document = docx.Document()
    build(document)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def change(kind: str, text: str, author: str = "Chair Fictional", date: str = "2024-05-01T10:00:00Z") -> object:
    run = f'<w:r><w:delText xml:space="preserve">{text}</w:delText></w:r>' if kind == "del" else (
        f'<w:r><w:t xml:space="preserve">{text}</w:t></w:r>'
    )
    return parse_xml(f'<w:{kind} {W} w:id="{next(CHANGE_IDS)}" w:author="{author}" w:date="{date}">'
                     f"{run}</w:{kind}>")


def returned_draft(document: Document) -> None:
    """A short draft with two comments and three changes, the later comment made first."""
    first = document.add_paragraph("The panel met ")
    first._p.append(change("ins", "on 3 June "))
    first.add_run("to agree the terms of reference.")
    second = document.add_paragraph("Agencies were asked ")
    second._p.append(change("del", "politely ", author="Panel Member"))
    asked = second.add_run("for chronologies")
    second.add_run(" by the end of ")
    month = second.add_run("July")
    second._p.append(change("ins", " 2024"))
    document.add_comment(month, text="Which year?", author="Chair Fictional", initials="CF")
    document.add_comment(asked, text="Say which agencies.\nList them.", author="Panel Member", initials="PM")


def rewrite(data: bytes, member: str, change_member: Callable[[bytes], bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as old, zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as new:
        for info in old.infolist():
            content = old.read(info)
            new.writestr(info.filename, change_member(content) if info.filename == member else content)
    return buffer.getvalue()


def rejection(name: str, data: bytes) -> str:
    with pytest.raises(ImportRejected) as caught:
        read_review(name, data)
    assert caught.value.message.startswith(f"{name}: ")
    return caught.value.message


# --- comments and changes ----------------------------------------------------------------------------------------


def test_comments_are_read_in_document_order_with_author_text_and_anchor() -> None:
    review = read_review("draft-v0.2-returned.docx", make_docx(returned_draft))
    assert [(c.author, c.text, c.anchor) for c in review.comments] == [
        ("Panel Member", "Say which agencies.\nList them.", "for chronologies"),
        ("Chair Fictional", "Which year?", "July"),
    ]
    assert all(isinstance(c.date, dt.datetime) for c in review.comments)


def test_comment_anchor_spanning_runs_and_paragraphs_is_joined() -> None:
    def build(document: Document) -> None:
        first = document.add_paragraph("Start of ")
        start = first.add_run("the first")
        second = document.add_paragraph("second paragraph")
        document.add_comment([start, second.runs[0]], text="Merge these.", author="Chair Fictional")

    (comment,) = read_review("draft.docx", make_docx(build)).comments
    assert comment.anchor == "the first second paragraph"


def test_comment_date_is_read_and_a_missing_or_broken_date_is_none() -> None:
    def build(document: Document) -> None:
        for text in ("dated", "undated", "broken"):
            document.add_comment(document.add_paragraph(text).runs[0], text=text, author="Chair Fictional")

    def set_dates(xml: bytes) -> bytes:
        dates = iter([b'w:date="2024-05-01T10:00:00Z"', b"", b'w:date="last Tuesday"'])
        parts = xml.split(b'w:date="')
        return parts[0] + b"".join(next(dates) + part[part.index(b'"') + 1:] for part in parts[1:])

    data = rewrite(make_docx(build), "word/comments.xml", set_dates)
    assert [c.date for c in read_review("draft.docx", data).comments] == [MAY_FIRST, None, None]


def test_insertions_and_deletions_are_read_in_document_order_with_their_paragraph() -> None:
    review = read_review("draft.docx", make_docx(returned_draft))
    assert review.changes == [
        TrackedChange("insertion", "Chair Fictional", MAY_FIRST, "on 3 June ",
                      "The panel met on 3 June to agree the terms of reference."),
        TrackedChange("deletion", "Panel Member", MAY_FIRST, "politely ",
                      "Agencies were asked for chronologies by the end of July 2024"),
        TrackedChange("insertion", "Chair Fictional", MAY_FIRST, " 2024",
                      "Agencies were asked for chronologies by the end of July 2024"),
    ]


def test_context_of_a_change_in_a_long_paragraph_is_trimmed_around_it() -> None:
    def build(document: Document) -> None:
        paragraph = document.add_paragraph("Background. " * 30)
        paragraph._p.append(change("ins", "The GP saw her twice. "))
        paragraph.add_run("Later events. " * 30)

    (tracked,) = read_review("draft.docx", make_docx(build)).changes
    assert tracked.context.startswith("…") and tracked.context.endswith("…")
    assert "The GP saw her twice." in tracked.context
    assert len(tracked.context) <= review_reader.CONTEXT_CHARS + 2


def test_changes_to_formatting_and_paragraph_marks_are_not_listed() -> None:
    def build(document: Document) -> None:
        paragraph = document.add_paragraph("Unchanged words.")
        paragraph._p.insert(0, parse_xml(
            f'<w:pPr {W}><w:rPr><w:ins w:id="1" w:author="Chair Fictional" w:date="2024-05-01T10:00:00Z"/>'
            "</w:rPr></w:pPr>"
        ))

    assert read_review("draft.docx", make_docx(build)).changes == []


def test_deleted_insertion_is_listed_once_as_a_deletion() -> None:
    def build(document: Document) -> None:
        document.add_paragraph("Text ")._p.append(parse_xml(
            f'<w:ins {W} w:id="1" w:author="Panel Member" w:date="2024-05-01T10:00:00Z">'
            '<w:del w:id="2" w:author="Chair Fictional" w:date="2024-05-02T10:00:00Z">'
            "<w:r><w:delText>second thoughts</w:delText></w:r></w:del></w:ins>"
        ))

    changes = read_review("draft.docx", make_docx(build)).changes
    assert [(c.kind, c.author, c.text) for c in changes] == [("deletion", "Chair Fictional", "second thoughts")]


def test_changes_in_a_header_come_after_the_body() -> None:
    def build(document: Document) -> None:
        document.sections[0].header.paragraphs[0]._p.append(change("ins", "DRAFT "))
        document.add_paragraph("Body ")._p.append(change("ins", "first"))

    assert [c.text for c in read_review("draft.docx", make_docx(build)).changes] == ["first", "DRAFT "]


def test_document_without_comments_or_changes_reads_as_empty() -> None:
    review = read_review("clean.docx", make_docx(lambda d: d.add_paragraph("Nothing to review.")))
    assert review.comments == []
    assert review.changes == []
    assert zipfile.is_zipfile(io.BytesIO(review.document))


def test_returned_review_keeps_the_document_out_of_its_repr() -> None:
    review = read_review("draft.docx", make_docx(returned_draft))
    assert "PK" not in repr(review)
    assert "Which year?" in repr(review)


# --- password protection -----------------------------------------------------------------------------------------


def test_protected_draft_without_a_password_says_so() -> None:
    data = protect(make_docx(returned_draft), PASSWORD)
    with pytest.raises(ProtectedDocument) as caught:
        read_review("draft.docx", data)
    assert caught.value.message.startswith("draft.docx: the document is password-protected.")
    assert caught.value.exit_code == 2


def test_protected_draft_with_the_wrong_password_is_refused_naming_the_file() -> None:
    data = protect(make_docx(returned_draft), PASSWORD)
    with pytest.raises(WrongDocumentPassword, match=r"^draft\.docx: that password does not open the document"):
        read_review("draft.docx", data, "Not-The-Password")


def test_protected_draft_with_the_right_password_is_read_and_given_back_decrypted() -> None:
    review = read_review("draft.docx", protect(make_docx(returned_draft), PASSWORD), PASSWORD)
    assert len(review.comments) == 2
    assert len(review.changes) == 3
    assert zipfile.is_zipfile(io.BytesIO(review.document))


def test_damaged_protected_draft_is_refused_as_damaged() -> None:
    data = bytearray(protect(make_docx(returned_draft), PASSWORD))
    data[len(data) // 2] ^= 0xFF
    with pytest.raises(ImportRejected, match=r"^draft\.docx: the file is damaged"):
        read_review("draft.docx", bytes(data), PASSWORD)


# --- hostile, broken and mislabelled files -----------------------------------------------------------------------


def test_zip_bomb_is_refused_before_decompression() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<document/>")
        with archive.open("word/media/image1.png", "w", force_zip64=True) as member:
            chunk = b"\0" * (1024 * 1024)
            for _ in range(201):
                member.write(chunk)
    assert len(buffer.getvalue()) < 2 * 1024 * 1024
    started = time.monotonic()
    message = rejection("bomb.docx", buffer.getvalue())
    assert time.monotonic() - started < 1
    assert "more than 200 MB" in message


def test_comments_part_with_an_entity_declaration_is_refused() -> None:
    def inject(xml: bytes) -> bytes:
        end = xml.index(b"?>") + 2
        doctype = b'<!DOCTYPE w:comments [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
        return xml[:end] + doctype + xml[end:].replace(b"Which year?", b"&xxe;")

    data = rewrite(make_docx(returned_draft), "word/comments.xml", inject)
    message = rejection("draft.docx", data)
    assert "DOCTYPE or ENTITY" in message
    assert "Ask the chair" in message


def test_truncated_file_is_refused_as_damaged() -> None:
    data = make_docx(returned_draft)
    assert "damaged" in rejection("draft.docx", data[: len(data) // 2])


def test_csv_named_docx_is_refused() -> None:
    message = rejection("draft.docx", b"Date,Agency,Event\n01/01/2024,GP,Visit\n")
    assert "not a Word document (.docx) but a CSV or text file" in message


def test_pdf_named_docx_is_refused() -> None:
    assert "but a PDF" in rejection("draft.docx", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n")


def test_empty_file_is_refused() -> None:
    assert "empty" in rejection("draft.docx", b"")


def test_oversized_file_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(review_reader, "MAX_FILE_BYTES", 1000)
    assert "larger than" in rejection("draft.docx", make_docx(returned_draft))


def test_too_many_changes_are_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(review_reader, "MAX_ITEMS", 4)
    assert "more than 4 comments and tracked changes" in rejection("draft.docx", make_docx(returned_draft))
