"""The signal table: one anonymous row per hulpvraag, keyed by an HMAC.

Revision ID: s0001
Revises:
Create Date: 2026-11-22
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "s0001"
down_revision = None
branch_labels = None
depends_on = None

# Frozen copies: a migration must keep creating what it created then, whatever the code says now.
LEEFTIJDSGROEPEN = ("0-11", "12-17", "18-64", "65+", "onbekend")
VOOR_WIE = ("zelf", "kind", "naaste", "onbekend")
ROUTES = (
    "crisis_suicide",
    "crisis_huiselijk_geweld",
    "crisis_acuut",
    "sociale_basis",
    "wmo_loket",
    "cjg",
    "buiten_scope",
    "niet_begrepen",
)
GEHOLPEN = ("ja", "nee", "onbekend")


def _in(kolom: str, waarden: tuple[str, ...]) -> str:
    return f"{kolom} IN ({', '.join(repr(w) for w in waarden)})"


def upgrade() -> None:
    """Create ``signaal`` and its reporting index."""
    op.create_table(
        "signaal",
        sa.Column("sleutel", sa.String(64), primary_key=True),
        sa.Column("datum", sa.Date, nullable=False),
        sa.Column("thema", sa.String(32), nullable=True),
        sa.Column("leeftijdsgroep", sa.String(8), nullable=False),
        sa.Column("voor_wie", sa.String(8), nullable=False),
        sa.Column("wijk", sa.String(120), nullable=False),
        sa.Column("route", sa.String(32), nullable=False),
        sa.Column("getoond", sa.String(700), nullable=False),
        sa.Column("geholpen", sa.String(8), nullable=False),
        sa.Column("geen_passend_aanbod", sa.Boolean, nullable=False),
        sa.CheckConstraint(
            _in("leeftijdsgroep", LEEFTIJDSGROEPEN), name="ck_signaal_leeftijdsgroep"
        ),
        sa.CheckConstraint(_in("voor_wie", VOOR_WIE), name="ck_signaal_voor_wie"),
        sa.CheckConstraint(_in("route", ROUTES), name="ck_signaal_route"),
        sa.CheckConstraint(_in("geholpen", GEHOLPEN), name="ck_signaal_geholpen"),
    )
    op.create_index(
        "ix_signaal_rapport",
        "signaal",
        ["datum", "thema", "wijk", "route", "geholpen", "geen_passend_aanbod"],
    )


def downgrade() -> None:
    """Drop the table (this is the first revision)."""
    op.drop_index("ix_signaal_rapport", table_name="signaal")
    op.drop_table("signaal")
