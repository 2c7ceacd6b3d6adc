from pathlib import Path

import pytest

from kern.settings import PROJECT_ROOT, Settings, SettingsFout


def test_defaults_need_no_configuration() -> None:
    s = Settings.from_env({})
    assert s.db_url == f"sqlite:///{PROJECT_ROOT / 'var' / 'wegwijzer.db'}"
    assert s.is_sqlite
    assert s.gemeente_path == PROJECT_ROOT / "demo_gemeente" / "gemeente.yml"
    assert (s.rasa_host, s.rasa_port) == ("127.0.0.1", 5005)
    assert (s.actions_host, s.actions_port) == ("127.0.0.1", 5055)
    assert s.action_endpoint == "http://127.0.0.1:5055/webhook"
    assert s.rasa_api_token is None
    assert s.kaart_vers_dagen == 365


def test_postgres_url_and_relative_paths() -> None:
    s = Settings.from_env(
        {
            "WEGWIJZER_DB_URL": "postgresql+psycopg2://u@127.0.0.1/test",
            "WEGWIJZER_GEMEENTE": "profielen/ander.yml",
            "WEGWIJZER_VAR_DIR": "/tmp/ww",
        }
    )
    assert not s.is_sqlite
    assert s.gemeente_path == PROJECT_ROOT / "profielen" / "ander.yml"
    assert s.var_dir == Path("/tmp/ww")


@pytest.mark.parametrize(
    ("env", "fragment"),
    [
        ({"WEGWIJZER_RASA_PORT": "abc"}, "WEGWIJZER_RASA_PORT moet een geheel getal zijn"),
        ({"WEGWIJZER_ACTIONS_PORT": "0"}, "minstens 1"),
        ({"WEGWIJZER_DB_URL": "wegwijzer.db"}, "SQLAlchemy-URL"),
        ({"WEGWIJZER_LOG_LEVEL": "loud"}, "WEGWIJZER_LOG_LEVEL"),
        ({"WEGWIJZER_KAART_VERS_DAGEN": "-3"}, "minstens 1"),
    ],
)
def test_bad_values_give_dutch_message_naming_the_variable(
    env: dict[str, str], fragment: str
) -> None:
    with pytest.raises(SettingsFout, match=fragment):
        Settings.from_env(env)
