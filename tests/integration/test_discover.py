"""``streamguard discover`` on the real broker: drafts for the demo's customers (Avro), a Protobuf topic, and
orders generated here with other field names and values (JSON, five locales, not tuned on). Each draft names
every personal field with its class and leaves the others public, validates as written, and quotes no sampled
value, nor does the audit event or the log; the orders' draft, applied as it stands, lets no personal value
into the analytics view."""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from confluent_kafka.admin import NewTopic

from harness.deployment import Deployment, producer_schema
from harness.discovery_data import CUSTOMERS_PERSONAL, CUSTOMERS_PUBLIC, ORDERS_PERSONAL, ORDERS_PUBLIC, orders
from harness.raw_producer import RawProducer, avro_payload, json_payload, protobuf_payload
from harness.readback import read_topic
from harness.sample_data import as_protobuf_json, customers, sample_rules
from streamguard.app.services.discovery import scheduled_discovery
from streamguard.app.services.preview import SHARED_SCANNER
from streamguard.schemas import CUSTOMERS_AVSC, CUSTOMERS_PROTO
from tests.cli_in_process import run_cli
from tests.conftest import KafkaEndpoint

pytestmark = pytest.mark.kafka

CANARIES = ("Quentin Canarybird", "zq.canary.5521@example.org", "ORD-CANARY-0001", "Canarystraße 77")


@pytest.fixture(scope="module")
def deployment(kafka: KafkaEndpoint, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Deployment]:
    deployment = Deployment(kafka.bootstrap, tmp_path_factory.mktemp("discover"))
    yield deployment
    deployment.stop_workers()


def _topic(deployment: Deployment, name: str, partitions: int = 2) -> str:
    topic = deployment.names.raw(name)
    deployment.admin.create_topics([NewTopic(topic, partitions, 1)])[topic].result()
    return topic


def _discover(deployment: Deployment, topic: str, out: Path) -> tuple[dict[str, Any], str, str]:
    """The draft (parsed), its text, and everything the command printed, with --out and with --json."""
    written = run_cli(deployment.env(), "discover", topic, "--records", "200", "--out", str(out))
    listed = run_cli(deployment.env(), "discover", topic, "--records", "200", "--json")
    dataset = json.loads(listed.stdout)["dataset"]
    text = (out / f"{dataset}.rules.yaml").read_text()
    return yaml.safe_load(text), text, written.output + listed.output


def _classes(draft: dict[str, Any]) -> dict[str, str]:
    return {path: rule["class"] for path, rule in draft["fields"].items()}


def _assert_classified(draft: dict[str, Any], personal: dict[str, str], public: set[str]) -> None:
    classes = _classes(draft)
    assert {path: classes.get(path) for path in personal} == personal
    assert {path for path in public if classes.get(path) != "public"} == set()


def _assert_quotes_nothing(deployment: Deployment, texts: list[str], values: list[str]) -> None:
    events = [event.model_dump_json() for event in deployment.control_events() if event.kind == "discovered"]
    assert events, "the discover run is in the control audit chain"
    for value in values:
        for text in [*texts, *events]:
            assert value not in text


def _strings(value: Any) -> Iterator[str]:
    if isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)
    elif isinstance(value, str) and len(value) >= 6:
        yield value


