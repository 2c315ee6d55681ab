"""Exporting audit events to a SIEM, from where the command line runs: the sinks (file, HTTP, syslog), the
export cursor, and the driver. The server gives the events (``GET /api/events``); the SIEM need not be
reachable from it.

``export_events`` orders the events it is given by (``recorded_at``, chain key, ``seq``), keeps those after
the cursor (and at or after ``since``), turns them into documents (``streamguard.evidence.siem_formats``)
and hands them to a sink in batches. The cursor moves past a batch only once the sink has acknowledged it,
so an export that stops anywhere resumes without loss, sending again at most the batch it was in.

A sink is chosen by its target: ``http://`` or ``https://`` URLs POST each batch (a JSON array for ``ocsf``
and ``jsonl``, text lines for ``cef``), ``syslog://HOST:PORT`` sends RFC 5424 messages over TCP framed by
octet counting (RFC 6587), anything else is a file the lines are appended to. Messages and cursor files
name a target without its credentials or query string.
"""

from __future__ import annotations

import hashlib
import json
import os
import socket
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Protocol
from urllib.parse import urlsplit, urlunsplit

import httpx
from pydantic import BaseModel, ValidationError

from streamguard.core.errors import SiemExportError
from streamguard.evidence.audit import AuditEvent
from streamguard.evidence.export_order import CursorPosition, events_after
from streamguard.evidence.siem_formats import FORMATS, ExportedDocument, SiemFormatError, export_documents

DEFAULT_BATCH_SIZE = 500
SYSLOG_FACILITY_LOG_AUDIT = 13
# OCSF severity (1 Informational .. 6 Fatal) as a syslog severity (6 Informational .. 1 Alert).
_SYSLOG_SEVERITIES = {1: 6, 2: 5, 3: 4, 4: 3, 5: 2, 6: 1}
_SYSLOG_INFORMATIONAL = 6
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


def redact_target(target: str) -> str:
    """A target as it may be shown: a URL without user, password, query or fragment; a path as it is."""
    if "://" not in target:
        return target
    parts = urlsplit(target)
    netloc = parts.netloc.rpartition("@")[2]
    return urlunsplit((parts.scheme, netloc, parts.path, "", ""))


class Sink(Protocol):
    """Where exported documents go. ``send`` returns only once the batch is acknowledged, else raises."""

    @property
    def description(self) -> str: ...

    def send(self, documents: Sequence[ExportedDocument]) -> None: ...


def sink_for_target(target: str, *, http_headers: Mapping[str, str] | None = None) -> Sink:
    """The sink a target names: an HTTP(S) URL, ``syslog://HOST:PORT``, or a file path."""
    if target.startswith(("http://", "https://")):
        return HttpSink(target, headers=http_headers)
    if target.startswith("syslog://"):
        parts = urlsplit(target)
        try:
            port = parts.port
        except ValueError:
            port = None
        if not parts.hostname or port is None:
            raise SiemExportError(f"syslog target {redact_target(target)} needs a host and a port: syslog://HOST:PORT")
        return SyslogSink(parts.hostname, port)
    if "://" in target:
        raise SiemExportError(
            f"export target {redact_target(target)} has an unknown scheme: use a path, http(s)://... or syslog://"
        )
    return FileSink(Path(target))


@dataclass
class FileSink:
    """Appends one line per document to ``path``, synced to disk before the batch counts as acknowledged."""

    path: Path

    @property
    def description(self) -> str:
        return str(self.path)

    def send(self, documents: Sequence[ExportedDocument]) -> None:
        data = "".join(f"{document.line()}\n" for document in documents).encode()
        try:
            with self.path.open("ab") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
        except OSError as error:
            raise SiemExportError(f"cannot append to export file {self.path}: {error.strerror}") from error


def _retrying(
    attempt: Callable[[], str | None], attempts: int, backoff_s: float, sleep: Callable[[float], None]
) -> str | None:
    """Runs ``attempt`` until it succeeds (returns None) or ``attempts`` have failed, doubling the pause
    between tries; returns the last failure's description. A failure not worth retrying raises instead."""
    problem: str | None = "no attempt was allowed"
    for number in range(attempts):
        if number:
            sleep(backoff_s * 2 ** (number - 1))
        problem = attempt()
        if problem is None:
            return None
    return problem


