"""SIEM export: file, HTTP and syslog sinks against local servers, and a cursor that resumes without loss."""

from __future__ import annotations

import base64
import json
import queue
import re
import socket
import socketserver
import threading
from collections.abc import Iterator, Sequence
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from streamguard.app.cli.siem_export import (
    ExportCursor,
    FileSink,
    HttpSink,
    SiemExportError,
    SyslogSink,
    export_events,
    sink_for_target,
)
from streamguard.evidence.audit import GENESIS_HASH, AuditEvent, SourceSpan
from streamguard.evidence.export_order import CursorPosition
from streamguard.evidence.siem_formats import ExportedDocument, SiemFormatError


def _event(partition: int, seq: int, second: int, *, dataset: str = "orders", entities: int = 0) -> AuditEvent:
    return AuditEvent(
        event_id=f"ev-{partition}-{seq}",
        recorded_at=f"2026-03-01T12:00:{second:02d}.000Z",
        worker="worker-1",
        dataset=dataset,
        source=SourceSpan(topic="raw.orders", partition=partition, first_offset=seq * 10, last_offset=seq * 10 + 9),
        identities={"User:orders-svc": 10},
        delivered=[(seq * 10, seq * 10 + 9)],
        input_digest="cd",
        entity_counts={"PERSON": entities},
    ).sealed(seq, GENESIS_HASH)


