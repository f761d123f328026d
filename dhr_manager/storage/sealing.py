"""Which columns are sealed, why the others may stay plain, and the one place values are sealed and opened.

A column that is in neither list fails `tests/storage/test_sealing_registry.py`, so a new column cannot be
added without deciding, in writing, whether it is sealed.
"""

import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from dhr_manager.storage.crypto import FieldCipher, SealBroken


@dataclass(frozen=True)
class Codec:
    encode: Callable[[Any], bytes]
    decode: Callable[[bytes], Any]


TEXT = Codec(lambda v: v.encode("utf-8"), lambda b: b.decode("utf-8"))
DATE = Codec(lambda v: v.isoformat().encode(), lambda b: date.fromisoformat(b.decode()))
DATETIME = Codec(lambda v: v.isoformat().encode(), lambda b: datetime.fromisoformat(b.decode()))
BYTES = Codec(lambda v: v, lambda b: b)
# Decoded before parsing: `json.loads` on bytes first sniffs their encoding, a fifth of its time on small values.
JSON = Codec(lambda v: json.dumps(v, sort_keys=True, ensure_ascii=False).encode(), lambda b: json.loads(b.decode()))

# Every name, address, date of birth, narrative, note and event date is sealed. Dates are sealed too: with
# the area, a date of death identifies a victim from press reports (DESIGN.md section 3).
SEALED: dict[str, dict[str, Codec]] = {
    "cases": {"reference": TEXT, "area": TEXT, "notified_on": DATE, "date_of_death": DATE},
    "people": {"name": TEXT, "pseudonym": TEXT, "date_of_birth": DATE, "address": TEXT},
    "notes": {"written_at": DATETIME, "text": TEXT},
    "review_comments": {"written_at": DATETIME, "text": TEXT},
    "events": {"occurred_on": DATE, "details": JSON},
    "pauses": {"reason": TEXT, "starts_on": DATE, "ends_on": DATE},
    "task_states": {"reason": TEXT, "changed_on": DATE},
    "chronology_imports": {"agency": TEXT, "file_name": TEXT, "imported_on": DATETIME},
    "chronology_entries": {"content": JSON},
    "agencies": {"name": TEXT, "contact": TEXT},
    "drafts": {"content": BYTES, "made_at": DATETIME},
    "review_items": {"content": JSON},
    "recommendations": {"text": TEXT, "agency": TEXT, "outcome": TEXT, "target_date": DATE},
    "actions": {"action": TEXT, "lead_agency": TEXT, "lead_officer": TEXT, "milestones": TEXT,
                "target_date": DATE, "completed_on": DATE, "outcome": TEXT, "added_on": DATE},
}

