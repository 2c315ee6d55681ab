"""Where Kafka is and how to reach it, from settings: bootstrap servers and client security options."""

from __future__ import annotations

from typing import Any

from streamguard.app.settings import Settings
from streamguard.core.errors import ConfigError


def resolve_bootstrap(settings: Settings) -> str:
    """``STREAMGUARD_BOOTSTRAP``, else the local broker if it runs, else a clear error."""
    if settings.bootstrap:
        return settings.bootstrap
    from streamguard.app.kafka_local import LocalBroker  # the local broker is a development convenience

    status = LocalBroker.from_settings(settings).status()
    if not status.running or status.plaintext_bootstrap is None:
        raise ConfigError(
            "no Kafka to talk to: set STREAMGUARD_BOOTSTRAP=host:port, or start the local broker with "
            "`streamguard kafka start`"
        )
    return status.plaintext_bootstrap


def client_options(settings: Settings) -> dict[str, Any]:
    """Configuration shared by every Kafka client streamguard runs (all confluent-kafka: the data path, the
    rules feed, the admin API, read-back). Secrets stay in this dict only."""
    options: dict[str, Any] = {"bootstrap.servers": resolve_bootstrap(settings)}
    if settings.security_protocol.startswith("SASL"):
        password = settings.sasl_password.get_secret_value() if settings.sasl_password else ""
        options |= {
            "security.protocol": settings.security_protocol,
            "sasl.mechanisms": settings.sasl_mechanism,
            "sasl.username": settings.sasl_username or "",
            "sasl.password": password,
        }
    return options
