"""Client options from settings: one set of options for every Kafka client, SASL included when configured."""

from __future__ import annotations

import pytest

from streamguard.app.services.kafka_config import client_options
from streamguard.app.settings import load_settings


def test_sasl_settings_reach_the_clients(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("STREAMGUARD_BOOTSTRAP", "127.0.0.1:19093")
    monkeypatch.setenv("STREAMGUARD_SECURITY_PROTOCOL", "SASL_PLAINTEXT")
    monkeypatch.setenv("STREAMGUARD_SASL_USERNAME", "svc")
    monkeypatch.setenv("STREAMGUARD_SASL_PASSWORD", "pw")
    assert client_options(load_settings()) == {
        "bootstrap.servers": "127.0.0.1:19093",
        "security.protocol": "SASL_PLAINTEXT",
        "sasl.mechanisms": "SCRAM-SHA-512",
        "sasl.username": "svc",
        "sasl.password": "pw",
    }
    monkeypatch.setenv("STREAMGUARD_SECURITY_PROTOCOL", "PLAINTEXT")
    assert client_options(load_settings()) == {"bootstrap.servers": "127.0.0.1:19093"}


def test_no_broker_configured_or_running_is_a_clear_error(monkeypatch: pytest.MonkeyPatch, tmp_path) -> None:
    from streamguard.core.errors import ConfigError

    monkeypatch.delenv("STREAMGUARD_BOOTSTRAP", raising=False)
    monkeypatch.setenv("STREAMGUARD_HOME", str(tmp_path))
    with pytest.raises(ConfigError, match="STREAMGUARD_BOOTSTRAP"):
        client_options(load_settings())


def test_tls_settings_reach_the_clients(monkeypatch: pytest.MonkeyPatch, tmp_path) -> None:
    for name in ("ca.pem", "client.pem", "client.key"):
        (tmp_path / name).write_text("-----BEGIN CERTIFICATE-----\n")
    monkeypatch.setenv("STREAMGUARD_BOOTSTRAP", "broker.example:9094")
    monkeypatch.setenv("STREAMGUARD_SECURITY_PROTOCOL", "SSL")
    monkeypatch.setenv("STREAMGUARD_SSL_CAFILE", str(tmp_path / "ca.pem"))
    monkeypatch.setenv("STREAMGUARD_SSL_CERTFILE", str(tmp_path / "client.pem"))
    monkeypatch.setenv("STREAMGUARD_SSL_KEYFILE", str(tmp_path / "client.key"))
    monkeypatch.setenv("STREAMGUARD_SSL_KEY_PASSWORD", "key-secret")
    options = client_options(load_settings())
    assert options == {
        "bootstrap.servers": "broker.example:9094",
        "security.protocol": "SSL",
        "ssl.ca.location": str(tmp_path / "ca.pem"),
        "ssl.certificate.location": str(tmp_path / "client.pem"),
        "ssl.key.location": str(tmp_path / "client.key"),
        "ssl.key.password": "key-secret",
    }
    monkeypatch.setenv("STREAMGUARD_SECURITY_PROTOCOL", "SASL_SSL")
    monkeypatch.setenv("STREAMGUARD_SASL_USERNAME", "svc")
    assert client_options(load_settings())["security.protocol"] == "SASL_SSL"
    assert client_options(load_settings())["sasl.username"] == "svc"


def test_a_tls_file_that_does_not_exist_is_named(monkeypatch: pytest.MonkeyPatch, tmp_path) -> None:
    from streamguard.core.errors import ConfigError

    monkeypatch.setenv("STREAMGUARD_SSL_CAFILE", str(tmp_path / "missing.pem"))
    with pytest.raises(ConfigError, match=r"STREAMGUARD_SSL_CAFILE: .*no such file"):
        load_settings()
