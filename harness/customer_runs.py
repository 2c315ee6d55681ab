"""A deployment's own dataset of sample customers, governed by a worker in bursts: the evidence the tamper,
insider and purge tests then check."""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from typing import Any

from confluent_kafka.admin import NewTopic

from harness.deployment import Deployment
from harness.raw_producer import RawProducer, avro_payload
from harness.readback import read_topic
from harness.sample_data import customers, structured_rules
from streamguard.schemas import CUSTOMERS_AVSC


@dataclass(frozen=True)
class CustomersDataset:
    name: str
    raw: str
    schema_id: int  # what its producers frame values with
    schema: Any


def customers_dataset(deployment: Deployment, partitions: int = 1) -> CustomersDataset:
    """A fresh dataset of sample customers: its raw topic, its rules in force, its producers' schema."""
    name = f"customers_{uuid.uuid4().hex[:6]}"
    raw = deployment.names.raw(name)
    deployment.admin.create_topics([NewTopic(raw, partitions, 1)])[raw].result(30)
    deployment.apply_rules(structured_rules(name), json.dumps(json.loads(CUSTOMERS_AVSC.read_text())))
    return CustomersDataset(name, raw, *deployment.producer_schema(name))


def govern_in_bursts(
    deployment: Deployment, dataset: CustomersDataset, bursts: int, per_burst: int, seed: int, **worker_env: str
) -> None:
    """A worker governs ``bursts`` bursts of sample customers on partition 0, each read back from the analytics
    view before the next is sent, and is stopped (a stopping worker checkpoints what it has not yet)."""
    worker = deployment.start_worker(**worker_env)
    producer = RawProducer(deployment.options)
    records = list(customers(bursts * per_burst, seed=seed))
    try:
        worker.wait_serving(dataset.raw)
        for burst in range(bursts):
            for record in records[burst * per_burst : (burst + 1) * per_burst]:
                value = avro_payload(dataset.schema_id, dataset.schema, record)
                producer.send(dataset.raw, record["customer_id"].encode(), value, partition=0)
            producer.flush()
            view = deployment.names.governed(dataset.name, "analytics")
            read_topic(deployment.options, view, (burst + 1) * per_burst)
    finally:
        deployment.stop_workers()
