"""Sealing single values with the workspace data key, and wrapping that key for each user.

Format of a sealed value (DESIGN.md section 3)::

    version (1 byte, 0x01) | key id (4 bytes, big-endian) | nonce (12 bytes) | AES-256-GCM ciphertext + tag

The associated data binds the ciphertext to its table, column, row id and key id, so a value copied to
another row or column, or relabelled with another key id, fails to open.
"""

import hashlib
import hmac
import json
import os
import struct
from dataclasses import asdict, dataclass

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.argon2 import Argon2id
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

FORMAT_VERSION = 1
_HEADER = struct.Struct(">BI")
NONCE_BYTES = 12
KEY_BYTES = 32


class SealBroken(Exception):
    """A sealed value did not open: tampered, moved to another row or column, or sealed with another key."""


def _associated_data(table: str, column: str, row_id: str, key_id: int) -> bytes:
    return f"dhr-manager/v1\x1f{table}\x1f{column}\x1f{row_id}\x1f{key_id}".encode()


class FieldCipher:
    """Seals and opens field values with one data key; one `AESGCM` object is reused for every call."""

    def __init__(self, data_key: bytes, key_id: int) -> None:
        if len(data_key) != KEY_BYTES:
            raise ValueError("the data key must be 32 bytes")
        self._aead = AESGCM(data_key)
        self.key_id = key_id

    def seal(self, table: str, column: str, row_id: str, plaintext: bytes) -> bytes:
        nonce = os.urandom(NONCE_BYTES)
        aad = _associated_data(table, column, row_id, self.key_id)
        return _HEADER.pack(FORMAT_VERSION, self.key_id) + nonce + self._aead.encrypt(nonce, plaintext, aad)

    def open(self, table: str, column: str, row_id: str, sealed: bytes) -> bytes:
        if len(sealed) < _HEADER.size + NONCE_BYTES + 16:
            raise SealBroken("too short to be a sealed value")
        version, key_id = _HEADER.unpack_from(sealed)
        if version != FORMAT_VERSION:
            raise SealBroken(f"unknown sealed-value format {version}")
        if key_id != self.key_id:
            raise SealBroken(f"sealed with key {key_id}, not the workspace key {self.key_id}")
        nonce = sealed[_HEADER.size : _HEADER.size + NONCE_BYTES]
        try:
            return self._aead.decrypt(nonce, sealed[_HEADER.size + NONCE_BYTES :],
                                      _associated_data(table, column, row_id, key_id))
        except InvalidTag:
            raise SealBroken("authentication failed") from None


def derive_subkey(data_key: bytes, purpose: str) -> bytes:
    """A separate key for each other use of the data key (audit MACs, blind indexes)."""
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=purpose.encode()).derive(data_key)


def blind_index(key: bytes, value: str) -> str:
    """A keyed hash of a value, so the database can enforce uniqueness and find a row without the plaintext."""
    return hmac.new(key, value.encode(), hashlib.sha256).hexdigest()


@dataclass(frozen=True)
class KdfParams:
    """Argon2id parameters, stored with each key slot so that they can be raised later.

    The defaults are RFC 9106's second recommended option: 64 MiB, 3 passes, 4 lanes.
    """

    memory_kib: int = 64 * 1024
    iterations: int = 3
    lanes: int = 4
    algorithm: str = "argon2id"

    def to_json(self) -> str:
        return json.dumps(asdict(self), sort_keys=True)

    @classmethod
    def from_json(cls, text: str) -> "KdfParams":
        params = cls(**json.loads(text))
        if params.algorithm != "argon2id":
            raise ValueError(f"unsupported key-derivation algorithm {params.algorithm!r}")
        return params


def derive_wrapping_key(secret: str, salt: bytes, params: KdfParams) -> bytes:
    """Stretch a passphrase (or recovery key) into the key that wraps the workspace data key."""
    kdf = Argon2id(salt=salt, length=KEY_BYTES, iterations=params.iterations, lanes=params.lanes,
                   memory_cost=params.memory_kib)
    return kdf.derive(secret.encode("utf-8"))


def wrap_key(wrapping_key: bytes, data_key: bytes, slot_id: str) -> bytes:
    """Encrypt the data key for one slot: nonce | ciphertext + tag, bound to the slot id."""
    nonce = os.urandom(NONCE_BYTES)
    return nonce + AESGCM(wrapping_key).encrypt(nonce, data_key, f"dhr-manager/slot\x1f{slot_id}".encode())


def unwrap_key(wrapping_key: bytes, wrapped: bytes, slot_id: str) -> bytes:
    """Open a slot; raises `SealBroken` when the passphrase is wrong or the slot was altered."""
    try:
        return AESGCM(wrapping_key).decrypt(wrapped[:NONCE_BYTES], wrapped[NONCE_BYTES:],
                                            f"dhr-manager/slot\x1f{slot_id}".encode())
    except InvalidTag:
        raise SealBroken("the key slot did not open") from None


def new_data_key() -> bytes:
    return AESGCM.generate_key(bit_length=256)
