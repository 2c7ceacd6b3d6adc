"""Retention: conversation events older than the bewaartermijn are deleted."""

from __future__ import annotations

import time

from sqlalchemy import MetaData, Table, delete, inspect
from sqlalchemy.engine import Engine


def opschonen(engine: Engine, dagen: int, nu: float | None = None) -> int:
    """Delete tracker-store events older than ``dagen`` days; return how many went."""
    if not inspect(engine).has_table("events"):
        return 0
    grens = (time.time() if nu is None else nu) - dagen * 86400
    events = Table("events", MetaData(), autoload_with=engine)
    with engine.begin() as conn:
        result = conn.execute(delete(events).where(events.c.timestamp < grens))
    return int(result.rowcount or 0)
