"""Free-text case notes, sealed."""

from datetime import UTC, datetime

from dhr_manager.domain.cases import require_text
from dhr_manager.domain.roles import Permission
from dhr_manager.services.case_access import find_case
from dhr_manager.storage.schema import NoteRow
from dhr_manager.storage.workspace import UnlockedWorkspace

NOTE_LIMIT = 20_000


def add_notes(ws: UnlockedWorkspace, reference: str, texts: list[str]) -> int:
    """Add one or more notes to a case in one transaction: all of them are saved, or none."""
    ws.require(Permission.EDIT_CASES)
    cleaned = [require_text(text, "A note", limit=NOTE_LIMIT) for text in texts]
    with ws.unit_of_work(write=True) as uow:
        case = find_case(ws, uow, reference)
        written = datetime.now(UTC)
        for text in cleaned:
            row = NoteRow(case_id=case.id, author_id=ws.user.id)
            uow.sealer.put(row, "written_at", written)
            uow.sealer.put(row, "text", text)
            uow.session.add(row)
            uow.record("note.add", "notes", row.id, case.id)
    return len(cleaned)
