"""Who is asking, under which policy: the policy file from ``STREAMGUARD_POLICY`` and the caller from
``STREAMGUARD_TOKEN``. Every control-plane command starts here."""

from __future__ import annotations

import getpass
from dataclasses import dataclass
from pathlib import Path

from streamguard.app.settings import Settings
from streamguard.control.policy import Policy, Role, load_policy
from streamguard.control.tokens import token_digest
from streamguard.core.errors import AuthenticationError, ConfigError, PermissionDenied


@dataclass(frozen=True)
class Caller:
    """An authenticated principal of the policy in force; or, with no control plane (``enforced`` False:
    development), the operating-system user, who may do anything and is recorded as such."""

    name: str
    roles: frozenset[Role]
    enforced: bool = True

    @property
    def actor(self) -> str:
        """How the audit stream names the caller."""
        return f"principal:{self.name}" if self.enforced else f"cli:{self.name}"


NO_CONTROL_PLANE = {"control_plane": "none"}  # an operation made with no policy enforcing (development)


def unenforced(enforced: bool) -> dict[str, str]:
    """What an operation event adds when no control plane decided it: the evidence says so."""
    return {} if enforced else dict(NO_CONTROL_PLANE)


def development_caller() -> Caller:
    """The caller of a server without a policy: development only, nothing enforced."""
    return Caller(getpass.getuser(), frozenset(Role), enforced=False)


def current_policy(settings: Settings) -> Policy:
    if settings.policy is None:
        raise ConfigError("no control-plane policy: set STREAMGUARD_POLICY to the policy file (YAML)")
    return read_policy(settings.policy)


def read_policy(path: Path) -> Policy:
    try:
        text = path.read_text()
    except OSError as error:
        raise ConfigError(f"{path}: cannot read the policy: {error.strerror}") from None
    return load_policy(text, str(path))


def authenticate(settings: Settings, policy: Policy) -> Caller:
    """The principal holding ``STREAMGUARD_TOKEN``; AuthenticationError without a token or for an unknown one."""
    if settings.token is None or not settings.token.get_secret_value().strip():
        raise AuthenticationError("STREAMGUARD_TOKEN is not set: control-plane commands act as a principal")
    name = policy.authenticate(token_digest(settings.token.get_secret_value()))
    if name is None:
        raise AuthenticationError(f"STREAMGUARD_TOKEN matches no principal of {policy.source}")
    return caller_named(policy, name)


def caller_named(policy: Policy, name: str) -> Caller:
    """The principal ``name`` with the roles the policy gives it now."""
    return Caller(name, frozenset(policy.principal(name).roles))


def require_role(caller: Caller, *roles: Role, doing: str) -> None:
    """PermissionDenied unless the caller has one of ``roles``."""
    if not caller.roles.intersection(roles):
        wanted = " or ".join(role.value for role in roles)
        raise PermissionDenied(f"{caller.name} may not {doing}: that takes the {wanted} role")


def acting_as(settings: Settings, *roles: Role, doing: str) -> str:
    """Who the audit stream names for an action: under a policy, the authenticated principal (who must have
    one of ``roles``); without one (no control plane), the operating-system user or SASL user."""
    if settings.policy is None:
        return f"cli:{settings.sasl_username or getpass.getuser()}"
    caller = authenticate(settings, current_policy(settings))
    require_role(caller, *roles, doing=doing)
    return caller.actor
