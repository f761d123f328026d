"""The append-only, hash-chained audit log.

Each entry records who did what to which record and when, never a value. Its MAC is
HMAC-SHA256(audit key, previous MAC || canonical entry), with the audit key derived from the data key, so
an entry changed, removed or inserted breaks the chain from that point, and only someone holding the data
key could forge it. The database also refuses UPDATE and DELETE on the table (triggers in migration 0001).
"""

import hashlib
import hmac
import json
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from dhr_manager.storage.schema import AuditRow

GENESIS = bytes(32)


def _entry_mac(key: bytes, previous: bytes, row: AuditRow) -> bytes:
    canonical = json.dumps(
        [row.seq, row.at, row.user_id, row.action, row.table_name, row.record_id, row.case_id],
        separators=(",", ":"),
    ).encode()
    return hmac.new(key, previous + canonical, hashlib.sha256).digest()


@dataclass
class AuditWriter:
    """Appends entries inside one write unit of work, which holds the write lock, so the chain has no forks."""

    session: Session
    key: bytes
    user_id: str | None
    at: str
    _last: tuple[int, bytes] | None = None

    def append(self, action: str, table: str, record_id: str, case_id: str | None = None) -> None:
        if self._last is None:
            latest = self.session.execute(
                select(AuditRow.seq, AuditRow.mac).order_by(AuditRow.seq.desc()).limit(1)
            ).first()
            self._last = (latest.seq, latest.mac) if latest else (0, GENESIS)
        seq, previous = self._last
        row = AuditRow(seq=seq + 1, at=self.at, user_id=self.user_id, action=action, table_name=table,
                       record_id=record_id, case_id=case_id, mac=b"")
        row.mac = _entry_mac(self.key, previous, row)
        self.session.add(row)
        self._last = (row.seq, row.mac)


def verify_chain(session: Session, key: bytes) -> list[str]:
    """Recompute the chain; one line for each entry that does not follow from the one before."""
    problems = []
    previous, expected_seq = GENESIS, 1
    for row in session.scalars(select(AuditRow).order_by(AuditRow.seq)):
        if row.seq != expected_seq:
            problems.append(f"audit log: entry {expected_seq} is missing (next is {row.seq})")
        if not hmac.compare_digest(row.mac, _entry_mac(key, previous, row)):
            problems.append(f"audit log: entry {row.seq} ({row.action} on {row.table_name} {row.record_id}) "
                            "was altered or does not follow the entry before it")
        previous, expected_seq = row.mac, row.seq + 1
    return problems
