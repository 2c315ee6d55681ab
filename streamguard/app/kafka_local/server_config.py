"""Render the configuration of one combined KRaft broker+controller node of a local cluster (pure: no I/O).

A cluster is one node (the default: development, the demo, the quick tests) or three (``kafka start
--brokers 3``: the fault tests), every node a broker and a voter of the KRaft quorum. Three nodes are set up
as a hardened production cluster is: every internal topic and every topic created without a factor replicated
three times, ``min.insync.replicas=2``, so a write needs two copies and one broker may be down.

Listeners, all on 127.0.0.1:
- PLAINTEXT: the trusted loopback listener for the pipeline and tests (its ANONYMOUS principal is a super
  user, as a local cluster without authentication would be);
- SASL_PLAINTEXT with SCRAM-SHA-512: every client is a named principal and the StandardAuthorizer applies
  ACLs, so access scoping is tested for real; streamguard's own admin principal is the super user;
- SSL and SASL_SSL: the same two with TLS (a private CA and a broker certificate for 127.0.0.1, see ``tls``),
  so encrypted connections are tested for real;
- CONTROLLER: the KRaft quorum listener.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

_SCRAM_LOGIN_MODULE = "org.apache.kafka.common.security.scram.ScramLoginModule required;"


@dataclass(frozen=True)
class BrokerPorts:
    plaintext: int
    sasl: int
    controller: int
    ssl: int
    sasl_ssl: int

    def client_listeners(self) -> dict[str, int]:
        """Security protocol -> port, for the listeners clients use."""
        return {"PLAINTEXT": self.plaintext, "SASL_PLAINTEXT": self.sasl, "SSL": self.ssl, "SASL_SSL": self.sasl_ssl}


@dataclass(frozen=True)
class NodePlan:
    """One node of a local cluster: its id, ports and data folder, and the quorum it votes in."""

    node_id: int
    ports: BrokerPorts
    data_dir: Path
    voters: tuple[tuple[int, int], ...]  # (node id, controller port) of every node, this one included


def render_server_properties(node: NodePlan, admin_principal: str, keystore: Path) -> str:
    host = "127.0.0.1"
    ports = node.ports
    clients = ",".join(f"{name}://{host}:{port}" for name, port in ports.client_listeners().items())
    protocols = ",".join(f"{name}:{name}" for name in ports.client_listeners())
    copies = min(3, len(node.voters))
    in_sync = max(1, copies - 1)
    settings = {
        "process.roles": "broker,controller",
        "node.id": str(node.node_id),
        "controller.quorum.voters": ",".join(f"{voter}@{host}:{port}" for voter, port in node.voters),
        "controller.listener.names": "CONTROLLER",
        "listeners": f"{clients},CONTROLLER://{host}:{ports.controller}",
        "advertised.listeners": clients,
        "listener.security.protocol.map": f"{protocols},CONTROLLER:PLAINTEXT",
        "inter.broker.listener.name": "PLAINTEXT",
        "sasl.enabled.mechanisms": "SCRAM-SHA-512",
        "listener.name.sasl_plaintext.scram-sha-512.sasl.jaas.config": _SCRAM_LOGIN_MODULE,
        "listener.name.sasl_ssl.scram-sha-512.sasl.jaas.config": _SCRAM_LOGIN_MODULE,
        "ssl.keystore.type": "PEM",
        "ssl.keystore.location": str(keystore),
        "ssl.client.auth": "none",
        "authorizer.class.name": "org.apache.kafka.metadata.authorizer.StandardAuthorizer",
        "super.users": f"User:ANONYMOUS;User:{admin_principal}",
        "allow.everyone.if.no.acl.found": "false",
        "log.dirs": str(node.data_dir),
        "num.partitions": "1",
        "default.replication.factor": str(copies),
        "min.insync.replicas": str(in_sync),
        "offsets.topic.replication.factor": str(copies),
        "offsets.topic.num.partitions": "4",
        "transaction.state.log.replication.factor": str(copies),
        "transaction.state.log.min.isr": str(in_sync),
        "transaction.state.log.num.partitions": "8",  # a local cluster's few transactional ids; default 50
        "share.coordinator.state.topic.replication.factor": str(copies),
        "share.coordinator.state.topic.min.isr": str(in_sync),
        "group.initial.rebalance.delay.ms": "0",
        "auto.create.topics.enable": "false",
        "log.segment.bytes": str(64 * 1024 * 1024),
        # The log cleaner looks for compactable logs every second (default 15 s), so erasure in compacted
        # views shows up in a test within seconds.
        "log.cleaner.backoff.ms": "1000",
        # A crashed worker's open transaction is aborted once it times out (10 s, the data path's setting):
        # look for such transactions every second rather than every 10 s.
        "transaction.abort.timed.out.transaction.cleanup.interval.ms": "1000",
    }
    return "".join(f"{key}={value}\n" for key, value in settings.items())


# The authorizer's decisions go to a file of their own (``authorizer.log``, rolled at 50 MB, three kept): the
# read evidence takes the principal behind each fetch from it. Kafka logs denials at INFO and grants at DEBUG,
# so the logger is at DEBUG; it is not additive, so none of it reaches server.log. Super users' decisions (the
# trusted loopback listener the data path uses, streamguard's admin) are filtered out: they are most of the
# traffic, and streamguard records its own operations in the audit stream.
LOG4J2_PROPERTIES = """status = warn
appender.file.type = File
appender.file.name = file
appender.file.fileName = ${sys:streamguard.kafka.log}
appender.file.layout.type = PatternLayout
appender.file.layout.pattern = [%d] %p %m (%c)%n
appender.authorizer.type = RollingFile
appender.authorizer.name = authorizer
appender.authorizer.fileName = ${sys:streamguard.kafka.authorizer.log}
appender.authorizer.filePattern = ${sys:streamguard.kafka.authorizer.log}.%i
appender.authorizer.layout.type = PatternLayout
appender.authorizer.layout.pattern = [%d{ISO8601}{UTC}] %p %m%n
appender.authorizer.policies.type = Policies
appender.authorizer.policies.size.type = SizeBasedTriggeringPolicy
appender.authorizer.policies.size.size = 50MB
appender.authorizer.strategy.type = DefaultRolloverStrategy
appender.authorizer.strategy.max = 3
appender.authorizer.filter.superuser.type = RegexFilter
appender.authorizer.filter.superuser.regex = .*based on rule SuperUser.*
appender.authorizer.filter.superuser.onMatch = DENY
appender.authorizer.filter.superuser.onMismatch = NEUTRAL
rootLogger.level = INFO
rootLogger.appenderRef.file.ref = file
logger.kafka.name = kafka
logger.kafka.level = WARN
logger.apache.name = org.apache.kafka
logger.apache.level = WARN
logger.authorizer.name = kafka.authorizer.logger
logger.authorizer.level = DEBUG
logger.authorizer.additivity = false
logger.authorizer.appenderRef.authorizer.ref = authorizer
"""
