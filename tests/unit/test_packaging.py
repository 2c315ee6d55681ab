"""Container files and the Procfile stay in step with the code (no engine runs here, so check the text)."""

from __future__ import annotations

import tomllib
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]


def test_compose_declares_the_stack_and_parses() -> None:
    compose = yaml.safe_load((ROOT / "docker" / "compose.yaml").read_text())
    assert set(compose["services"]) == {"kafka", "schema-registry", "postgres", "worker", "api"}
    assert compose["services"]["kafka"]["image"].startswith("apache/kafka:4.")
    worker_env = compose["services"]["worker"]["environment"]
    assert worker_env["STREAMGUARD_BOOTSTRAP"] == "kafka:9092"
    assert worker_env["STREAMGUARD_SCHEMA_REGISTRY_URL"].startswith("http://schema-registry")


def test_dockerfile_installs_every_package_the_project_ships() -> None:
    dockerfile = (ROOT / "docker" / "Dockerfile").read_text()
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())
    for package in project["tool"]["setuptools"]["packages"]["find"]["include"]:
        assert f"COPY {package.rstrip('*')} " in dockerfile
    assert 'ENTRYPOINT ["streamguard"]' in dockerfile
