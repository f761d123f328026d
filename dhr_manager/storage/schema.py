"""The tables of a workspace (SQLAlchemy 2 typed mapping).

Sealed columns hold ciphertext (`LargeBinary`); which column is sealed and why every other column may stay
plain is written once, in `sealing.py`. Rows of sealed tables get their id when the Python object is made,
so the id can be bound into each sealed value before the first flush.
"""

import uuid

from sqlalchemy import ForeignKey, Integer, LargeBinary, String, Text, UniqueConstraint
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


def new_id() -> str:
    return str(uuid.uuid4())


class Base(DeclarativeBase):
    pass


class ClientId:
    """Mixin: a UUID primary key set on construction, not by the database."""

    id: Mapped[str] = mapped_column(String(36), primary_key=True)

    def __init__(self, **kwargs: object) -> None:
        kwargs.setdefault("id", new_id())
        super().__init__(**kwargs)


class WorkspaceMeta(Base):
    __tablename__ = "workspace_meta"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    application: Mapped[str] = mapped_column(String(40))
    key_id: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[str] = mapped_column(String(40))


class UserRow(ClientId, Base):
    __tablename__ = "users"

    name: Mapped[str] = mapped_column(String(100), unique=True)
    role: Mapped[str] = mapped_column(String(20))
    created_at: Mapped[str] = mapped_column(String(40))


class KeySlotRow(ClientId, Base):
    __tablename__ = "key_slots"

    user_id: Mapped[str | None] = mapped_column(ForeignKey("users.id"), unique=True)
    kind: Mapped[str] = mapped_column(String(20))
    kdf_params: Mapped[str] = mapped_column(Text)
    salt: Mapped[bytes] = mapped_column(LargeBinary)
    wrapped_key: Mapped[bytes] = mapped_column(LargeBinary)
    key_id: Mapped[int] = mapped_column(Integer)


class CaseRow(ClientId, Base):
    __tablename__ = "cases"

    reference_index: Mapped[str] = mapped_column(String(64), unique=True)
    reference: Mapped[bytes] = mapped_column(LargeBinary)
    area: Mapped[bytes] = mapped_column(LargeBinary)
    notified_on: Mapped[bytes] = mapped_column(LargeBinary)
    date_of_death: Mapped[bytes | None] = mapped_column(LargeBinary)
    stage: Mapped[str] = mapped_column(String(20))
    status: Mapped[str] = mapped_column(String(20))
    profile_id: Mapped[str] = mapped_column(String(60))
    profile_version: Mapped[int] = mapped_column(Integer)
    row_version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": row_version}  # noqa: RUF012 - SQLAlchemy reads it as a class dict


class PersonRow(ClientId, Base):
    __tablename__ = "people"

    case_id: Mapped[str] = mapped_column(ForeignKey("cases.id"), index=True)
    role: Mapped[str] = mapped_column(String(20))
    name: Mapped[bytes] = mapped_column(LargeBinary)
    pseudonym: Mapped[bytes] = mapped_column(LargeBinary)
    date_of_birth: Mapped[bytes | None] = mapped_column(LargeBinary)
    address: Mapped[bytes | None] = mapped_column(LargeBinary)
    row_version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": row_version}  # noqa: RUF012


class NoteRow(ClientId, Base):
    __tablename__ = "notes"

    case_id: Mapped[str] = mapped_column(ForeignKey("cases.id"), index=True)
    author_id: Mapped[str] = mapped_column(ForeignKey("users.id"))
    written_at: Mapped[bytes] = mapped_column(LargeBinary)
    text: Mapped[bytes] = mapped_column(LargeBinary)


class CaseAssignmentRow(Base):
    """A chair's access to one case: chairs read only the cases they are given."""

    __tablename__ = "case_assignments"

    case_id: Mapped[str] = mapped_column(ForeignKey("cases.id"), primary_key=True)
    user_id: Mapped[str] = mapped_column(ForeignKey("users.id"), primary_key=True)


