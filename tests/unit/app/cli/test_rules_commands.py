"""``streamguard rules validate``: a summary, or every problem at once."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from streamguard.app.main import cli
from tests.unit.fakes import CUSTOMERS_AVSC, CUSTOMERS_RULES

runner = CliRunner()


def test_rules_validate_prints_a_summary() -> None:
    result = runner.invoke(cli, ["rules", "validate", str(CUSTOMERS_RULES), "--schema", str(CUSTOMERS_AVSC)])
    assert result.exit_code == 0, result.output
    assert "dataset customers" in result.stdout
    assert "analytics, support, risk" in result.stdout
    assert "digest: sha256:" in result.stdout


def test_rules_validate_lists_every_problem_and_exits_1(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    text = CUSTOMERS_RULES.read_text().replace("keep_last: 2}", "keep_last: -2}").replace("ssn:  ", "snn:  ")
    bad.write_text(text)
    result = runner.invoke(cli, ["rules", "validate", str(bad), "--schema", str(CUSTOMERS_AVSC)])
    assert result.exit_code == 1
    assert f"{bad}:" in result.stderr
    assert "fields[phone].keep_last" in result.stderr
    assert "snn: unknown path" in result.stderr


def test_rules_validate_checks_an_avro_key_against_its_key_schema(tmp_path: Path) -> None:
    key_schema = tmp_path / "key.avsc"
    key_schema.write_text(
        '{"type": "record", "name": "K", "fields": [{"name": "email", "type": "string"},'
        ' {"name": "region", "type": "string"}]}'
    )
    rules = tmp_path / "keyed.yaml"
    rules.write_text(
        CUSTOMERS_RULES.read_text().replace(
            "key: {class: public}", "key:\n  fields:\n    email: {class: contact, action: hash}"
        )
    )
    args = ["rules", "validate", str(rules), "--schema", str(CUSTOMERS_AVSC), "--key-schema", str(key_schema)]
    result = runner.invoke(cli, args)
    assert result.exit_code == 1
    assert "key.region: every field of a key needs a rule" in result.stderr
