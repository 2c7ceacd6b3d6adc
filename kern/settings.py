"""All configuration, read from environment variables in this one place.

Every setting has a safe default so that a fresh clone runs without any configuration. The
variables are ``WEGWIJZER_`` plus the field name in capitals (``db_url`` → ``WEGWIJZER_DB_URL``);
pydantic's :class:`BaseSettings` parses and checks them, and every problem is reported in Dutch
with the variable's name.
"""

from __future__ import annotations

import contextvars
import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from kern.pydantic_compat import BaseSettings, Field, ValidationError, validator

PROJECT_ROOT = Path(__file__).resolve().parent.parent
PREFIX = "WEGWIJZER_"
LOG_NIVEAUS = ("DEBUG", "INFO", "WARNING", "ERROR")
#: Days after which a kaart entry counts as stale (``WEGWIJZER_KAART_VERS_DAGEN``); the one
#: place the default lives, for the settings and for callers that have no settings at hand.
KAART_VERS_DAGEN = 365


#: Environment for every Rasa process we start: no telemetry or error reports leave the
#: machine (Rasa sends them to its own servers by default), and TensorFlow stays quiet.
RASA_OMGEVING: dict[str, str] = {"RASA_TELEMETRY_ENABLED": "false", "TF_CPP_MIN_LOG_LEVEL": "2"}


def rasa_omgeving(extra: Mapping[str, str] | None = None) -> dict[str, str]:
    """The current environment plus :data:`RASA_OMGEVING` (and ``extra``)."""
    env = {**os.environ, **RASA_OMGEVING}
    env.update(extra or {})
    return env


class SettingsFout(ValueError):
    """A setting has a value we cannot use; the message is Dutch and names the variable."""


#: The environment :meth:`Settings.from_env` reads; a context variable so that a mapping
#: passed in (tests, the web app) is read instead of ``os.environ`` without a global switch.
_OMGEVING: contextvars.ContextVar[Mapping[str, str] | None] = contextvars.ContextVar(
    "wegwijzer_omgeving", default=None
)


def _omgeving_bron(settings: BaseSettings) -> dict[str, Any]:
    """Pydantic settings source: the ``WEGWIJZER_*`` values of the mapping being read.

    Like pydantic's own environment source, but it reads the mapping given to
    :meth:`Settings.from_env`, and an empty value means "not set" (the default applies), as
    it always has for these variables.
    """
    env = _OMGEVING.get()
    env = os.environ if env is None else env
    waarden: dict[str, Any] = {}
    for veld in settings.__fields__.values():
        raw = env.get(_variabele(veld.name))
        if raw is not None and raw.strip():
            waarden[veld.name] = raw.strip()
    return waarden


#: Fields whose variable is not simply ``WEGWIJZER_`` + the field name.
_EIGEN_NAMEN = {"gemeente_path": "WEGWIJZER_GEMEENTE"}


def _variabele(veld: str) -> str:
    """The environment variable of a field (``rasa_port`` → ``WEGWIJZER_RASA_PORT``)."""
    return _EIGEN_NAMEN.get(veld, PREFIX + veld.upper())


def _nederlands(exc: ValidationError, env: Mapping[str, str]) -> str:
    """Pydantic's errors as Dutch sentences that start with the variable's name."""
    zinnen = []
    for fout in exc.errors():
        variabele = _variabele(str(fout["loc"][0]))
        raw = (env.get(variabele) or "").strip()
        soort = fout["type"]
        if soort == "type_error.integer":
            zinnen.append(f"{variabele} moet een geheel getal zijn, niet {raw!r}.")
        elif soort == "type_error.float":
            zinnen.append(f"{variabele} moet een getal zijn (zoals 2.5), niet {raw!r}.")
        elif soort == "value_error.number.not_ge":
            zinnen.append(
                f"{variabele} moet minstens {fout['ctx']['limit_value']} zijn, niet {raw}."
            )
        elif soort == "value_error.number.not_gt":
            zinnen.append(
                f"{variabele} moet groter zijn dan {fout['ctx']['limit_value']}, niet {raw}."
            )
        else:
            zinnen.append(f"{variabele} {fout['msg']}")
    return " ".join(zinnen)


def _pad(raw: Path) -> Path:
    path = raw.expanduser()
    return path if path.is_absolute() else (PROJECT_ROOT / path)


