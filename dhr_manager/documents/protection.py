"""Password protection for Word documents that leave the workspace, and for protected drafts coming back.

An exported draft is encrypted the way Word itself encrypts (ECMA-376 agile encryption, AES-256 with a
SHA-512 password key), so the recipient opens it in Word with the password and nothing else. Everything happens in
memory: a decrypted copy of case material must never touch the disk outside the encrypted workspace.
"""

import io
import struct
from xml.parsers.expat import ExpatError

import msoffcrypto
from msoffcrypto.exceptions import DecryptionError, EncryptionError, FileFormatError, InvalidKeyError, ParseError
from msoffcrypto.format.ooxml import OOXMLFile

from dhr_manager.documents.safe_docx import OLE_MAGIC, ZIP_MAGIC
from dhr_manager.errors import InputError

MIN_PASSWORD_CHARS = 8
# Word hashes the password 100,000 times; a file may ask for up to 10,000,000, which in Python takes minutes.
MAX_SPIN_COUNT = 1_000_000

# What msoffcrypto and olefile raise for a file that is damaged or not what it claims to be; a protected file
# can come from outside, so any of these is a refusal rather than a crash.
_UNREADABLE = (FileFormatError, ParseError, DecryptionError, OSError, ValueError, KeyError, IndexError,
               EOFError, struct.error, ExpatError)


class WeakDocumentPassword(InputError):
    """The password chosen for an exported document is too short to protect it."""


class WrongDocumentPassword(InputError):
    """The password given does not open the protected document."""


def protect(data: bytes, password: str) -> bytes:
    """The Word document `data` encrypted with `password`; it opens in Word only with that password."""
    if len(password) < MIN_PASSWORD_CHARS:
        raise WeakDocumentPassword(
            f"The password must be at least {MIN_PASSWORD_CHARS} characters long; a short one can be guessed. "
            "Choose a longer one and send it to the recipient separately from the document."
        )
    if not data.startswith(ZIP_MAGIC):
        raise ValueError("only an unprotected Word document (.docx) can be protected")
    try:
        document = OOXMLFile(io.BytesIO(data))
        encrypted = io.BytesIO()
        document.encrypt(password, encrypted)
    except (*_UNREADABLE, EncryptionError) as exc:
        raise ValueError("the document could not be protected; it is not a readable Word document") from exc
    return encrypted.getvalue()


def is_protected(data: bytes) -> bool:
    """Whether `data` is a password-protected Office document (in practice, a Word document).

    Word saves a protected document as an OLE container, not as a zip.
    """
    return _encrypted_office_file(data) is not None


def unprotect(data: bytes, password: str) -> bytes:
    """The decrypted document inside a protected file.

    Raises WrongDocumentPassword when the password does not open it, and ValueError when `data` is not a
    protected document that can be read (check with `is_protected` first; a damaged file also ends up here).
    """
    document = _encrypted_office_file(data)
    if document is None:
        raise ValueError("not a readable password-protected document")
    if document.type == "agile" and document.info["spinValue"] > MAX_SPIN_COUNT:
        raise ValueError("the protected document asks for an unreasonable amount of work to open")
    # msoffcrypto takes an empty password for no key at all; for the user it is simply the wrong password.
    if not password:
        raise _wrong_password()
    try:
        document.load_key(password=password, verify_password=True)
    except InvalidKeyError as exc:
        raise _wrong_password() from exc
    except _UNREADABLE as exc:
        raise ValueError("not a readable password-protected document") from exc
    decrypted = io.BytesIO()
    try:
        # The password was verified above, so a failure now (including the integrity check) means damage.
        document.decrypt(decrypted, verify_integrity=True)
    except _UNREADABLE as exc:
        raise ValueError("the protected document is damaged") from exc
    return decrypted.getvalue()


def _encrypted_office_file(data: bytes) -> OOXMLFile | None:
    """The encryption wrapper of a protected Office Open XML file, or None for anything else.

    Encrypted old-format files (.doc) are not included: they cannot become a .docx by decryption.
    """
    if not data.startswith(OLE_MAGIC):
        return None
    try:
        document = msoffcrypto.OfficeFile(io.BytesIO(data))
        return document if isinstance(document, OOXMLFile) and document.is_encrypted() else None
    except _UNREADABLE:
        return None


def _wrong_password() -> WrongDocumentPassword:
    return WrongDocumentPassword(
        "That password does not open the document. Check it with whoever sent it and try again."
    )
