"""The kaart as it was before migrations existed (created then by ``create_all``).

Databases created that way have no ``alembic_version`` table; set-up stamps them with this
revision (see ``sociale_kaart.migraties``) and upgrades from here, keeping their data.

Revision ID: 0001
Revises:
Create Date: 2026-11-22
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

NIVEAUS = ("sociale_basis", "algemene_voorziening", "maatwerk")


def upgrade() -> None:
    """Create the original tables."""
    op.create_table(
        "thema",
        sa.Column("code", sa.String(32), primary_key=True),
        sa.Column("naam", sa.String(120), nullable=False),
    )
    op.create_table(
        "wijk",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("naam", sa.String(120), nullable=False, unique=True),
    )
    op.create_table(
        "organisatie",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("naam", sa.String(200), nullable=False, unique=True),
    )
    op.create_table(
        "wijk_postcode",
        sa.Column("pc4", sa.String(4), primary_key=True),
        sa.Column(
            "wijk_id", sa.Integer, sa.ForeignKey("wijk.id", ondelete="CASCADE"), nullable=False
        ),
    )
    op.create_table(
        "aanbod",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("naam", sa.String(200), nullable=False),
        sa.Column("organisatie_id", sa.Integer, sa.ForeignKey("organisatie.id"), nullable=False),
        sa.Column("omschrijving", sa.Text, nullable=False),
        sa.Column("niveau", sa.Enum(*NIVEAUS, name="niveau"), nullable=False),
        sa.Column("leeftijd_min", sa.Integer),
        sa.Column("leeftijd_max", sa.Integer),
        sa.Column("wijk_id", sa.Integer, sa.ForeignKey("wijk.id")),
        sa.Column("adres", sa.String(200)),
        sa.Column("postcode", sa.String(7)),
        sa.Column("plaats", sa.String(120)),
        sa.Column("telefoon", sa.String(40)),
        sa.Column("email", sa.String(200)),
        sa.Column("website", sa.String(500)),
        sa.Column("openingstijden", sa.Text),
        sa.Column("kosten", sa.String(200)),
        sa.Column("trefwoorden", sa.Text, nullable=False),
        sa.Column("laatst_gecontroleerd", sa.Date),
    )
    op.create_table(
        "aanbod_thema",
        sa.Column(
            "aanbod_id",
            sa.String(64),
            sa.ForeignKey("aanbod.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column("thema_code", sa.String(32), sa.ForeignKey("thema.code"), primary_key=True),
    )
    op.create_table(
        "aanbod_doelgroep",
        sa.Column(
            "aanbod_id",
            sa.String(64),
            sa.ForeignKey("aanbod.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column("doelgroep", sa.String(32), primary_key=True),
    )


def downgrade() -> None:
    """Drop everything (this is the first revision)."""
    for table in (
        "aanbod_doelgroep",
        "aanbod_thema",
        "aanbod",
        "wijk_postcode",
        "organisatie",
        "wijk",
        "thema",
    ):
        op.drop_table(table)
    sa.Enum(*NIVEAUS, name="niveau").drop(op.get_bind(), checkfirst=True)
