"""Start, await, report and stop a local KRaft cluster: one node by default, three with ``--brokers 3`` (the only
module here that runs the JVM).

State lives under ``<STREAMGUARD_HOME>/kafka``: ``state.json`` (each node's pid and ports), ``node-<id>/`` (its
configuration, log dirs, ``server.log``, ``authorizer.log`` and ``console.log``), ``tls/`` (the CA and the
certificate every node serves) and ``admin.secret`` (the generated SCRAM password of streamguard's admin
principal, mode 0600). A node that died is started again, on its ports, by the next ``start``.
"""

from __future__ import annotations

import base64
import json
import os
import secrets
import signal
import socket
import subprocess
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict
from pathlib import Path

from streamguard.app.kafka_local.cluster_state import HOST, BrokerStatus, ClusterState, NodeRecord, NodeStatus
from streamguard.app.kafka_local.jars import ensure_broker_jars, require_java
from streamguard.app.kafka_local.server_config import (
    LOG4J2_PROPERTIES,
    BrokerPorts,
    NodePlan,
    render_server_properties,
)
from streamguard.app.kafka_local.tls import ensure_broker_tls
from streamguard.app.settings import Settings
from streamguard.core.errors import KafkaToolingError

PREFERRED_PORTS = BrokerPorts(plaintext=19092, sasl=19093, controller=19094, ssl=19095, sasl_ssl=19096)
READY_TIMEOUT_S = 120.0
STOP_TIMEOUT_S = 30.0


