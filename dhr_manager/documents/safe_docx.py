"""Checks that make an Office file from outside the workspace safe to open, shared by every reader of such files.

Agency returns, chairs' returned drafts and administrators' own templates arrive from outside, so each file is
treated as hostile: its type is decided by its content rather than its name, its size is capped, the zip archive is
measured before anything decompresses it (zip bombs), and every XML part is read by defusedxml, which refuses DTDs
and entity declarations (XXE, billion laughs), before any parser builds a tree from it. Every refusal is an
ImportRejected whose message starts with the file's name and says what the coordinator can do.
"""

import io
import zipfile
from collections.abc import Iterator
from enum import Enum
from pathlib import Path
from xml.sax import SAXException
from xml.sax.handler import ContentHandler

from defusedxml import DefusedXmlException
from defusedxml.expatreader import create_parser
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
    return {info.filename: _defused(name, _read_part(name, archive, info, kind), kind, sender)
            for info in _xml_parts(name, archive)}


def open_docx(name: str, data: bytes, sender: str) -> dict[str, bytes]:
    """Every check for a Word document from outside, given as bytes; its XML parts by name, ready for `parse_xml`."""
    with _docx_archive(name, data) as archive:
        return check_zip(name, archive, FileKind.DOCX, sender)


def rendered_docx_parts(name: str, data: bytes) -> dict[str, bytes]:
    """The XML parts of a Word document this application rendered, by name, ready for `parse_xml`.

    Its template passed `open_docx` when it was rendered, and `parse_xml` neither loads a DTD nor expands an entity,
    so the defusedxml pass is not repeated here on output that can hold a 5,000-row table (0.4 s of the 2 s an
    export may take); the size and zip-bomb limits still apply.
    """
    with _docx_archive(name, data) as archive:
        return {info.filename: _read_part(name, archive, info, FileKind.DOCX) for info in _xml_parts(name, archive)}


def parse_xml(name: str, content: bytes, kind: FileKind) -> etree._Element:
    """Build an lxml tree from a part `check_zip` has passed, with entity expansion and network access off as well.

    A new parser each time: lxml parsers must not be shared between threads, and exports may run in a worker.
    """
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)
    try:
        return etree.fromstring(content, parser)
    except etree.XMLSyntaxError as exc:
        raise ImportRejected(f"{name}: the file is damaged or not {kind.value}.") from exc


def _docx_archive(name: str, data: bytes) -> zipfile.ZipFile:
    """The zip directory of a Word document of a sane size; anything else, whatever its name, is refused."""
    check_size(name, data, MAX_FILE_BYTES)
    archive = open_zip(name, data, FileKind.DOCX) if data.startswith(ZIP_MAGIC) else None
    actual = kind_of(data, archive)
    if archive is None or actual is not FileKind.DOCX:
        raise ImportRejected(
            f"{name}: the file is not {FileKind.DOCX.value} but {actual.value}; "
            "save it again as a Word document and use that copy."
        )
    return archive


def _xml_parts(name: str, archive: zipfile.ZipFile) -> Iterator[zipfile.ZipInfo]:
    """The archive's XML parts, once the whole archive is known not to be a zip bomb."""
    infos = archive.infolist()
    if sum(info.file_size for info in infos) > MAX_UNCOMPRESSED_BYTES:
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
    return (info for info in infos if info.filename.lower().endswith((".xml", ".rels")))


def _read_part(name: str, archive: zipfile.ZipFile, info: zipfile.ZipInfo, kind: FileKind) -> bytes:
    try:
        with archive.open(info) as member:
            # zipfile stops at the declared size, which _xml_parts has already bounded.
            return member.read(info.file_size + 1)
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError, RuntimeError) as exc:
        raise ImportRejected(f"{name}: the file is damaged or not {kind.value}.") from exc


def _defused(name: str, content: bytes, kind: FileKind, sender: str) -> bytes:
    """`content`, once defusedxml has read it through without meeting a DTD, an entity or an external reference.

    defusedxml's SAX reader is used because it builds no tree: the readers parse only the parts they want, later.
    """
    parser = create_parser(forbid_dtd=True, forbid_entities=True, forbid_external=True)
    parser.setContentHandler(ContentHandler())
    try:
        parser.parse(io.BytesIO(content))
    except DefusedXmlException as exc:
        raise _unsafe_xml(name, sender) from exc
    except SAXException as exc:
        raise ImportRejected(f"{name}: the file is damaged or not {kind.value}.") from exc
    return content


def _unsafe_xml(name: str, sender: str) -> ImportRejected:
    return ImportRejected(
        f"{name}: the file contains XML declarations that could be used to attack this computer "
        f"(a DOCTYPE or ENTITY), so it was not opened. Ask {sender} to save a fresh copy."
    )
