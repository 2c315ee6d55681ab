"""``streamguard rules apply | list | show | drift``: rule versions in the ``streamguard.rules`` topic, and the
schema drift the workers recorded in the audit."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from streamguard.app.services.control import rules_service
from streamguard.app.services.control.callers import acting_as
from streamguard.app.services.control.risky_operations import rules_diff, rules_request
from streamguard.app.services.control.rules_changes import publish_tightening, refuse_loosening
from streamguard.app.settings import load_settings
from streamguard.control.policy import Role

console = Console()


def apply(
    rules_file: Annotated[Path, typer.Argument(exists=True, dir_okay=False, help="Steward rules (YAML).")],
    schema_file: Annotated[
        Path | None,
        typer.Option("--schema", exists=True, dir_okay=False, help="Avro schema (.avsc) to validate against."),
    ] = None,
    key_schema_file: Annotated[
        Path | None,
        typer.Option("--key-schema", exists=True, dir_okay=False, help="Avro schema (.avsc) of the record key."),
    ] = None,
) -> None:
    """Validate RULES_FILE and publish it as the dataset's next rules version (unchanged rules: no new version).
    Under a control-plane policy the caller is a steward or admin, and rules that reduce protection are refused
    here: they go through `streamguard request apply-rules`."""
    settings = load_settings()
    rules, operation = rules_request(rules_file, schema_file, key_schema_file)  # a bad schema: one clear error
    rules_service.require_schemas(rules, operation)
    who = acting_as(settings, Role.STEWARD, Role.ADMIN, doing="apply rules")
    diff = rules_diff(settings, rules)
    if settings.policy is not None:
        refuse_loosening(diff, str(rules_file))
    record = publish_tightening(settings, who, rules, operation, diff)
    if record is None:
        console.print(f"rules for [bold]{rules.dataset}[/bold] unchanged; no new version published")
        return
    console.print(f"published [bold]{record.key}[/bold] (digest {record.digest[:12]}, by {record.applied_by})")


def list_versions() -> None:
    """The rules version in force for each dataset."""
    table = Table("dataset", "version", "digest", "applied by", "applied at", "source")
    for record in rules_service.in_force(load_settings()):
        table.add_row(
            record.dataset,
            str(record.version),
            record.digest[:12],
            record.applied_by,
            record.applied_at,
            record.source_name,
        )
    console.print(table)


def show(
    dataset: Annotated[str, typer.Argument(help="Dataset name.")],
    version: Annotated[int | None, typer.Option("--version", help="A past version (default: the latest).")] = None,
) -> None:
    """Print a dataset's rules (the latest version, or --version N) as they were published."""
    record = rules_service.version_of(load_settings(), dataset, version)
    console.print(f"# {record.key}  digest {record.digest}  applied by {record.applied_by} at {record.applied_at}")
    typer.echo(record.rules_yaml)


def drift(dataset: Annotated[str, typer.Argument(help="Dataset name.")]) -> None:
    """Fields seen in writer schemas that the rules in force were not validated with (from the audit)."""
    rows = rules_service.drift(load_settings(), dataset)
    if not rows:
        console.print(f"no schema drift recorded for [bold]{dataset}[/bold]")
        return
    table = Table("writer schema", "rules version", "field (unclassified policy applied)", "first seen", "last seen")
    for row in rows:
        table.add_row(row.schema_id, str(row.rule_version), row.field, row.first_seen, row.last_seen)
    console.print(table)


def register(group: typer.Typer) -> None:
    group.command("apply")(apply)
    group.command("list")(list_versions)
    group.command("show")(show)
    group.command("drift")(drift)
