"""Alembic plumbing shared by the rooms that own tables (sociale kaart, signalen).

Each room keeps its own migrations folder and version table, so they migrate independently in
one database; the database URL always comes from :class:`kern.settings.Settings` (or a
connection passed in), never from an ini file. A room describes itself once as a
:class:`Kamer`; config, head, current revision, stamping and upgrading live here. Both rooms'
``script.py.mako`` are links to the one template in ``kern/alembic/`` (Alembic reads the
template from the migrations folder itself).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import MetaData
from sqlalchemy.engine import Connection, Engine

#: The one revision template both rooms use (``alembic revision`` reads it via a link).
SCRIPT_SJABLOON = Path(__file__).resolve().parent / "alembic" / "script.py.mako"


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


def _geen_oude_database(connection: Connection) -> str | None:
    return None


@dataclass(frozen=True)
class Kamer:
    """One room's migrations: its folder, its version table, and how to adopt old databases.

    Attributes:
        migraties_dir: The Alembic script directory (``env.py``, ``versions/``).
        versie_tabel: The room's own version table, so rooms upgrade independently.
        herken: For a database without a version (made by ``create_all`` or before
            migrations existed): the revision its tables match, or ``None`` to start from
            nothing. That revision is stamped before upgrading, so no data is lost.
    """

    migraties_dir: Path
    versie_tabel: str = "alembic_version"
    herken: Callable[[Connection], str | None] = _geen_oude_database

    def config(self, connection: Connection | None = None) -> Config:
        """This room's configuration; ``connection`` is handed to ``env.py``."""
        return alembic_config(self.migraties_dir, connection)

    def head(self) -> str:
        """The newest revision in the code."""
        return head_revisie(self.migraties_dir)

    def _context(self, connection: Connection) -> MigrationContext:
        return MigrationContext.configure(connection, opts={"version_table": self.versie_tabel})

    def huidige(self, engine: Engine) -> str | None:
        """The revision the database is at (``None``: never migrated)."""
        with engine.connect() as conn:
            return self._context(conn).get_current_revision()

    def migreer(self, engine: Engine) -> str:
        """Bring the schema to the newest revision, in one transaction; return that revision."""
        with engine.begin() as conn:
            config = self.config(conn)
            if self._context(conn).get_current_revision() is None:
                bestaand = self.herken(conn)
                if bestaand is not None:
                    command.stamp(config, bestaand)
            command.upgrade(config, "head")
        return self.head()

    def migreer_url(self, db_url: str) -> str:
        """:meth:`migreer` for a database URL (engine created and disposed here)."""
        from kern.db import make_engine

        engine = make_engine(db_url)
        try:
            return self.migreer(engine)
        finally:
            engine.dispose()


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
