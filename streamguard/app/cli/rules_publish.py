"""``streamguard rules apply | list | show | drift``: rule versions in the ``streamguard.rules`` topic, and the
schema drift the workers recorded in the audit."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from confluent_kafka.admin import AdminClient
from rich.console import Console
from rich.table import Table

from streamguard.agents.kafka_audit_reader import read_audit_events
from streamguard.agents.kafka_rules import read_rule_history
from streamguard.agents.kafka_topics import ensure_topics, system_topics
from streamguard.app.control_context import acting_as
from streamguard.app.kafka_config import client_options
from streamguard.app.risky_operations import rules_diff, rules_request
from streamguard.app.rules_changes import publish_tightening, refuse_loosening
from streamguard.app.settings import Settings, load_settings
from streamguard.control.policy import Role
from streamguard.core.errors import RulesError
from streamguard.core.rule_sets import RuleSetRecord, latest_versions
from streamguard.masking.rules import KeyFields

console = Console()


def _history(settings: Settings) -> list[RuleSetRecord]:
    options = client_options(settings)
    ensure_topics(AdminClient(options), system_topics(settings.topic_names, settings.retention))
    return read_rule_history(options, settings.topic_names.rules)


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
    if rules.format == "avro" and schema_file is None:
        raise RulesError(
            f"{rules_file}: avro rules are applied with --schema: the worker checks every writer schema against "
            "it, and a rule covers the fields that schema has"
        )
    if isinstance(rules.key, KeyFields) and key_schema_file is None:
        raise RulesError(f"{rules_file}: rules for an Avro key's fields are applied with --key-schema")
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
    for record in sorted(latest_versions(_history(load_settings())).values(), key=lambda r: r.dataset):
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
    versions = [r for r in _history(load_settings()) if r.dataset == dataset]
    chosen = [r for r in versions if version is None or r.version == version]
    if not chosen:
        console.print(f"[red]no rules version {version or ''} for dataset {dataset!r}[/red]")
        raise typer.Exit(1)
    record = max(chosen, key=lambda r: r.version)
    console.print(f"# {record.key}  digest {record.digest}  applied by {record.applied_by} at {record.applied_at}")
    typer.echo(record.rules_yaml)


def drift(dataset: Annotated[str, typer.Argument(help="Dataset name.")]) -> None:
    """Fields seen in writer schemas that the rules in force were not validated with (from the audit)."""
    settings = load_settings()
    seen: dict[tuple[str, int, str], list[str]] = {}  # (schema id, rule version, field) -> [first, last seen]
    for events in read_audit_events(client_options(settings), settings.topic_names.audit).values():
        for event in events:
            if event.dataset != dataset:
                continue
            for schema_id, fields in event.schema_drift.items():
                for name in fields:
                    span = seen.setdefault((schema_id, event.rule_version or 0, name), [event.recorded_at] * 2)
                    span[0], span[1] = min(span[0], event.recorded_at), max(span[1], event.recorded_at)
    if not seen:
        console.print(f"no schema drift recorded for [bold]{dataset}[/bold]")
        return
    table = Table("writer schema", "rules version", "field (unclassified policy applied)", "first seen", "last seen")
    for (schema_id, version, name), (first, last) in sorted(seen.items()):
        table.add_row(schema_id, str(version), name, first, last)
    console.print(table)


def register(group: typer.Typer) -> None:
    group.command("apply")(apply)
    group.command("list")(list_versions)
    group.command("show")(show)
    group.command("drift")(drift)
