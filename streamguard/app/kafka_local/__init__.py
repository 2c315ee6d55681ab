"""A real Apache Kafka broker (one KRaft node) on 127.0.0.1 for development, tests, the demo and benchmarks.

``jars`` resolves the pinned broker jars with Maven once; ``server_config`` renders the node's configuration
(pure); ``broker`` formats storage, starts, awaits, reports and stops the JVM process.
"""

from streamguard.app.kafka_local.broker import BrokerStatus, LocalBroker

__all__ = ["BrokerStatus", "LocalBroker"]
