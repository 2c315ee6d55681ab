"""``streamguard rules ...``: validate (issue 3), apply, list and show (issue 4)."""

from __future__ import annotations

import typer

group = typer.Typer(help="Validate and publish steward masking rules.", no_args_is_help=True)
