"""Alembic environment of the signals: own version table, only our own tables.

Mirrors ``sociale_kaart/migrations/env.py`` with two differences that let the two rooms share
one database yet migrate independently: the version table is ``alembic_version_signalen``, and
autogenerate only looks at the tables of :data:`signalen.model.Base` (it would otherwise
propose to drop the kaart's tables).
"""

from __future__ import annotations

from typing import Any

from alembic import context
from sqlalchemy.engine import Connection

from signalen.model import Base

VERSIE_TABEL = "alembic_version_signalen"

config = context.config


def _eigen_object(obj: Any, name: str | None, type_: str, reflected: bool, compare_to: Any) -> bool:
    """Autogenerate filter: tables of our metadata (and their indexes/columns) only."""
    if type_ == "table":
        return name in Base.metadata.tables
    table = getattr(obj, "table", None)
    return table is None or table.name in Base.metadata.tables


def _run(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        version_table=VERSIE_TABEL,
        include_object=_eigen_object,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


def _run_offline() -> None:
    from wegwijzer.settings import Settings

    context.configure(
        url=Settings.from_env().db_url,
        target_metadata=Base.metadata,
        version_table=VERSIE_TABEL,
        include_object=_eigen_object,
        literal_binds=True,
        dialect_opts={"paramstyle": "named"},
    )
    with context.begin_transaction():
        context.run_migrations()


def _run_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        _run(connection)
        return
    from wegwijzer.db import make_engine
    from wegwijzer.settings import Settings

    engine = make_engine(Settings.from_env().db_url)
    try:
        with engine.begin() as conn:
            _run(conn)
    finally:
        engine.dispose()


if context.is_offline_mode():
    _run_offline()
else:
    _run_online()
