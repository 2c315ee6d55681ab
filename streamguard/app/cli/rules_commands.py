"""``streamguard rules ...``: validate (issue 3), apply, list and show (issue 4)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any

import fastavro
import typer
from fastavro.schema import SchemaParseException, UnknownType

from streamguard.core.errors import RulesError

group = typer.Typer(help="Validate and publish steward masking rules.", no_args_is_help=True)


def read_avro_schema(path: Path) -> dict[str, Any]:
    """A parsed Avro schema file; RulesError naming the file if it cannot be used."""
    try:
        return fastavro.parse_schema(json.loads(path.read_text(encoding="utf-8")))
    except OSError as error:
        raise RulesError(f"{path}: cannot read schema ({error.strerror})") from None
    except json.JSONDecodeError as error:
        raise RulesError(f"{path}:{error.lineno}: schema is not valid JSON") from None
    except (SchemaParseException, UnknownType, KeyError, TypeError, ValueError) as error:
        raise RulesError(f"{path}: not a valid Avro schema ({type(error).__name__})") from None


def read_json_sample(path: Path) -> dict[str, Any]:
    """One JSON record: a ``.json`` object, or the first line of a JSON-lines file."""
    try:
        text = path.read_text(encoding="utf-8").strip()
    except OSError as error:
        raise RulesError(f"{path}: cannot read sample ({error.strerror})") from None
    for candidate in (text, text.splitlines()[0] if text else ""):
        try:
            sample = json.loads(candidate)
        except json.JSONDecodeError:
            continue
        if isinstance(sample, dict):
            return sample
    raise RulesError(f"{path}: expected a JSON object (or JSON lines of objects)")


@group.command("validate")
def validate(
    rules_file: Annotated[Path, typer.Argument(help="Steward rules (YAML).")],
    schema: Annotated[Path | None, typer.Option("--schema", help="Avro schema (.avsc) to check against.")] = None,
    sample: Annotated[Path | None, typer.Option("--sample", help="JSON sample record (json datasets).")] = None,
    key_schema: Annotated[
        Path | None, typer.Option("--key-schema", help="Avro schema (.avsc) of the record key, if Avro.")
    ] = None,
) -> None:
    """Check rules (and their fit to a schema or sample); print a summary, or every problem and exit 1."""
    from streamguard.masking.rules import load_rules  # imported here so `streamguard --help` stays fast

    try:
        avro = read_avro_schema(schema) if schema else None
        record = read_json_sample(sample) if sample else None
        avro_key = read_avro_schema(key_schema) if key_schema else None
        rules = load_rules(rules_file, schema=avro, sample=record, key_schema=avro_key)
    except RulesError as error:
        typer.echo(str(error), err=True)
        raise typer.Exit(1) from None
    checked = "schema " + str(schema) if schema else "sample " + str(sample) if sample else "no schema"
    typer.echo(f"OK {rules_file}: dataset {rules.dataset} ({rules.format}, checked against {checked})")
    typer.echo(f"  audiences: {', '.join(rules.audiences)}")
    typer.echo(f"  fields: {len(rules.fields)} ruled, unclassified: {rules.unclassified}")
    typer.echo(f"  digest: sha256:{rules.digest()}")
