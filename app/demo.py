"""``make demo``: start Kafka, send a few records through a raw topic, show them, stop what was started."""

from __future__ import annotations

import json
import uuid

from confluent_kafka import Consumer, Producer
from confluent_kafka.admin import AdminClient, NewTopic
from rich.console import Console
from rich.table import Table

from app.cli.kafka_commands import local_broker
from app.settings import load_settings

console = Console()

SAMPLE = [
    {"customer_id": 1, "full_name": "Ada Lovelace", "email": "ada@example.org", "plan": "pro"},
    {"customer_id": 2, "full_name": "Alan Turing", "email": "alan@example.org", "plan": "free"},
    {"customer_id": 3, "full_name": "Grace Hopper", "email": "grace@example.org", "plan": "team"},
]


def main() -> None:
    settings = load_settings()
    broker = local_broker(settings)
    with console.status("starting Apache Kafka (the first run fetches its jars with Maven)..."):
        status, started = broker.start()
    console.print(status.describe())
    try:
        show_round_trip(status.plaintext_bootstrap or "")
    finally:
        if started:
            broker.stop()
            console.print("stopped the Kafka broker this demo started")


def show_round_trip(bootstrap: str) -> None:
    topic = f"raw.demo-customers-{uuid.uuid4().hex[:6]}"
    admin = AdminClient({"bootstrap.servers": bootstrap})  # kept alive until its future resolves
    admin.create_topics([NewTopic(topic, 1, 1)])[topic].result(30)
    producer = Producer({"bootstrap.servers": bootstrap})
    for record in SAMPLE:
        producer.produce(topic, key=str(record["customer_id"]), value=json.dumps(record))
    producer.flush(30)
    consumer = Consumer({"bootstrap.servers": bootstrap, "group.id": "demo", "auto.offset.reset": "earliest"})
    consumer.subscribe([topic])
    table = Table(title=f"records read back from {topic}")
    for column in ("offset", "key", "value"):
        table.add_column(column)
    received = 0
    while received < len(SAMPLE):
        message = consumer.poll(10)
        if message is None or message.error():
            break
        table.add_row(str(message.offset()), message.key().decode(), message.value().decode())
        received += 1
    consumer.close()
    console.print(table)


if __name__ == "__main__":
    main()
