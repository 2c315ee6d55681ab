"""Where Kafka is and how to reach it, from settings: bootstrap servers and client security options."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from app.errors import ConfigError
from app.settings import Settings


@dataclass(frozen=True)
class TopicNames:
    """Every topic name streamguard uses, derived from the configured prefixes."""

    raw_prefix: str
    governed_prefix: str
    system_prefix: str

    @classmethod
    def from_settings(cls, settings: Settings) -> TopicNames:
        return cls(settings.raw_topic_prefix, settings.governed_topic_prefix, settings.system_topic_prefix)

    def raw(self, dataset: str) -> str:
        return f"{self.raw_prefix}{dataset}"

    def governed(self, dataset: str, audience: str) -> str:
        return f"{self.governed_prefix}{dataset}.{audience}"

    def dataset_of(self, raw_topic: str) -> str | None:
        return raw_topic[len(self.raw_prefix) :] if raw_topic.startswith(self.raw_prefix) else None

    @property
    def rules(self) -> str:
        return f"{self.system_prefix}rules"

    @property
    def audit(self) -> str:
        return f"{self.system_prefix}audit"

    @property
    def datapath_group(self) -> str:
        """Consumer group of the data path (one per deployment, named after its system prefix)."""
        return f"{self.system_prefix}datapath"

    @property
    def app_id(self) -> str:
        return self.system_prefix.rstrip(".") or "streamguard"

    @property
    def quarantine(self) -> str:
        return f"{self.system_prefix}quarantine"


def resolve_bootstrap(settings: Settings) -> str:
    """``STREAMGUARD_BOOTSTRAP``, else the local broker if it runs, else a clear error."""
    if settings.bootstrap:
        return settings.bootstrap
    from app.kafka_local import LocalBroker  # the local broker is a development convenience

    status = LocalBroker.from_settings(settings).status()
    if not status.running or status.plaintext_bootstrap is None:
        raise ConfigError(
            "no Kafka to talk to: set STREAMGUARD_BOOTSTRAP=host:port, or start the local broker with "
            "`streamguard kafka start`"
        )
    return status.plaintext_bootstrap


_AIOKAFKA_SASL_KEYS = ("security_protocol", "sasl_mechanism", "sasl_plain_username", "sasl_plain_password")
_CONFLUENT_SASL_KEYS = ("security.protocol", "sasl.mechanisms", "sasl.username", "sasl.password")


def _sasl(settings: Settings, keys: tuple[str, str, str, str]) -> dict[str, Any]:
    """The client's SASL settings under its own option names; empty unless a SASL protocol is configured."""
    if not settings.security_protocol.startswith("SASL"):
        return {}
    password = settings.sasl_password.get_secret_value() if settings.sasl_password else ""
    values = (settings.security_protocol, settings.sasl_mechanism, settings.sasl_username or "", password)
    return dict(zip(keys, values, strict=True))


def aiokafka_options(settings: Settings) -> dict[str, Any]:
    """Keyword arguments for aiokafka clients (bootstrap and SASL); secrets stay in this dict only."""
    return {"bootstrap_servers": resolve_bootstrap(settings), **_sasl(settings, _AIOKAFKA_SASL_KEYS)}


def confluent_options(settings: Settings) -> dict[str, Any]:
    """Configuration for confluent-kafka clients (the data path, admin API, producers)."""
    return {"bootstrap.servers": resolve_bootstrap(settings), **_sasl(settings, _CONFLUENT_SASL_KEYS)}
