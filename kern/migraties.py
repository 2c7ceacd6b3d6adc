"""Alembic plumbing shared by the rooms that own tables (sociale kaart, signalen).

Each room keeps its own migrations folder and version table, so they migrate independently in
one database; the database URL always comes from :class:`kern.settings.Settings` (or a
connection passed in), never from an ini file.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from alembic.config import Config
from alembic.script import ScriptDirectory
from sqlalchemy import MetaData
from sqlalchemy.engine import Connection


def alembic_config(migraties_dir: Path, connection: Connection | None = None) -> Config:
    """A configuration without an ini file; ``connection`` is handed to ``env.py``."""
    config = Config()
    config.set_main_option("script_location", str(migraties_dir))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def head_revisie(migraties_dir: Path) -> str:
    """The newest revision in the code."""
    head = ScriptDirectory.from_config(alembic_config(migraties_dir)).get_current_head()
    assert head is not None, "geen migraties gevonden"
    return head


def voer_env_uit(metadata: MetaData, version_table: str = "alembic_version") -> None:
    """The body of a room's ``env.py``: migrate ``metadata``'s tables and nothing else."""
    from alembic import context

    def eigen_object(
        obj: Any, name: str | None, type_: str, reflected: bool, compare_to: Any
    ) -> bool:
        # Autogenerate must not propose to drop the other rooms' tables (or Rasa's events).
        if type_ == "table":
            return name in metadata.tables
        table = getattr(obj, "table", None)
        return table is None or table.name in metadata.tables

    def run(connection: Connection) -> None:
        context.configure(
            connection=connection,
            target_metadata=metadata,
            version_table=version_table,
            include_object=eigen_object,
            render_as_batch=connection.dialect.name == "sqlite",
            compare_type=True,
        )
        with context.begin_transaction():
            context.run_migrations()

    from kern.settings import Settings

    if context.is_offline_mode():
        context.configure(
            url=Settings.from_env().db_url,
            target_metadata=metadata,
            version_table=version_table,
            include_object=eigen_object,
            literal_binds=True,
            dialect_opts={"paramstyle": "named"},
        )
        with context.begin_transaction():
            context.run_migrations()
        return
    connection = context.config.attributes.get("connection")
    if connection is not None:
        run(connection)
        return
    from kern.db import make_engine

    engine = make_engine(Settings.from_env().db_url)
    try:
        with engine.begin() as conn:
            run(conn)
    finally:
        engine.dispose()
