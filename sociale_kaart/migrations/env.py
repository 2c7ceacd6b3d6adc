"""Alembic environment of the sociale kaart.

The database URL always comes from :class:`wegwijzer.settings.Settings` (or from the connection
that :mod:`sociale_kaart.migraties` passes in), never from ``alembic.ini``, so there is one
place that configures the database.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy.engine import Connection

from sociale_kaart.models import Base

config = context.config


def _alleen_kaart(
    obj: object, name: str | None, type_: str, reflected: bool, compare_to: object | None
) -> bool:
    """Autogenerate looks at kaart tables only; others share the database (Rasa's events)."""
    if type_ == "table":
        return name in Base.metadata.tables
    tabel = getattr(getattr(obj, "table", None), "name", None)
    return tabel is None or tabel in Base.metadata.tables


def _run(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
        include_object=_alleen_kaart,
    )
    with context.begin_transaction():
        context.run_migrations()


def _run_offline() -> None:
    from wegwijzer.settings import Settings

    context.configure(
        url=Settings.from_env().db_url,
        target_metadata=Base.metadata,
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
