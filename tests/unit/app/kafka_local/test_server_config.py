"""The local broker's configuration."""

from __future__ import annotations

import ipaddress
import stat
from pathlib import Path

from cryptography import x509

from streamguard.app.kafka_local.server_config import BrokerPorts, NodePlan, render_server_properties
from streamguard.app.kafka_local.tls import ensure_broker_tls


def test_server_properties_enable_scram_acls_tls_and_loopback_only(tmp_path: Path) -> None:
    node = NodePlan(1, BrokerPorts(1, 2, 3, 4, 5), tmp_path, ((1, 3),))
    text = render_server_properties(node, "streamguard-admin", tmp_path / "ks.pem")
    properties = dict(line.split("=", 1) for line in text.splitlines())
    assert properties["listeners"] == (
        "PLAINTEXT://127.0.0.1:1,SASL_PLAINTEXT://127.0.0.1:2,SSL://127.0.0.1:4,SASL_SSL://127.0.0.1:5,"
        "CONTROLLER://127.0.0.1:3"
    )
    assert (properties["ssl.keystore.type"], properties["ssl.keystore.location"]) == ("PEM", str(tmp_path / "ks.pem"))
    assert "scram" in properties["listener.name.sasl_ssl.scram-sha-512.sasl.jaas.config"].lower()
    assert properties["sasl.enabled.mechanisms"] == "SCRAM-SHA-512"
    assert properties["authorizer.class.name"].endswith("StandardAuthorizer")
    assert "User:streamguard-admin" in properties["super.users"].split(";")
    assert properties["allow.everyone.if.no.acl.found"] == "false"
    assert properties["log.dirs"] == str(tmp_path)
    assert properties["default.replication.factor"] == properties["min.insync.replicas"] == "1"  # one node


def test_three_nodes_are_replicated_as_a_hardened_production_cluster(tmp_path: Path) -> None:
    voters = ((1, 13), (2, 23), (3, 33))
    node = NodePlan(2, BrokerPorts(21, 22, 23, 24, 25), tmp_path, voters)
    properties = dict(line.split("=", 1) for line in render_server_properties(node, "a", tmp_path).splitlines())
    assert properties["node.id"] == "2"
    assert properties["controller.quorum.voters"] == "1@127.0.0.1:13,2@127.0.0.1:23,3@127.0.0.1:33"
    factors = (
        "default.replication.factor",
        "offsets.topic.replication.factor",
        "transaction.state.log.replication.factor",
    )
    assert {properties[setting] for setting in factors} == {"3"}
    assert properties["min.insync.replicas"] == properties["transaction.state.log.min.isr"] == "2"


def test_tls_material_is_made_once_with_private_keys_and_the_loopback_address(tmp_path: Path) -> None:
    tls = ensure_broker_tls(tmp_path)
    assert stat.S_IMODE(tls.keystore.stat().st_mode) == 0o600
    assert stat.S_IMODE((tmp_path / "ca-key.pem").stat().st_mode) == 0o600
    [cert, *_] = x509.load_pem_x509_certificates(tls.keystore.read_bytes())
    names = cert.extensions.get_extension_for_class(x509.SubjectAlternativeName).value
    assert ipaddress.ip_address("127.0.0.1") in names.get_values_for_type(x509.IPAddress)
    ca = x509.load_pem_x509_certificate(tls.ca_file.read_bytes())
    cert.verify_directly_issued_by(ca)
    before = tls.ca_file.read_bytes()
    assert ensure_broker_tls(tmp_path).ca_file.read_bytes() == before  # idempotent: clients keep trusting it
