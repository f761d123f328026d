"""Checks that make an Office file from outside the workspace safe to open, shared by every reader of such files.

Agency returns and chairs' returned drafts arrive from outside, so each file is treated as hostile: its type is
decided by its content rather than its name, its size is capped, the zip archive is measured before anything
decompresses it (zip bombs), and every XML part is checked for DTDs and entities (XXE, billion laughs) before any
parser builds a tree from it. Every refusal is an ImportRejected whose message starts with the file's name and says
what the coordinator can do.
"""

import io
import zipfile
from enum import Enum
from pathlib import Path
from xml.parsers import expat

from lxml import etree

from dhr_manager.errors import InputError

MAX_FILE_BYTES = 25 * 1024 * 1024
MAX_UNCOMPRESSED_BYTES = 200 * 1024 * 1024
MAX_COMPRESSION_RATIO = 200
# Ordinary parts (highly repetitive styles, tiny members) can exceed the ratio harmlessly; below this size a member
# cannot be a bomb, so the ratio is only enforced above it.
RATIO_CHECK_FROM_BYTES = 1024 * 1024

ZIP_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


class ImportRejected(InputError):
    """A file from outside that cannot be read safely or completely; the message tells the coordinator what to fix."""


class FileKind(Enum):
    """What a file's bytes actually are, with the words used to describe it to a coordinator."""

    DOCX = "a Word document (.docx)"
    XLSX = "an Excel workbook (.xlsx)"
    TEXT = "a CSV or text file"
    ZIP = "a zip archive"
    PDF = "a PDF"
    OLE = "an old-format or password-protected Office file (.doc or .xls)"
    BINARY = "binary data"


def read_file_bytes(path: Path, limit: int = MAX_FILE_BYTES) -> bytes:
    """Read the whole file, refusing an oversized one before it is loaded into memory."""
    try:
        with path.open("rb") as handle:
            data = handle.read(limit + 1)
    except OSError as exc:
        raise ImportRejected(f"{path.name}: the file could not be opened ({exc.strerror or exc}).") from exc
    check_size(path.name, data, limit)
    return data


def check_size(name: str, data: bytes, limit: int) -> None:
    """Refuse an empty file, or one larger than `limit` bytes, before any parser sees it."""
    if len(data) > limit:
        raise ImportRejected(f"{name}: the file is larger than {limit // (1024 * 1024)} MB.")
    if not data:
        raise ImportRejected(f"{name}: the file is empty.")


def open_zip(name: str, data: bytes, expected: FileKind) -> zipfile.ZipFile:
    """Open the zip directory only (nothing is decompressed); a truncated or corrupt archive is refused."""
    try:
        return zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError) as exc:
        raise ImportRejected(f"{name}: the file is damaged or not {expected.value}.") from exc


def kind_of(data: bytes, archive: zipfile.ZipFile | None) -> FileKind:
    """Decide the file type from its content, so a renamed file cannot reach the wrong reader."""
    if archive is not None:
        members = set(archive.namelist())
        if "[Content_Types].xml" in members and "word/document.xml" in members:
            return FileKind.DOCX
        if "[Content_Types].xml" in members and "xl/workbook.xml" in members:
            return FileKind.XLSX
        return FileKind.ZIP
    if data.startswith(b"%PDF"):
        return FileKind.PDF
    if data.startswith(OLE_MAGIC):
        return FileKind.OLE
    return FileKind.BINARY if b"\x00" in data else FileKind.TEXT


