"""``streamguard rules ...``: validate (issue 3), apply, list and show (issue 4)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from streamguard.app.services.schema_files import read_avro_schema, read_json_sample
from streamguard.core.errors import RulesError

group = typer.Typer(help="Validate and publish steward masking rules.", no_args_is_help=True)


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