class LocalBroker:
    """A local Apache Kafka cluster under ``home``: one node, or three; safe to start twice (the second start
    reports the first, and starts again the nodes that died)."""

    def __init__(
        self,
        home: Path,
        kafka_version: str,
        admin_principal: str,
        admin_password: str | None = None,
        cache_dir: Path | None = None,
    ) -> None:
        self.dir = home / "kafka"
        self.kafka_version = kafka_version
        self.admin_principal = admin_principal
        self._admin_password = admin_password
        self.cache_dir = cache_dir or home / "cache"
        self.heap = "768m"  # per node; the three-node test cluster asks for less

    @classmethod
    def from_settings(cls, settings: Settings) -> LocalBroker:
        password = settings.admin_password.get_secret_value() if settings.admin_password else None
        return cls(settings.home, settings.kafka_version, settings.admin_username, password)

    # -- public lifecycle ------------------------------------------------------------------------------

    def status(self) -> BrokerStatus:
        state = self._read_state()
        if state is None:
            return BrokerStatus(False, None, None, None, None)
        nodes = tuple(
            NodeStatus(node.id, node.pid, node.ports, _is_kafka_process(node.pid) and _port_open(node.plaintext))
            for node in state.nodes
        )
        if not any(node.alive for node in nodes):
            return BrokerStatus(False, None, None, None, None, nodes=nodes)

        def bootstrap(protocol: str) -> str:
            return ",".join(node.listeners()[protocol] for node in nodes)

        return BrokerStatus(
            True,
            state.nodes[0].pid,
            bootstrap("PLAINTEXT"),
            bootstrap("SASL_PLAINTEXT"),
            state.kafka_version,
            bootstrap("SSL"),
            bootstrap("SASL_SSL"),
            self.tls_dir / "ca.pem",
            nodes,
        )

    def start(self, brokers: int | None = None) -> tuple[BrokerStatus, bool]:
        """Start the cluster (``brokers`` nodes; default: as recorded, else one), or the nodes of it that are
        down; return its status and whether this call started a node."""
        state = self._read_state()
        current = self.status()
        wanted = brokers or (len(state.nodes) if state else 1)
        if state is not None and current.running and len(state.nodes) != wanted:
            raise KafkaToolingError(
                f"a local cluster of {len(state.nodes)} node(s) runs under {self.dir}; "
                f"stop it (`streamguard kafka stop`) before starting one of {wanted}"
            )
        if current.running and all(node.alive for node in current.nodes):
            return current, False
        java, libs = require_java(), ensure_broker_jars(self.kafka_version, self.cache_dir)
        if current.running and state is not None:
            plans = self._plans([node.ports for node in state.nodes])
            dead = {node.id for node in state.nodes if not _is_kafka_process(node.pid)}  # not merely starting
            restarted = [plan for plan in plans if plan.node_id in dead]
            pids = {node.id: node.pid for node in state.nodes}
        else:
            self._adopt_single_node_layout()
            self._refuse_other_sized_data(wanted)
            plans = self._plans(_choose_ports(wanted))
            restarted, pids = plans, {}
        self._configure(java, libs, restarted)
        processes = {plan.node_id: self._launch_node(java, libs, plan) for plan in restarted}
        pids |= {node_id: process.pid for node_id, process in processes.items()}
        self._write_state(ClusterState(self.kafka_version, tuple(_node(plan, pids[plan.node_id]) for plan in plans)))
        self._await_ready(processes, plans)
        return self.status(), bool(processes)

    def stop(self) -> bool:
        """Stop every node this home started; return False if none was running."""
        state = self._read_state()
        running = [node.pid for node in state.nodes if _is_kafka_process(node.pid)] if state else []
        for pid in running:  # all at once: the quorum stays up while each node shuts down in order
            os.kill(pid, signal.SIGTERM)
        deadline = time.monotonic() + STOP_TIMEOUT_S
        while any(_is_kafka_process(pid) for pid in running) and time.monotonic() < deadline:
            time.sleep(0.2)
        for pid in running:
            if _is_kafka_process(pid):
                os.kill(pid, signal.SIGKILL)
        self._state_path.unlink(missing_ok=True)
        return bool(running)

    @property
    def admin_password(self) -> str:
        """The admin principal's SCRAM password: configured, or generated once and kept in admin.secret."""
        if self._admin_password:
            return self._admin_password
        secret_file = self.dir / "admin.secret"
        if not secret_file.exists():
            self.dir.mkdir(parents=True, exist_ok=True)
            secret_file.touch(mode=0o600)
            secret_file.write_text(secrets.token_urlsafe(24))
        return secret_file.read_text().strip()

    def node_dir(self, node_id: int) -> Path:
        return self.dir / f"node-{node_id}"

    @property
    def log_path(self) -> Path:
        return self.node_dir(1) / "server.log"

    @property
    def authorizer_log_path(self) -> Path:
        """The first node's authorization decisions (who was allowed or denied what), the read evidence's source:
        of a one-node cluster, all of them."""
        return self.node_dir(1) / "authorizer.log"

    @property
    def tls_dir(self) -> Path:
        return self.dir / "tls"

    # -- steps -----------------------------------------------------------------------------------------

    def _plans(self, ports: list[BrokerPorts]) -> list[NodePlan]:
        voters = tuple((index, node_ports.controller) for index, node_ports in enumerate(ports, start=1))
        return [
            NodePlan(index, node_ports, self.node_dir(index) / "data", voters)
            for index, node_ports in enumerate(ports, start=1)
        ]

    def _adopt_single_node_layout(self) -> None:
        """A broker started by an older streamguard kept its data in ``kafka/data``: node 1's from now on (its
        topics, and so the evidence a local store and witness already hold, stay)."""
        legacy, node_data = self.dir / "data", self.node_dir(1) / "data"
        if (legacy / "meta.properties").exists() and not node_data.exists():
            node_data.parent.mkdir(parents=True, exist_ok=True)
            legacy.rename(node_data)

    def _refuse_other_sized_data(self, wanted: int) -> None:
        """Storage formatted for another quorum cannot join this one: say so rather than start a broken one."""
        formatted = sorted(path.parent.parent.name for path in self.dir.glob("node-*/data/meta.properties"))
        if formatted and len(formatted) != wanted:
            raise KafkaToolingError(
                f"the data under {self.dir} belongs to a cluster of {len(formatted)} node(s), not {wanted}: "
                f"start it with --brokers {len(formatted)}, or remove {self.dir} to begin afresh"
            )

    def _configure(self, java: str, libs: Path, plans: list[NodePlan]) -> None:
        """Each node's configuration written, and its storage formatted where it has none (the nodes at once:
        each format is a JVM start of its own)."""
        keystore = ensure_broker_tls(self.tls_dir).keystore
        unformatted = []
        for plan in plans:
            folder = self.node_dir(plan.node_id)
            folder.mkdir(parents=True, exist_ok=True)
            (folder / "server.properties").write_text(render_server_properties(plan, self.admin_principal, keystore))
            (folder / "log4j2.properties").write_text(LOG4J2_PROPERTIES)
            if not (plan.data_dir / "meta.properties").exists():
                unformatted.append(plan.node_id)
        if not unformatted:
            return
        cluster_id, password = self._cluster_id(), self.admin_password  # made once, before the threads share them
        with ThreadPoolExecutor(max_workers=len(unformatted)) as formats:
            list(formats.map(lambda node: self._format_storage(java, libs, node, cluster_id, password), unformatted))

    def _launch_node(self, java: str, libs: Path, plan: NodePlan) -> subprocess.Popen[bytes]:
        folder = self.node_dir(plan.node_id)
        console = (folder / "console.log").open("ab")
        return subprocess.Popen(
            [*self._java_command(java, libs, plan.node_id), "kafka.Kafka", str(folder / "server.properties")],
            stdout=console,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            start_new_session=True,  # the cluster outlives `streamguard kafka start`
        )

    def _format_storage(self, java: str, libs: Path, node_id: int, cluster_id: str, password: str) -> None:
        properties = self.node_dir(node_id) / "server.properties"
        scram = f"SCRAM-SHA-512=[name={self.admin_principal},password={password}]"
        command = [
            *self._java_command(java, libs, node_id),
            "kafka.tools.StorageTool",
            "format",
            "-t",
            cluster_id,
            "-c",
            str(properties),
            "--add-scram",
            scram,
        ]
        result = subprocess.run(command, capture_output=True, text=True, check=False)
        if result.returncode != 0:
            # The SCRAM password is in the command line, never in what we print.
            detail = (result.stdout + result.stderr).replace(password, "***").strip()
            raise KafkaToolingError(f"formatting Kafka storage under {self.node_dir(node_id)} failed:\n{detail}")

    def _cluster_id(self) -> str:
        """One id for every node of the cluster, drawn once and kept beside the nodes."""
        kept = self.dir / "cluster.id"
        if not kept.exists():
            self.dir.mkdir(parents=True, exist_ok=True)
            kept.write_text(_cluster_id())
        return kept.read_text().strip()

    def _java_command(self, java: str, libs: Path, node_id: int) -> list[str]:
        folder = self.node_dir(node_id)
        return [
            java,
            "-Xms128m",
            f"-Xmx{self.heap}",
            "-XX:+UseG1GC",
            "-Djava.awt.headless=true",
            f"-Dlog4j2.configurationFile={folder / 'log4j2.properties'}",
            f"-Dstreamguard.kafka.log={folder / 'server.log'}",
            f"-Dstreamguard.kafka.authorizer.log={folder / 'authorizer.log'}",
            "-cp",
            f"{libs}/*",
        ]

    def _await_ready(self, processes: dict[int, subprocess.Popen[bytes]], plans: list[NodePlan]) -> None:
        """Until every node of the cluster serves and the cluster's metadata lists it."""
        deadline = time.monotonic() + READY_TIMEOUT_S
        bootstrap = ",".join(f"{HOST}:{plan.ports.plaintext}" for plan in plans)
        while time.monotonic() < deadline:
            for node_id, process in processes.items():
                if process.poll() is not None:
                    raise KafkaToolingError(
                        f"Kafka node {node_id} exited with status {process.returncode} while starting; see "
                        f"{self.node_dir(node_id) / 'console.log'} and {self.node_dir(node_id) / 'server.log'}"
                    )
            serving = all(_port_open(plan.ports.plaintext) for plan in plans)  # those started before too
            if serving and {plan.node_id for plan in plans} <= _registered_brokers(bootstrap):
                return  # (a dead node stays listed a while: its port says it is gone)
            time.sleep(0.25)
        raise KafkaToolingError(
            f"the Kafka cluster did not become ready within {READY_TIMEOUT_S:.0f}s; see the server.log files "
            f"under {self.dir}"
        )

    # -- state file ------------------------------------------------------------------------------------

    @property
    def _state_path(self) -> Path:
        return self.dir / "state.json"

    def _read_state(self) -> ClusterState | None:
        try:
            return ClusterState.from_json(self._state_path.read_text())
        except (FileNotFoundError, ValueError, TypeError, KeyError):
            return None

    def _write_state(self, state: ClusterState) -> None:
        self.dir.mkdir(parents=True, exist_ok=True)
        self._state_path.write_text(json.dumps(asdict(state)))


