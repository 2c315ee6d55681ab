"""The commands that start streamguard's server-side processes (``api``, ``control run``, ``worker``,
``evidence index``, ``witness serve``) and the tools of whoever holds their credentials and keys (``keys``,
``witness``, ``policy check``, ``access observe``, the local broker). They run in the caller's process, with
the caller's credentials: they are for the hosts of the server and the workers, not for principals (``doctor``
checks what those hosts need before going live)."""

from __future__ import annotations

import typer

from streamguard.app.server.commands import (
    api_command,
    control_commands,
    doctor_command,
    index_command,
    kafka_commands,
    keys_commands,
    policy_check,
    witness_commands,
    worker_command,
)


def register(cli: typer.Typer, *, evidence: typer.Typer, access: typer.Typer, policy: typer.Typer) -> None:
    """Add the server-side commands to the command line's application and to its groups."""
    cli.add_typer(kafka_commands.group, name="kafka")
    cli.add_typer(keys_commands.group, name="keys")
    cli.add_typer(witness_commands.group, name="witness")
    cli.add_typer(control_commands.group, name="control")
    cli.command("api")(api_command.api)
    cli.command("doctor")(doctor_command.doctor)
    cli.command(context_settings={"allow_extra_args": True, "ignore_unknown_options": True})(worker_command.worker)
    evidence.command("index")(index_command.index)
    access.command("observe")(control_commands.observe)
    policy.command("check")(policy_check.check)