class ReviewCommentRow(ClientId, Base):
    __tablename__ = "review_comments"

    case_id: Mapped[str] = mapped_column(ForeignKey("cases.id"), index=True)
    author_id: Mapped[str] = mapped_column(ForeignKey("users.id"))
    written_at: Mapped[bytes] = mapped_column(LargeBinary)
    text: Mapped[bytes] = mapped_column(LargeBinary)
    status: Mapped[str] = mapped_column(String(20))


class ProcessProfileRow(ClientId, Base):
    """The exact profile text a case runs under, kept so that editing the file never moves a live case."""

    __tablename__ = "process_profiles"
    __table_args__ = (UniqueConstraint("profile_id", "version"),)

    profile_id: Mapped[str] = mapped_column(String(60))
    version: Mapped[int] = mapped_column(Integer)
    digest: Mapped[str] = mapped_column(String(64))
    source: Mapped[str] = mapped_column(Text)


class EventRow(ClientId, Base):
    __tablename__ = "events"

    case_id: Mapped[str] = mapped_column(ForeignKey("cases.id"), index=True)
    kind: Mapped[str] = mapped_column(String(40))
    occurred_on: Mapped[bytes] = mapped_column(LargeBinary)
    details: Mapped[bytes] = mapped_column(LargeBinary)
    recorded_by: Mapped[str] = mapped_column(ForeignKey("users.id"))


class PauseRow(ClientId, Base):
    """A pause for parallel proceedings (trial, inquest, IOPC investigation, family request)."""

    __tablename__ = "pauses"

    case_id: Mapped[str] = mapped_column(ForeignKey("cases.id"), index=True)
    reason: Mapped[bytes] = mapped_column(LargeBinary)
    starts_on: Mapped[bytes] = mapped_column(LargeBinary)
    ends_on: Mapped[bytes | None] = mapped_column(LargeBinary)


class TaskStateRow(ClientId, Base):
    """What a user decided about a generated task: done, or not needed with a reason."""

    __tablename__ = "task_states"
    __table_args__ = (UniqueConstraint("case_id", "task_id"),)

    case_id: Mapped[str] = mapped_column(ForeignKey("cases.id"), index=True)
    task_id: Mapped[str] = mapped_column(String(12))
    status: Mapped[str] = mapped_column(String(20))
    reason: Mapped[bytes | None] = mapped_column(LargeBinary)
    changed_on: Mapped[bytes] = mapped_column(LargeBinary)
    changed_by: Mapped[str] = mapped_column(ForeignKey("users.id"))


class ChronologyImportRow(ClientId, Base):
    """One agency file imported into a case's chronology; `digest_index` spots the same file imported again."""

    __tablename__ = "chronology_imports"

    case_id: Mapped[str] = mapped_column(ForeignKey("cases.id"), index=True)
    digest_index: Mapped[str] = mapped_column(String(64), index=True)
    agency: Mapped[bytes] = mapped_column(LargeBinary)
    file_name: Mapped[bytes] = mapped_column(LargeBinary)
    imported_on: Mapped[bytes] = mapped_column(LargeBinary)
    imported_by: Mapped[str] = mapped_column(ForeignKey("users.id"))


class ChronologyEntryRow(ClientId, Base):
    """One line of the combined chronology; everything it says is in the sealed `content`."""

    __tablename__ = "chronology_entries"

    case_id: Mapped[str] = mapped_column(ForeignKey("cases.id"), index=True)
    import_id: Mapped[str] = mapped_column(ForeignKey("chronology_imports.id"), index=True)
    content: Mapped[bytes] = mapped_column(LargeBinary)
    key_event: Mapped[int] = mapped_column(Integer, default=0)
    row_version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": row_version}  # noqa: RUF012


class AgencyRow(ClientId, Base):
    """An agency in the workspace's register, reused across cases; `name_index` keeps each name unique."""

    __tablename__ = "agencies"

    name_index: Mapped[str] = mapped_column(String(64), unique=True)
    name: Mapped[bytes] = mapped_column(LargeBinary)
    kind: Mapped[str] = mapped_column(String(30))
    contact: Mapped[bytes | None] = mapped_column(LargeBinary)
    row_version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": row_version}  # noqa: RUF012


