"""Container files and the Procfile stay in step with the code (no engine runs here, so check the text)."""

from __future__ import annotations

import ast
import json
import re
import tomllib
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[2]
DOCKER = ROOT / "docker"
DASHBOARD = DOCKER / "grafana" / "streamguard-dashboard.json"
# The series each kind of prometheus_client metric exposes, by suffix of its name.
SERIES = {
    "Counter": ("_total",),
    "CounterMetricFamily": ("_total",),
    "Gauge": ("",),
    "GaugeMetricFamily": ("",),
    "Histogram": ("_bucket", "_sum", "_count"),
    "HistogramMetricFamily": ("_bucket", "_sum", "_count"),
    "Summary": ("", "_sum", "_count"),
    "SummaryMetricFamily": ("", "_sum", "_count"),
}


def _compose() -> dict[str, Any]:
    return yaml.safe_load((DOCKER / "compose.yaml").read_text())  # type: ignore[no-any-return]


def test_compose_declares_the_stack_and_parses() -> None:
    compose = _compose()
    assert set(compose["services"]) == {
        "kafka",
        "schema-registry",
        "postgres",
        "worker",
        "evidence",
        "control",
        "witness",
        "api",
        "prometheus",
        "grafana",
    }
    assert compose["services"]["kafka"]["image"].startswith("apache/kafka:4.")
    worker_env = compose["services"]["worker"]["environment"]
    assert worker_env["STREAMGUARD_BOOTSTRAP"] == "kafka:9092"
    assert worker_env["STREAMGUARD_SCHEMA_REGISTRY_URL"].startswith("http://schema-registry")


def test_the_api_service_runs_the_api_with_the_policy_not_a_worker() -> None:
    services = _compose()["services"]
    api = services["api"]
    assert api["command"] == ["api", "--host", "0.0.0.0", "--port", "8088"]
    assert api["ports"] == ["8088:8088"]
    assert api["environment"]["STREAMGUARD_POLICY"] == services["control"]["environment"]["STREAMGUARD_POLICY"]
    assert api["environment"]["STREAMGUARD_BOOTSTRAP"] == "kafka:9092"
    assert api["volumes"] == services["control"]["volumes"]


def test_every_file_compose_mounts_is_in_docker() -> None:
    compose = _compose()
    mounted = [
        volume.split(":")[0]
        for service in compose["services"].values()
        for volume in service.get("volumes", [])
        if volume.startswith("./")
    ]
    mounted += [secret["file"] for secret in compose["secrets"].values() if "secrets/" not in secret["file"]]
    assert "./prometheus.yml" in mounted
    for path in mounted:
        assert (DOCKER / path).is_file(), path


def test_prometheus_scrapes_the_worker_and_the_api_where_compose_serves_them() -> None:
    config = yaml.safe_load((DOCKER / "prometheus.yml").read_text())
    targets = set()
    for job in config["scrape_configs"]:
        assert job.get("metrics_path", "/metrics") == "/metrics"
        targets |= {target for static in job.get("static_configs", []) for target in static["targets"]}
        targets |= {f"{name}:{dns['port']}" for dns in job.get("dns_sd_configs", []) for name in dns["names"]}
    assert targets == {"worker:6066", "api:8088"}
    services = _compose()["services"]
    assert "--web-port" not in services["worker"]["command"]  # the worker serves on its default port, 6066
    assert services["api"]["command"][-1] == "8088"


def test_grafana_provisions_the_prometheus_datasource_and_the_dashboard() -> None:
    datasources = yaml.safe_load((DOCKER / "grafana" / "datasources.yaml").read_text())["datasources"]
    assert [(d["type"], d["url"]) for d in datasources] == [("prometheus", "http://prometheus:9090")]
    provider = yaml.safe_load((DOCKER / "grafana" / "dashboards.yaml").read_text())["providers"][0]
    grafana = _compose()["services"]["grafana"]
    assert f"./grafana/{DASHBOARD.name}:{provider['options']['path']}/{DASHBOARD.name}:ro" in grafana["volumes"]


def _defined_series() -> set[str]:
    """Every series name streamguard's code defines: prometheus_client metrics made with a literal name."""
    series = set()
    for source in (ROOT / "streamguard").rglob("*.py"):
        for node in ast.walk(ast.parse(source.read_text(), str(source))):
            if not (isinstance(node, ast.Call) and node.args and isinstance(node.args[0], ast.Constant)):
                continue
            kind = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
            name = node.args[0].value
            if kind in SERIES and isinstance(name, str) and name.startswith("streamguard_"):
                base = name.removesuffix("_total") if "Counter" in kind else name
                series |= {base + suffix for suffix in SERIES[kind]}
    return series


def _queries(dashboard: dict[str, Any]) -> list[str]:
    panels = [*dashboard["panels"], *(p for row in dashboard["panels"] for p in row.get("panels", []))]
    queries = [target["expr"] for panel in panels for target in panel.get("targets", [])]
    return queries + [v["definition"] for v in dashboard["templating"]["list"] if "definition" in v]


def test_the_dashboard_parses_and_queries_exactly_the_metrics_the_code_defines() -> None:
    dashboard = json.loads(DASHBOARD.read_text())
    assert dashboard["schemaVersion"] >= 39  # Grafana 11 and later
    assert {"name": "datasource", "type": "datasource", "query": "prometheus"}.items() <= next(
        v for v in dashboard["templating"]["list"] if v["name"] == "datasource"
    ).items()
    panels = [panel for panel in dashboard["panels"] if panel["type"] != "row"]
    assert all(panel["datasource"]["uid"] == "${datasource}" for panel in panels)
    used = {name for query in _queries(dashboard) for name in re.findall(r"\bstreamguard_\w+", query)}
    defined = _defined_series()
    assert used - defined == set(), "the dashboard queries metrics the code does not define"
    assert {_family(name) for name in defined} - {_family(name) for name in used} == set(), "metrics no panel shows"


def _family(series: str) -> str:
    """The metric a series belongs to: ``x`` for ``x_total``, ``x_bucket``, ``x_sum``, ``x_count``."""
    return re.sub(r"_(total|bucket|sum|count)$", "", series)


def test_dockerfile_installs_every_package_the_project_ships() -> None:
    dockerfile = (ROOT / "docker" / "Dockerfile").read_text()
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())
    for package in project["tool"]["setuptools"]["packages"]["find"]["include"]:
        assert f"COPY {package.rstrip('*')} ./{package.rstrip('*')}" in dockerfile
    assert 'ENTRYPOINT ["streamguard"]' in dockerfile


def test_compose_and_procfile_commands_exist_in_the_cli() -> None:
    import typer.main

    from streamguard.app.main import cli

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
