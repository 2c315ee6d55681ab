"""Configuration from STREAMGUARD_* variables: defaults, and errors that name the variable."""

from __future__ import annotations

import pytest

from app.errors import ConfigError
from app.settings import Environment, load_settings


def test_defaults_suit_a_developer_machine(monkeypatch: pytest.MonkeyPatch, tmp_path) -> None:
    monkeypatch.setenv("STREAMGUARD_HOME", str(tmp_path))
    for name in ("STREAMGUARD_BOOTSTRAP", "STREAMGUARD_ENV", "STREAMGUARD_KEYRING_PATH"):
        monkeypatch.delenv(name, raising=False)
    settings = load_settings()
    assert settings.env is Environment.DEVELOPMENT
    assert settings.bootstrap is None
    assert settings.resolved_keyring_path == tmp_path / "keyring.json"
    assert settings.resolved_evidence_store_url == f"sqlite:///{tmp_path / 'evidence.sqlite3'}"
    assert settings.schema_registry_url.startswith("mock://")


@pytest.mark.parametrize(
    ("variable", "value"),
    [
        ("STREAMGUARD_BOOTSTRAP", "localhost"),
        ("STREAMGUARD_SECURITY_PROTOCOL", "CARRIER_PIGEON"),
        ("STREAMGUARD_SCHEMA_REGISTRY_URL", "ftp://registry"),
        ("STREAMGUARD_ENV", "staging"),
    ],
)
def test_invalid_variable_is_named(monkeypatch: pytest.MonkeyPatch, variable: str, value: str) -> None:
    monkeypatch.setenv(variable, value)
    with pytest.raises(ConfigError) as error:
        load_settings()
    assert variable in str(error.value)


def test_secrets_never_appear_in_repr(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("STREAMGUARD_SASL_PASSWORD", "hunter2-very-secret")
    monkeypatch.setenv("STREAMGUARD_ADMIN_PASSWORD", "admin-very-secret")
    settings = load_settings()
    assert "very-secret" not in repr(settings)
    assert settings.sasl_password is not None
    assert settings.sasl_password.get_secret_value() == "hunter2-very-secret"


def test_sasl_settings_reach_both_clients_under_their_own_names(monkeypatch: pytest.MonkeyPatch) -> None:
    from app.kafka_config import aiokafka_options, confluent_options

    monkeypatch.setenv("STREAMGUARD_BOOTSTRAP", "127.0.0.1:19093")
    monkeypatch.setenv("STREAMGUARD_SECURITY_PROTOCOL", "SASL_PLAINTEXT")
    monkeypatch.setenv("STREAMGUARD_SASL_USERNAME", "svc")
    monkeypatch.setenv("STREAMGUARD_SASL_PASSWORD", "pw")
    settings = load_settings()
    assert confluent_options(settings) == {
        "bootstrap.servers": "127.0.0.1:19093",
        "security.protocol": "SASL_PLAINTEXT",
        "sasl.mechanisms": "SCRAM-SHA-512",
        "sasl.username": "svc",
        "sasl.password": "pw",
    }
    assert aiokafka_options(settings)["sasl_plain_password"] == "pw"
    monkeypatch.setenv("STREAMGUARD_SECURITY_PROTOCOL", "PLAINTEXT")
    assert confluent_options(load_settings()) == {"bootstrap.servers": "127.0.0.1:19093"}