# Plain columns identify no person and no event. One line each says why.
PLAIN: dict[str, dict[str, str]] = {
    "workspace_meta": {
        "id": "always 1: the single settings row",
        "application": "marks the file as a DHR Manager workspace",
        "key_id": "which data key is current; needed before anything opens",
        "created_at": "when the file was made; says nothing about any case",
    },
    "users": {
        "id": "random UUID",
        "name": "staff login name, needed before unlock to choose the key slot; not a case subject",
        "role": "access rule read before any case is opened",
        "created_at": "when a staff account was made; says nothing about any case",
    },
    "key_slots": {
        "id": "random UUID",
        "user_id": "foreign key",
        "kind": "passphrase or recovery",
        "kdf_params": "Argon2id cost parameters, needed to derive the key",
        "salt": "random; public by design",
        "wrapped_key": "the data key, encrypted by the slot's own key",
        "key_id": "which data key the slot holds",
    },
    "cases": {
        "id": "random UUID",
        "reference_index": "keyed hash of the reference, for uniqueness and look-up without the plaintext",
        "stage": "process stage enum; identifies no one",
        "status": "open/paused/closed enum; identifies no one",
        "profile_id": "which published process the case follows, e.g. england-dhr-2016",
        "profile_version": "version of that process",
        "row_version": "optimistic-locking counter",
    },
    "people": {
        "id": "random UUID",
        "case_id": "foreign key",
        "role": "victim/perpetrator/family/other enum; every case has these",
        "row_version": "optimistic-locking counter",
    },
    "notes": {"id": "random UUID", "case_id": "foreign key", "author_id": "foreign key to staff"},
    "case_assignments": {"case_id": "foreign key", "user_id": "foreign key to staff"},
    "review_comments": {
        "id": "random UUID",
        "case_id": "foreign key",
        "author_id": "foreign key to staff",
        "status": "open/resolved enum",
    },
    "process_profiles": {
        "id": "random UUID",
        "profile_id": "name of a published process",
        "version": "its version",
        "digest": "hash of the profile text",
        "source": "the profile file: public guidance timescales, no case data",
    },
    "events": {
        "id": "random UUID",
        "case_id": "foreign key",
        "kind": "process step enum such as decision; like the stage, identifies no one",
        "recorded_by": "foreign key to staff",
    },
    "pauses": {"id": "random UUID", "case_id": "foreign key"},
    "task_states": {
        "id": "random UUID",
        "case_id": "foreign key",
        "task_id": "hash-derived task id",
        "status": "done/not needed enum",
        "changed_by": "foreign key to staff",
    },
    "chronology_imports": {
        "id": "random UUID",
        "case_id": "foreign key",
        "digest_index": "keyed hash of the agency and the file's bytes, to notice the same file imported twice",
        "imported_by": "foreign key to staff",
    },
    "chronology_entries": {
        "id": "random UUID",
        "case_id": "foreign key",
        "import_id": "foreign key",
        "key_event": "a yes/no flag the coordinator sets; says nothing without the sealed entry",
        "row_version": "optimistic-locking counter",
    },
    "agencies": {
        "id": "random UUID",
        "name_index": "keyed hash of the agency's name, for uniqueness and look-up without the plaintext",
        "kind": "the type of agency (police, health, ...), from a fixed list; names nobody",
        "row_version": "optimistic-locking counter",
    },
    "drafts": {
        "id": "random UUID",
        "case_id": "foreign key",
        "kind": "which of the fixed document kinds (overview-report, agenda, ...)",
        "version": "the draft's number, 1 for v0.1",
        "made_by": "foreign key to staff",
    },
    "review_items": {
        "id": "random UUID",
        "case_id": "foreign key",
        "kind": "comment, insertion or deletion",
        "status": "open/resolved enum",
        "imported_by": "foreign key to staff",
        "row_version": "optimistic-locking counter",
    },
    "recommendations": {
        "id": "random UUID",
        "case_id": "foreign key",
        "number": "the recommendation's position in the plan (1, 2, ...)",
        "scope": "local/regional/national enum; identifies no one",
        "row_version": "optimistic-locking counter",
    },
    "actions": {
        "id": "random UUID",
        "case_id": "foreign key",
        "recommendation_id": "foreign key",
        "number": "the action's position within its recommendation (the 1 of 2.1)",
        "at_risk": "a yes/no flag the coordinator sets; says nothing without the sealed action",
        "row_version": "optimistic-locking counter",
    },
    "document_templates": {
        "kind": "which of the fixed document kinds the template is for",
        "content": "the local authority's Word template: letterhead, fixed wording and {{ field }} tags; no case data",
        "file_name": "the name of the template file the administrator chose",
        "replaced_at": "when an administrator replaced the template; says nothing about any case",
        "replaced_by": "foreign key to staff",
    },
    "audit_log": {
        "seq": "position in the chain",
        "at": "when a staff member acted; not the date of anything that happened to a person",
        "user_id": "foreign key to staff",
        "action": "verb such as case.create; never a value",
        "table_name": "which table the record is in",
        "record_id": "random UUID of the record",
        "case_id": "random UUID of the case",
        "mac": "keyed hash chaining the entry to the one before",
    },
    "alembic_version": {"version_num": "schema revision"},
}


class Sealer:
    """Seals values into rows and opens them, binding each to its table, column and row id."""

    def __init__(self, cipher: FieldCipher) -> None:
        self._cipher = cipher

    def seal(self, table: str, column: str, row_id: str, value: Any) -> bytes | None:
        if value is None:
            return None
        return self._cipher.seal(table, column, row_id, SEALED[table][column].encode(value))

    def open(self, table: str, column: str, row_id: str, sealed: bytes | None) -> Any:
        """Open one value; raises `SealBroken` when it was tampered with or moved."""
        if sealed is None:
            return None
        return SEALED[table][column].decode(self._cipher.open(table, column, row_id, sealed))

    def put(self, row: Any, column: str, value: Any) -> None:
        """Seal `value` into `row.column`; the row's table and id come from the row itself."""
        setattr(row, column, self.seal(row.__tablename__, column, row.id, value))

    def get(self, row: Any, column: str) -> Any:
        return self.open(row.__tablename__, column, row.id, getattr(row, column))

    def get_or_flag(self, row: Any, column: str, unreadable: list[str]) -> Any:
        """Like `get`, but a value that does not open becomes None and is named in `unreadable`, so one
        tampered field never hides the rest of the workspace."""
        try:
            return self.get(row, column)
        except SealBroken:
            unreadable.append(f"{row.__tablename__}.{column} of record {row.id}")
            return None


__all__ = ["PLAIN", "SEALED", "SealBroken", "Sealer"]
