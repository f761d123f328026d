"""Review items: the comments and tracked changes of a draft a chair sent back, as a list to work through.

The returned Word file is hostile input like any other (see documents/review_reader.py) and is not kept; its
comments and changes are sealed as items, open until the coordinator resolves each. The file also goes through
the disclosure check: a real name in a returned draft means it was circulated with one, which the coordinator
must know about, so the places are reported and the import is audited as such.
"""

import hashlib
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import select

from dhr_manager.documents.disclosure import Hit
from dhr_manager.documents.review_reader import read_review
from dhr_manager.documents.safe_docx import read_file_bytes
from dhr_manager.domain.cases import UNREADABLE
from dhr_manager.domain.roles import Permission
from dhr_manager.errors import InputError, NotFound
from dhr_manager.services.case_access import find_case
from dhr_manager.services.drafts import check_disclosure
from dhr_manager.storage.schema import ReviewItemRow
from dhr_manager.storage.workspace import UnlockedWorkspace

OPEN, RESOLVED = "open", "resolved"


@dataclass(frozen=True)
class ReviewItemView:
    id: str
    kind: str  # comment, insertion or deletion
    status: str
    author: str
    at: str  # when the chair made it, as Word recorded it ("" if Word did not)
    text: str
    anchor: str  # the document text a comment is attached to, or the paragraph a change is in
    source: str  # the file it came from


@dataclass(frozen=True)
class ReviewImport:
    comments: int
    insertions: int
    deletions: int
    hits: list[Hit]


def _when(value: datetime | None) -> str:
    return value.isoformat(timespec="minutes") if value else ""


def import_review(ws: UnlockedWorkspace, reference: str, path: Path, password: str | None = None) -> ReviewImport:
    """Read a returned draft's comments and tracked changes into open review items, in one transaction."""
    ws.require(Permission.EDIT_CASES)
    path = Path(path)
    with ws.unit_of_work() as uow:
        find_case(ws, uow, reference)  # an unknown case is refused before the file is read
    data = read_file_bytes(path)
    review = read_review(path.name, data, password)
    if not review.comments and not review.changes:
        raise InputError(f"{path.name} has no comments or tracked changes to import. If the chair edited it "
                         "without Track Changes, compare it with the draft in Word instead.")
    hits = check_disclosure(ws, reference, review.document)
    digest = hashlib.sha256(data).hexdigest()
    items = [{"kind": "comment", "author": c.author, "at": _when(c.date), "text": c.text, "anchor": c.anchor}
             for c in review.comments]
    items += [{"kind": c.kind, "author": c.author, "at": _when(c.date), "text": c.text, "anchor": c.context}
              for c in review.changes]
    with ws.unit_of_work(write=True) as uow:
        case = find_case(ws, uow, reference)
        earlier = uow.session.scalars(select(ReviewItemRow).where(ReviewItemRow.case_id == case.id))
        if any(uow.sealer.get(row, "content").get("digest") == digest for row in earlier):
            raise InputError(f"{path.name} has already been imported on this case; its items are in the list.")
        for item in items:
            row = ReviewItemRow(case_id=case.id, kind=item["kind"], status=OPEN, imported_by=ws.user.id)
            uow.sealer.put(row, "content", {**item, "source": path.name, "digest": digest})
            uow.session.add(row)
            uow.record("review-item.import", "review_items", row.id, case.id)
        if hits:
            uow.record("review-item.import-disclosure-hits", "review_items", row.id, case.id)
    return ReviewImport(len(review.comments), sum(c.kind == "insertion" for c in review.changes),
                        sum(c.kind == "deletion" for c in review.changes), hits)


def list_review_items(ws: UnlockedWorkspace, reference: str, status: str | None = None) -> list[ReviewItemView]:
    """The case's review items, open ones first, each group in the order they were imported."""
    ws.require(Permission.EDIT_CASES)
    with ws.unit_of_work() as uow:
        case = find_case(ws, uow, reference)
        views = []
        for row in uow.session.scalars(select(ReviewItemRow).where(ReviewItemRow.case_id == case.id)):
            content = uow.sealer.get_or_flag(row, "content", []) or {"text": UNREADABLE}
            views.append(ReviewItemView(row.id, row.kind, row.status, content.get("author", ""),
                                        content.get("at", ""), content.get("text", ""), content.get("anchor", ""),
                                        content.get("source", "")))
    shown = [v for v in views if status is None or v.status == status]
    return sorted(shown, key=lambda v: v.status != OPEN)


def find_item(ws: UnlockedWorkspace, reference: str, id_or_prefix: str) -> ReviewItemView:
    """An item of the case by its id or the first characters of it (at least 6, and only one may match)."""
    wanted = id_or_prefix.strip().lower()
    matches = [v for v in list_review_items(ws, reference) if len(wanted) >= 6 and v.id.startswith(wanted)]
    if len(matches) != 1:
        raise NotFound(f"No single review item on this case starts with '{id_or_prefix}'; review items lists them.")
    return matches[0]


def set_review_item_status(ws: UnlockedWorkspace, item_id: str, resolved: bool) -> None:
    ws.require(Permission.EDIT_CASES)
    with ws.unit_of_work(write=True) as uow:
        row = uow.session.get(ReviewItemRow, item_id)
        if row is None:
            raise NotFound(f"There is no review item {item_id}.")
        row.status = RESOLVED if resolved else OPEN
        uow.record("review-item.resolve" if resolved else "review-item.reopen", "review_items", row.id, row.case_id)
