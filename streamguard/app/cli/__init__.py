"""The ``streamguard`` command line a principal runs: the commands that ask the server (requests and
decisions, rules, the evidence, ACLs) and the local ones that need neither Kafka nor a credential (``mask``,
``scan``, ``rules validate``, ``policy token``, ``prove --check``, ``evidence verify-archive``). One module per
command group; ``streamguard.app.main`` adds the server-side commands beside them."""

from __future__ import annotations

import typer

from streamguard.app.cli import (
    access_commands,
    acl_commands,
    approval_commands,
    discover_command,
    evidence_commands,
    evidence_output_commands,
    policy_commands,
    preview_commands,
    proof_commands,
    purge_commands,
    rules_commands,
    rules_publish,
    scan_command,
    verify_commands,
)

cli = typer.Typer(
    name="streamguard",
    help="Compliance evidence for Kafka pipelines: per-audience masking, quarantine and audit.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)
cli.add_typer(rules_commands.group, name="rules")
cli.command("discover")(discover_command.discover)
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
cli.add_typer(access_commands.access_group, name="access")
cli.add_typer(acl_commands.group, name="acl")
cli.command("alerts")(access_commands.alerts)
