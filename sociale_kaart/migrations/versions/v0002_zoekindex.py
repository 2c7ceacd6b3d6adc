"""Search index, kaart status, sort names and doelgroep bits for Dutch-aware search.

The index itself is derived data: this revision only creates the tables. ``init_database``
(``wegwijzer setup``) and every import (re)build the index when it is missing or was built
with an older analysis, so existing offers become searchable without losing anything.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-22
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Add the index tables, the status row table and ``aanbod.sorteernaam``."""
    op.add_column(
        "aanbod", sa.Column("sorteernaam", sa.String(200), nullable=False, server_default="")
    )
    op.add_column(
        "aanbod", sa.Column("doelgroep_bits", sa.Integer, nullable=False, server_default="0")
    )
    op.create_index(
        "ix_aanbod_zoek",
        "aanbod",
        [
            "id",
            "niveau",
            "wijk_id",
            "laatst_gecontroleerd",
            "leeftijd_min",
            "leeftijd_max",
            "doelgroep_bits",
            "sorteernaam",
        ],
    )
    op.create_index("ix_aanbod_thema_thema_code", "aanbod_thema", ["thema_code", "aanbod_id"])
    op.create_table(
        "aanbod_zoekterm",
        sa.Column(
            "aanbod_id",
            sa.String(64),
            sa.ForeignKey("aanbod.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column("term", sa.String(64), primary_key=True),
        sa.Column("veld", sa.String(16), nullable=False),
        sa.Column("gewicht", sa.Integer, nullable=False),
    )
    op.create_index("ix_aanbod_zoekterm_term", "aanbod_zoekterm", ["term", "aanbod_id", "gewicht"])
    op.create_table(
        "kaart_status",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("versie", sa.String(36), nullable=False),
        sa.Column("index_versie", sa.String(32), nullable=False),
        sa.Column("bijgewerkt", sa.DateTime),
    )


def downgrade() -> None:
    """Remove the index; the offers themselves are untouched."""
    op.drop_table("kaart_status")
    op.drop_index("ix_aanbod_zoekterm_term", table_name="aanbod_zoekterm")
    op.drop_table("aanbod_zoekterm")
    op.drop_index("ix_aanbod_thema_thema_code", table_name="aanbod_thema")
    op.drop_index("ix_aanbod_zoek", table_name="aanbod")
    # Plain ALTER TABLE, also on SQLite (3.35+): batch mode would copy and drop ``aanbod``,
    # and with foreign keys on that drop cascades to the thema's and doelgroepen.
    op.drop_column("aanbod", "doelgroep_bits")
    op.drop_column("aanbod", "sorteernaam")
