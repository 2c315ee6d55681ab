"""The command line's one way to the server: ``STREAMGUARD_API_URL`` (default the local server), the caller's
``STREAMGUARD_TOKEN``, and the server's answers turned back into streamguard's own errors (the same messages
and exit statuses the commands always had).

The command line holds no Kafka address, keyring or policy: it never decides a permission. With a token, an
API URL or a policy set (``STREAMGUARD_TOKEN``, ``STREAMGUARD_API_URL``, ``STREAMGUARD_POLICY``; the policy
itself is never read here), or in production, it asks the server. With none of them it is a development
machine without a control plane, and the server it asks runs in its own process (``in_process``, which the
executable sets: this layer cannot import the server); every event recorded then says no control plane was
enforcing.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict

from streamguard.core.errors import (
    AuthenticationError,
    ConfigError,
    InfrastructureFault,
    InvalidInput,
    NotFound,
    PermissionDenied,
    RequestStateError,
    StreamguardError,
    TooManyFailures,
)

DEFAULT_URL = "http://127.0.0.1:8088"
TIMEOUT_S = 300.0  # a verification of millions of records takes minutes; an approval runs its operation
InProcess = Callable[[], httpx.BaseTransport]
in_process: InProcess | None = None  # set by streamguard.app.main: the development server in this process


class ClientSettings(BaseSettings):
    """What the command line reads of its environment: where the server is and who the caller is."""

    model_config = SettingsConfigDict(env_prefix="STREAMGUARD_", extra="ignore", frozen=True)

    api_url: str | None = Field(default=None, pattern=r"^https?://[^\s/]+(/\S*)?$")
    token: SecretStr | None = None
    policy: str | None = None  # only whether one is set: the command line never reads it
    env: str = "development"
    home: Path = Field(default_factory=lambda: Path.cwd() / "local")

    @property
    def asks_a_server(self) -> bool:
        """Whether a server decides: always, but on a development machine with no token, URL or policy."""
        return bool(self.api_url or self.token or self.policy) or self.env == "production"


class ApiClient:
    """JSON over HTTP to the server, as the caller."""

    def __init__(self, base_url: str, token: str | None, transport: httpx.BaseTransport | None = None) -> None:
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        self.base_url = base_url
        self._http = httpx.Client(base_url=base_url, headers=headers, timeout=TIMEOUT_S, transport=transport)

    def get(self, path: str, **params: Any) -> Any:
        return self._send("GET", path, params=_present(params)).json()

    def post(self, path: str, body: dict[str, Any] | None = None) -> Any:
        return self._send("POST", path, json=body or {}).json()

    def get_text(self, path: str, **params: Any) -> str:
        return self._send("GET", path, params=_present(params)).text

    def get_bytes(self, path: str, **params: Any) -> bytes:
        return self._send("GET", path, params=_present(params)).content

    def _send(self, method: str, path: str, **options: Any) -> httpx.Response:
        try:
            response = self._http.request(method, path, **options)
        except httpx.TransportError as error:
            raise ConfigError(
                f"cannot reach the streamguard server at {self.base_url} ({type(error).__name__}): start it with "
                "`streamguard api`, or set STREAMGUARD_API_URL"
            ) from None
        if response.is_success:
            return response
        raise _error_of(response)


def connect(settings: ClientSettings | None = None) -> ApiClient:
    """The client of the server that decides for this caller."""
    settings = settings or client_settings()
    token = settings.token.get_secret_value().strip() if settings.token else None
    if settings.asks_a_server:
        return ApiClient(settings.api_url or DEFAULT_URL, token)
    if in_process is None:
        raise ConfigError("no server to ask: set STREAMGUARD_API_URL and STREAMGUARD_TOKEN")
    return ApiClient("http://in-process", None, in_process())


def client_settings() -> ClientSettings:
    try:
        return ClientSettings()
    except ValueError as error:
        raise ConfigError(f"invalid configuration: {error}") from None


_ERRORS: dict[int, type[StreamguardError]] = {
    401: AuthenticationError,
    403: PermissionDenied,
    404: NotFound,
    409: RequestStateError,
    422: InvalidInput,
    429: TooManyFailures,
    503: InfrastructureFault,
}


def _error_of(response: httpx.Response) -> StreamguardError:
    """The server's answer as the error the command would have raised itself: its message, its kind."""
    try:
        detail = response.json().get("detail")
    except ValueError:
        detail = None
    if isinstance(detail, list):  # invalid input: each field and what is wrong with it (never its value)
        detail = "; ".join(f"{problem.get('field') or '<body>'}: {problem.get('msg')}" for problem in detail)
    message = str(detail or f"the server answered {response.status_code}")
    kind = _ERRORS.get(response.status_code, StreamguardError)
    if kind is TooManyFailures:
        return TooManyFailures(message, int(response.headers.get("Retry-After", "60")))
    return kind(message)


def _present(params: dict[str, Any]) -> dict[str, Any]:
    return {name: value for name, value in params.items() if value is not None}