class HttpSink:
    """POSTs each batch to a URL: a JSON array of the documents, or CEF lines as text.

    Connection errors, timeouts, 429 and 5xx answers are retried with exponential backoff; any other
    answer but 2xx fails at once. Credentials in the URL are sent as HTTP basic authentication."""

    def __init__(
        self,
        url: str,
        *,
        headers: Mapping[str, str] | None = None,
        timeout_s: float = 10.0,
        attempts: int = 5,
        backoff_s: float = 0.5,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self._url, self._headers = url, dict(headers or {})
        self._timeout_s, self._attempts, self._backoff_s, self._sleep = timeout_s, attempts, backoff_s, sleep
        self.description = redact_target(url)

    def send(self, documents: Sequence[ExportedDocument]) -> None:
        body, content_type = _http_body(documents)
        headers = self._headers | {"Content-Type": content_type}
        with httpx.Client(timeout=self._timeout_s) as client:
            problem = _retrying(lambda: self._post(client, body, headers), self._attempts, self._backoff_s, self._sleep)
        if problem is not None:
            raise SiemExportError(
                f"HTTP export to {self.description} failed after {self._attempts} attempts: {problem}"
            )

    def _post(self, client: httpx.Client, body: bytes, headers: dict[str, str]) -> str | None:
        try:
            response = client.post(self._url, content=body, headers=headers)
        except httpx.TransportError as error:  # its text may quote the URL, credentials and all
            return type(error).__name__
        if response.is_success:
            return None
        if response.status_code == 429 or response.status_code >= 500:
            return f"HTTP {response.status_code}"
        raise SiemExportError(f"HTTP export to {self.description} was refused: HTTP {response.status_code}")


def _http_body(documents: Sequence[ExportedDocument]) -> tuple[bytes, str]:
    objects = [document.content for document in documents if isinstance(document.content, dict)]
    if len(objects) == len(documents):
        return json.dumps(objects, ensure_ascii=False, separators=(",", ":")).encode(), "application/json"
    return "".join(f"{document.line()}\n" for document in documents).encode(), "text/plain; charset=utf-8"


class SyslogSink:
    """Sends each document as an RFC 5424 message (facility log audit) over TCP, framed by octet counting.

    TCP syslog has no acknowledgement: a batch counts as delivered once its connection took every byte and
    closed without error. A batch whose connection fails is sent again whole (retried with backoff)."""

    def __init__(
        self,
        host: str,
        port: int,
        *,
        app_name: str = "streamguard",
        timeout_s: float = 10.0,
        attempts: int = 3,
        backoff_s: float = 0.5,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self._address = (host, port)
        self._app_name = app_name
        self._hostname = _syslog_name(socket.gethostname(), 255)
        self._timeout_s, self._attempts, self._backoff_s, self._sleep = timeout_s, attempts, backoff_s, sleep
        self.description = f"syslog://{host}:{port}"

    def send(self, documents: Sequence[ExportedDocument]) -> None:
        frames = b"".join(octet_counted(self.message(document)) for document in documents)
        problem = _retrying(lambda: self._deliver(frames), self._attempts, self._backoff_s, self._sleep)
        if problem is not None:
            raise SiemExportError(
                f"syslog export to {self.description} failed after {self._attempts} attempts: {problem}"
            )

    def _deliver(self, frames: bytes) -> str | None:
        try:
            with socket.create_connection(self._address, timeout=self._timeout_s) as connection:
                connection.sendall(frames)
        except OSError as error:
            return error.strerror or type(error).__name__
        return None

    def message(self, document: ExportedDocument) -> bytes:
        """``<PRI>1 TIMESTAMP HOSTNAME APP-NAME PROCID MSGID - MSG``: no structured data, the document as MSG."""
        severity = _SYSLOG_SEVERITIES.get(document.severity_id, _SYSLOG_INFORMATIONAL)
        timestamp = (_EPOCH + timedelta(milliseconds=document.time_ms)).isoformat(timespec="milliseconds")
        header = " ".join(
            [
                f"<{SYSLOG_FACILITY_LOG_AUDIT * 8 + severity}>1",
                timestamp.replace("+00:00", "Z"),
                self._hostname,
                _syslog_name(self._app_name, 48),
                str(os.getpid()),
                _syslog_name(document.document_type, 32),
                "-",
            ]
        )
        return f"{header} {document.line()}".encode()


def _syslog_name(text: str, limit: int) -> str:
    """An RFC 5424 header field: printable US-ASCII without spaces, at most ``limit`` long, else ``-``."""
    name = "".join(char for char in text if 33 <= ord(char) <= 126)[:limit]
    return name or "-"


def octet_counted(message: bytes) -> bytes:
    """RFC 6587 octet-counting framing: the message's length in bytes, a space, the message."""
    return b"%d %s" % (len(message), message)


class _CursorFile(BaseModel):
    target: str
    format: str
    position: CursorPosition


class ExportCursor:
    """Where the export of one format to one target stopped, in a small JSON file under ``directory``.

    The file is named after the format and a digest of the target (a URL without credentials, so rotating
    a password keeps the cursor; a file by its absolute path), and is replaced atomically (temporary file,
    fsync, rename)."""

    def __init__(self, directory: Path, target: str, format: str) -> None:
        # A file is one file from wherever the export runs; a URL is named without its credentials.
        self.target = redact_target(target) if "://" in target else str(Path(target).resolve())
        self.format = format
        digest = hashlib.sha256(f"{format}\n{self.target}".encode()).hexdigest()[:16]
        self.directory = directory
        self.path = directory / f"{format}-{digest}.json"

    def load(self) -> CursorPosition | None:
        try:
            text = self.path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return None
        except OSError as error:
            raise SiemExportError(f"cannot read export cursor {self.path}: {error.strerror}") from error
        try:
            return _CursorFile.model_validate_json(text).position
        except ValidationError as error:
            first = error.errors()[0]
            where = ".".join(map(str, first["loc"])) or "the file"
            raise SiemExportError(f"export cursor {self.path} is not valid: {where}: {first['msg']}") from error

    def save(self, position: CursorPosition) -> None:
        data = _CursorFile(target=self.target, format=self.format, position=position).model_dump_json(indent=1)
        try:
            self.directory.mkdir(parents=True, exist_ok=True)
            descriptor, temporary = tempfile.mkstemp(dir=self.directory, prefix=f".{self.path.name}.", suffix=".tmp")
            try:
                with os.fdopen(descriptor, "wb") as handle:
                    handle.write(data.encode())
                    handle.flush()
                    os.fsync(handle.fileno())
                os.replace(temporary, self.path)
            finally:
                Path(temporary).unlink(missing_ok=True)
            _fsync_directory(self.directory)
        except OSError as error:
            raise SiemExportError(f"cannot write export cursor {self.path}: {error.strerror}") from error


def _fsync_directory(directory: Path) -> None:
    """Makes a rename in ``directory`` durable: the directory entry itself is synced."""
    descriptor = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


@dataclass
class ExportStats:
    """What one call of ``export_events`` sent: events, batches, documents per type, and the cursor after."""

    events: int = 0
    batches: int = 0
    documents: Counter[str] = field(default_factory=Counter)
    position: CursorPosition | None = None


def export_events(
    events: Iterable[AuditEvent],
    format: str,
    sink: Sink,
    cursor: ExportCursor,
    *,
    since: datetime | None = None,
    batch_size: int = DEFAULT_BATCH_SIZE,
) -> ExportStats:
    """Exports the events after ``cursor`` (and at or after ``since``; a naive time is UTC) in ``format``.

    Raises ``SiemExportError`` when the sink fails a batch: the cursor then stands after the last batch
    the sink acknowledged."""
    if format not in FORMATS:
        raise SiemFormatError(f"unknown export format {format!r}: expected one of {', '.join(FORMATS)}")
    position = cursor.load()
    pending = events_after(events, position, since)
    stats = ExportStats(position=position)
    for start in range(0, len(pending), batch_size):
        batch = pending[start : start + batch_size]
        documents = [document for event in batch for document in export_documents(event, format)]
        sink.send(documents)
        stats.position = CursorPosition.of(batch[-1])
        cursor.save(stats.position)
        stats.events += len(batch)
        stats.batches += 1
        stats.documents.update(document.document_type for document in documents)
    return stats
