"""``streamguard scan``: PII spans for each ``{"text": ...}`` line of stdin, one output line per input line.

A line that is not JSON, has no string ``text``, or could not be scanned gets ``{"error": ...}`` in its
place (so output lines stay aligned with input lines), a note on stderr naming its line number (never
its content), and the command exits non-zero once all lines are done.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from typing import Annotated, TextIO

import typer

from streamguard.masking.detection import TextScan
from streamguard.masking.detection.config import DEFAULT_ENTITIES, DetectionConfig

_BATCH = 256


def scan(
    threshold: Annotated[float, typer.Option("--threshold", min=0.0, max=1.0, help="Minimum span score.")] = 0.4,
    entities: Annotated[
        str,
        typer.Option("--entities", help="Comma-separated entity types to detect."),
    ] = ",".join(DEFAULT_ENTITIES),
    strict: Annotated[
        bool, typer.Option("--strict", help="The spans strict mode masks (an audience's detection: strict).")
    ] = False,
) -> None:
    """Detect PII spans in free text: JSON lines {"text": ...} in, {"spans": [...]} out."""
    from streamguard.masking.detection.presidio_scanner import build_default_scanner  # spaCy loads only here

    wanted = tuple(e.strip().upper() for e in entities.split(",") if e.strip())
    scanner = build_default_scanner(DetectionConfig(score_threshold=threshold, entities=wanted))
    failures = scan_lines(scanner, sys.stdin, sys.stdout, sys.stderr, strict)
    if failures:
        typer.echo(f"{failures} line(s) failed", err=True)
        raise typer.Exit(code=1)


def scan_lines(scanner, source: TextIO, sink: TextIO, errors: TextIO, strict: bool = False) -> int:
    """Scan ``source`` in batches, write one JSON line per input line to ``sink``; return failed lines."""
    failures = 0
    for batch in _batches(source):
        texts = [text for _, text, _ in batch if text is not None]
        scans = iter(scanner.scan_batch(texts))
        for number, text, problem in batch:
            outcome = next(scans) if text is not None else TextScan(error=problem)
            if outcome.failed:
                failures += 1
                errors.write(f"line {number}: {outcome.error}\n")
            sink.write(json.dumps(_as_json(outcome, strict)) + "\n")
    return failures


def _batches(source: TextIO) -> Iterator[list[tuple[int, str | None, str | None]]]:
    batch: list[tuple[int, str | None, str | None]] = []
    for number, line in enumerate(source, start=1):
        batch.append((number, *_parse(line)))
        if len(batch) >= _BATCH:
            yield batch
            batch = []
    if batch:
        yield batch


def _parse(line: str) -> tuple[str | None, str | None]:
    try:
        record = json.loads(line)
    except json.JSONDecodeError:
        return None, "invalid JSON"
    if not isinstance(record, dict) or not isinstance(record.get("text"), str):
        return None, 'expected an object with a string "text"'
    return record["text"], None


def _as_json(outcome: TextScan, strict: bool) -> dict[str, object]:
    if outcome.failed:
        return {"error": outcome.error}
    return {
        "spans": [
            {"start": s.start, "end": s.end, "entity_type": s.entity_type, "score": round(s.score, 4)}
            for s in outcome.spans_for(strict)
        ]
    }