def test_orders_with_other_names_are_drafted_and_the_draft_applied_leaks_nothing(
    deployment: Deployment, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    dataset = f"orders_{uuid.uuid4().hex[:6]}"
    topic = _topic(deployment, dataset)
    sent = orders(300, seed=11)
    canary = sent[7]
    canary.update(order_ref=CANARIES[2], recipient=CANARIES[0], contact_mail=CANARIES[1])
    canary["delivery"] = {**canary["delivery"], "street_address": CANARIES[3]}
    producer = RawProducer(deployment.options)
    for order in sent:
        producer.send(topic, order["order_ref"].encode(), json_payload(order))
    producer.flush()
    draft, text, printed = _discover(deployment, topic, tmp_path)

    _assert_classified(draft, ORDERS_PERSONAL, ORDERS_PUBLIC)
    assert draft["format"] == "json"
    assert draft["key"] == {"class": "public"}  # order references
    run_cli(deployment.env(), "rules", "validate", str(tmp_path / f"{dataset}.rules.yaml"))
    sampled = sorted({value for order in sent for value in _strings(order)} - set(_classes(draft)))
    _assert_quotes_nothing(deployment, [text, printed, caplog.text], [*CANARIES, *sampled])

    deployment.apply_rules(text, None)
    deployment.start_worker().wait_serving(topic)
    views = read_topic(deployment.options, deployment.names.governed(dataset, "analytics"), len(sent))
    seen = {view["order_ref"]: view for view in (json.loads(message.value()) for message in views)}
    assert len(seen) == len(sent)
    for order in sent:
        view = seen[order["order_ref"]]
        shown = [path for path in ORDERS_PERSONAL if _values(view, path) == _values(order, path)]
        assert shown in ([], ["courier_note"])  # a note without personal data is shown as it is
        assert order["recipient"] not in view["courier_note"]
        assert order["mobile_no"] not in view["courier_note"]
    personal_canaries = [canary for canary in CANARIES if canary != CANARIES[2]]  # not the order reference
    assert not any(canary in message.value().decode() for message in views for canary in personal_canaries)


def _values(order: dict[str, Any], path: str) -> list[str]:
    head, _, rest = path.partition(".")
    value = order[head]
    return [value[rest]] if rest else [value]


def test_the_demo_customers_are_drafted_with_their_schema(deployment: Deployment, tmp_path: Path) -> None:
    dataset = f"customers_{uuid.uuid4().hex[:6]}"
    topic = _topic(deployment, dataset)
    deployment.apply_rules(sample_rules(dataset), CUSTOMERS_AVSC.read_text())  # the demo's: rules in force
    schema_id, schema = deployment.producer_schema(dataset)
    producer = RawProducer(deployment.options)
    for record in customers(250, seed=19):
        producer.send(topic, record["customer_id"].encode(), avro_payload(schema_id, schema, record))
    producer.flush()
    draft, _text, _printed = _discover(deployment, topic, tmp_path)

    _assert_classified(draft, CUSTOMERS_PERSONAL, CUSTOMERS_PUBLIC)
    assert (draft["format"], draft["subject"]) == ("avro", f"{topic}-value")
    rules, schema_file = tmp_path / f"{dataset}.rules.yaml", tmp_path / f"{dataset}.avsc"
    run_cli(deployment.env(), "rules", "validate", str(rules), "--schema", str(schema_file))


def test_a_protobuf_topic_is_drafted_for_its_message_type(deployment: Deployment, tmp_path: Path) -> None:
    dataset = f"pbcustomers_{uuid.uuid4().hex[:6]}"
    topic = _topic(deployment, dataset)
    # On mock:// a schema reaches the server's registry through the rule history only: a carrier's rules.
    carrier = f"dataset: {dataset}_carrier\nformat: protobuf\nsubject: {topic}-value\nkey: {{class: public}}\n"
    deployment.apply_rules(carrier + "audiences: {analytics: {clearances: []}}\n", CUSTOMERS_PROTO.read_text())
    registry = deployment.settings.schema_registry_url
    schema_id, schema = producer_schema(deployment.rule_history(), f"{dataset}_carrier", registry)
    descriptor = schema.message(None).descriptor
    producer = RawProducer(deployment.options)
    for record in customers(250, seed=23):
        payload = protobuf_payload(schema_id, descriptor, as_protobuf_json(record, contact_email=record["email"]))
        producer.send(topic, record["customer_id"].encode(), payload)
    producer.flush()
    draft, _text, _printed = _discover(deployment, topic, tmp_path)

    _assert_classified(draft, {**CUSTOMERS_PERSONAL, "contact_email": "contact"}, CUSTOMERS_PUBLIC)
    assert draft["format"] == "protobuf"
    rules, schema_file = tmp_path / f"{dataset}.rules.yaml", tmp_path / f"{dataset}.proto"
    run_cli(deployment.env(), "rules", "validate", str(rules), "--schema", str(schema_file))


def test_the_schedule_samples_raw_topics_without_rules_and_the_report_lists_them(deployment: Deployment) -> None:
    unruled = _topic(deployment, f"leads_{uuid.uuid4().hex[:6]}", partitions=1)
    ruled_dataset = f"accounts_{uuid.uuid4().hex[:6]}"
    ruled = _topic(deployment, ruled_dataset, partitions=1)
    deployment.apply_rules(sample_rules(ruled_dataset), CUSTOMERS_AVSC.read_text())
    producer = RawProducer(deployment.options)
    for order in orders(60, seed=5):
        producer.send(unruled, None, json_payload(order))
        producer.send(ruled, None, json_payload(order))
    producer.flush()

    found = scheduled_discovery(deployment.settings, SHARED_SCANNER, [unruled, ruled])
    assert [run.topic for run in found] == [unruled]  # a topic whose dataset has rules is not sampled
    reported = run_cli(
        deployment.env(), "report", "--from", "1d", "--to", "2099-01-01", "--format", "json", "--no-verify"
    )
    listed = {row["topic"]: row for row in json.loads(reported.stdout)["unruled_topics"]}
    assert ruled not in listed
    assert set(listed[unruled]["personal_fields"]) >= {"recipient", "contact_mail", "iban"}
    assert listed[unruled]["records_sampled"] == 60
