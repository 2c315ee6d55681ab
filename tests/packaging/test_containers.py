"""Container files and the Procfile stay in step with the code (no engine runs here, so check the text)."""

from __future__ import annotations

import tomllib
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]


def test_compose_declares_the_stack_and_parses() -> None:
    compose = yaml.safe_load((ROOT / "docker" / "compose.yaml").read_text())
    assert set(compose["services"]) == {
        "kafka",
        "schema-registry",
        "postgres",
        "worker",
        "evidence",
        "control",
        "witness",
        "api",
    }
    assert compose["services"]["kafka"]["image"].startswith("apache/kafka:4.")
    worker_env = compose["services"]["worker"]["environment"]
    assert worker_env["STREAMGUARD_BOOTSTRAP"] == "kafka:9092"
    assert worker_env["STREAMGUARD_SCHEMA_REGISTRY_URL"].startswith("http://schema-registry")


def test_dockerfile_installs_every_package_the_project_ships() -> None:
    dockerfile = (ROOT / "docker" / "Dockerfile").read_text()
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())
    for package in project["tool"]["setuptools"]["packages"]["find"]["include"]:
        assert f"COPY {package.rstrip('*')} ./{package.rstrip('*')}" in dockerfile
    assert 'ENTRYPOINT ["streamguard"]' in dockerfile


def test_compose_and_procfile_commands_exist_in_the_cli() -> None:
    import typer.main

    from streamguard.app.cli import cli

    commands = typer.main.get_command(cli).commands  # type: ignore[attr-defined]
    compose = yaml.safe_load((ROOT / "docker" / "compose.yaml").read_text())
    for service in ("worker", "evidence", "witness", "api"):
        name, *rest = compose["services"][service]["command"]
        assert name in commands
        command = commands[name]
        if rest and not rest[0].startswith("-"):  # a group: its subcommand
            command = command.commands[rest[0]]  # type: ignore[attr-defined]
        known = {opt for param in command.params for opt in param.opts}
        assert {o for o in rest if o.startswith("--")} <= known
    for line in (ROOT / "Procfile").read_text().splitlines():
        words = line.split(":", 1)[1].split()
        assert words[0] == "streamguard"
        assert words[1] in commands
        if len(words) > 2 and not words[2].startswith("-"):
            assert words[2] in commands[words[1]].commands  # type: ignore[attr-defined]
