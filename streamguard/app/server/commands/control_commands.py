"""``streamguard control run`` (the control service, ``server.control_rounds``) and ``streamguard access
observe`` (one round's observation of who reads what): server-side commands, with the control credential."""

from __future__ import annotations

from typing import Annotated

import typer

from streamguard.app.settings import load_settings

group = typer.Typer(help="The control service: expiry, time-bound grants, read evidence, alerts.", no_args_is_help=True)


@group.command("run")
def run(
    interval: Annotated[float, typer.Option("--interval", min=0.2, help="Seconds between rounds.")] = 5.0,
    verify_every: Annotated[
        float, typer.Option("--verify-every", min=0, help="Seconds between verifications of the evidence (0: never).")
    ] = 300.0,
    once: Annotated[bool, typer.Option("--once", help="One round, then exit.")] = False,
) -> None:
    """Run the control service's rounds until interrupted (Ctrl-C)."""
    from streamguard.app.server.control_rounds import run_rounds  # imported here: `--help` stays fast

    run_rounds(load_settings(), interval, verify_every, once)


def observe(
    verify: Annotated[bool, typer.Option("--verify", help="Verify the evidence too (alerts on failure).")] = False,
) -> None:
    """Observe once: record the consumer groups' read progress in the audit stream and raise the monitoring
    alerts (`streamguard control run` does this every round)."""
    from streamguard.app.server.control_rounds import observe_once

    observe_once(load_settings(), verify)
