"""What the local cluster is: each node's status as a command prints it, and the state file that records each
node's pid and ports (pure: reading and writing the file is ``broker``'s)."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from streamguard.app.kafka_local.server_config import BrokerPorts

HOST = "127.0.0.1"


@dataclass(frozen=True)
class NodeStatus:
    """One node of the local cluster: its listeners, and whether its process is up and serving."""

    node_id: int
    pid: int | None
    ports: BrokerPorts
    alive: bool

    def listeners(self) -> dict[str, str]:
        return {name: f"{HOST}:{port}" for name, port in self.ports.client_listeners().items()}

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.node_id, "pid": self.pid, "listeners": self.listeners(), "alive": self.alive}


@dataclass(frozen=True)
class BrokerStatus:
    """The local cluster: running while one node or more serves; bootstrap addresses list every node."""

    running: bool
    pid: int | None  # the first node's
    plaintext_bootstrap: str | None
    sasl_bootstrap: str | None
    kafka_version: str | None
    ssl_bootstrap: str | None = None
    sasl_ssl_bootstrap: str | None = None
    ca_file: Path | None = None  # what clients of the TLS listeners trust
    nodes: tuple[NodeStatus, ...] = field(default=())

    def bootstrap_for(self, protocol: str) -> str | None:
        """The bootstrap addresses of the listeners speaking ``protocol`` (None if the cluster has none)."""
        return {
            "PLAINTEXT": self.plaintext_bootstrap,
            "SASL_PLAINTEXT": self.sasl_bootstrap,
            "SSL": self.ssl_bootstrap,
            "SASL_SSL": self.sasl_ssl_bootstrap,
        }[protocol]

    def to_dict(self) -> dict[str, Any]:
        return {
            "bootstrap": self.plaintext_bootstrap,
            "kafka_version": self.kafka_version,
            "running": self.running,
            "nodes": [node.to_dict() for node in self.nodes],
        }

    def describe(self) -> str:
        if not self.running:
            return "Kafka is not running"
        alive = sum(node.alive for node in self.nodes)
        what = f"{alive} of {len(self.nodes)} nodes" if len(self.nodes) > 1 else f"pid {self.pid}"
        lines = [
            f"Kafka {self.kafka_version} is up ({what})",
            f"  PLAINTEXT        {self.plaintext_bootstrap}",
            f"  SASL_PLAINTEXT   {self.sasl_bootstrap}  (SCRAM-SHA-512, ACLs enforced)",
            f"  SSL              {self.ssl_bootstrap}",
            f"  SASL_SSL         {self.sasl_ssl_bootstrap}  (SCRAM-SHA-512, ACLs enforced)",
            f"  CA certificate   {self.ca_file}",
        ]
        if len(self.nodes) > 1:
            lines += [
                f"  node {node.node_id}  {'up  ' if node.alive else 'DOWN'}  pid {node.pid or '-'}  "
                f"{node.listeners()['PLAINTEXT']}"
                for node in self.nodes
            ]
        return "\n".join(lines)


@dataclass(frozen=True)
class NodeRecord:
    id: int
    pid: int
    plaintext: int
    sasl: int
    controller: int
    ssl: int
    sasl_ssl: int

    @property
    def ports(self) -> BrokerPorts:
        return BrokerPorts(self.plaintext, self.sasl, self.controller, self.ssl, self.sasl_ssl)


@dataclass(frozen=True)
class ClusterState:
    kafka_version: str
    nodes: tuple[NodeRecord, ...]

    @classmethod
    def from_json(cls, text: str) -> ClusterState:
        data = json.loads(text)
        if "nodes" not in data:  # a single broker recorded by an older streamguard
            node = {key: data[key] for key in ("pid", "plaintext", "sasl", "controller", "ssl", "sasl_ssl")}
            return cls(data["kafka_version"], (NodeRecord(id=1, **node),))
        return cls(data["kafka_version"], tuple(NodeRecord(**node) for node in data["nodes"]))
