"""Agency chronology imports and the combined chronology's entries.

Revision ID: 0004
Revises: 0003
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "chronology_imports",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("case_id", sa.String(36), sa.ForeignKey("cases.id"), nullable=False, index=True),
        sa.Column("digest_index", sa.String(64), nullable=False, index=True),
        sa.Column("agency", sa.LargeBinary, nullable=False),
        sa.Column("file_name", sa.LargeBinary, nullable=False),
        sa.Column("imported_on", sa.LargeBinary, nullable=False),
        sa.Column("imported_by", sa.String(36), sa.ForeignKey("users.id"), nullable=False),
    )
    op.create_table(
        "chronology_entries",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("case_id", sa.String(36), sa.ForeignKey("cases.id"), nullable=False, index=True),
        sa.Column("import_id", sa.String(36), sa.ForeignKey("chronology_imports.id"), nullable=False, index=True),
        sa.Column("content", sa.LargeBinary, nullable=False),
        sa.Column("key_event", sa.Integer, nullable=False),
        sa.Column("row_version", sa.Integer, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("chronology_entries")
    op.drop_table("chronology_imports")
