"""The agency register, generated drafts, review items from returned drafts, and local templates.

Revision ID: 0005
Revises: 0004
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "agencies",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("name_index", sa.String(64), nullable=False, unique=True),
        sa.Column("name", sa.LargeBinary, nullable=False),
        sa.Column("kind", sa.String(30), nullable=False),
        sa.Column("contact", sa.LargeBinary),
        sa.Column("row_version", sa.Integer, nullable=False),
    )
    op.create_table(
        "drafts",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("case_id", sa.String(36), sa.ForeignKey("cases.id"), nullable=False, index=True),
        sa.Column("kind", sa.String(40), nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("content", sa.LargeBinary, nullable=False),
        sa.Column("made_at", sa.LargeBinary, nullable=False),
        sa.Column("made_by", sa.String(36), sa.ForeignKey("users.id"), nullable=False),
    )
    op.create_table(
        "review_items",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("case_id", sa.String(36), sa.ForeignKey("cases.id"), nullable=False, index=True),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("content", sa.LargeBinary, nullable=False),
        sa.Column("imported_by", sa.String(36), sa.ForeignKey("users.id"), nullable=False),
        sa.Column("row_version", sa.Integer, nullable=False),
    )
    op.create_table(
        "document_templates",
        sa.Column("kind", sa.String(40), primary_key=True),
        sa.Column("content", sa.LargeBinary, nullable=False),
        sa.Column("file_name", sa.String(255), nullable=False),
        sa.Column("replaced_at", sa.String(40), nullable=False),
        sa.Column("replaced_by", sa.String(36), sa.ForeignKey("users.id"), nullable=False),
    )


def downgrade() -> None:
    for table in ("document_templates", "review_items", "drafts", "agencies"):
        op.drop_table(table)
