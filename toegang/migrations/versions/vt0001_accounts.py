"""Accounts, roles, sessions, failed-login counters and the login log.

Revision ID: t0001
Revises:
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "t0001"
down_revision = None
branch_labels = None
depends_on = None

# Frozen copy: a migration must keep creating what it created then, whatever the code says now.
ROLLEN = ("loket", "beleid", "beheer")


def upgrade() -> None:
    """Create the five access tables."""
    op.create_table(
        "toegang_account",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("naam", sa.String(64), nullable=False, unique=True),
        sa.Column("wachtwoord_hash", sa.String(255), nullable=False),
        sa.Column("geblokkeerd", sa.Boolean, nullable=False),
        sa.Column("totp_geheim", sa.String(64), nullable=True),
        sa.Column("totp_verplicht", sa.Boolean, nullable=False),
        sa.Column("totp_laatste_stap", sa.Integer, nullable=True),
        sa.Column("aangemaakt", sa.DateTime, nullable=False),
        sa.Column("wachtwoord_gewijzigd", sa.DateTime, nullable=False),
    )
    op.create_table(
        "toegang_rol",
        sa.Column(
            "account_id",
            sa.Integer,
            sa.ForeignKey("toegang_account.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column("rol", sa.String(16), primary_key=True),
        sa.CheckConstraint(
            f"rol IN ({', '.join(repr(r) for r in ROLLEN)})", name="ck_toegang_rol_rol"
        ),
    )
    op.create_table(
        "toegang_sessie",
        sa.Column("token_hash", sa.String(64), primary_key=True),
        sa.Column(
            "account_id",
            sa.Integer,
            sa.ForeignKey("toegang_account.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("aangemaakt", sa.DateTime, nullable=False),
        sa.Column("laatst_gezien", sa.DateTime, nullable=False),
        sa.Column("voltooid", sa.Boolean, nullable=False),
        sa.Column("nieuw_geheim", sa.String(64), nullable=True),
    )
    op.create_index("ix_toegang_sessie_account", "toegang_sessie", ["account_id"])
    op.create_table(
        "toegang_poging",
        sa.Column("naam", sa.String(64), primary_key=True),
        sa.Column("adres", sa.String(64), primary_key=True),
        sa.Column("mislukt", sa.Integer, nullable=False),
        sa.Column("laatste", sa.DateTime, nullable=False),
    )
    op.create_table(
        "toegang_inlog_log",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("tijd", sa.DateTime, nullable=False),
        sa.Column("naam", sa.String(64), nullable=False),
        sa.Column("adres", sa.String(64), nullable=False),
        sa.Column("gelukt", sa.Boolean, nullable=False),
        sa.Column("reden", sa.String(32), nullable=False),
    )
    op.create_index("ix_toegang_inlog_log_tijd", "toegang_inlog_log", ["tijd"])


def downgrade() -> None:
    """Drop the tables (this is the first revision)."""
    op.drop_index("ix_toegang_inlog_log_tijd", table_name="toegang_inlog_log")
    op.drop_table("toegang_inlog_log")
    op.drop_table("toegang_poging")
    op.drop_index("ix_toegang_sessie_account", table_name="toegang_sessie")
    op.drop_table("toegang_sessie")
    op.drop_table("toegang_rol")
    op.drop_table("toegang_account")
