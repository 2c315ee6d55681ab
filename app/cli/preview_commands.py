"""Steward preview commands that need no Kafka: ``mask``, ``scan`` and ``decrypt`` (issue 3)."""

from __future__ import annotations

import typer


def register(cli: typer.Typer) -> None:
    """Add the preview commands to the root application."""
