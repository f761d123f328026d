"""Password-protected exports: only the password opens them, and nothing is written to disk on the way.

Every fixture is built here, in memory, from fictional content.
"""

import io
import tempfile
import zipfile
from pathlib import Path

import docx
import pytest

from dhr_manager.documents import protection
from dhr_manager.documents.protection import (
    WeakDocumentPassword,
    WrongDocumentPassword,
    is_protected,
    protect,
    unprotect,
)
from dhr_manager.errors import InputError

PASSWORD = "Fictional-Pass-2024"
TEXT = ["Overview report for 'Anna' (a pseudonym)", "Chronology of agency contact"]


def report() -> bytes:
    document = docx.Document()
    for text in TEXT:
        document.add_paragraph(text)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def paragraphs(data: bytes) -> list[str]:
    return [paragraph.text for paragraph in docx.Document(io.BytesIO(data)).paragraphs]


def test_protected_document_cannot_be_opened_without_the_password() -> None:
    protected = protect(report(), PASSWORD)
    assert not zipfile.is_zipfile(io.BytesIO(protected))
    with pytest.raises(zipfile.BadZipFile):
        docx.Document(io.BytesIO(protected))
    assert b"Chronology" not in protected


def test_protected_document_is_recognised_and_others_are_not() -> None:
    assert is_protected(protect(report(), PASSWORD))
    assert not is_protected(report())
    assert not is_protected(b"Date,Agency,Event\n01/01/2024,GP,Visit\n")
    assert not is_protected(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600)  # an OLE header and nothing else
    assert not is_protected(b"")


def test_right_password_gives_back_the_same_document() -> None:
    restored = unprotect(protect(report(), PASSWORD), PASSWORD)
    assert paragraphs(restored) == TEXT


def test_non_ascii_password_works() -> None:
    password = "Zoë-Łucja-ß-2024"
    assert paragraphs(unprotect(protect(report(), password), password)) == TEXT


@pytest.mark.parametrize("wrong", ["Fictional-Pass-2025", "fictional-pass-2024", "", PASSWORD + " "])
def test_wrong_password_is_refused_with_a_clear_error(wrong: str) -> None:
    protected = protect(report(), PASSWORD)
    with pytest.raises(WrongDocumentPassword) as caught:
        unprotect(protected, wrong)
    assert caught.value.message.startswith("That password does not open the document.")
    assert isinstance(caught.value, InputError)
    assert caught.value.exit_code == 2


def test_password_shorter_than_eight_characters_is_refused() -> None:
    with pytest.raises(WeakDocumentPassword, match="at least 8 characters") as caught:
        protect(report(), "Short7!")
    assert caught.value.exit_code == 2
    assert is_protected(protect(report(), "Exactly8"))


def test_each_protection_is_salted_differently() -> None:
    assert protect(report(), PASSWORD) != protect(report(), PASSWORD)


def test_damaged_or_tampered_protected_file_is_not_taken_for_a_wrong_password() -> None:
    protected = protect(report(), PASSWORD)
    tampered = bytearray(protected)
    tampered[len(tampered) // 2] ^= 0xFF  # inside the encrypted content, which the integrity check covers
    for damaged in (protected[: len(protected) // 2], bytes(tampered)):
        with pytest.raises(ValueError, match=r"damaged|not a readable"):
            unprotect(damaged, PASSWORD)


def test_file_demanding_excessive_password_hashing_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    protected = protect(report(), PASSWORD)  # Word's usual 100,000 rounds
    monkeypatch.setattr(protection, "MAX_SPIN_COUNT", 50_000)
    with pytest.raises(ValueError, match="unreasonable"):
        unprotect(protected, PASSWORD)


def test_only_a_word_document_can_be_protected() -> None:
    with pytest.raises(ValueError, match="unprotected Word document"):
        protect(protect(report(), PASSWORD), PASSWORD)


def test_nothing_is_written_to_disk(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    temp, work = tmp_path / "temp", tmp_path / "work"
    temp.mkdir()
    work.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(temp))
    monkeypatch.chdir(work)
    unprotect(protect(report(), PASSWORD), PASSWORD)
    assert list(temp.iterdir()) == []
    assert list(work.iterdir()) == []
