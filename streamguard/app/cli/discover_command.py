"""``streamguard discover TOPIC``: ask the server to sample a topic and draft rules for it.

The server samples (read-only: no consumer group, nothing committed), decodes, proposes a rule per field with
its evidence, and records the run in the audit stream. Here the draft is printed, or written with the schema
it is validated with (``--out DIR``), ready for ``rules validate`` and ``rules apply``.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any

import typer

from streamguard.app.cli.api_client import connect

SCHEMA_SUFFIXES = {"avro": ".avsc", "protobuf": ".proto", "jsonschema": ".schema.json"}


def discover(
    topic: Annotated[str, typer.Argument(help="The topic to sample, e.g. raw.orders.")],
    records: Annotated[int, typer.Option("--records", min=1, max=5000, help="How many records to sample.")] = 500,
    oldest: Annotated[bool, typer.Option("--oldest", help="Each partition's oldest records, not its newest.")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="The proposals as JSON, for tools.")] = False,
    out: Annotated[
        Path | None,
        typer.Option("--out", file_okay=False, help="Write <dataset>.rules.yaml and its schema files here."),
    ] = None,
) -> None:
    """Sample a topic and draft rules for it: each field's proposed class and action, with the evidence."""
    found = connect().post("/api/rules/discover", {"topic": topic, "records": records, "newest": not oldest})
    if as_json:
        rows = {name: found[name] for name in ("topic", "dataset", "format", "records_sampled", "undecodable")}
        typer.echo(json.dumps({**rows, "fields": found["fields"], "key": found["key"]}, indent=2))
    elif out is None:
        typer.echo(found["rules_yaml"], nl=False)
    else:
        for written in _write(out, found):
            typer.echo(f"wrote {written}", err=True)
    personal = [row["path"] for row in found["fields"] if row["class"] != "public"]
    typer.echo(
        f"{found['records_sampled']} records of {found['topic']} ({found['format']}): {len(personal)} of "
        f"{len(found['fields'])} fields proposed personal, {found['undecodable']} records not decodable",
        err=True,
    )


def _write(out: Path, found: dict[str, Any]) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    dataset, suffix = found["dataset"], SCHEMA_SUFFIXES.get(found["format"])
    files = {out / f"{dataset}.rules.yaml": found["rules_yaml"]}
    if suffix and found.get("schema_text"):
        files[out / f"{dataset}{suffix}"] = found["schema_text"]
    if suffix and found.get("key_schema_text"):
        files[out / f"{dataset}.key{suffix}"] = found["key_schema_text"]
    for path, text in files.items():
        path.write_text(text, encoding="utf-8")
    return list(files)
