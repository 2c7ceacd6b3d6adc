"""The payload contract (docs/payload.schema.json), checked in every engine test turn."""

from __future__ import annotations

import json
from functools import cache
from typing import Any

from jsonschema import Draft202012Validator

from kern.settings import PROJECT_ROOT

SCHEMA = PROJECT_ROOT / "docs" / "payload.schema.json"


@cache
def validator() -> Draft202012Validator:
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)


def controleer(payload: dict[str, Any]) -> None:
    """Raise AssertionError with every way ``payload`` breaks the contract."""
    fouten = [f"{list(f.absolute_path)}: {f.message}" for f in validator().iter_errors(payload)]
    assert not fouten, f"payload {payload.get('type')!r} wijkt af van het contract: {fouten}"
