"""Initial workspace: settings, users and key slots, cases, people, notes, the audit log.

Revision ID: 0001
Revises:
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "workspace_meta",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("application", sa.String(40), nullable=False),
        sa.Column("key_id", sa.Integer, nullable=False),
        sa.Column("created_at", sa.String(40), nullable=False),
    )
    op.create_table(
        "users",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("name", sa.String(100), nullable=False, unique=True),
        sa.Column("role", sa.String(20), nullable=False),
        sa.Column("created_at", sa.String(40), nullable=False),
    )
    op.create_table(
        "key_slots",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("user_id", sa.String(36), sa.ForeignKey("users.id"), unique=True),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("kdf_params", sa.Text, nullable=False),
        sa.Column("salt", sa.LargeBinary, nullable=False),
        sa.Column("wrapped_key", sa.LargeBinary, nullable=False),
        sa.Column("key_id", sa.Integer, nullable=False),
    )
    op.create_table(
        "cases",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("reference_index", sa.String(64), nullable=False, unique=True),
        sa.Column("reference", sa.LargeBinary, nullable=False),
        sa.Column("area", sa.LargeBinary, nullable=False),
        sa.Column("notified_on", sa.LargeBinary, nullable=False),
        sa.Column("date_of_death", sa.LargeBinary),
        sa.Column("stage", sa.String(20), nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("row_version", sa.Integer, nullable=False),
    )
    op.create_table(
        "people",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("case_id", sa.String(36), sa.ForeignKey("cases.id"), nullable=False, index=True),
        sa.Column("role", sa.String(20), nullable=False),
        sa.Column("name", sa.LargeBinary, nullable=False),
        sa.Column("pseudonym", sa.LargeBinary, nullable=False),
        sa.Column("date_of_birth", sa.LargeBinary),
        sa.Column("address", sa.LargeBinary),
        sa.Column("row_version", sa.Integer, nullable=False),
    )
    op.create_table(
        "notes",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("case_id", sa.String(36), sa.ForeignKey("cases.id"), nullable=False, index=True),
        sa.Column("author_id", sa.String(36), sa.ForeignKey("users.id"), nullable=False),
        sa.Column("written_at", sa.LargeBinary, nullable=False),
        sa.Column("text", sa.LargeBinary, nullable=False),
    )
    op.create_table(
        "audit_log",
        sa.Column("seq", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("at", sa.String(40), nullable=False),
        sa.Column("user_id", sa.String(36), sa.ForeignKey("users.id")),
        sa.Column("action", sa.String(60), nullable=False),
        sa.Column("table_name", sa.String(40), nullable=False),
        sa.Column("record_id", sa.String(36), nullable=False),
        sa.Column("case_id", sa.String(36), index=True),
        sa.Column("mac", sa.LargeBinary, nullable=False),
    )
    # Append-only: the database itself refuses to change or remove an audit entry.
    op.execute(
        "CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log "
        "BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END"
    )
    op.execute(
        "CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log "
        "BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END"
    )


def downgrade() -> None:
    op.execute("DROP TRIGGER audit_log_no_delete")
    op.execute("DROP TRIGGER audit_log_no_update")
    for table in ("audit_log", "notes", "people", "cases", "key_slots", "users", "workspace_meta"):
        op.drop_table(table)
