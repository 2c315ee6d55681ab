"""Declaring a worker, and importing any streamguard module, touches neither disk nor network; the CLI's
``worker`` command takes its web port from settings unless told otherwise."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from streamguard.app.main import cli
from streamguard.app.server.worker import declare_worker
from streamguard.app.settings import load_settings

_IMPORT_EVERYTHING = """
import importlib, pkgutil, socket
def refuse(*args, **kwargs):
    raise AssertionError("network touched at import or declaration")
socket.socket.connect = refuse
socket.create_connection = refuse
import streamguard
for module in pkgutil.walk_packages(streamguard.__path__, "streamguard."):
    if not module.name.endswith("__main__"):
        importlib.import_module(module.name)
from streamguard.app.settings import load_settings
from streamguard.app.server.worker import declare_worker
plan = declare_worker(load_settings())
print(plan.names.app_id, plan.faust_datadir)
"""


def test_importing_every_module_and_declaring_a_worker_writes_nothing(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("STREAMGUARD_")}
    env |= {"PYTHONDONTWRITEBYTECODE": "1", "HOME": str(tmp_path / "user")}
    result = subprocess.run(
        [sys.executable, "-c", _IMPORT_EVERYTHING], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["streamguard", str(tmp_path.resolve() / "local" / "faust" / "streamguard")]
    assert list(tmp_path.iterdir()) == []  # no home, no keyring, no Faust data folder, nothing


def test_declaring_names_the_deployment_and_a_distinct_worker(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("STREAMGUARD_SYSTEM_TOPIC_PREFIX", "acme.")
    plan = declare_worker(load_settings())
    assert plan.names.datapath_group == "acme.datapath"
    assert str(os.getpid()) in plan.worker_id


def test_the_worker_command_takes_its_web_port_from_settings(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[list[str]] = []
    monkeypatch.setattr("streamguard.app.server.worker.run_worker", lambda _plan, argv: seen.append(argv))
    monkeypatch.setenv("STREAMGUARD_WEB_PORT", "7171")
    assert CliRunner().invoke(cli, ["worker"]).exit_code == 0
    assert CliRunner().invoke(cli, ["worker", "--web-port", "7272", "--without-web"]).exit_code == 0
    assert seen == [
        ["worker", "-l", "info", "--web-port", "7171"],
        ["worker", "-l", "info", "--web-port", "7272", "--without-web"],
    ]
