"""Organisations check their own entries: contact e-mail, link generation, proposal queue.

``organisatie.email`` is the optional contact address from the template column
``organisatie_email``; ``organisatie.link_generatie`` makes every new check link supersede the
older ones; ``organisatie_voorstel`` holds the changes organisations propose until a beheerder
accepts or rejects them. Existing data is untouched.

Revision ID: v0004_organisatie_links
Revises: v0003_wijzigingen
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "v0004_organisatie_links"
down_revision = "v0003_wijzigingen"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Add the two organisation columns and the proposal table."""
    op.add_column("organisatie", sa.Column("email", sa.String(200)))
    op.add_column(
        "organisatie",
        sa.Column("link_generatie", sa.Integer, nullable=False, server_default="0"),
    )
    op.create_table(
        "organisatie_voorstel",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "organisatie_id",
            sa.Integer,
            sa.ForeignKey("organisatie.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column(
            "aanbod_id",
            sa.String(64),
            sa.ForeignKey("aanbod.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("wijzigingen", sa.Text, nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("ingediend", sa.DateTime, nullable=False),
        sa.Column("besloten", sa.DateTime),
        sa.Column("besloten_door", sa.String(200)),
    )
    op.create_index(
        "ix_organisatie_voorstel_status", "organisatie_voorstel", ["status", "ingediend"]
    )


def downgrade() -> None:
    """Remove the queue and the two columns; the kaart itself is untouched."""
    op.drop_index("ix_organisatie_voorstel_status", table_name="organisatie_voorstel")
    op.drop_table("organisatie_voorstel")
    # Plain ALTER TABLE (SQLite 3.35+), see v0002: batch mode would copy and drop the table.
    op.drop_column("organisatie", "link_generatie")
    op.drop_column("organisatie", "email")
