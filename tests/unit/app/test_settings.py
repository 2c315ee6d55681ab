"""Configuration from STREAMGUARD_* variables: defaults, and errors that name the variable."""

from __future__ import annotations

from pathlib import Path

import pytest

from streamguard.app.settings import Environment, load_settings
from streamguard.core.errors import ConfigError


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


def test_the_default_home_is_local_under_the_working_directory(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("STREAMGUARD_HOME", raising=False)
    monkeypatch.chdir(tmp_path)
    assert load_settings().home == tmp_path.resolve() / "local"
    monkeypatch.setenv("STREAMGUARD_HOME", "relative/home")
    assert load_settings().home == tmp_path.resolve() / "relative" / "home"  # absolute once loaded


def test_topic_names_follow_the_prefixes(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("STREAMGUARD_SYSTEM_TOPIC_PREFIX", "acme.sg.")
    monkeypatch.setenv("STREAMGUARD_GOVERNED_TOPIC_PREFIX", "views.")
    names = load_settings().topic_names
    assert (names.rules, names.audit, names.datapath_group, names.app_id) == (
        "acme.sg.rules",
        "acme.sg.audit",
        "acme.sg.datapath",
        "acme.sg",
    )
    assert names.governed("customers", "support") == "views.customers.support"
    assert names.dataset_of(names.raw("customers")) == "customers"
