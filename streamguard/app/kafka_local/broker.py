"""Start, await, report and stop one local KRaft broker process (the only module here that runs the JVM).

State lives under ``<STREAMGUARD_HOME>/kafka``: ``state.json`` (pid and ports), ``data/`` (the log dirs),
``server.log`` and ``admin.secret`` (the generated SCRAM password of streamguard's admin principal, mode 0600).
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
from dataclasses import asdict, dataclass
from pathlib import Path

from streamguard.app.kafka_local.jars import ensure_broker_jars, require_java
from streamguard.app.kafka_local.server_config import LOG4J2_PROPERTIES, BrokerPorts, render_server_properties
from streamguard.app.kafka_local.tls import ensure_broker_tls
from streamguard.app.settings import Settings
from streamguard.core.errors import KafkaToolingError

PREFERRED_PORTS = BrokerPorts(plaintext=19092, sasl=19093, controller=19094, ssl=19095, sasl_ssl=19096)
READY_TIMEOUT_S = 90.0
STOP_TIMEOUT_S = 30.0


@dataclass(frozen=True)
class BrokerStatus:
    running: bool
    pid: int | None
    plaintext_bootstrap: str | None
    sasl_bootstrap: str | None
    kafka_version: str | None
    ssl_bootstrap: str | None = None
    sasl_ssl_bootstrap: str | None = None
    ca_file: Path | None = None  # what clients of the TLS listeners trust

    def bootstrap_for(self, protocol: str) -> str | None:
        """The bootstrap address of the listener speaking ``protocol`` (None if the broker has none)."""
        return {
            "PLAINTEXT": self.plaintext_bootstrap,
            "SASL_PLAINTEXT": self.sasl_bootstrap,
            "SSL": self.ssl_bootstrap,
            "SASL_SSL": self.sasl_ssl_bootstrap,
        }[protocol]

    def describe(self) -> str:
        if not self.running:
            return "Kafka is not running"
        lines = [
            f"Kafka {self.kafka_version} is up (pid {self.pid})",
            f"  PLAINTEXT        {self.plaintext_bootstrap}",
            f"  SASL_PLAINTEXT   {self.sasl_bootstrap}  (SCRAM-SHA-512, ACLs enforced)",
        ]
        if self.ssl_bootstrap:
            lines += [
                f"  SSL              {self.ssl_bootstrap}",
                f"  SASL_SSL         {self.sasl_ssl_bootstrap}  (SCRAM-SHA-512, ACLs enforced)",
                f"  CA certificate   {self.ca_file}",
            ]
        return "\n".join(lines)


@dataclass(frozen=True)
class _State:
    pid: int
    kafka_version: str
    plaintext: int
    sasl: int
    controller: int
    ssl: int = 0  # 0: a broker started before the TLS listeners existed
    sasl_ssl: int = 0


class LocalBroker:
    """One Apache Kafka node under ``home``; safe to start twice (the second start reports the first)."""

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

    @classmethod
    def from_settings(cls, settings: Settings) -> LocalBroker:
        password = settings.admin_password.get_secret_value() if settings.admin_password else None
        return cls(settings.home, settings.kafka_version, settings.admin_username, password)

    # -- public lifecycle ------------------------------------------------------------------------------

    def status(self) -> BrokerStatus:
        state = self._read_state()
        if state is None or not _is_kafka_process(state.pid) or not _port_open(state.plaintext):
            return BrokerStatus(False, None, None, None, None)
        address = "127.0.0.1:{}".format
        tls = state.ssl != 0
        return BrokerStatus(
            True,
            state.pid,
            address(state.plaintext),
            address(state.sasl),
            state.kafka_version,
            address(state.ssl) if tls else None,
            address(state.sasl_ssl) if tls else None,
            self.tls_dir / "ca.pem" if tls else None,
        )

    def start(self) -> tuple[BrokerStatus, bool]:
        """Start the broker unless it runs already; return its status and whether this call started it."""
        current = self.status()
        if current.running:
            return current, False
        java = require_java()
        libs = ensure_broker_jars(self.kafka_version, self.cache_dir)
        ports = _choose_ports()
        data_dir = self.dir / "data"
        properties = self._write_config(ports, data_dir)
        if not (data_dir / "meta.properties").exists():
            self._format_storage(java, libs, properties)
        process = self._launch(java, libs, properties)
        self._write_state(
            _State(
                process.pid,
                self.kafka_version,
                ports.plaintext,
                ports.sasl,
                ports.controller,
                ports.ssl,
                ports.sasl_ssl,
            )
        )
        self._await_ready(process, ports)
        return self.status(), True

    def stop(self) -> bool:
        """Stop the broker this home started; return False if none was running."""
        state = self._read_state()
        if state is None or not _is_kafka_process(state.pid):
            self._state_path.unlink(missing_ok=True)
            return False
        os.kill(state.pid, signal.SIGTERM)
        deadline = time.monotonic() + STOP_TIMEOUT_S
        while _is_kafka_process(state.pid) and time.monotonic() < deadline:
            time.sleep(0.2)
        if _is_kafka_process(state.pid):
            os.kill(state.pid, signal.SIGKILL)
        self._state_path.unlink(missing_ok=True)
        return True

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

    @property
    def log_path(self) -> Path:
        return self.dir / "server.log"

    @property
    def authorizer_log_path(self) -> Path:
        """The broker's authorization decisions (who was allowed or denied what), the read evidence's source."""
        return self.dir / "authorizer.log"

    @property
    def tls_dir(self) -> Path:
        return self.dir / "tls"

    # -- steps -----------------------------------------------------------------------------------------

    def _write_config(self, ports: BrokerPorts, data_dir: Path) -> Path:
        self.dir.mkdir(parents=True, exist_ok=True)
        properties = self.dir / "server.properties"
        keystore = ensure_broker_tls(self.tls_dir).keystore
        properties.write_text(render_server_properties(ports, data_dir, self.admin_principal, keystore))
        (self.dir / "log4j2.properties").write_text(LOG4J2_PROPERTIES)
        return properties

    def _format_storage(self, java: str, libs: Path, properties: Path) -> None:
        cluster_id = _cluster_id()
        scram = f"SCRAM-SHA-512=[name={self.admin_principal},password={self.admin_password}]"
        command = [
            *self._java_command(java, libs),
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
            detail = (result.stdout + result.stderr).replace(self.admin_password, "***").strip()
            raise KafkaToolingError(f"formatting Kafka storage under {self.dir / 'data'} failed:\n{detail}")

    def _launch(self, java: str, libs: Path, properties: Path) -> subprocess.Popen[bytes]:
        console = (self.dir / "console.log").open("ab")
        return subprocess.Popen(
            [*self._java_command(java, libs), "kafka.Kafka", str(properties)],
            stdout=console,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            start_new_session=True,  # the broker outlives `streamguard kafka start`
        )

    def _java_command(self, java: str, libs: Path) -> list[str]:
        return [
            java,
            "-Xms256m",
            "-Xmx768m",
            "-XX:+UseG1GC",
            "-Djava.awt.headless=true",
            f"-Dlog4j2.configurationFile={self.dir / 'log4j2.properties'}",
            f"-Dstreamguard.kafka.log={self.log_path}",
            f"-Dstreamguard.kafka.authorizer.log={self.authorizer_log_path}",
            "-cp",
            f"{libs}/*",
        ]

    def _await_ready(self, process: subprocess.Popen[bytes], ports: BrokerPorts) -> None:
        deadline = time.monotonic() + READY_TIMEOUT_S
        while time.monotonic() < deadline:
            if process.poll() is not None:
                self._state_path.unlink(missing_ok=True)
                raise KafkaToolingError(
                    f"the Kafka broker exited with status {process.returncode} while "
                    f"starting; see {self.dir / 'console.log'} and {self.log_path}"
                )
            if _port_open(ports.plaintext) and _metadata_ready(ports.plaintext):
                return
            time.sleep(0.25)
        raise KafkaToolingError(
            f"the Kafka broker did not become ready within {READY_TIMEOUT_S:.0f}s; see {self.log_path}"
        )

    # -- state file ------------------------------------------------------------------------------------

    @property
    def _state_path(self) -> Path:
        return self.dir / "state.json"

    def _read_state(self) -> _State | None:
        try:
            return _State(**json.loads(self._state_path.read_text()))
        except (FileNotFoundError, ValueError, TypeError):
            return None

    def _write_state(self, state: _State) -> None:
        self._state_path.write_text(json.dumps(asdict(state)))


def _cluster_id() -> str:
    """A random cluster id as Kafka makes one (URL-safe base64 of 16 bytes), never starting with "-": the
    storage tool would read that as an option (Kafka's own Uuid.randomUuid draws again for the same reason)."""
    while True:
        cluster_id = base64.urlsafe_b64encode(uuid.uuid4().bytes).decode().rstrip("=")
        if not cluster_id.startswith("-"):
            return cluster_id


def _choose_ports() -> BrokerPorts:
    """The preferred ports where free, otherwise ports the OS hands out; recorded in state.json."""
    chosen: list[int] = []
    for preferred in (
        PREFERRED_PORTS.plaintext,
        PREFERRED_PORTS.sasl,
        PREFERRED_PORTS.controller,
        PREFERRED_PORTS.ssl,
        PREFERRED_PORTS.sasl_ssl,
    ):
        port = preferred if _port_free(preferred) and preferred not in chosen else _free_port(chosen)
        chosen.append(port)
    return BrokerPorts(*chosen)


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


def _metadata_ready(port: int) -> bool:
    from confluent_kafka.admin import AdminClient  # imported late: `kafka status` stays fast

    admin = AdminClient({"bootstrap.servers": f"127.0.0.1:{port}", "log_level": 0})
    try:
        return bool(admin.list_topics(timeout=2).brokers)
    except Exception:  # any client error means "not ready yet"; the deadline bounds the wait
        return False


def _is_kafka_process(pid: int) -> bool:
    """True if pid is alive and is a Kafka JVM (a recycled pid of another program is not ours to signal)."""
    try:
        cmdline = Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return False
    return b"kafka.Kafka" in cmdline
