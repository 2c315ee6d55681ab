"""Schema drift on the real broker: a writer schema v2 adds a field under a public record; the view masks it
with the unclassified policy, the worker warns, the audit records it, and ``streamguard rules drift`` lists it."""

from __future__ import annotations

import json
import uuid
from pathlib import Path

import fastavro
import pytest

from harness.deployment import Deployment, producer_schema
from harness.raw_producer import RawProducer, avro_payload
from harness.readback import decode_view, read_topic
from harness.worker_process import wait_until
from tests.cli_in_process import run_cli
from tests.conftest import KafkaEndpoint

pytestmark = pytest.mark.kafka

V1 = {
    "type": "record",
    "name": "Lead",
    "fields": [
        {"name": "id", "type": "string"},
        {
            "name": "profile",
            "type": {"type": "record", "name": "Profile", "fields": [{"name": "city", "type": "string"}]},
        },
    ],
}
V2 = json.loads(json.dumps(V1))
V2["fields"][1]["type"]["fields"].append({"name": "email", "type": "string", "default": ""})
RULES = """
dataset: {dataset}
format: avro
key: {{class: public}}
audiences:
  analytics: {{clearances: []}}
fields:
  id:      {{class: public}}
  profile: {{class: public}}
unclassified: redact
"""
# On mock:// a writer schema reaches the worker's registry through the rule history only (a real registry
# hears of it from its producer): a second dataset's rules, validated against v2 under the first one's
# subject, carry it there.
CARRIER = """
dataset: {dataset}
format: avro
key: {{class: public}}
subject: raw.{leads}-value
audiences:
  analytics: {{clearances: []}}
unclassified: redact
"""


def test_a_field_added_under_a_public_record_is_masked_and_reported(kafka: KafkaEndpoint, tmp_path: Path) -> None:
    deployment = Deployment(kafka.bootstrap, tmp_path)
    leads = f"leads_{uuid.uuid4().hex[:6]}"
    deployment.apply_rules(RULES.format(dataset=leads), json.dumps(V1))
    deployment.apply_rules(CARRIER.format(dataset=f"{leads}_v2", leads=leads), json.dumps(V2))
    history = deployment.rule_history()
    v2_id, v2 = producer_schema(history, f"{leads}_v2", deployment.settings.schema_registry_url)
    v1_id, v1 = producer_schema(history, leads, deployment.settings.schema_registry_url)
    worker = deployment.start_worker()
    try:
        worker.wait_serving(deployment.names.raw(leads))
        producer = RawProducer(deployment.options)
        raw = deployment.names.raw(leads)
        producer.send(raw, b"L-1", avro_payload(v1_id, v1, {"id": "L-1", "profile": {"city": "Porto"}}), partition=0)
        new = {"id": "L-2", "profile": {"city": "Braga", "email": "rita.canary@example.org"}}
        producer.send(raw, b"L-2", avro_payload(v2_id, v2, new), partition=0)
        producer.flush()
        views = read_topic(deployment.options, deployment.names.governed(leads, "analytics"), 2)
        decoded = [decode_view(message, fastavro.parse_schema(V2 if n else V1)) for n, message in enumerate(views)]
        assert decoded[0] == {"id": "L-1", "profile": {"city": "Porto"}}
        assert decoded[1] == {"id": "L-2", "profile": {"city": "Braga", "email": "[REDACTED]"}}
        wait_until(lambda: "schema drift" in worker.output(), 30, "the drift warning")
        assert "profile.email" in worker.output()
        assert "rita.canary" not in worker.output()
    finally:
        deployment.stop_workers()
    listing = run_cli(deployment.env(), "rules", "drift", leads).stdout
    assert "profile.email" in listing
    assert str(v2_id) in listing
