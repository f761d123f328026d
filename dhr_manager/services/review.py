"""Review comments: what a chair sends back on a case. Chairs may add these and nothing else."""

from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import select

from dhr_manager.domain.cases import UNREADABLE, require_text
from dhr_manager.domain.roles import Permission
from dhr_manager.services.case_access import find_case
from dhr_manager.services.users import staff_names
from dhr_manager.storage.schema import ReviewCommentRow
from dhr_manager.storage.workspace import UnlockedWorkspace


@dataclass(frozen=True)
class ReviewCommentView:
    id: str
    written_at: str
    author: str
    text: str
    status: str


def add_review_comment(ws: UnlockedWorkspace, reference: str, text: str) -> ReviewCommentView:
    ws.require(Permission.ADD_REVIEW_COMMENT)
    text = require_text(text, "A review comment", limit=20_000)
    with ws.unit_of_work(write=True) as uow:
        case = find_case(ws, uow, reference)
        written = datetime.now(UTC)
        row = ReviewCommentRow(case_id=case.id, author_id=ws.user.id, status="open")
        uow.sealer.put(row, "written_at", written)
        uow.sealer.put(row, "text", text)
        uow.session.add(row)
        uow.record("review-comment.add", "review_comments", row.id, case.id)
    return ReviewCommentView(row.id, written.isoformat(timespec="seconds"), ws.user.name, text, "open")


def list_review_comments(ws: UnlockedWorkspace, reference: str) -> list[ReviewCommentView]:
    ws.require(Permission.READ_ASSIGNED_CASES)
    with ws.unit_of_work() as uow:
        case = find_case(ws, uow, reference)
        authors = staff_names(uow.session)
        views = []
        for row in uow.session.scalars(select(ReviewCommentRow).where(ReviewCommentRow.case_id == case.id)):
            flags: list[str] = []
            written = uow.sealer.get_or_flag(row, "written_at", flags)
            views.append(ReviewCommentView(
                row.id, written.isoformat(timespec="seconds") if written else UNREADABLE,
                authors[row.author_id], uow.sealer.get_or_flag(row, "text", flags) or UNREADABLE, row.status))
    return sorted(views, key=lambda view: view.written_at)
