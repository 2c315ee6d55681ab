"""``streamguard scan``: aligned output, bad lines reported, entity filter."""

from __future__ import annotations

import io
import json

import typer
from typer.testing import CliRunner

from streamguard.app.cli import scan_command
from streamguard.masking.detection.presidio_scanner import PresidioScanner

# --- scan CLI --------------------------------------------------------------------------------------


def _cli() -> typer.Typer:
    app = typer.Typer()
    app.command()(scan_command.scan)
    return app


def test_scan_cli_keeps_alignment_and_reports_bad_lines() -> None:
    lines = [
        json.dumps({"text": "Email jane@example.com"}),
        "not json",
        json.dumps({"text": "the 7th order"}),
        json.dumps({"nope": 1}),
    ]
    result = CliRunner().invoke(_cli(), [], input="\n".join(lines) + "\n")
    assert result.exit_code == 1
    out = [json.loads(line) for line in result.stdout.splitlines()]
    assert out[0] == {"spans": [{"start": 6, "end": 22, "entity_type": "EMAIL_ADDRESS", "score": 1.0}]}
    assert [sorted(o) for o in out[1:]] == [["error"], ["spans"], ["error"]]
    assert out[2] == {"spans": []}
    assert "line 2" in result.stderr
    assert "line 4" in result.stderr


def test_scan_lines_with_entity_filter(scanner: PresidioScanner) -> None:
    sink, errors = io.StringIO(), io.StringIO()
    failures = scan_command.scan_lines(scanner, io.StringIO('{"text": "ip 10.0.0.1"}\n'), sink, errors)
    assert failures == 0
    assert json.loads(sink.getvalue())["spans"][0]["entity_type"] == "IP_ADDRESS"


def test_scan_cli_options() -> None:
    result = CliRunner().invoke(
        _cli(), ["--entities", "EMAIL_ADDRESS", "--threshold", "0.9"], input='{"text": "Anna at a@example.com"}\n'
    )
    assert result.exit_code == 0
    assert [s["entity_type"] for s in json.loads(result.stdout)["spans"]] == ["EMAIL_ADDRESS"]


def test_scan_strict_adds_what_strict_mode_masks(scanner: PresidioScanner) -> None:
    # The learned model finds the person; no name list knows the name, so only strict mode masks it, and the
    # town with it: a town places someone only in a text where that mode finds someone.
    line = '{"text": "Stayed with Quortney in Bexbach over the weekend."}\n'
    standard, strict = io.StringIO(), io.StringIO()
    scan_command.scan_lines(scanner, io.StringIO(line), standard, io.StringIO())
    scan_command.scan_lines(scanner, io.StringIO(line), strict, io.StringIO(), strict=True)
    assert [s["entity_type"] for s in json.loads(standard.getvalue())["spans"]] == []
    assert [s["entity_type"] for s in json.loads(strict.getvalue())["spans"]] == ["PERSON", "LOCATION"]
