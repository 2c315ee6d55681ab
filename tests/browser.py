"""Headless Chromium for the tests that look at a page as a browser renders it.

``chromium_binary`` finds Debian's ``chromium``, installs it with apt-get when it is missing (as root), and
skips the test, saying why, only when it cannot be installed. ``run_chromium`` runs it offline-minded (no
background networking, a throwaway profile) and ends everything it started if it hangs. ``html_tables``
reads a page's data tables back as text, as a reader would see them.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest

from tests.debian_packages import install_debian_package

_HEADLESS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run")


def chromium_binary() -> Path:
    """Chromium's executable; installs Debian's ``chromium`` package first when it is missing."""
    found = shutil.which("chromium")
    if found:
        return Path(found)
    why_not = install_debian_package("chromium")
    found = shutil.which("chromium")
    if why_not or not found:
        pytest.skip(
            f"chromium is not installed and cannot be installed: {why_not or 'apt-get put no chromium on PATH'}"
        )
    return Path(found)


def run_chromium(binary: Path, profile: Path, *arguments: str, timeout: float = 120) -> str:
    """Chromium's standard output for ``arguments``, run headless with the profile directory ``profile``."""
    command = [str(binary), *_HEADLESS, f"--user-data-dir={profile}", *arguments]
    # A session of its own, so a hung browser is ended with every process it forked, and nothing else.
    process = subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True
    )
    try:
        output, errors = process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.communicate()
        raise AssertionError(f"chromium did not finish within {timeout} s: {' '.join(arguments)}") from None
    assert process.returncode == 0, f"chromium exited {process.returncode}: {errors.strip()[-2000:]}"
    return output


TableKey = tuple[str, str]


class _TableReader(HTMLParser):
    """The body rows of every ``<table data-section=...>``, as the text of their cells."""

    def __init__(self) -> None:
        super().__init__()
        self.tables: dict[TableKey, list[list[str]]] = {}
        self._table: TableKey | None = None
        self._in_body = False
        self._cell: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        if tag == "table" and "data-section" in attributes:
            self._table = (attributes["data-section"] or "", attributes.get("data-dataset") or "")
            assert self._table not in self.tables, f"two tables {self._table}"
            self.tables[self._table] = []
        elif self._table and tag == "tbody":
            self._in_body = True
        elif self._table and self._in_body and tag == "tr":
            self.tables[self._table].append([])
        elif self._table and self._in_body and tag in ("td", "th"):
            self._cell = []

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th") and self._table and self._cell is not None:
            self.tables[self._table][-1].append(" ".join("".join(self._cell).split()))
            self._cell = None
        elif tag == "tbody":
            self._in_body = False
        elif tag == "table":
            self._table = None

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.append(data)


def html_tables(html: str) -> dict[TableKey, list[list[str]]]:
    """(data-section, data-dataset) -> the table's body rows, each a list of its cells' text."""
    reader = _TableReader()
    reader.feed(html)
    reader.close()
    return reader.tables
