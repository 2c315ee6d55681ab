"""The ``streamguard`` command line: one typer application, one module per command group."""

from __future__ import annotations

import sys

import typer

from streamguard.app.cli import (
    access_commands,
    acl_commands,
    api_command,
    approval_commands,
    control_commands,
    evidence_commands,
    evidence_output_commands,
    kafka_commands,
    keys_commands,
    policy_commands,
    preview_commands,
    proof_commands,
    purge_commands,
    rules_commands,
    rules_publish,
    scan_command,
    verify_commands,
    witness_commands,
    worker_command,
)
from streamguard.core.errors import StreamguardError

cli = typer.Typer(
    name="streamguard",
    help="Compliance evidence for Kafka pipelines: per-audience masking, quarantine and audit.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)
cli.add_typer(kafka_commands.group, name="kafka")
cli.add_typer(rules_commands.group, name="rules")
cli.add_typer(keys_commands.group, name="keys")
cli.add_typer(witness_commands.group, name="witness")
cli.command("verify")(verify_commands.verify)
cli.command("report")(evidence_output_commands.report)
cli.command("export")(evidence_output_commands.export)
cli.command("prove")(proof_commands.prove)
cli.command("replay")(proof_commands.replay)
cli.add_typer(evidence_commands.sessions_group, name="sessions")
cli.add_typer(evidence_commands.evidence_group, name="evidence")
evidence_commands.evidence_group.command("purge")(purge_commands.purge)
evidence_commands.evidence_group.command("verify-archive")(purge_commands.verify_archive)
preview_commands.register(cli)
cli.command("scan")(scan_command.scan)
rules_publish.register(rules_commands.group)
cli.add_typer(policy_commands.group, name="policy")
approval_commands.register(cli)
cli.add_typer(control_commands.group, name="control")
cli.add_typer(access_commands.access_group, name="access")
cli.add_typer(acl_commands.group, name="acl")
cli.command("alerts")(access_commands.alerts)
cli.command("api")(api_command.api)
cli.command(context_settings={"allow_extra_args": True, "ignore_unknown_options": True})(worker_command.worker)


def main() -> None:
    """Console entry point: streamguard's own errors become one clear line and exit status 2."""
    try:
        cli()
    except StreamguardError as error:
        typer.secho(f"error: {error}", fg=typer.colors.RED, err=True)
        sys.exit(2)
