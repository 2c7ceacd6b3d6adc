"""The labels table: de-identified resident messages with the intent a beheerder gave them.

Revision ID: l0001
Revises:
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "l0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Create ``leren_label``."""
    op.create_table(
        "leren_label",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("tekst", sa.String(2000), nullable=False),
        sa.Column("intent", sa.String(64), nullable=False),
        sa.Column("door", sa.String(120), nullable=False),
        sa.Column("op", sa.DateTime, nullable=False),
        sa.UniqueConstraint("tekst", name="uq_leren_label_tekst"),
    )


def downgrade() -> None:
    """Drop the table (this is the first revision)."""
    op.drop_table("leren_label")
