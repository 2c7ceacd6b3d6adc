"""Route ``veilig_thuis``: a huiselijk-geweld hulpvraag where Veilig Thuis was shown first.

Huiselijk geweld is no longer an ordinary thema road: every hulpvraag in that thema gets the
Veilig Thuis number first, then sociale-basis offers without questions (see
``triage.gesprek.Gesprek._veilig_thuis``). Acute danger stays ``crisis_huiselijk_geweld``.
The route column has a CHECK constraint with the closed list, so it is widened here. SQLite
cannot alter a CHECK constraint; batch mode rebuilds the table there (rows and the reporting
index are kept) and uses plain ``ALTER TABLE`` on PostgreSQL.

Revision ID: s0002
Revises: s0001
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "s0002"
down_revision = "s0001"
branch_labels = None
depends_on = None

# Frozen copies: a migration must keep doing what it did then, whatever the code says now.
ROUTES_OUD = (
    "crisis_suicide",
    "crisis_huiselijk_geweld",
    "crisis_acuut",
    "sociale_basis",
    "wmo_loket",
    "cjg",
    "buiten_scope",
    "niet_begrepen",
)
ROUTES_NIEUW = (
    "crisis_suicide",
    "crisis_huiselijk_geweld",
    "crisis_acuut",
    "veilig_thuis",
    "sociale_basis",
    "wmo_loket",
    "cjg",
    "buiten_scope",
    "niet_begrepen",
)
NAAM = "ck_signaal_route"


def _in(kolom: str, waarden: tuple[str, ...]) -> str:
    return f"{kolom} IN ({', '.join(repr(w) for w in waarden)})"


def _vervang_check(routes: tuple[str, ...]) -> None:
    with op.batch_alter_table("signaal", recreate="auto") as batch:
        batch.drop_constraint(NAAM, type_="check")
        batch.create_check_constraint(NAAM, _in("route", routes))


def upgrade() -> None:
    """Allow ``veilig_thuis`` in ``signaal.route``."""
    _vervang_check(ROUTES_NIEUW)


def downgrade() -> None:
    """Back to the old list; refused while signals with ``veilig_thuis`` exist.

    There is no faithful older road to rewrite them to, and deleting them would change the
    reports of the past without anyone noticing.

    Raises:
        RuntimeError: Rows with route ``veilig_thuis`` exist.
    """
    aantal = (
        op.get_bind()
        .execute(sa.text("SELECT COUNT(*) FROM signaal WHERE route = 'veilig_thuis'"))
        .scalar()
    )
    if aantal:
        raise RuntimeError(
            f"Terugzetten kan niet: er zijn {aantal} signalen met route 'veilig_thuis'. "
            "Die route bestaat in de oudere versie niet."
        )
    _vervang_check(ROUTES_OUD)
