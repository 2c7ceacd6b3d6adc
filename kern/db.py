"""Database engine and unit of work (one ``Session`` per unit of work, 2.0-style queries)."""

from __future__ import annotations

import uuid
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import create_engine, event, text
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import QueuePool


def make_engine(db_url: str) -> Engine:
    """Create an engine; SQLite gets its directory, foreign keys and WAL for concurrent readers."""
    if db_url.startswith("sqlite:///") and db_url != "sqlite:///:memory:":
        Path(db_url.removeprefix("sqlite:///")).parent.mkdir(parents=True, exist_ok=True)
    if db_url.startswith("sqlite") and ":memory:" not in db_url:
        # SQLAlchemy 1.4 gives file SQLite a NullPool: a reconnect plus PRAGMAs on every unit of
        # work. Pool instead; connections move between the action server's worker threads.
        engine = create_engine(
            db_url,
            future=True,
            poolclass=QueuePool,
            connect_args={"check_same_thread": False},
        )
    else:
        engine = create_engine(db_url, future=True, pool_pre_ping=not db_url.startswith("sqlite"))
    if engine.dialect.name == "sqlite":

        @event.listens_for(engine, "connect")
        def _sqlite_pragmas(dbapi_connection, _record):  # type: ignore[no-untyped-def]
            cursor = dbapi_connection.cursor()
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA busy_timeout=5000")
            cursor.close()

    return engine


def make_session_factory(engine: Engine) -> sessionmaker:
    """Sessions that do not expire objects on commit, so results stay usable after the unit."""
    return sessionmaker(bind=engine, future=True, expire_on_commit=False)


@contextmanager
def unit_of_work(session_factory: sessionmaker) -> Iterator[Session]:
    """Commit when the block succeeds, roll back everything when it raises."""
    session: Session = session_factory()
    try:
        yield session
        session.commit()
    except BaseException:
        session.rollback()
        raise
    finally:
        session.close()


@contextmanager
def tijdelijk_schema(server_url: str, voorvoegsel: str = "t") -> Iterator[str]:
    """A scratch PostgreSQL schema for tests and benchmarks, dropped afterwards.

    Yields a URL with the schema as ``search_path``, so the code under test needs no changes.
    """
    schema = f"{voorvoegsel}_{uuid.uuid4().hex[:12]}"
    engine = create_engine(server_url, future=True)
    with engine.begin() as conn:
        conn.execute(text(f'create schema "{schema}"'))
    sep = "&" if "?" in server_url else "?"
    try:
        yield f"{server_url}{sep}options=-csearch_path%3D{schema}"
    finally:
        with engine.begin() as conn:
            conn.execute(text(f'drop schema "{schema}" cascade'))
        engine.dispose()


def in_stukken(items: Sequence[str], grootte: int = 500) -> Iterator[list[str]]:
    """``items`` in lists of at most ``grootte``: SQL ``IN (...)`` lists stay under driver limits."""
    for start in range(0, len(items), grootte):
        yield list(items[start : start + grootte])