class Settings(BaseSettings):
    """Deployment settings. Build with :meth:`from_env`; never read ``os.environ`` elsewhere."""

    var_dir: Path = PROJECT_ROOT / "var"
    db_url: str = ""  # empty: sqlite:///<var_dir>/wegwijzer.db (see the validator)
    gemeente_path: Path = PROJECT_ROOT / "demo_gemeente" / "gemeente.yml"
    models_dir: Path = PROJECT_ROOT / "models"
    spacy_model: str | None = None
    rasa_host: str = "127.0.0.1"
    rasa_port: int = Field(5005, ge=1)
    actions_host: str = "127.0.0.1"
    actions_port: int = Field(5055, ge=1)
    rasa_api_token: str | None = None
    log_level: str = "INFO"
    kaart_vers_dagen: int = Field(KAART_VERS_DAGEN, ge=1)
    bewaartermijn_dagen: int = Field(30, ge=1)
    signalen_k: int = Field(5, ge=2)
    #: The public web app (the only public entry; Rasa and the action server stay on loopback).
    web_host: str = "127.0.0.1"
    web_port: int = Field(8080, ge=1)
    #: Comma-separated addresses of the TLS proxies whose X-Forwarded-For/-Proto we believe.
    web_vertrouwde_proxies: str = "127.0.0.1"
    web_berichten_per_minuut: int = Field(30, ge=1)
    web_rasa_timeout: float = Field(20.0, gt=0)
    #: The address residents and organisations reach the web app on (links in mails).
    web_publieke_url: str = "http://127.0.0.1:8080"
    #: Staff pages (loket, beleid, beheer): idle timeout, second factor, the login log.
    sessie_idle_minuten: int = Field(30, ge=1)
    totp_voor_iedereen: bool = False
    inlog_log_maanden: int = Field(12, ge=1)
    #: Mail to organisations (kaart controle): written as .eml files under var/mail unless an
    #: SMTP server is configured.
    smtp_host: str | None = None
    smtp_port: int = Field(25, ge=1)
    smtp_afzender: str = "wegwijzer@localhost"
    organisatie_link_dagen: int = Field(30, ge=1)

    class Config:
        """Read-only once built; variables are ``WEGWIJZER_`` + the field name."""

        env_prefix = PREFIX
        allow_mutation = False
        frozen = True

        @classmethod
        def customise_sources(
            cls, init_settings: Any, env_settings: Any, file_secret_settings: Any
        ) -> tuple[Any, ...]:
            """Arguments first, then the mapping given to :meth:`Settings.from_env`."""
            return (init_settings, _omgeving_bron)

    @validator("var_dir", "gemeente_path", "models_dir")
    def _relatief_aan_project(cls, value: Path) -> Path:  # noqa: N805
        return _pad(value)

    @validator("db_url", always=True)
    def _sqlalchemy_url(cls, value: str, values: dict[str, Any]) -> str:  # noqa: N805
        if not value:
            return f"sqlite:///{values.get('var_dir', PROJECT_ROOT / 'var') / 'wegwijzer.db'}"
        if "://" not in value:
            raise ValueError(
                "moet een SQLAlchemy-URL zijn, bijvoorbeeld "
                "sqlite:///var/wegwijzer.db of postgresql+psycopg2://gebruiker@host/db."
            )
        return value

    @validator("log_level")
    def _log_niveau(cls, value: str) -> str:  # noqa: N805
        if value.upper() not in LOG_NIVEAUS:
            raise ValueError(f"moet DEBUG, INFO, WARNING of ERROR zijn, niet {value!r}.")
        return value.upper()

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> Settings:
        """Read the settings from ``env`` (default: the process environment).

        Raises:
            SettingsFout: A value cannot be used; the Dutch message names the variable.
        """
        token = _OMGEVING.set(env)
        try:
            return cls()
        except ValidationError as exc:
            raise SettingsFout(_nederlands(exc, env if env is not None else os.environ)) from None
        finally:
            _OMGEVING.reset(token)

    @property
    def spacy_dir(self) -> Path:
        """The Dutch spaCy pipeline set-up prepares (``config.yml`` names ``var/spacy/nl``)."""
        return self.var_dir / "spacy" / "nl"

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
    def signalen_geheim_path(self) -> Path:
        """Secret that turns a hulpvraag id into the signal's ``sleutel`` (see signalen.opslag)."""
        return self.var_dir / "signalen.geheim"

    @property
    def sessie_sleutel_path(self) -> Path:
        """Secret that signs staff sessions, CSRF tokens and organisation links."""
        return self.var_dir / "web.key"

    @property
    def mail_dir(self) -> Path:
        """Where mails are written as ``.eml`` files when no SMTP server is configured."""
        return self.var_dir / "mail"

    @property
    def model_path(self) -> Path:
        """The trained Rasa model that ``make run`` serves."""
        return self.models_dir / "wegwijzer.tar.gz"

    @property
    def web_proxies(self) -> list[str]:
        """The trusted proxies as a list (``WEGWIJZER_WEB_VERTROUWDE_PROXIES``)."""
        return [p.strip() for p in self.web_vertrouwde_proxies.split(",") if p.strip()]
