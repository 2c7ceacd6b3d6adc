"""All configuration, read from environment variables in this one place.

Every setting has a safe default so that a fresh clone runs without any configuration.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent


#: Environment for every Rasa process we start: no telemetry or error reports leave the
#: machine (Rasa sends them to its own servers by default), and TensorFlow stays quiet.
RASA_OMGEVING: dict[str, str] = {"RASA_TELEMETRY_ENABLED": "false", "TF_CPP_MIN_LOG_LEVEL": "2"}


def rasa_omgeving(extra: Mapping[str, str] | None = None) -> dict[str, str]:
    """The current environment plus :data:`RASA_OMGEVING` (and ``extra``)."""
    env = {**os.environ, **RASA_OMGEVING}
    env.update(extra or {})
    return env


class SettingsError(ValueError):
    """A setting has a value we cannot use; the message is Dutch and names the variable."""


def _int(env: Mapping[str, str], name: str, default: int, minimum: int = 0) -> int:
    raw = env.get(name, "").strip()
    if not raw:
        return default
    try:
        value = int(raw)
    except ValueError:
        raise SettingsError(f"{name} moet een geheel getal zijn, niet {raw!r}.") from None
    if value < minimum:
        raise SettingsError(f"{name} moet minstens {minimum} zijn, niet {value}.")
    return value


def _path(env: Mapping[str, str], name: str, default: Path) -> Path:
    raw = env.get(name, "").strip()
    if not raw:
        return default
    path = Path(raw).expanduser()
    return path if path.is_absolute() else (PROJECT_ROOT / path)


def _bool(env: Mapping[str, str], name: str, default: bool) -> bool:
    raw = env.get(name, "").strip().lower()
    if not raw:
        return default
    if raw in {"1", "true", "ja", "yes", "on"}:
        return True
    if raw in {"0", "false", "nee", "no", "off"}:
        return False
    raise SettingsError(f"{name} moet 'true' of 'false' zijn, niet {raw!r}.")


@dataclass(frozen=True)
class Settings:
    """Deployment settings. Build with :meth:`from_env`; never read ``os.environ`` elsewhere."""

    db_url: str
    gemeente_path: Path
    var_dir: Path
    models_dir: Path
    spacy_model: str | None
    spacy_dir: Path
    rasa_host: str
    rasa_port: int
    actions_host: str
    actions_port: int
    rasa_api_token: str | None
    log_level: str
    kaart_vers_dagen: int
    bewaartermijn_dagen: int
    signalen_k: int

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> Settings:
        """Read the settings from ``env`` (default: the process environment)."""
        env = os.environ if env is None else env
        var_dir = _path(env, "WEGWIJZER_VAR_DIR", PROJECT_ROOT / "var")
        db_url = env.get("WEGWIJZER_DB_URL", "").strip() or f"sqlite:///{var_dir / 'wegwijzer.db'}"
        if "://" not in db_url:
            raise SettingsError(
                "WEGWIJZER_DB_URL moet een SQLAlchemy-URL zijn, bijvoorbeeld "
                "sqlite:///var/wegwijzer.db of postgresql+psycopg2://gebruiker@host/db."
            )
        log_level = env.get("WEGWIJZER_LOG_LEVEL", "INFO").strip().upper() or "INFO"
        if log_level not in {"DEBUG", "INFO", "WARNING", "ERROR"}:
            raise SettingsError(
                f"WEGWIJZER_LOG_LEVEL moet DEBUG, INFO, WARNING of ERROR zijn, niet {log_level!r}."
            )
        return cls(
            db_url=db_url,
            gemeente_path=_path(
                env, "WEGWIJZER_GEMEENTE", PROJECT_ROOT / "demo_gemeente" / "gemeente.yml"
            ),
            var_dir=var_dir,
            models_dir=_path(env, "WEGWIJZER_MODELS_DIR", PROJECT_ROOT / "models"),
            spacy_model=env.get("WEGWIJZER_SPACY_MODEL", "").strip() or None,
            spacy_dir=var_dir / "spacy" / "nl",
            rasa_host=env.get("WEGWIJZER_RASA_HOST", "127.0.0.1").strip() or "127.0.0.1",
            rasa_port=_int(env, "WEGWIJZER_RASA_PORT", 5005, minimum=1),
            actions_host=env.get("WEGWIJZER_ACTIONS_HOST", "127.0.0.1").strip() or "127.0.0.1",
            actions_port=_int(env, "WEGWIJZER_ACTIONS_PORT", 5055, minimum=1),
            rasa_api_token=env.get("WEGWIJZER_RASA_API_TOKEN", "").strip() or None,
            log_level=log_level,
            kaart_vers_dagen=_int(env, "WEGWIJZER_KAART_VERS_DAGEN", 365, minimum=1),
            bewaartermijn_dagen=_int(env, "WEGWIJZER_BEWAARTERMIJN_DAGEN", 30, minimum=1),
            signalen_k=_int(env, "WEGWIJZER_SIGNALEN_K", 5, minimum=2),
        )

    @property
    def is_sqlite(self) -> bool:
        """Whether the database is an embedded SQLite file."""
        return self.db_url.startswith("sqlite")

    @property
    def action_endpoint(self) -> str:
        """URL Rasa uses to reach the action server."""
        return f"http://{self.actions_host}:{self.actions_port}/webhook"

    @property
    def deduce_cache_dir(self) -> Path:
        """Where set-up leaves deduce's lookup structures for both servers to load."""
        return self.var_dir / "cache" / "deduce"

    @property
    def tracker_sleutel_path(self) -> Path:
        """Secret for pseudonymising Rasa sender ids in the tracker store."""
        return self.var_dir / "tracker.key"

    @property
    def model_path(self) -> Path:
        """The trained Rasa model that ``make run`` serves."""
        return self.models_dir / "wegwijzer.tar.gz"
