"""TLS for real on the local broker's SSL and SASL_SSL listeners: the whole pipeline over SASL_SSL, and a
client refusing a broker whose certificate it does not trust."""

from __future__ import annotations

import json
import uuid
from pathlib import Path

import pytest
from confluent_kafka import KafkaException
from confluent_kafka.admin import AdminClient
from cryptography.hazmat.primitives import serialization

from harness.deployment import Deployment
from harness.raw_producer import RawProducer, avro_payload
from harness.readback import decode_view, read_topic
from harness.sample_data import customers, structured_rules
from streamguard.app.kafka_local.tls import make_ca
from streamguard.schemas import CUSTOMERS_AVSC
from tests.conftest import KafkaEndpoint

pytestmark = pytest.mark.kafka


def _tls_endpoint(kafka: KafkaEndpoint) -> tuple[str, Path]:
    if kafka.sasl_ssl_bootstrap is None or kafka.ca_file is None or kafka.admin_password is None:
        pytest.skip("an external cluster: its TLS listeners are not known to this test")
    return kafka.sasl_ssl_bootstrap, kafka.ca_file


def test_the_pipeline_runs_end_to_end_over_sasl_ssl(kafka: KafkaEndpoint, tmp_path: Path) -> None:
    bootstrap, ca_file = _tls_endpoint(kafka)
    security = {
        "STREAMGUARD_SECURITY_PROTOCOL": "SASL_SSL",
        "STREAMGUARD_SASL_USERNAME": kafka.admin_username,
        "STREAMGUARD_SASL_PASSWORD": kafka.admin_password or "",
        "STREAMGUARD_SSL_CAFILE": str(ca_file),
    }
    deployment = Deployment(bootstrap, tmp_path, environment=security)
    assert deployment.options["security.protocol"] == "SASL_SSL"
    dataset = f"secure_{uuid.uuid4().hex[:6]}"
    deployment.apply_rules(structured_rules(dataset), json.dumps(json.loads(CUSTOMERS_AVSC.read_text())))
    schema_id, schema = deployment.producer_schema(dataset)
    worker = deployment.start_worker()
    try:
        worker.wait_serving(deployment.names.raw(dataset))
        producer = RawProducer(deployment.options)
        people = list(customers(20, seed=9))
        for person in people:
            producer.send(
                deployment.names.raw(dataset), person["customer_id"].encode(), avro_payload(schema_id, schema, person)
            )
        producer.flush()
        views = read_topic(deployment.options, deployment.names.governed(dataset, "analytics"), len(people))
        masked = [decode_view(view, schema) for view in views]
        assert sorted(view["customer_id"] for view in masked if view) == sorted(p["customer_id"] for p in people)
        assert all(view and view["ssn"] == "[REDACTED]" for view in masked)
        summary = deployment.audit()
        assert sum(len(report.accounted) for report in summary.chains.values()) == len(people)
    finally:
        deployment.stop_workers()


def test_a_client_refuses_a_broker_whose_certificate_it_does_not_trust(kafka: KafkaEndpoint, tmp_path: Path) -> None:
    bootstrap, _ca_file = _tls_endpoint(kafka)
    _key, stranger = make_ca("a CA the broker's certificate does not come from")
    untrusted = tmp_path / "other-ca.pem"
    untrusted.write_bytes(stranger.public_bytes(serialization.Encoding.PEM))
    admin = AdminClient(
        {
            "bootstrap.servers": bootstrap,
            "security.protocol": "SASL_SSL",
            "sasl.mechanisms": "SCRAM-SHA-512",
            "sasl.username": kafka.admin_username,
            "sasl.password": kafka.admin_password or "",
            "ssl.ca.location": str(untrusted),
            "log_level": 0,
        }
    )
    with pytest.raises(KafkaException):
        admin.list_topics(timeout=5)
