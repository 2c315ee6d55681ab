"""``streamguard rules apply | list | show | drift | diff``: rule versions, asked of the server (which reads
the ``streamguard.rules`` topic and publishes there), and the schema drift the workers recorded in the audit."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated
from urllib.parse import quote

import typer
from rich.console import Console
from rich.table import Table

from streamguard.app.cli.api_client import connect
from streamguard.app.services.rules_texts import require_schemas, rules_request
from streamguard.core.rule_sets import RuleSetRecord

console = Console()


def apply(
    rules_file: Annotated[Path, typer.Argument(exists=True, dir_okay=False, help="Steward rules (YAML).")],
    schema_file: Annotated[
        Path | None,
        typer.Option(
            "--schema",
            exists=True,
            dir_okay=False,
            help="The records' schema in the rules' format (.avsc, .proto, JSON Schema).",
        ),
    ] = None,
    key_schema_file: Annotated[
        Path | None,
        typer.Option(
            "--key-schema", exists=True, dir_okay=False, help="The record key's schema, in the rules' format."
        ),
    ] = None,
) -> None:
    """Validate RULES_FILE and publish it as the dataset's next rules version (unchanged rules: no new version).
    The server takes it from stewards and admins; rules that reduce protection are refused here: they go
    through `streamguard request apply-rules`."""
    rules, text = rules_request(rules_file, schema_file, key_schema_file)  # a bad file: one clear error, first
    require_schemas(rules, text)
    body = {**text.model_dump(exclude={"op"}), "refuse_loosening": True}
    outcome = connect().post("/api/rules", body)
    if outcome["applied"] is None:
        console.print(f"rules for [bold]{rules.dataset}[/bold] unchanged; no new version published")
        return
    record = RuleSetRecord.model_validate(outcome["applied"])
    console.print(f"published [bold]{record.key}[/bold] (digest {record.digest[:12]}, by {record.applied_by})")


def list_versions() -> None:
    """The rules version in force for each dataset."""
    table = Table("dataset", "version", "digest", "applied by", "applied at", "source")
    for answer in connect().get("/api/rules"):
        record = RuleSetRecord.model_validate(answer)
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
    client, path = connect(), f"/api/rules/{quote(dataset, safe='')}/versions"
    answer = client.get(f"{path}/{version}") if version is not None else client.get(path)[-1]
    record = RuleSetRecord.model_validate(answer)
    console.print(f"# {record.key}  digest {record.digest}  applied by {record.applied_by} at {record.applied_at}")
    typer.echo(record.rules_yaml)


def drift(dataset: Annotated[str, typer.Argument(help="Dataset name.")]) -> None:
    """Fields seen in writer schemas that the rules in force were not validated with (from the audit)."""
    rows = connect().get(f"/api/rules/{quote(dataset, safe='')}/drift")
    if not rows:
        console.print(f"no schema drift recorded for [bold]{dataset}[/bold]")
        return
    table = Table("writer schema", "rules version", "field (unclassified policy applied)", "first seen", "last seen")
    for row in rows:
        table.add_row(row["schema_id"], str(row["rule_version"]), row["field"], row["first_seen"], row["last_seen"])
    console.print(table)


def diff(
    dataset: Annotated[str, typer.Argument(help="Dataset name.")],
    before: Annotated[int, typer.Option("--from", min=1, help="The earlier version.")],
    after: Annotated[int, typer.Option("--to", min=1, help="The later version.")],
) -> None:
    """What each audience sees differently under one version than another, field by field."""
    answer = connect().get(f"/api/rules/{quote(dataset, safe='')}/diff", **{"from": before, "to": after})
    verdict = "[red]reduces protection[/red]" if answer["reduces_protection"] else "[green]reduces none[/green]"
    console.print(f"{dataset} v{before} -> v{after}: {verdict}")
    table = Table("audience", "path", "before", "after", "effect")
    for change in answer["changes"]:
        table.add_row(change["audience"], change["path"], change["before"], change["after"], change["effect"])
    console.print(table)


def register(group: typer.Typer) -> None:
    group.command("apply")(apply)
    group.command("list")(list_versions)
    group.command("show")(show)
    group.command("drift")(drift)
    group.command("diff")(diff)