def _node(plan: NodePlan, pid: int) -> NodeRecord:
    ports = plan.ports
    return NodeRecord(plan.node_id, pid, ports.plaintext, ports.sasl, ports.controller, ports.ssl, ports.sasl_ssl)


def _cluster_id() -> str:
    """A random cluster id as Kafka makes one (URL-safe base64 of 16 bytes), never starting with "-": the
    storage tool would read that as an option (Kafka's own Uuid.randomUuid draws again for the same reason)."""
    while True:
        cluster_id = base64.urlsafe_b64encode(uuid.uuid4().bytes).decode().rstrip("=")
        if not cluster_id.startswith("-"):
            return cluster_id


def _choose_ports(nodes: int = 1) -> list[BrokerPorts]:
    """Five ports per node: the first node's preferred ones where free, otherwise ports the OS hands out;
    recorded in state.json."""
    chosen: list[int] = []
    for node in range(nodes):
        for preferred in (
            PREFERRED_PORTS.plaintext,
            PREFERRED_PORTS.sasl,
            PREFERRED_PORTS.controller,
            PREFERRED_PORTS.ssl,
            PREFERRED_PORTS.sasl_ssl,
        ):
            usable = node == 0 and _port_free(preferred) and preferred not in chosen
            chosen.append(preferred if usable else _free_port(chosen))
    return [BrokerPorts(*chosen[index : index + 5]) for index in range(0, len(chosen), 5)]


def _port_free(port: int) -> bool:
    with socket.socket() as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


def _free_port(taken: list[int]) -> int:
    while True:
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = int(probe.getsockname()[1])
        if port not in taken:
            return port


def _port_open(port: int) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=0.5):
            return True
    except OSError:
        return False


def _registered_brokers(bootstrap: str) -> set[int]:
    """The node ids the cluster's metadata lists as brokers (empty while nothing answers)."""
    from confluent_kafka.admin import AdminClient  # imported late: `kafka status` stays fast

    admin = AdminClient({"bootstrap.servers": bootstrap, "log_level": 0})
    try:
        return set(admin.list_topics(timeout=2).brokers)
    except Exception:  # any client error means "not ready yet"; the deadline bounds the wait
        return set()


def _is_kafka_process(pid: int) -> bool:
    """True if pid is alive and is a Kafka JVM (a recycled pid of another program is not ours to signal)."""
    try:
        cmdline = Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return False
    return b"kafka.Kafka" in cmdline
