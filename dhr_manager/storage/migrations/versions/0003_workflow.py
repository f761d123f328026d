"""The statutory workflow: process profiles kept per case, events, pauses and task decisions.

Revision ID: 0003
Revises: 0002
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "process_profiles",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("profile_id", sa.String(60), nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("digest", sa.String(64), nullable=False),
        sa.Column("source", sa.Text, nullable=False),
        sa.UniqueConstraint("profile_id", "version"),
    )
    # Cases made before profiles existed ran under the England 2016 process, the only one there was.
    with op.batch_alter_table("cases") as batch:
        batch.add_column(sa.Column("profile_id", sa.String(60), nullable=False, server_default="england-dhr-2016"))
        batch.add_column(sa.Column("profile_version", sa.Integer, nullable=False, server_default="1"))
    with op.batch_alter_table("cases") as batch:
        batch.alter_column("profile_id", server_default=None)
        batch.alter_column("profile_version", server_default=None)
    op.create_table(
        "events",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("case_id", sa.String(36), sa.ForeignKey("cases.id"), nullable=False, index=True),
        sa.Column("kind", sa.String(40), nullable=False),
        sa.Column("occurred_on", sa.LargeBinary, nullable=False),
        sa.Column("details", sa.LargeBinary, nullable=False),
        sa.Column("recorded_by", sa.String(36), sa.ForeignKey("users.id"), nullable=False),
    )
    op.create_table(
        "pauses",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("case_id", sa.String(36), sa.ForeignKey("cases.id"), nullable=False, index=True),
        sa.Column("reason", sa.LargeBinary, nullable=False),
        sa.Column("starts_on", sa.LargeBinary, nullable=False),
        sa.Column("ends_on", sa.LargeBinary),
    )
    op.create_table(
        "task_states",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("case_id", sa.String(36), sa.ForeignKey("cases.id"), nullable=False, index=True),
        sa.Column("task_id", sa.String(12), nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("reason", sa.LargeBinary),
        sa.Column("changed_on", sa.LargeBinary, nullable=False),
        sa.Column("changed_by", sa.String(36), sa.ForeignKey("users.id"), nullable=False),
        sa.UniqueConstraint("case_id", "task_id"),
    )


def downgrade() -> None:
    op.drop_table("task_states")
    op.drop_table("pauses")
    op.drop_table("events")
    with op.batch_alter_table("cases") as batch:
        batch.drop_column("profile_version")
        batch.drop_column("profile_id")
    op.drop_table("process_profiles")
