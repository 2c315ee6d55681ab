"""Ask a broker which protocol versions it speaks (Kafka's ApiVersions request, v0: the one every broker
answers before authentication, on every listener). librdkafka negotiates these but does not say; the doctor
shows them, and checks the one streamguard's exactly-once needs (TxnOffsetCommit v3+: KIP-447 fencing by the
group's generation, Kafka 2.5 and later)."""

from __future__ import annotations

import socket
import ssl
import struct

API_VERSIONS = 18
NAMES = {0: "Produce", 1: "Fetch", 22: "InitProducerId", 26: "EndTxn", 28: "TxnOffsetCommit"}
TXN_OFFSET_COMMIT = 28
_CLIENT_ID = b"streamguard-doctor"


def api_versions(host: str, port: int, tls: ssl.SSLContext | None = None, timeout_s: float = 10.0) -> dict[int, int]:
    """The highest version of each API the broker at ``host:port`` speaks (OSError if it cannot be asked)."""
    header = struct.pack(">hhih", API_VERSIONS, 0, 1, len(_CLIENT_ID)) + _CLIENT_ID
    with socket.create_connection((host, port), timeout=timeout_s) as raw:
        connection = tls.wrap_socket(raw, server_hostname=host) if tls else raw
        connection.sendall(struct.pack(">i", len(header)) + header)
        (size,) = struct.unpack(">i", _read(connection, 4))
        body = _read(connection, size)
    _correlation, error, count = struct.unpack(">ihi", body[:10])
    if error:
        raise OSError(f"ApiVersions refused with error code {error}")
    entries = (struct.unpack(">hhh", body[10 + 6 * i : 16 + 6 * i]) for i in range(count))
    return {key: highest for key, _lowest, highest in entries}


def _read(connection: socket.socket, size: int) -> bytes:
    data = b""
    while len(data) < size:
        chunk = connection.recv(size - len(data))
        if not chunk:
            raise OSError("the broker closed the connection")
        data += chunk
    return data