def _events(count: int, first_second: int = 0) -> list[AuditEvent]:
    """Events of two partitions' chains, two to a second: ordered by time, then chain, then seq."""
    return [_event(n % 2, n // 2, first_second + n // 2) for n in range(count)]


def _lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").splitlines()


class _FailingSink:
    """Acknowledges the first ``good`` batches, then fails every one."""

    description = "failing"

    def __init__(self, good: int) -> None:
        self.good, self.batches = good, []

    def send(self, documents: Sequence[ExportedDocument]) -> None:
        if len(self.batches) >= self.good:
            raise SiemExportError("the sink is down")
        self.batches.append(list(documents))


# File sink and cursor


def test_a_file_export_resumes_with_only_the_new_events(tmp_path: Path) -> None:
    out, cursors = tmp_path / "audit.jsonl", tmp_path / "cursors"
    cursor = ExportCursor(cursors, str(out), "jsonl")
    first = export_events(_events(6), "jsonl", FileSink(out), cursor, batch_size=4)
    assert (first.events, first.batches, dict(first.documents)) == (6, 2, {"audit_event": 6})
    second = export_events(_events(9), "jsonl", FileSink(out), cursor, batch_size=4)
    assert (second.events, second.batches) == (3, 1)
    exported = [json.loads(line)["hash"] for line in _lines(out)]
    assert exported == [event.hash for event in _events(9)]
    assert export_events(_events(9), "jsonl", FileSink(out), cursor).events == 0


def test_events_are_exported_by_time_then_chain_then_seq(tmp_path: Path) -> None:
    out = tmp_path / "audit.jsonl"
    events = _events(8)
    export_events(reversed(events), "jsonl", FileSink(out), ExportCursor(tmp_path, str(out), "jsonl"))
    assert [json.loads(line)["event_id"] for line in _lines(out)] == [event.event_id for event in events]


def test_since_leaves_out_older_events(tmp_path: Path) -> None:
    out = tmp_path / "audit.jsonl"
    since = datetime(2026, 3, 1, 12, 0, 2, tzinfo=UTC)
    stats = export_events(_events(8), "jsonl", FileSink(out), ExportCursor(tmp_path, str(out), "jsonl"), since=since)
    assert stats.events == 4
    assert {json.loads(line)["recorded_at"] for line in _lines(out)} == {
        "2026-03-01T12:00:02.000Z",
        "2026-03-01T12:00:03.000Z",
    }


def test_ocsf_counts_documents_per_type(tmp_path: Path) -> None:
    out = tmp_path / "audit.ocsf.jsonl"
    events = [_event(0, 0, 0, entities=3), _event(0, 1, 1), _event(1, 0, 1, entities=1)]
    stats = export_events(events, "ocsf", FileSink(out), ExportCursor(tmp_path, str(out), "ocsf"))
    assert dict(stats.documents) == {"api_activity": 3, "data_security_finding": 2}
    assert [json.loads(line)["class_uid"] for line in _lines(out)] == [6003, 2006, 6003, 6003, 2006]


def test_a_sink_failure_leaves_the_cursor_after_the_last_acknowledged_batch(tmp_path: Path) -> None:
    events = _events(10)
    cursor = ExportCursor(tmp_path, "failing", "cef")
    failing = _FailingSink(good=2)
    with pytest.raises(SiemExportError, match="the sink is down"):
        export_events(events, "cef", failing, cursor, batch_size=3)
    assert cursor.load() == CursorPosition.of(events[5])
    resumed = _FailingSink(good=10)
    assert export_events(events, "cef", resumed, cursor, batch_size=3).events == 4
    sent = [document.event_hash for batch in failing.batches + resumed.batches for document in batch]
    assert sent == [event.hash for event in events]


def test_evidence_changed_at_the_cursor_is_an_error(tmp_path: Path) -> None:
    cursor = ExportCursor(tmp_path, "failing", "jsonl")
    export_events(_events(2), "jsonl", _FailingSink(good=1), cursor)
    forged = _event(1, 0, 0, dataset="forged")
    with pytest.raises(SiemExportError, match=r"raw\.orders:1 seq 0\) has hash .* the evidence changed"):
        export_events([_events(2)[0], forged], "jsonl", _FailingSink(good=1), cursor)


def test_the_cursor_file_is_replaced_whole_and_names_no_credentials(tmp_path: Path) -> None:
    target = "https://exporter:s3cret@siem.example:8088/ingest?token=t0ken"
    cursor = ExportCursor(tmp_path / "cursors", target, "ocsf")
    position = CursorPosition.of(_events(1)[0])
    cursor.save(position)
    assert ExportCursor(tmp_path / "cursors", target.replace("s3cret", "rotated"), "ocsf").load() == position
    assert [path.name for path in (tmp_path / "cursors").iterdir()] == [cursor.path.name]
    assert cursor.path.name.startswith("ocsf-")
    text = cursor.path.read_text()
    assert "s3cret" not in text
    assert "t0ken" not in text
    assert json.loads(text)["target"] == "https://siem.example:8088/ingest"


def test_a_broken_cursor_file_is_named(tmp_path: Path) -> None:
    cursor = ExportCursor(tmp_path, "out.jsonl", "jsonl")
    cursor.path.write_text('{"target": "out.jsonl", "format": "jsonl", "position": {"seq": "x"}}')
    with pytest.raises(SiemExportError, match=rf"export cursor {re.escape(str(cursor.path))} is not valid: position"):
        cursor.load()


def test_a_cursor_time_that_is_no_time_is_named(tmp_path: Path) -> None:
    cursor = ExportCursor(tmp_path, "out.jsonl", "jsonl")
    position = {"recorded_at": "yesterday", "chain": "raw.orders:0", "seq": 1, "hash": "ab"}
    cursor.path.write_text(json.dumps({"target": "out.jsonl", "format": "jsonl", "position": position}))
    with pytest.raises(SiemExportError, match=r"position\.recorded_at: .*'yesterday' is not an ISO-8601 time"):
        cursor.load()


def test_an_unknown_format_is_refused_before_anything_is_sent(tmp_path: Path) -> None:
    sink = _FailingSink(good=0)
    with pytest.raises(SiemFormatError, match="unknown export format 'xml'"):
        export_events(_events(1), "xml", sink, ExportCursor(tmp_path, "x", "xml"))


def test_a_missing_directory_is_a_named_sink_error(tmp_path: Path) -> None:
    out = tmp_path / "no" / "such" / "audit.jsonl"
    with pytest.raises(SiemExportError, match=rf"cannot append to export file {re.escape(str(out))}"):
        FileSink(out).send([])


# Targets


def test_a_target_names_its_sink() -> None:
    assert isinstance(sink_for_target("exports/audit.cef"), FileSink)
    assert isinstance(sink_for_target("https://siem.example/ingest"), HttpSink)
    syslog = sink_for_target("syslog://collector.example:6514")
    assert isinstance(syslog, SyslogSink)
    assert syslog.description == "syslog://collector.example:6514"
    with pytest.raises(SiemExportError, match="needs a host and a port"):
        sink_for_target("syslog://collector.example")
    with pytest.raises(SiemExportError, match=r"ftp://files.example/x has an unknown scheme"):
        sink_for_target("ftp://user:pw@files.example/x")


# HTTP


class _Recorder(BaseHTTPRequestHandler):
    def do_POST(self) -> None:
        body = self.rfile.read(int(self.headers["Content-Length"]))
        self.server.requests.append((dict(self.headers), body))  # type: ignore[attr-defined]
        statuses = self.server.statuses  # type: ignore[attr-defined]
        self.send_response(statuses.pop(0) if statuses else 200)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, format: str, *args: object) -> None:
        """Quiet: the tests read what was received."""


@pytest.fixture
def http_server() -> Iterator[ThreadingHTTPServer]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Recorder)
    server.requests, server.statuses = [], []  # type: ignore[attr-defined]
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()
    thread.join()


