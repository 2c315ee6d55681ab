"""The local broker's ports, status and admin secret."""

from __future__ import annotations

import json
import socket
from pathlib import Path

import pytest

from streamguard.app.kafka_local import broker as broker_module
from streamguard.app.kafka_local.broker import _cluster_id
from streamguard.app.kafka_local.server_config import BrokerPorts


def test_taken_preferred_port_is_replaced_by_a_free_one(monkeypatch: pytest.MonkeyPatch) -> None:
    with socket.socket() as squatter:
        squatter.bind(("127.0.0.1", 0))
        squatter.listen()
        taken = squatter.getsockname()[1]
        monkeypatch.setattr(broker_module, "PREFERRED_PORTS", BrokerPorts(taken, taken, taken, taken, taken))
        [ports] = broker_module._choose_ports()
    chosen = [ports.plaintext, ports.sasl, ports.controller, ports.ssl, ports.sasl_ssl]
    assert taken not in chosen
    assert len(set(chosen)) == 5


def test_status_of_a_home_that_never_started_kafka_is_down(tmp_path: Path) -> None:
    status = broker_module.LocalBroker(tmp_path, "4.1.1", "streamguard-admin").status()
    assert not status.running
    assert status.describe() == "Kafka is not running"


def test_generated_admin_password_is_private_and_stable(tmp_path: Path) -> None:
    local = broker_module.LocalBroker(tmp_path, "4.1.1", "streamguard-admin")
    first = local.admin_password
    assert first == local.admin_password
    assert (tmp_path / "kafka" / "admin.secret").stat().st_mode & 0o077 == 0


def test_a_cluster_id_never_starts_like_an_option() -> None:
    ids = [_cluster_id() for _ in range(2000)]  # about 31 of 2000 raw draws start with "-"
    assert len({len(cluster_id) for cluster_id in ids}) == 1
    assert not any(cluster_id.startswith("-") for cluster_id in ids)


def test_three_nodes_take_fifteen_distinct_ports() -> None:
    ports = broker_module._choose_ports(3)
    every = [port for node in ports for port in (node.plaintext, node.sasl, node.controller, node.ssl, node.sasl_ssl)]
    assert len(ports) == 3
    assert len(set(every)) == 15


def test_a_node_of_an_old_single_broker_state_is_read_as_node_one(tmp_path: Path) -> None:
    (tmp_path / "kafka").mkdir()
    legacy = {"pid": 1, "kafka_version": "4.1.1", "plaintext": 1, "sasl": 2, "controller": 3, "ssl": 4, "sasl_ssl": 5}
    (tmp_path / "kafka" / "state.json").write_text(json.dumps(legacy))
    status = broker_module.LocalBroker(tmp_path, "4.1.1", "streamguard-admin").status()
    assert [node.node_id for node in status.nodes] == [1]
    assert not status.running  # pid 1 is not a Kafka JVM


def test_the_data_of_a_broker_an_older_streamguard_started_becomes_node_ones(tmp_path: Path) -> None:
    legacy = tmp_path / "kafka" / "data"
    legacy.mkdir(parents=True)
    (legacy / "meta.properties").write_text("node.id=1\n")
    broker_module.LocalBroker(tmp_path, "4.1.1", "streamguard-admin")._adopt_single_node_layout()
    assert (tmp_path / "kafka" / "node-1" / "data" / "meta.properties").read_text() == "node.id=1\n"
    assert not legacy.exists()
