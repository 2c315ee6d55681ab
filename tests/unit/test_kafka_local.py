"""The local broker's tooling, without starting a broker: configuration, ports and missing-tool errors."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest

from app.errors import KafkaToolingError
from app.kafka_local import broker as broker_module
from app.kafka_local import jars
from app.kafka_local.server_config import BrokerPorts, render_server_properties


def test_server_properties_enable_scram_acls_and_loopback_only(tmp_path: Path) -> None:
    text = render_server_properties(BrokerPorts(1, 2, 3), tmp_path, "streamguard-admin")
    properties = dict(line.split("=", 1) for line in text.splitlines())
    assert properties["listeners"] == ("PLAINTEXT://127.0.0.1:1,SASL_PLAINTEXT://127.0.0.1:2,CONTROLLER://127.0.0.1:3")
    assert properties["sasl.enabled.mechanisms"] == "SCRAM-SHA-512"
    assert properties["authorizer.class.name"].endswith("StandardAuthorizer")
    assert "User:streamguard-admin" in properties["super.users"].split(";")
    assert properties["allow.everyone.if.no.acl.found"] == "false"
    assert properties["log.dirs"] == str(tmp_path)


def test_taken_preferred_port_is_replaced_by_a_free_one(monkeypatch: pytest.MonkeyPatch) -> None:
    with socket.socket() as squatter:
        squatter.bind(("127.0.0.1", 0))
        squatter.listen()
        taken = squatter.getsockname()[1]
        monkeypatch.setattr(broker_module, "PREFERRED_PORTS", BrokerPorts(taken, taken, taken))
        ports = broker_module._choose_ports()
    chosen = [ports.plaintext, ports.sasl, ports.controller]
    assert taken not in chosen
    assert len(set(chosen)) == 3


def test_missing_java_names_what_to_install_and_the_alternatives(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(jars.shutil, "which", lambda _name: None)
    with pytest.raises(KafkaToolingError) as error:
        jars.require_java()
    message = str(error.value)
    assert "Java 17+" in message
    assert "docker/compose.yaml" in message
    assert "STREAMGUARD_BOOTSTRAP" in message


def test_missing_maven_is_explained(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(jars.shutil, "which", lambda _name: None)
    with pytest.raises(KafkaToolingError, match="Maven is needed"):
        jars.ensure_broker_jars("4.1.1", tmp_path)


def test_status_of_a_home_that_never_started_kafka_is_down(tmp_path: Path) -> None:
    status = broker_module.LocalBroker(tmp_path, "4.1.1", "streamguard-admin").status()
    assert not status.running
    assert status.describe() == "Kafka is not running"


def test_generated_admin_password_is_private_and_stable(tmp_path: Path) -> None:
    local = broker_module.LocalBroker(tmp_path, "4.1.1", "streamguard-admin")
    first = local.admin_password
    assert first == local.admin_password
    assert (tmp_path / "kafka" / "admin.secret").stat().st_mode & 0o077 == 0
