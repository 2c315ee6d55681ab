"""Configuration from ``STREAMGUARD_*`` environment variables (pydantic-settings).

Invalid configuration fails at start with a message naming the variable; secrets are ``SecretStr`` so they
never appear in a repr or a log line.
"""

from __future__ import annotations

from enum import StrEnum
from functools import cached_property
from pathlib import Path
from typing import Literal

from pydantic import Field, SecretStr, ValidationError, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from streamguard.core.errors import ConfigError
from streamguard.core.replication import Replication, ReplicationPolicy, TopicKind
from streamguard.core.topics import EvidenceRetention, TopicNames


class Environment(StrEnum):
    DEVELOPMENT = "development"
    PRODUCTION = "production"


class Settings(BaseSettings):
    """Everything streamguard reads from its environment. Defaults suit one developer machine."""

    model_config = SettingsConfigDict(env_prefix="STREAMGUARD_", extra="ignore", frozen=True)

    env: Environment = Environment.DEVELOPMENT
    home: Path = Field(
        default_factory=lambda: Path.cwd() / "local",
        description="Local state: broker data and logs, the development keyring, the evidence store.",
    )
    bootstrap: str | None = Field(
        default=None,
        description="Kafka bootstrap servers (host:port,...). Unset: the local broker started by streamguard.",
    )
    security_protocol: str = "PLAINTEXT"
    sasl_mechanism: str = "SCRAM-SHA-512"
    sasl_username: str | None = None
    sasl_password: SecretStr | None = None
    ssl_cafile: Path | None = Field(
        default=None,
        description="CA certificates (PEM) to trust for SSL and SASL_SSL; the local broker's CA by default.",
    )
    ssl_certfile: Path | None = Field(
        default=None, description="Client certificate (PEM), for brokers that ask for one."
    )
    ssl_keyfile: Path | None = Field(default=None, description="The client certificate's private key (PEM).")
    ssl_key_password: SecretStr | None = None
    admin_username: str = "streamguard-admin"
    admin_password: SecretStr | None = Field(
        default=None,
        description="Password of streamguard's privileged principal; generated locally if unset.",
    )
    schema_registry_url: str = "mock://streamguard"
    raw_topic_prefix: str = "raw."
    governed_topic_prefix: str = "governed."
    system_topic_prefix: str = "streamguard."
    evidence_store_url: str = Field(default="", description="sqlite:///path or postgresql://...; default under home.")
    keyring_path: Path | None = Field(default=None, description="Keyring file; default <home>/keyring.json.")
    kafka_version: str = "4.1.1"
    fault_injection: str | None = Field(
        default=None,
        pattern=r"^(views|audit|offsets|commit):\d+(\+untransacted)?$",
        description="Testing only: <stage>:N exits hard after that stage of cycle N (views, audit, offsets: inside "
        "its transaction; commit: just after it); +untransacted also runs the data path without its transaction "
        "(the crash tests' control experiment: their checks must then fail).",
    )
    log_origin: str = Field(
        default="streamguard.local/audit",
        pattern=r"^[!-~]+$",
        description="Name of this deployment's audit logs in checkpoints (origin prefix and signing key name); "
        "make it unique, e.g. your domain and cluster: example.com/kafka-prod/audit.",
    )
    cycle_max_records: int = Field(
        default=5_000,
        ge=1,
        description="Most source records in one data-path cycle (one transaction): larger cycles spread each "
        "commit over more records, smaller ones make records visible sooner under load (README, Performance).",
    )
    cycle_max_bytes: int = Field(
        default=16 * 1024 * 1024,
        ge=1,
        description="Most bytes of source record values in one data-path cycle: a batch of large records is "
        "split into several cycles, so a transaction stays small and its records visible soon (README, Performance).",
    )
    discover_every_s: float = Field(
        default=0.0,
        ge=0,
        description="The control service samples raw topics without rules every T seconds; 0: never.",
    )
    discover_records: int = Field(default=200, ge=1, le=5000, description="Records a scheduled discover samples.")
    checkpoint_every_events: int = Field(default=1000, ge=1, description="Checkpoint a chain every N events...")
    checkpoint_every_s: float = Field(default=10.0, gt=0, description="...or T seconds after its first uncovered one.")
    audit_retention_ms: int = Field(default=-1, ge=-1, description="Retention of the audit topic (-1: forever).")
    checkpoints_retention_ms: int = Field(default=-1, ge=-1, description="Retention of the checkpoints topic.")
    sessions_retention_ms: int = Field(default=-1, ge=-1, description="Retention of the sessions topic.")
    quarantine_retention_ms: int = Field(
        default=30 * 24 * 3600 * 1000, ge=-1, description="Retention of the quarantine topic (raw bytes): 30 days."
    )
    views_replication_factor: int | None = Field(default=None, ge=1, description="Default: min(3, brokers).")
    views_min_insync_replicas: int | None = Field(default=None, ge=1, description="Default: the factor less one.")
    evidence_replication_factor: int | None = Field(default=None, ge=1, description="Default: min(3, brokers).")
    evidence_min_insync_replicas: int | None = Field(default=None, ge=1, description="Default: the factor less one.")
    control_replication_factor: int | None = Field(default=None, ge=1, description="Default: the cluster's.")
    control_min_insync_replicas: int | None = Field(default=None, ge=1, description="Default: the cluster's.")
    quarantine_replication_factor: int | None = Field(default=None, ge=1, description="Default: the cluster's.")
    quarantine_min_insync_replicas: int | None = Field(default=None, ge=1, description="Default: the cluster's.")
    replication_check: Literal["fail", "warn"] = Field(
        default="fail",
        description="A topic streamguard depends on with fewer replicas than its kind asks for stops the start "
        "(fail) or is logged (warn).",
    )
    session_idle_gap_s: float = Field(
        default=1800.0, gt=0, description="A producer's session ends after this long without a record."
    )
    witness_url: str | None = Field(
        default=None,
        description="Witness that cosigns checkpoints: http(s)://host:port or file:///state/dir (file mode).",
    )
    witness_keys: str = Field(
        default="", description="Cosignature verifier keys of the witnesses verify requires, comma-separated."
    )
    policy: Path | None = Field(
        default=None, description="The control-plane policy (YAML): principals, audiences, owners, approvals."
    )
    audit_log_topic: str | None = Field(
        default=None,
        description="A platform's broker audit-log topic in Confluent's CloudEvents format (Confluent's default: "
        "confluent-audit-log-events), read for the principals behind reads. Unset: none.",
    )
    token: SecretStr | None = Field(default=None, description="The caller's API token (its SHA-256 is in the policy).")
    api_url: str | None = Field(
        default=None,
        pattern=r"^https?://[^\s/]+(/\S*)?$",
        description="The streamguard server the command line asks (default http://127.0.0.1:8088 once a token or "
        "policy is set; with neither, development commands run in-process without a control plane).",
    )
    trusted_proxies: str = Field(
        default="",
        description="Addresses of the reverse proxies whose X-Forwarded-For the API believes, comma-separated "
        "(default none: the client address is the connection's).",
    )
    log_keys: str = Field(
        default="",
        description="Verifier keys of the data chains' checkpoints (public), comma-separated; default: those of "
        "the local keyring's sign slot.",
    )
    control_log_keys: str = Field(
        default="",
        description="Verifier keys of the control chain's checkpoints (public), comma-separated; default: those "
        "of the local keyring's control slot.",
    )
    web_port: int = Field(default=6066, ge=1, le=65535, description="Port of the worker's status web server.")

    @field_validator("home")
    @classmethod
    def _absolute_home(cls, value: Path) -> Path:
        return value.expanduser().resolve()

    @field_validator("security_protocol")
    @classmethod
    def _known_protocol(cls, value: str) -> str:
        allowed = {"PLAINTEXT", "SASL_PLAINTEXT", "SASL_SSL", "SSL"}
        if value.upper() not in allowed:
            raise ValueError(f"must be one of {sorted(allowed)}")
        return value.upper()

    @field_validator("ssl_cafile", "ssl_certfile", "ssl_keyfile", "policy")
    @classmethod
    def _readable_file(cls, value: Path | None) -> Path | None:
        if value is not None and not value.is_file():
            raise ValueError(f"no such file: {value}")
        return value

    @field_validator("bootstrap")
    @classmethod
    def _host_port_list(cls, value: str | None) -> str | None:
        if value is None or not value.strip():
            return None
        for server in value.split(","):
            host, sep, port = server.strip().rpartition(":")
            if not sep or not host or not port.isdigit():
                raise ValueError(f"expected host:port[,host:port...], got an entry {server.strip()!r}")
        return value.strip()

    @field_validator("schema_registry_url")
    @classmethod
    def _registry_scheme(cls, value: str) -> str:
        if not value.startswith(("mock://", "http://", "https://")):
            raise ValueError("must start with mock://, http:// or https://")
        return value

    @property
    def trusted_proxy_addresses(self) -> list[str]:
        return [address.strip() for address in self.trusted_proxies.split(",") if address.strip()]

    @property
    def crash_after(self) -> tuple[str, int] | None:
        if self.fault_injection is None:
            return None
        stage, cycle = self.fault_injection.removesuffix("+untransacted").split(":")
        return stage, int(cycle)

    @property
    def untransacted(self) -> bool:
        return self.fault_injection is not None and self.fault_injection.endswith("+untransacted")

    @property
    def retention(self) -> EvidenceRetention:
        return EvidenceRetention(
            self.audit_retention_ms,
            self.checkpoints_retention_ms,
            self.sessions_retention_ms,
            self.quarantine_retention_ms,
        )

    @property
    def replication(self) -> ReplicationPolicy:
        chosen = {
            kind: Replication(
                getattr(self, f"{kind.value}_replication_factor"), getattr(self, f"{kind.value}_min_insync_replicas")
            )
            for kind in TopicKind
        }
        return ReplicationPolicy(chosen, warn_only=self.replication_check == "warn")

    @cached_property
    def topic_names(self) -> TopicNames:
        return TopicNames(self.raw_topic_prefix, self.governed_topic_prefix, self.system_topic_prefix)

    @cached_property
    def resolved_keyring_path(self) -> Path:
        return self.keyring_path or self.home / "keyring.json"

    @cached_property
    def resolved_evidence_store_url(self) -> str:
        return self.evidence_store_url or f"sqlite:///{self.home / 'evidence.sqlite3'}"


def load_settings() -> Settings:
    """Read the environment; turn pydantic's error into one that names each bad variable."""
    try:
        return Settings()
    except ValidationError as error:
        problems = []
        for issue in error.errors():
            field = str(issue["loc"][0]) if issue["loc"] else "?"
            problems.append(f"STREAMGUARD_{field.upper()}: {issue['msg']}")
        raise ConfigError("invalid configuration:\n  " + "\n  ".join(problems)) from None
