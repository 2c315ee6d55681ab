"""``streamguard acl plan | apply``: the command line asks the server, which decides who may run them; what they
print (the broker side is faked here and real in tests/integration/test_acl_scoping.py)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from harness.api_server import serving
from streamguard.app.cli import acl_commands
from streamguard.app.server.api import routes_admin
from streamguard.app.services.control.access_scoping import AccessApplied, AccessPlan
from streamguard.control.acl_plan import AclDiff, AclEntry, Operation, PatternType, ResourceType
from streamguard.control.tokens import token_digest
from streamguard.core.errors import AuthenticationError, PermissionDenied
from tests.unit.app.api.served import served, write_policy

runner = CliRunner()
ADMIN_TOKEN, READER_TOKEN = "sgt_admin", "sgt_reader"
VIEW = AclEntry("User:ana", ResourceType.TOPIC, "governed.x.analytics", PatternType.LITERAL, Operation.READ, reason="r")
STALE = AclEntry("User:bea", ResourceType.TOPIC, "governed.x.support", PatternType.LITERAL, Operation.READ, reason="s")
FOREIGN = AclEntry("User:ops", ResourceType.TOPIC, "raw.x", PatternType.LITERAL, Operation.ALL)
PLAN = AccessPlan([VIEW], AclDiff(add=(VIEW,), remove=(STALE,), foreign=(FOREIGN,)), ["ana"])


@pytest.fixture
def calls(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[list[dict[str, Any]]]:
    write_policy(
        tmp_path / "policy.yaml",
        "principals:\n"
        f"  root: {{roles: [admin, approver], token_sha256: {token_digest(ADMIN_TOKEN)}}}\n"
        f"  rita: {{roles: [auditor], token_sha256: {token_digest(READER_TOKEN)}}}\n"
        "  ana: {kafka_user: ana}\n",
    )
    made: list[dict[str, Any]] = []

    def apply_access(settings: Any, policy: Any, actor: str, grants: Any, passwords: Any) -> AccessApplied:
        made.append({"actor": actor, "passwords": passwords})
        return AccessApplied(PLAN, ["ana"] if passwords else [], None)

    monkeypatch.setattr(routes_admin, "active_grants", lambda settings, policy, now: [])
    monkeypatch.setattr(routes_admin, "plan_access", lambda settings, policy, grants: PLAN)
    monkeypatch.setattr(routes_admin, "apply_access", apply_access)
    with serving(served(tmp_path, monkeypatch)) as url:
        monkeypatch.setenv("STREAMGUARD_API_URL", url)
        monkeypatch.setenv("STREAMGUARD_TOKEN", READER_TOKEN)
        monkeypatch.delenv("STREAMGUARD_POLICY", raising=False)  # the command line reads no policy anyway
        yield made


def test_any_principal_plans_and_sees_the_missing_users(calls: list[dict[str, Any]]) -> None:
    result = runner.invoke(acl_commands.group, ["plan", "--json"])
    assert result.exit_code == 0, result.output
    body = json.loads(result.stdout)
    assert [entry["key"] for entry in body["acls"]] == [VIEW.key()]
    assert body["acls"][0]["reason"] == "r"
    assert body["missing_users"] == ["ana"]


def test_planning_needs_a_token_of_the_policy(calls: list[dict[str, Any]], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("STREAMGUARD_TOKEN", "sgt_unknown")
    result = runner.invoke(acl_commands.group, ["plan"])
    assert isinstance(result.exception, AuthenticationError)


def test_applying_takes_the_admin_role_even_for_a_dry_run(calls: list[dict[str, Any]]) -> None:
    for args in (["apply"], ["apply", "--dry-run"]):
        result = runner.invoke(acl_commands.group, args)
        assert isinstance(result.exception, PermissionDenied)
    assert calls == []


def test_a_dry_run_shows_the_diff_and_changes_nothing(
    calls: list[dict[str, Any]], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("STREAMGUARD_TOKEN", ADMIN_TOKEN)
    result = runner.invoke(acl_commands.group, ["apply", "--dry-run"], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    assert "+ User:ana read topic governed.x.analytics (allow)  r" in result.stdout
    assert "- User:bea read topic governed.x.support (allow)  s" in result.stdout
    assert "= User:ops all topic raw.x (allow)  not streamguard's: kept" in result.stdout
    assert "dry run: would add 1 and remove 1 ACLs (1 foreign kept); nothing changed" in result.stdout
    assert calls == []


def test_apply_acts_as_the_caller_and_creates_users_when_asked(
    calls: list[dict[str, Any]], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("STREAMGUARD_TOKEN", ADMIN_TOKEN)
    monkeypatch.setenv("STREAMGUARD_SCRAM_PASSWORD_ANA", "an-ana-secret")
    result = runner.invoke(acl_commands.group, ["apply", "--create-users", "--json"])
    assert "an-ana-secret" not in result.output
    assert result.exit_code == 0, result.output
    assert calls == [{"actor": "principal:root", "passwords": {"ana": "an-ana-secret"}}]
    body = json.loads(result.stdout)
    assert (body["applied"], body["users_created"], body["missing_users"]) == (True, ["ana"], [])
    assert [entry["principal"] for entry in body["remove"]] == ["User:bea"]
