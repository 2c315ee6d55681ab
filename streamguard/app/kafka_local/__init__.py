"""A real Apache Kafka cluster (one KRaft node, or three) on 127.0.0.1 for development, tests, the demo and
benchmarks.

``jars`` resolves the pinned broker and tools jars with Maven once; ``server_config`` renders each node's
configuration (pure); ``cluster_state`` says what the cluster is (pure); ``broker`` formats storage, starts,
awaits, reports and stops the JVM processes.
"""

from streamguard.app.kafka_local.broker import LocalBroker
from streamguard.app.kafka_local.cluster_state import BrokerStatus, NodeStatus

__all__ = ["BrokerStatus", "LocalBroker", "NodeStatus"]
