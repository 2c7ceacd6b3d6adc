"""Change log of the kaart: who changed which offers when (imports, organisation updates).

One row per change event (an import is one row with the id lists), so the beheer page can show
the history and a full-replace import can warn about changes made after its file was exported.

Revision ID: v0003_wijzigingen
Revises: 0002
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "v0003_wijzigingen"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Create ``kaart_wijziging``; existing offers are untouched (the log starts empty)."""
    op.create_table(
        "kaart_wijziging",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("tijdstip", sa.DateTime, nullable=False),
        sa.Column("wie", sa.String(200), nullable=False),
        sa.Column("soort", sa.String(32), nullable=False),
        sa.Column("toegevoegd", sa.Text, nullable=False, server_default="[]"),
        sa.Column("gewijzigd", sa.Text, nullable=False, server_default="[]"),
        sa.Column("verwijderd", sa.Text, nullable=False, server_default="[]"),
        sa.Column("toelichting", sa.Text, nullable=False, server_default=""),
    )
    op.create_index("ix_kaart_wijziging_tijdstip", "kaart_wijziging", ["tijdstip"])


def downgrade() -> None:
    """Drop the log; the offers themselves are untouched."""
    op.drop_index("ix_kaart_wijziging_tijdstip", table_name="kaart_wijziging")
    op.drop_table("kaart_wijziging")