class DraftRow(ClientId, Base):
    """One generated version of a case document (v0.1, v0.2, ...), the Word file itself sealed."""

    __tablename__ = "drafts"

    case_id: Mapped[str] = mapped_column(ForeignKey("cases.id"), index=True)
    kind: Mapped[str] = mapped_column(String(40))
    version: Mapped[int] = mapped_column(Integer)
    content: Mapped[bytes] = mapped_column(LargeBinary)
    made_at: Mapped[bytes] = mapped_column(LargeBinary)
    made_by: Mapped[str] = mapped_column(ForeignKey("users.id"))


class ReviewItemRow(ClientId, Base):
    """A comment or tracked change read from a draft a chair sent back; open until the coordinator resolves it."""

    __tablename__ = "review_items"

    case_id: Mapped[str] = mapped_column(ForeignKey("cases.id"), index=True)
    kind: Mapped[str] = mapped_column(String(20))
    status: Mapped[str] = mapped_column(String(20))
    content: Mapped[bytes] = mapped_column(LargeBinary)
    imported_by: Mapped[str] = mapped_column(ForeignKey("users.id"))
    row_version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": row_version}  # noqa: RUF012


class TemplateRow(Base):
    """The local authority's own Word template for one kind of document, replacing the built-in one."""

    __tablename__ = "document_templates"

    kind: Mapped[str] = mapped_column(String(40), primary_key=True)
    content: Mapped[bytes] = mapped_column(LargeBinary)
    file_name: Mapped[str] = mapped_column(String(255))
    replaced_at: Mapped[str] = mapped_column(String(40))
    replaced_by: Mapped[str] = mapped_column(ForeignKey("users.id"))


class RecommendationRow(ClientId, Base):
    """One recommendation of a review, numbered within its case as in the published report."""

    __tablename__ = "recommendations"
    __table_args__ = (UniqueConstraint("case_id", "number"),)

    case_id: Mapped[str] = mapped_column(ForeignKey("cases.id"), index=True)
    number: Mapped[int] = mapped_column(Integer)
    scope: Mapped[str] = mapped_column(String(20))
    text: Mapped[bytes] = mapped_column(LargeBinary)
    agency: Mapped[bytes | None] = mapped_column(LargeBinary)
    outcome: Mapped[bytes | None] = mapped_column(LargeBinary)
    target_date: Mapped[bytes | None] = mapped_column(LargeBinary)
    row_version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": row_version}  # noqa: RUF012


class ActionRow(ClientId, Base):
    """One action of the action plan (2.1, 2.2, ...), carrying out a recommendation."""

    __tablename__ = "actions"
    __table_args__ = (UniqueConstraint("recommendation_id", "number"),)

    case_id: Mapped[str] = mapped_column(ForeignKey("cases.id"), index=True)
    recommendation_id: Mapped[str] = mapped_column(ForeignKey("recommendations.id"), index=True)
    number: Mapped[int] = mapped_column(Integer)
    action: Mapped[bytes] = mapped_column(LargeBinary)
    lead_agency: Mapped[bytes] = mapped_column(LargeBinary)
    lead_officer: Mapped[bytes | None] = mapped_column(LargeBinary)
    milestones: Mapped[bytes | None] = mapped_column(LargeBinary)
    target_date: Mapped[bytes | None] = mapped_column(LargeBinary)
    completed_on: Mapped[bytes | None] = mapped_column(LargeBinary)
    outcome: Mapped[bytes | None] = mapped_column(LargeBinary)
    added_on: Mapped[bytes] = mapped_column(LargeBinary)
    at_risk: Mapped[int] = mapped_column(Integer, default=0)
    row_version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": row_version}  # noqa: RUF012


class AuditRow(Base):
    """One entry of the append-only audit log; `mac` chains it to the entry before (see `audit.py`)."""

    __tablename__ = "audit_log"

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    at: Mapped[str] = mapped_column(String(40))
    user_id: Mapped[str | None] = mapped_column(ForeignKey("users.id"))
    action: Mapped[str] = mapped_column(String(60))
    table_name: Mapped[str] = mapped_column(String(40))
    record_id: Mapped[str] = mapped_column(String(36))
    case_id: Mapped[str | None] = mapped_column(String(36), index=True)
    mac: Mapped[bytes] = mapped_column(LargeBinary)
