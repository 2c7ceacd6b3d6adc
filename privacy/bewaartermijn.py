"""Retention: conversation events older than the bewaartermijn are deleted.

So are staff login-log rows older than ``Settings.inlog_log_maanden`` (the same job runs both).
"""

from __future__ import annotations

import calendar
import time
from datetime import datetime, timezone

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


#: The access room's login log (``toegang.model.InlogLogRij``; read by name, as ``events`` is,
#: because domain packages do not import each other; a test in tests/unit/test_toegang.py
#: keeps the two in step).
INLOG_LOG = "toegang_inlog_log"


def maanden_terug(nu: datetime, maanden: int) -> datetime:
    """The same moment ``maanden`` calendar months earlier (day clamped to the month's end)."""
    totaal = nu.year * 12 + nu.month - 1 - maanden
    jaar, maand = divmod(totaal, 12)
    dag = min(nu.day, calendar.monthrange(jaar, maand + 1)[1])
    return nu.replace(year=jaar, month=maand + 1, day=dag)


def opschonen_inlog_log(engine: Engine, maanden: int, nu: datetime | None = None) -> int:
    """Delete login-log rows older than ``maanden`` months (naive UTC); return how many went."""
    if not inspect(engine).has_table(INLOG_LOG):
        return 0
    moment = nu or datetime.now(timezone.utc).replace(tzinfo=None)
    log = Table(INLOG_LOG, MetaData(), autoload_with=engine)
    with engine.begin() as conn:
        result = conn.execute(delete(log).where(log.c.tijd < maanden_terug(moment, maanden)))
    return int(result.rowcount or 0)
