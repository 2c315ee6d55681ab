"""``make console``: the web console over the demo's evidence, until Ctrl-C.

Starts the local Kafka broker (unless it runs) and serves ``streamguard api`` on 127.0.0.1:8088 under the
demo's policy, whose principals' tokens ``make demo`` wrote beside it; stops the broker it started.
"""

from __future__ import annotations

import sys

from rich.console import Console

from harness.demo_control import POLICY_FILE, TOKENS_FILE
from streamguard.app.kafka_local import LocalBroker
from streamguard.app.settings import Settings, load_settings

PORT = 8088
CONSOLE_URL = f"http://127.0.0.1:{PORT}/console/"
console = Console()


def main() -> None:
    settings = load_settings()
    policy = settings.policy or settings.home / POLICY_FILE
    if not policy.is_file():
        console.print(f"[red]no policy at {policy}[/red]: run `make demo` first (it writes the demo's policy)")
        sys.exit(1)
    broker = LocalBroker.from_settings(settings) if not settings.bootstrap else None
    started = False
    if broker is not None:
        with console.status("starting Apache Kafka..."):
            status, started = broker.start()
        settings = settings.model_copy(update={"bootstrap": status.plaintext_bootstrap})
    console.print(f"sign in with a token from {settings.home / TOKENS_FILE}; Ctrl-C stops the console")
    try:
        serve(settings.model_copy(update={"policy": policy}))
    finally:
        if broker is not None and started:
            broker.stop()
            console.print("stopped the Kafka broker the console started")


def serve(settings: Settings) -> None:
    from streamguard.app.server.api import serve as serve_api

    console.print(
        f"[bold]streamguard console[/bold]: {CONSOLE_URL}  (OpenAPI: http://127.0.0.1:{PORT}/api/openapi.json)"
    )
    serve_api(settings, "127.0.0.1", PORT, log_level="warning")


if __name__ == "__main__":
    main()