def check_zip(name: str, archive: zipfile.ZipFile, kind: FileKind, sender: str) -> dict[str, bytes]:
    """Refuse zip bombs and XML with DTDs or entities (XXE, billion laughs) before any library parses the parts.

    Returns the content of every XML part (by name), already read and checked, so a caller that parses the parts
    itself need not decompress them twice. `sender` is who the coordinator should ask for a clean copy.
    """
    infos = archive.infolist()
    total = sum(info.file_size for info in infos)
    if total > MAX_UNCOMPRESSED_BYTES:
        raise ImportRejected(
            f"{name}: the file would expand to more than {MAX_UNCOMPRESSED_BYTES // (1024 * 1024)} MB "
            "when opened, so it was not opened."
        )
    for info in infos:
        if info.file_size > RATIO_CHECK_FROM_BYTES and info.file_size > MAX_COMPRESSION_RATIO * max(
            info.compress_size, 1
        ):
            raise ImportRejected(
                f"{name}: part of the file is compressed to an unsafe degree (a possible zip bomb), "
                "so it was not opened."
            )
    return {
        info.filename: _checked_xml(name, archive, info, kind, sender)
        for info in infos
        if info.filename.lower().endswith((".xml", ".rels"))
    }


def open_docx(name: str, data: bytes, sender: str) -> dict[str, bytes]:
    """Every check for a Word document given as bytes; returns its XML parts by name, ready for `parse_xml`."""
    check_size(name, data, MAX_FILE_BYTES)
    archive = open_zip(name, data, FileKind.DOCX) if data.startswith(ZIP_MAGIC) else None
    actual = kind_of(data, archive)
    if archive is None or actual is not FileKind.DOCX:
        raise ImportRejected(
            f"{name}: the file is not {FileKind.DOCX.value} but {actual.value}; "
            "save it again as a Word document and use that copy."
        )
    with archive:
        return check_zip(name, archive, FileKind.DOCX, sender)


def parse_xml(name: str, content: bytes, kind: FileKind) -> etree._Element:
    """Build an lxml tree from a part `check_zip` has passed, with entity expansion and network access off as well.

    A new parser each time: lxml parsers must not be shared between threads, and exports may run in a worker.
    """
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)
    try:
        return etree.fromstring(content, parser)
    except etree.XMLSyntaxError as exc:
        raise ImportRejected(f"{name}: the file is damaged or not {kind.value}.") from exc


def _checked_xml(name: str, archive: zipfile.ZipFile, info: zipfile.ZipInfo, kind: FileKind, sender: str) -> bytes:
    """Read one XML part and refuse it if it declares a DTD or entities, or refers to an external entity."""
    try:
        with archive.open(info) as member:
            # zipfile stops at the declared size, which check_zip has already bounded.
            content = member.read(info.file_size + 1)
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError, RuntimeError) as exc:
        raise ImportRejected(f"{name}: the file is damaged or not {kind.value}.") from exc
    if b"<!DOCTYPE" in content or b"<!ENTITY" in content:
        raise _unsafe_xml(name, sender)
    # The byte scan misses a declaration in another encoding (UTF-16), so expat reads the part as well, with the
    # handlers defusedxml installs, raising at the first DTD or entity declaration before anything is expanded.
    # defusedxml's own parsers would also build a tree through a Python call per element (0.7 s for a 5,000-row
    # table); this check needs no tree, and the readers parse only the parts they want afterwards.
    parser = expat.ParserCreate()
    parser.StartDoctypeDeclHandler = parser.EntityDeclHandler = parser.UnparsedEntityDeclHandler = _refuse_declaration
    parser.ExternalEntityRefHandler = _refuse_declaration
    try:
        parser.Parse(content, True)
    except _Declaration as exc:
        raise _unsafe_xml(name, sender) from exc
    except expat.ExpatError as exc:
        raise ImportRejected(f"{name}: the file is damaged or not {kind.value}.") from exc
    return content


class _Declaration(Exception):
    """Raised from inside expat to stop at a DTD or entity declaration."""


def _refuse_declaration(*_args: object) -> None:
    raise _Declaration


def _unsafe_xml(name: str, sender: str) -> ImportRejected:
    return ImportRejected(
        f"{name}: the file contains XML declarations that could be used to attack this computer "
        f"(a DOCTYPE or ENTITY), so it was not opened. Ask {sender} to save a fresh copy."
    )
