"""``streamguard rules apply | list | show`` against the real broker, in an isolated deployment, for records
in Avro, Protobuf and JSON Schema."""

from __future__ import annotations

import subprocess
import sys
import uuid
from pathlib import Path

import pytest

from harness.sample_data import sample_rules_in
from harness.worker_process import worker_env
from streamguard.schemas import CUSTOMERS_AVSC, CUSTOMERS_JSON_SCHEMA, CUSTOMERS_PROTO, CUSTOMERS_RULES
from tests.cli_in_process import run_cli
from tests.conftest import KafkaEndpoint

pytestmark = pytest.mark.kafka


def _cli(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    """The command as a user runs it: its own process, its exit status, its one error line."""
    command = [sys.executable, "-m", "streamguard", *args]
    return subprocess.run(command, env=env, capture_output=True, text=True, timeout=120, check=False)


def test_rule_versions_are_published_listed_and_shown(kafka: KafkaEndpoint, tmp_path: Path) -> None:
    env = worker_env(kafka.bootstrap, tmp_path, f"cli{uuid.uuid4().hex[:6]}.", COLUMNS="200")
    dataset = f"people_{uuid.uuid4().hex[:6]}"
    rules = tmp_path / "people.rules.yaml"
    schema = str(CUSTOMERS_AVSC)
    original = CUSTOMERS_RULES.read_text().replace("dataset: customers", f"dataset: {dataset}")
    rules.write_text(original)

    assert f"published {dataset}/v000001" in run_cli(env, "rules", "apply", str(rules), "--schema", schema).stdout
    assert "unchanged" in run_cli(env, "rules", "apply", str(rules), "--schema", schema).stdout

    rules.write_text(original.replace("support:   {clearances: [contact]}", "support:   {clearances: []}"))
    assert f"published {dataset}/v000002" in run_cli(env, "rules", "apply", str(rules), "--schema", schema).stdout

    listing = run_cli(env, "rules", "list").stdout
    assert dataset in listing
    assert "│ 2 " in listing
    shown = run_cli(env, "rules", "show", dataset, "--version", "1")
    assert "support:   {clearances: [contact]}" in shown.stdout
    unknown = _cli(env, "rules", "show", "no_such_dataset")
    assert (unknown.returncode, unknown.stderr.strip()) == (2, "error: no rules for dataset 'no_such_dataset'")
    assert "no rules version 9 for dataset" in _cli(env, "rules", "show", dataset, "--version", "9").stderr


def test_invalid_rules_are_refused_with_file_line_and_path(kafka: KafkaEndpoint, tmp_path: Path) -> None:
    env = worker_env(kafka.bootstrap, tmp_path, f"cli{uuid.uuid4().hex[:6]}.")
    rules = tmp_path / "bad.rules.yaml"
    text = CUSTOMERS_RULES.read_text()
    rules.write_text(text.replace("address.zip:", "address.postcode:"))
    result = _cli(env, "rules", "apply", str(rules), "--schema", str(CUSTOMERS_AVSC))
    assert result.returncode == 2
    assert f"{rules}:" in result.stderr
    assert "address.postcode" in result.stderr


def test_rules_for_an_avro_key_are_applied_with_its_schema(kafka: KafkaEndpoint, tmp_path: Path) -> None:
    env = worker_env(kafka.bootstrap, tmp_path, f"cli{uuid.uuid4().hex[:6]}.")
    dataset = f"keyed_{uuid.uuid4().hex[:6]}"
    rules = tmp_path / "keyed.rules.yaml"
    rules.write_text(
        CUSTOMERS_RULES.read_text()
        .replace("dataset: customers", f"dataset: {dataset}")
        .replace("key: {class: public}", "key:\n  fields:\n    email: {class: contact, action: hash}")
    )
    key_schema = tmp_path / "key.avsc"
    key_schema.write_text('{"type": "record", "name": "K", "fields": [{"name": "email", "type": "string"}]}')
    refused = _cli(env, "rules", "apply", str(rules), "--schema", str(CUSTOMERS_AVSC))
    assert refused.returncode == 2
    assert "rules for a key's fields are applied with the key's schema (--key-schema" in refused.stderr
    schemas = ("--schema", str(CUSTOMERS_AVSC), "--key-schema", str(key_schema))
    applied = run_cli(env, "rules", "apply", str(rules), *schemas)
    assert f"published {dataset}/v000001" in applied.stdout


@pytest.mark.parametrize(("fmt", "schema"), [("protobuf", CUSTOMERS_PROTO), ("jsonschema", CUSTOMERS_JSON_SCHEMA)])
def test_rules_for_protobuf_and_json_schema_records_are_applied_with_their_schema(
    kafka: KafkaEndpoint, tmp_path: Path, fmt: str, schema: Path
) -> None:
    env = worker_env(kafka.bootstrap, tmp_path, f"cli{uuid.uuid4().hex[:6]}.")
    dataset = f"{fmt}_{uuid.uuid4().hex[:6]}"
    rules = tmp_path / "rules.yaml"
    rules.write_text(sample_rules_in(fmt, dataset))
    refused = _cli(env, "rules", "apply", str(rules))
    assert (refused.returncode, refused.stderr.strip()) == (
        2,
        f"error: rules.yaml: {fmt} rules are applied with their schema (--schema; avro_schema_json)",
    )
    wrong = _cli(env, "rules", "apply", str(rules), "--schema", str(CUSTOMERS_AVSC))  # an Avro schema
    assert wrong.returncode == 2
    assert str(CUSTOMERS_AVSC.name) in wrong.stderr
    assert f"published {dataset}/v000001" in run_cli(env, "rules", "apply", str(rules), "--schema", str(schema)).stdout
    shown = run_cli(env, "rules", "show", dataset).stdout
    assert f"format: {fmt}" in shown