def _url(server: ThreadingHTTPServer, userinfo: str = "") -> str:
    return f"http://{userinfo}127.0.0.1:{server.server_address[1]}/ingest"


def test_http_posts_a_json_array_per_batch_and_retries_a_503(http_server: ThreadingHTTPServer, tmp_path: Path) -> None:
    http_server.statuses.append(503)  # type: ignore[attr-defined]
    pauses: list[float] = []
    sink = HttpSink(_url(http_server), sleep=pauses.append, backoff_s=0.25)
    events = [_event(0, 0, 0, entities=2), _event(0, 1, 1)]
    stats = export_events(events, "ocsf", sink, ExportCursor(tmp_path, _url(http_server), "ocsf"))
    assert stats.batches == 1
    requests = http_server.requests  # type: ignore[attr-defined]
    assert len(requests) == 2
    assert pauses == [0.25]
    headers, body = requests[1]
    assert headers["Content-Type"] == "application/json"
    documents = json.loads(body)
    assert [d["class_uid"] for d in documents] == [6003, 2006, 6003]
    assert [d["metadata"]["correlation_uid"] for d in documents] == [events[0].hash] * 2 + [events[1].hash]


def test_http_sends_cef_as_text_lines(http_server: ThreadingHTTPServer, tmp_path: Path) -> None:
    sink = HttpSink(_url(http_server))
    export_events(_events(3), "cef", sink, ExportCursor(tmp_path, _url(http_server), "cef"), batch_size=2)
    requests = http_server.requests  # type: ignore[attr-defined]
    assert [len(body.decode().splitlines()) for _, body in requests] == [2, 1]
    assert requests[0][0]["Content-Type"] == "text/plain; charset=utf-8"
    assert all(line.startswith("CEF:0|streamguard|") for _, body in requests for line in body.decode().splitlines())


def test_http_gives_up_naming_the_url_without_its_credentials(http_server: ThreadingHTTPServer) -> None:
    http_server.statuses.extend([503, 502, 500])  # type: ignore[attr-defined]
    sink = HttpSink(_url(http_server, "exporter:s3cret@") + "?token=t0ken", attempts=3, sleep=lambda _: None)
    with pytest.raises(SiemExportError) as raised:
        sink.send([])
    message = str(raised.value)
    assert message == f"HTTP export to {_url(http_server)} failed after 3 attempts: HTTP 500"
    headers, _ = http_server.requests[0]  # type: ignore[attr-defined]
    assert headers["Authorization"] == "Basic " + base64.b64encode(b"exporter:s3cret").decode()


def test_http_does_not_retry_a_refusal(http_server: ThreadingHTTPServer) -> None:
    http_server.statuses.append(400)  # type: ignore[attr-defined]
    with pytest.raises(SiemExportError, match="was refused: HTTP 400"):
        HttpSink(_url(http_server), sleep=lambda _: None).send([])
    assert len(http_server.requests) == 1  # type: ignore[attr-defined]


