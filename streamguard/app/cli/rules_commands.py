"""``streamguard rules ...``: validate (issue 3), apply, list and show (issue 4)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from streamguard.app.services.schema_files import read_json_sample, read_writer_schema
from streamguard.core.errors import RulesError

group = typer.Typer(help="Validate and publish steward masking rules.", no_args_is_help=True)


@group.command("validate")
def validate(
    rules_file: Annotated[Path, typer.Argument(help="Steward rules (YAML).")],
    schema: Annotated[
        Path | None,
        typer.Option("--schema", help="Schema to check against, in the rules' format (.avsc, .proto, JSON Schema)."),
    ] = None,
    sample: Annotated[Path | None, typer.Option("--sample", help="JSON sample record (json datasets).")] = None,
    key_schema: Annotated[
        Path | None, typer.Option("--key-schema", help="Schema of the record key, if it has one.")
    ] = None,
) -> None:
    """Check rules (and their fit to a schema or sample); print a summary, or every problem and exit 1."""
    # imported here so `streamguard --help` stays fast
    from streamguard.masking.rules import parse_rules, read_rules_text
    from streamguard.masking.writer_schemas import schema_type_for

    try:
        text = read_rules_text(rules_file)
        schema_type = schema_type_for(text)
        writer = read_writer_schema(schema, schema_type) if schema else None
        record = read_json_sample(sample) if sample else None
        key = read_writer_schema(key_schema, schema_type) if key_schema else None
        rules = parse_rules(text, source=str(rules_file), schema=writer, sample=record, key_schema=key)
    except RulesError as error:
        typer.echo(str(error), err=True)
        raise typer.Exit(1) from None
    checked = "schema " + str(schema) if schema else "sample " + str(sample) if sample else "no schema"
    typer.echo(f"OK {rules_file}: dataset {rules.dataset} ({rules.format}, checked against {checked})")
    typer.echo(f"  audiences: {', '.join(rules.audiences)}")
    typer.echo(f"  fields: {len(rules.fields)} ruled, unclassified: {rules.unclassified}")
    typer.echo(f"  digest: sha256:{rules.digest()}")
