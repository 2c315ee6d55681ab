"""``mask``, a steward's preview that needs no Kafka and no keys (an ephemeral key: tokens differ from
production), and ``decrypt``, which asks the server to re-identify tokens under an approved decryption."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterator
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, TextIO

import typer

from streamguard.app.cli.api_client import connect
from streamguard.app.services.schema_files import read_writer_schema
from streamguard.core.errors import StreamguardError

BATCH_LINES = 256

if TYPE_CHECKING:
    from streamguard.app.services.preview import SampleMasker


def register(cli: typer.Typer) -> None:
    """Add the preview commands to the root application."""
    cli.command("mask")(mask)
    cli.command("decrypt")(decrypt)


def _default_scanner() -> Any:
    """The real free-text scanner, saying so on stderr when it cannot be built."""
    from streamguard.masking.detection.presidio_scanner import build_default_scanner

    try:
        return build_default_scanner()
    except ImportError as error:
        typer.echo(f"note: free-text detection unavailable ({error.name}); such records fail", err=True)
        raise


scanner_factory: Callable[[], Any] = _default_scanner  # tests substitute a fake here


def mask(
    rules: Annotated[Path, typer.Option("--rules", help="Steward rules (YAML).")],
    audience: Annotated[str, typer.Option("--audience", help="Whose view to produce.")],
    schema: Annotated[
        Path | None, typer.Option("--schema", help="Schema of the records, in the rules' format (.avsc, .proto, JSON).")
    ] = None,
) -> None:
    """Mask JSON lines from stdin for one audience; masked JSON lines to stdout, problems to stderr."""
    from streamguard.app.services.preview import LazyScanner, SampleMasker
    from streamguard.masking.rules import parse_rules, read_rules_text
    from streamguard.masking.writer_schemas import schema_type_for

    text = read_rules_text(rules)
    writer = read_writer_schema(schema, schema_type_for(text)) if schema else None
    loaded = parse_rules(text, source=str(rules), schema=writer)
    if audience not in loaded.audiences:
        raise StreamguardError(f"{rules}: no audience {audience!r} (known: {', '.join(loaded.audiences)})")
    typer.echo("note: an ephemeral preview key: tokens differ from production", err=True)
    masker = SampleMasker(loaded, writer, LazyScanner(lambda: scanner_factory()), None)
    failed = 0
    for chunk in _chunks(_numbered(sys.stdin), BATCH_LINES):
        failed += _mask_chunk(masker, audience, chunk, sys.stdout)
    if failed:
        typer.echo(f"{failed} line(s) failed", err=True)
        raise typer.Exit(1)


def _numbered(stream: TextIO) -> Iterator[tuple[int, str]]:
    for number, line in enumerate(stream, start=1):
        if line.strip():
            yield number, line


def _chunks(items: Iterator[tuple[int, str]], size: int) -> Iterator[list[tuple[int, str]]]:
    while chunk := list(islice(items, size)):
        yield chunk


def _mask_chunk(masker: SampleMasker, audience: str, chunk: list[tuple[int, str]], out: TextIO) -> int:
    """Mask one chunk; print views in input order and return how many lines failed."""
    from streamguard.masking.avro_json import to_json_value

    parsed: list[tuple[int, Any]] = []
    failed = 0
    for number, line in chunk:
        record, problem = masker.parse(line)
        if problem:
            typer.echo(f"line {number}: {problem}", err=True)
            failed += 1
        else:
            parsed.append((number, record))
    outcomes = masker.mask([record for _, record in parsed])
    for (number, _), outcome in zip(parsed, outcomes, strict=True):
        if outcome.failed:
            typer.echo(f"line {number}: {outcome.failure}", err=True)
            failed += 1
        else:
            out.write(json.dumps(outcome.views[audience], default=to_json_value, ensure_ascii=False) + "\n")
    return failed


def decrypt(
    dataset: Annotated[str, typer.Option("--dataset", help="The dataset the tokens come from.")],
) -> None:
    """Turn sgenc tokens (one per line on stdin) of DATASET back into values (stdout), through the server, under
    your approved decryption (`streamguard request decrypt`); each use is recorded."""
    lines = [(number, line.strip()) for number, line in _numbered(sys.stdin)]
    answer = connect().post("/api/decrypt", {"dataset": dataset, "tokens": [token for _, token in lines]})
    failed = 0
    for (number, _), outcome in zip(lines, answer["values"], strict=True):
        if outcome["error"] is not None:
            typer.echo(f"line {number}: {outcome['error']}", err=True)
            failed += 1
        else:
            sys.stdout.write(outcome["value"] + "\n")
    if failed:
        raise typer.Exit(1)
