"""One import place for pydantic's 1.x API, so the ground floor runs on pydantic 1 and 2.

Rasa 3.6 pins pydantic below 1.10.10; the web app (Python 3.12, FastAPI) needs pydantic 2,
which still ships the 1.x API as ``pydantic.v1``. Shared models import from here and use only
that API, so the same code validates the same way in both venvs.
"""

from __future__ import annotations

try:  # pydantic 2
    from pydantic.v1 import (
        BaseModel,
        BaseSettings,
        Extra,
        Field,
        StrictBool,
        StrictFloat,
        StrictInt,
        StrictStr,
        ValidationError,
        create_model,
        root_validator,
        validator,
    )
except ImportError:  # pydantic 1.x (the Rasa venv)
    from pydantic import (
        BaseModel,
        BaseSettings,
        Extra,
        Field,
        StrictBool,
        StrictFloat,
        StrictInt,
        StrictStr,
        ValidationError,
        create_model,
        root_validator,
        validator,
    )

__all__ = [
    "BaseModel",
    "BaseSettings",
    "Extra",
    "Field",
    "StrictBool",
    "StrictFloat",
    "StrictInt",
    "StrictStr",
    "ValidationError",
    "create_model",
    "foutpad",
    "root_validator",
    "validator",
]


def foutpad(loc: tuple[int | str, ...]) -> str:
    """A pydantic error location as the profile writes it: ``wijken[2].postcodes[0]``."""
    pad = ""
    for deel in loc:
        if isinstance(deel, int):
            pad += f"[{deel}]"
        elif deel != "__root__":
            pad += f".{deel}" if pad else str(deel)
    return pad
