"""Sealed values open only where they were sealed, with the key they were sealed with."""

import pytest

from dhr_manager.storage.crypto import FieldCipher, SealBroken, new_data_key

ROW = "0b5e4a8e-0000-4000-8000-000000000001"
OTHER_ROW = "0b5e4a8e-0000-4000-8000-000000000002"


@pytest.fixture
def cipher() -> FieldCipher:
    return FieldCipher(new_data_key(), key_id=1)


def test_a_sealed_value_opens_in_its_own_place(cipher: FieldCipher) -> None:
    sealed = cipher.seal("people", "name", ROW, b"Zebedee Quillfeather")
    assert cipher.open("people", "name", ROW, sealed) == b"Zebedee Quillfeather"
    assert b"Zebedee" not in sealed


def test_sealing_twice_gives_different_ciphertexts(cipher: FieldCipher) -> None:
    assert cipher.seal("people", "name", ROW, b"same") != cipher.seal("people", "name", ROW, b"same")


@pytest.mark.parametrize(("table", "column", "row"), [
    ("people", "name", OTHER_ROW),          # copied to another row
    ("people", "pseudonym", ROW),           # copied to another column
    ("notes", "name", ROW),                 # copied to another table
])
def test_a_value_moved_elsewhere_does_not_open(cipher: FieldCipher, table: str, column: str, row: str) -> None:
    sealed = cipher.seal("people", "name", ROW, b"Zebedee Quillfeather")
    with pytest.raises(SealBroken):
        cipher.open(table, column, row, sealed)


def test_a_flipped_bit_or_another_key_does_not_open(cipher: FieldCipher) -> None:
    sealed = bytearray(cipher.seal("people", "name", ROW, b"Zebedee Quillfeather"))
    sealed[-1] ^= 1
    with pytest.raises(SealBroken):
        cipher.open("people", "name", ROW, bytes(sealed))
    other = FieldCipher(new_data_key(), key_id=1)
    with pytest.raises(SealBroken):
        other.open("people", "name", ROW, cipher.seal("people", "name", ROW, b"x"))


def test_the_format_carries_version_and_key_id(cipher: FieldCipher) -> None:
    sealed = cipher.seal("cases", "area", ROW, b"Northshire")
    assert sealed[0] == 1
    assert int.from_bytes(sealed[1:5], "big") == 1
    assert len(sealed) == 1 + 4 + 12 + len(b"Northshire") + 16
    relabelled = sealed[:1] + (2).to_bytes(4, "big") + sealed[5:]
    with pytest.raises(SealBroken):
        FieldCipher(new_data_key(), key_id=2).open("cases", "area", ROW, relabelled)
