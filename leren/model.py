"""The labels table, on its own declarative ``Base`` so it migrates apart from the other rooms.

A label is training data, not a conversation: it holds one de-identified resident message (the
text exactly as the tracker store keeps it, never anything typed in by staff), the intent a
beheerder gave it, who did that and when. Labels are kept after the conversation they came from
has gone with the bewaartermijn; the text is unique, so labelling the same sentence again
replaces its intent instead of adding a contradictory example.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Column, DateTime, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, declarative_base

Base = declarative_base()

#: Longest message the web app lets through (``triage.poort.MAX_BERICHT``); de-identification
#: only shortens a text ("Jan de Vries" → "[NAAM]"), or replaces it whole with "[TEKST]".
TEKST_LENGTE = 2000
INTENT_LENGTE = 64
DOOR_LENGTE = 120


class LabelRij(Base):
    """One labelled message (see the module docstring)."""

    __tablename__ = "leren_label"
    __table_args__ = (UniqueConstraint("tekst", name="uq_leren_label_tekst"),)

    id: Mapped[int] = Column(Integer, primary_key=True, autoincrement=True)
    tekst: Mapped[str] = Column(String(TEKST_LENGTE), nullable=False)
    intent: Mapped[str] = Column(String(INTENT_LENGTE), nullable=False)
    door: Mapped[str] = Column(String(DOOR_LENGTE), nullable=False)
    op: Mapped[datetime] = Column(DateTime, nullable=False)  # UTC, without tzinfo


label_tabel = LabelRij.__table__
