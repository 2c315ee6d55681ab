"""The ``streamguard`` command run in the test's own process: the real command line and environment, without
the seconds a new interpreter takes to import streamguard. Tests of what a user sees when a command fails
(exit status 2 and one error line, printed by ``streamguard.app.cli.main``) still start a process."""

from __future__ import annotations

from typer.testing import CliRunner, Result

from streamguard.app.main import cli


def run_cli(env: dict[str, str], *args: str, exit_code: int = 0) -> Result:
    """Run ``streamguard ARGS`` with ``env``; AssertionError unless it exits with ``exit_code``."""
    result = CliRunner().invoke(cli, list(args), env=env, terminal_width=200)
    assert result.exit_code == exit_code, f"streamguard {' '.join(args[:2])}: {result.output[-2000:]}"
    return result
