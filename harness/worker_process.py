"""Run ``streamguard worker`` as a child process and wait for it: used by the demo, tests and benchmarks."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable
from pathlib import Path
from typing import Any

from harness import HarnessError
from harness.scrape import Scrape
from streamguard.agents.kafka_datapath import READY_MESSAGE


def worker_env(bootstrap: str, home: Path, system_prefix: str | None = None, **extra: str) -> dict[str, str]:
    """This process's environment, pointed at one deployment (broker, home, and optionally its prefix)."""
    env = {**os.environ, "STREAMGUARD_BOOTSTRAP": bootstrap, "STREAMGUARD_HOME": str(home), **extra}
    if system_prefix is not None:
        env["STREAMGUARD_SYSTEM_TOPIC_PREFIX"] = system_prefix
    return env


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def wait_until(
    condition: Callable[[], bool],
    timeout_s: float,
    what: str,
    process: subprocess.Popen[bytes] | None = None,
    step_s: float = 0.25,
) -> None:
    """Poll ``condition`` every ``step_s``; HarnessError if ``process`` exits first or the time runs out."""
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if condition():
            return
        if process is not None and process.poll() is not None:
            raise HarnessError(f"worker exited with status {process.returncode} while waiting for {what}")
        time.sleep(step_s)
    raise HarnessError(f"timed out after {timeout_s:.0f}s waiting for {what}")


LOG_TAIL_LINES = 60  # of an exited worker's log, shown with a failed test


class WorkerProcess:
    """One worker child process, its output in ``log``."""

    def __init__(self, env: dict[str, str], log: Path, cwd: Path | None = None) -> None:
        self.log = log
        self.web_port = free_port()
        command = [sys.executable, "-m", "streamguard", "worker", "--web-port", str(self.web_port)]
        with log.open("ab") as sink:
            self.process = subprocess.Popen(command, env=env, stdout=sink, stderr=subprocess.STDOUT, cwd=cwd)

    @property
    def pid(self) -> int:
        return self.process.pid

    def output(self) -> str:
        return self.log.read_text(errors="replace") if self.log.exists() else ""

    def wait_ready(self, timeout_s: float = 90) -> None:
        wait_until(lambda: READY_MESSAGE in self.output(), timeout_s, "the worker to read the rules", self.process)

    def wait_serving(self, raw_topic: str, timeout_s: float = 60) -> None:
        wait_until(lambda: f"serving {raw_topic} ->" in self.output(), timeout_s, f"serving {raw_topic}", self.process)

    def status(self) -> dict[str, Any]:
        """The worker's status page, ``/streamguard/status/``."""
        with urllib.request.urlopen(f"http://127.0.0.1:{self.web_port}/streamguard/status/", timeout=10) as page:
            return json.loads(page.read())  # type: ignore[no-any-return]

    def metrics(self) -> Scrape:
        """The worker's Prometheus metrics, ``/metrics``, scraped."""
        return Scrape.of(f"http://127.0.0.1:{self.web_port}/metrics")

    def stacks(self) -> str:
        """Every thread's Python stack, read from outside by py-spy (a stalled worker's, before it is stopped);
        for a worker that exited, its exit code and the end of its log (the log never holds record values)."""
        if (code := self.process.poll()) is not None:
            tail = "\n".join(self.output().splitlines()[-LOG_TAIL_LINES:])
            return f"the worker exited with code {code}; the end of its log:\n{tail}"
        py_spy = Path(sys.executable).with_name("py-spy")
        done = subprocess.run([str(py_spy), "dump", "--pid", str(self.pid)], capture_output=True, text=True, timeout=60)
        return done.stdout + done.stderr

    def kill(self) -> None:
        """kill -9: no shutdown, no flush, no commit (crash tests)."""
        self.process.send_signal(signal.SIGKILL)
        self.process.wait(10)

    def stop(self, timeout_s: float = 20) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout_s)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(5)
