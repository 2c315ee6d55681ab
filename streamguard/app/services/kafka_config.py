"""Where Kafka is and how to reach it, from settings: bootstrap servers and client security options; the
deployment's system topics set up."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from confluent_kafka.admin import AdminClient

from streamguard.agents.kafka_topics import (
    check_topics,
    check_transaction_state,
    ensure_topics,
    require_replicated,
    system_topics,
)
from streamguard.app.settings import Settings

if TYPE_CHECKING:
    from streamguard.app.kafka_local import BrokerStatus
from streamguard.core.errors import ConfigError


def resolve_bootstrap(settings: Settings) -> str:
    """``STREAMGUARD_BOOTSTRAP``, else the local broker's listener for the security protocol if it runs, else
    a clear error."""
    if settings.bootstrap:
        return settings.bootstrap
    status = _local_broker(settings)
    bootstrap = status.bootstrap_for(settings.security_protocol)
    if bootstrap is None:
        raise ConfigError(
            f"the local broker has no {settings.security_protocol} listener (started by an older streamguard): "
            "restart it with `streamguard kafka stop` and `streamguard kafka start`"
        )
    return bootstrap


def _local_broker(settings: Settings) -> BrokerStatus:
    from streamguard.app.kafka_local import LocalBroker  # the local broker is a development convenience

    status = LocalBroker.from_settings(settings).status()
    if not status.running:
        raise ConfigError(
            "no Kafka to talk to: set STREAMGUARD_BOOTSTRAP=host:port, or start the local broker with "
            "`streamguard kafka start`"
        )
    return status


def client_options(settings: Settings) -> dict[str, Any]:
    """Configuration shared by every Kafka client streamguard runs (all confluent-kafka: the data path, the
    rules feed, the admin API, read-back): the protocol, SASL credentials, TLS files. The broker's certificate
    is verified, host name included (librdkafka's default). Secrets stay in this dict only."""
    protocol = settings.security_protocol
    options: dict[str, Any] = {"bootstrap.servers": resolve_bootstrap(settings)}
    if protocol != "PLAINTEXT":
        options["security.protocol"] = protocol
    if protocol.startswith("SASL"):
        password = settings.sasl_password.get_secret_value() if settings.sasl_password else ""
        options |= {
            "sasl.mechanisms": settings.sasl_mechanism,
            "sasl.username": settings.sasl_username or "",
            "sasl.password": password,
        }
    if protocol.endswith("SSL"):
        options |= _tls_options(settings)
    return options


def _tls_options(settings: Settings) -> dict[str, Any]:
    ca_file = settings.ssl_cafile
    if ca_file is None and not settings.bootstrap:
        ca_file = _local_broker(settings).ca_file  # the local broker's own CA
    files = {"ssl.ca.location": ca_file, "ssl.certificate.location": settings.ssl_certfile}
    files["ssl.key.location"] = settings.ssl_keyfile
    options: dict[str, Any] = {name: str(path) for name, path in files.items() if path is not None}
    if settings.ssl_key_password is not None:
        options["ssl.key.password"] = settings.ssl_key_password.get_secret_value()
    return options


_SET_UP: set[tuple[str, str]] = set()  # (bootstrap servers, system topic prefix) whose topics this process made


def ensure_system_topics(settings: Settings) -> dict[str, Any]:
    """The client options, the deployment's system topics created where missing and all of them checked
    against the replication their kind asks for (``ConfigError`` naming the topic and setting): once per process
    and deployment, so a listing does not ask the broker's metadata each time (streamguard never deletes them)."""
    options = client_options(settings)
    deployment = (options["bootstrap.servers"], settings.system_topic_prefix)
    if deployment not in _SET_UP:
        admin, specs = AdminClient(options), system_topics(settings.topic_names, settings.retention)
        ensure_topics(admin, specs, settings.replication)
        findings = check_topics(admin, specs, settings.replication) + check_transaction_state(
            admin, settings.replication
        )
        require_replicated(findings, "streamguard's system topics")
        _SET_UP.add(deployment)
    return options
