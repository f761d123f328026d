"""Action plans: recommendations and the actions that carry them out.

Revision ID: 0006
Revises: 0005
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "recommendations",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("case_id", sa.String(36), sa.ForeignKey("cases.id"), nullable=False, index=True),
        sa.Column("number", sa.Integer, nullable=False),
        sa.Column("scope", sa.String(20), nullable=False),
        sa.Column("text", sa.LargeBinary, nullable=False),
        sa.Column("agency", sa.LargeBinary),
        sa.Column("outcome", sa.LargeBinary),
        sa.Column("target_date", sa.LargeBinary),
        sa.Column("row_version", sa.Integer, nullable=False),
        sa.UniqueConstraint("case_id", "number"),
    )
    op.create_table(
        "actions",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("case_id", sa.String(36), sa.ForeignKey("cases.id"), nullable=False, index=True),
        sa.Column("recommendation_id", sa.String(36), sa.ForeignKey("recommendations.id"), nullable=False,
                  index=True),
        sa.Column("number", sa.Integer, nullable=False),
        sa.Column("action", sa.LargeBinary, nullable=False),
        sa.Column("lead_agency", sa.LargeBinary, nullable=False),
        sa.Column("lead_officer", sa.LargeBinary),
        sa.Column("milestones", sa.LargeBinary),
        sa.Column("target_date", sa.LargeBinary),
        sa.Column("completed_on", sa.LargeBinary),
        sa.Column("outcome", sa.LargeBinary),
        sa.Column("added_on", sa.LargeBinary, nullable=False),
        sa.Column("at_risk", sa.Integer, nullable=False),
        sa.Column("row_version", sa.Integer, nullable=False),
        sa.UniqueConstraint("recommendation_id", "number"),
    )


def downgrade() -> None:
    for table in ("actions", "recommendations"):
        op.drop_table(table)
