"""``streamguard mask`` and ``decrypt``: previews without Kafka."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from streamguard.app.cli import preview_commands
from streamguard.app.main import cli
from tests.unit.fakes import CUSTOMERS_AVSC, CUSTOMERS_RULES, CUSTOMERS_SAMPLE, RegexScanner

runner = CliRunner()


@pytest.fixture(autouse=True)
def fake_scanner(monkeypatch: pytest.MonkeyPatch) -> list[RegexScanner]:
    made: list[RegexScanner] = []

    def factory() -> RegexScanner:
        made.append(RegexScanner())
        return made[-1]

    monkeypatch.setattr(preview_commands, "scanner_factory", factory)
    return made


def test_mask_sample_for_analytics(fake_scanner: list[RegexScanner]) -> None:
    args = ["mask", "--rules", str(CUSTOMERS_RULES), "--audience", "analytics", "--schema", str(CUSTOMERS_AVSC)]
    result = runner.invoke(cli, args, input=CUSTOMERS_SAMPLE.read_text())
    assert result.exit_code == 0, result.stderr
    assert "ephemeral preview key" in result.stderr
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    originals = [json.loads(line) for line in CUSTOMERS_SAMPLE.read_text().splitlines()]
    assert [line["customer_id"] for line in lines] == [o["customer_id"] for o in originals]
    for masked, original in zip(lines, originals, strict=True):
        assert masked["ssn"] == "[REDACTED]"
        assert masked["email"] != original["email"]
        assert masked["dob"].endswith("-01-01")  # an Avro date, generalized, printed as ISO
    assert "maria.g@example.org" not in result.stdout
    assert "<EMAIL_ADDRESS>" in result.stdout
    assert len(fake_scanner) == 1


def test_mask_reports_bad_lines_and_continues(tmp_path: Path) -> None:
    records = CUSTOMERS_SAMPLE.read_text().splitlines()
    broken = json.loads(records[1]) | {"unexpected": "value-that-must-not-be-echoed"}
    stdin = "\n".join([records[0], "{not json", json.dumps(broken), records[2]]) + "\n"
    args = ["mask", "--rules", str(CUSTOMERS_RULES), "--audience", "risk", "--schema", str(CUSTOMERS_AVSC)]
    result = runner.invoke(cli, args, input=stdin)
    assert result.exit_code == 1
    assert "line 2: not valid JSON" in result.stderr
    assert "line 3: unexpected: field not in the schema" in result.stderr
    assert "value-that-must-not-be-echoed" not in result.stderr + result.stdout
    assert len(result.stdout.splitlines()) == 2


def test_mask_without_free_text_never_builds_a_scanner(tmp_path: Path, fake_scanner: list[RegexScanner]) -> None:
    rules = tmp_path / "r.yaml"
    rules.write_text(
        "dataset: t\nformat: json\nkey: {class: public}\n"
        "audiences: {ops: {}}\nfields:\n  email: {class: contact, action: hash}\n"
    )
    result = runner.invoke(cli, ["mask", "--rules", str(rules), "--audience", "ops"], input='{"email": "a@b.org"}\n')
    assert result.exit_code == 0, result.stderr
    assert len(json.loads(result.stdout)["email"]) == 64
    assert fake_scanner == []


def test_mask_encrypts_with_an_ephemeral_key_and_says_so(tmp_path: Path) -> None:
    rules = tmp_path / "r.yaml"
    rules.write_text(
        "dataset: t\nformat: json\nkey: {class: public}\n"
        "audiences: {ops: {}}\nfields:\n  ssn: {class: government_id, action: encrypt}\n"
    )
    stdin = '{"ssn": "536-22-8841"}\n'
    masked = runner.invoke(cli, ["mask", "--rules", str(rules), "--audience", "ops"], input=stdin)
    assert masked.exit_code == 0
    assert "ephemeral" in masked.stderr  # a preview's tokens are never production's: no keyring is read
    assert json.loads(masked.stdout)["ssn"].startswith("sgenc:v1:preview:ops:")
    refused = runner.invoke(cli, ["mask", "--rules", str(rules), "--audience", "ops", "--keyring", "k.json"])
    assert refused.exit_code == 2
