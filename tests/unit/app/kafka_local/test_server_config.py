"""The local broker's configuration."""

from __future__ import annotations

from pathlib import Path

from streamguard.app.kafka_local.server_config import BrokerPorts, render_server_properties


def test_server_properties_enable_scram_acls_and_loopback_only(tmp_path: Path) -> None:
    text = render_server_properties(BrokerPorts(1, 2, 3), tmp_path, "streamguard-admin")
    properties = dict(line.split("=", 1) for line in text.splitlines())
    assert properties["listeners"] == ("PLAINTEXT://127.0.0.1:1,SASL_PLAINTEXT://127.0.0.1:2,CONTROLLER://127.0.0.1:3")
    assert properties["sasl.enabled.mechanisms"] == "SCRAM-SHA-512"
    assert properties["authorizer.class.name"].endswith("StandardAuthorizer")
    assert "User:streamguard-admin" in properties["super.users"].split(";")
    assert properties["allow.everyone.if.no.acl.found"] == "false"
    assert properties["log.dirs"] == str(tmp_path)
