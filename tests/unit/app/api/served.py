"""The real API application without a broker: a policy file in a temporary home, and the policy in force taken
to be that file (in production the control chain says which version is in force; here no Kafka is read)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from streamguard.app.server.api import context as context_module
from streamguard.app.server.api import create_api
from streamguard.app.server.api.context import ApiContext
from streamguard.app.settings import Settings
from streamguard.control.tokens import token_digest

PRINCIPALS = {"root": "[admin, approver]", "bob": "[approver, auditor]", "ada": "[auditor]", "sam": "[steward]"}


def policy_text(roles: dict[str, str] | None = None, tokens: dict[str, str] | None = None) -> str:
    """A policy of ``PRINCIPALS`` (roles as given), each holding ``<name>-token`` unless ``tokens`` says otherwise."""
    roles, tokens = {**PRINCIPALS, **(roles or {})}, tokens or {}
    lines = ["principals:"]
    for name, held in roles.items():
        digest = token_digest(tokens.get(name, f"{name}-token"))
        lines.append(f'  {name}: {{roles: {held}, token_sha256: "{digest}"}}')
    return "\n".join([*lines, "approvals: {quorum: 1, pending_ttl: 1h, max_grant: 8h}", ""])


def write_policy(path: Path, text: str) -> None:
    """Rewrite the policy file so that the server sees it changed (a new modification time, always)."""
    previous = path.stat().st_mtime_ns if path.exists() else 0
    path.write_text(text)
    os.utime(path, ns=(previous + 1_000_000_000, previous + 1_000_000_000))


def served(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, context: ApiContext | None = None) -> FastAPI:
    """The application on ``tmp_path`` as its home, its policy file (``policy_text()`` unless written before) in
    force; ``context``, if given, must be built on ``settings_for(tmp_path)``."""
    settings = settings_for(tmp_path)
    policy_file_in_force(monkeypatch)
    return create_api(settings, context)


def policy_file_in_force(monkeypatch: pytest.MonkeyPatch) -> None:
    """The policy in force is the file as it is now (no control chain, so no Kafka, to ask)."""
    monkeypatch.setattr(context_module, "current_policy_in_force", lambda _settings, proposed: proposed)


def settings_for(tmp_path: Path) -> Settings:
    """Settings on ``tmp_path`` as home and policy file's folder; a broker address nothing answers at."""
    policy = tmp_path / "policy.yaml"
    if not policy.exists():
        write_policy(policy, policy_text())
    return Settings(home=tmp_path, policy=policy, bootstrap="127.0.0.1:1")


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def client_of(app: FastAPI) -> TestClient:
    return TestClient(app, raise_server_exceptions=False, follow_redirects=False)
