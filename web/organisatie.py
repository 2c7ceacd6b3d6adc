"""Skeleton: the organisatie room's pages and API."""

from __future__ import annotations

from fastapi import APIRouter

router = APIRouter()
