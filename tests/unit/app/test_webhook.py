"""The webhook's URL carries its secret (a Slack or Teams token): no log record ever holds its path or query."""

from __future__ import annotations

import logging
import socket
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest

from streamguard.app.services.control.webhook import notify

PATH_TOKEN = "T0PATHSECRET/B0PATHSECRET/XXPATHSECRETXX"
QUERY_TOKEN = "QUERYSECRET42"
USERINFO = "USERSECRET:PASSSECRET"
SECRETS = ("PATHSECRET", QUERY_TOKEN, "USERSECRET", "PASSSECRET")


class Answer(BaseHTTPRequestHandler):
    """Answers each POST with the status its path asks for (``/status/500/...``)."""

    def do_POST(self) -> None:
        self.rfile.read(int(self.headers.get("Content-Length", 0)))
        self.send_response(int(self.path.split("/")[2]))
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, format: str, *args: object) -> None:
        pass  # the server's own access log is the test's, not the product's


@pytest.fixture
def server() -> Iterator[str]:
    httpd = HTTPServer(("127.0.0.1", 0), Answer)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def secret_url(host: str, status: int) -> str:
    return f"http://{USERINFO}@{host}/status/{status}/services/{PATH_TOKEN}?token={QUERY_TOKEN}&x=1"


def logged(caplog: pytest.LogCaptureFixture) -> str:
    """Everything every record says, formatted, with its arguments and any exception text."""
    return "\n".join(f"{record.getMessage()} {record.args!r} {record.exc_text or ''}" for record in caplog.records)


@pytest.mark.parametrize("status", [500, 404])
def test_a_failing_webhook_is_warned_by_host_without_its_secret(
    server: str, status: int, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.DEBUG):
        assert notify(secret_url(server, status), {"event": "x"}) is False
    text = logged(caplog)
    assert f"answered {status}" in text
    assert server.split(":")[0] in text  # the host still says which webhook
    for secret in SECRETS:
        assert secret not in text


def test_an_unreachable_webhook_is_warned_without_its_secret(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.DEBUG):
        assert notify(secret_url(f"127.0.0.1:{closed_port()}", 200), {"event": "x"}) is False
    text = logged(caplog)
    assert "not reached" in text
    for secret in SECRETS:
        assert secret not in text


def test_a_working_webhook_logs_no_secret_either(server: str, caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.DEBUG):
        assert notify(secret_url(server, 200), {"event": "x"}) is True
    for secret in SECRETS:
        assert secret not in logged(caplog)


@pytest.mark.parametrize("url", [f"http://[{QUERY_TOKEN}/path", f"http://host\x00/{QUERY_TOKEN}"])
def test_a_malformed_webhook_url_is_a_warning_not_an_error(url: str, caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.DEBUG):
        assert notify(url, {"event": "x"}) is False
    assert "not reached" in logged(caplog)
    assert QUERY_TOKEN not in logged(caplog)