def _closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_http_connection_errors_are_retried_then_named() -> None:
    pauses: list[float] = []
    sink = HttpSink(f"http://127.0.0.1:{_closed_port()}/ingest", attempts=3, backoff_s=1, sleep=pauses.append)
    with pytest.raises(SiemExportError, match="failed after 3 attempts: ConnectError"):
        sink.send([])
    assert pauses == [1, 2]


# Syslog


class _Collector(socketserver.BaseRequestHandler):
    def handle(self) -> None:
        chunks = iter(lambda: self.request.recv(65536), b"")
        self.server.connections.put(b"".join(chunks))  # type: ignore[attr-defined]


@pytest.fixture
def syslog_server() -> Iterator[socketserver.ThreadingTCPServer]:
    server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), _Collector)
    server.daemon_threads = True
    server.connections = queue.Queue()  # type: ignore[attr-defined]
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()
    thread.join()


def _octet_frames(stream: bytes) -> list[bytes]:
    """RFC 6587 octet counting: MSG-LEN SP SYSLOG-MSG, again and again."""
    frames = []
    while stream:
        length, _, rest = stream.partition(b" ")
        assert length.isdigit(), stream[:40]
        frames.append(rest[: int(length)])
        stream = rest[int(length) :]
    return frames


_RFC5424 = re.compile(rb"<(\d+)>1 (\S+) (\S+) streamguard (\d+) (\S+) - (.*)", re.DOTALL)


def test_syslog_sends_rfc5424_messages_framed_by_octet_counting(
    syslog_server: socketserver.ThreadingTCPServer, tmp_path: Path
) -> None:
    host, port = syslog_server.server_address
    sink = sink_for_target(f"syslog://{host}:{port}")
    events = [_event(0, 0, 0, dataset="Zürich 東京", entities=1), _event(0, 1, 1, dataset="Zürich")]
    export_events(events, "cef", sink, ExportCursor(tmp_path, f"syslog://{host}:{port}", "cef"))
    frames = _octet_frames(syslog_server.connections.get(timeout=5))  # type: ignore[attr-defined]
    assert len(frames) == 3
    parsed = [_RFC5424.fullmatch(frame) for frame in frames]
    assert all(parsed), frames
    assert [m.group(5) for m in parsed] == [b"api_activity", b"data_security_finding", b"api_activity"]  # type: ignore[union-attr]
    assert {m.group(1) for m in parsed} == {b"110"}  # type: ignore[union-attr]  # log audit (13), informational
    assert parsed[0].group(2) == b"2026-03-01T12:00:00.000Z"  # type: ignore[union-attr]
    messages = [m.group(6).decode() for m in parsed]  # type: ignore[union-attr]
    assert "cs4=Zürich 東京" in messages[0]
    assert f"cs1={events[1].hash}" in messages[2]


def test_syslog_severity_follows_the_document(syslog_server: socketserver.ThreadingTCPServer) -> None:
    host, port = syslog_server.server_address
    quarantine = ExportedDocument("api_activity", "h", 0, 0, 2, "x")  # OCSF Low
    purge = ExportedDocument("api_activity", "h", 1, 0, 3, "y")  # OCSF Medium
    SyslogSink(host, port).send([quarantine, purge])
    frames = _octet_frames(syslog_server.connections.get(timeout=5))  # type: ignore[attr-defined]
    assert [frame.split(b">")[0] for frame in frames] == [b"<109", b"<108"]  # notice, warning


def test_syslog_connection_errors_are_retried_then_named() -> None:
    pauses: list[float] = []
    sink = SyslogSink("127.0.0.1", _closed_port(), attempts=2, sleep=pauses.append)
    with pytest.raises(SiemExportError, match=r"syslog export to syslog://127\.0\.0\.1:\d+ failed after 2 attempts"):
        sink.send([ExportedDocument("audit_event", "h", 0, 0, 1, "x")])
    assert pauses == [0.5]
