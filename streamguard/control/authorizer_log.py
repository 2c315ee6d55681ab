"""The broker's authorization decisions, parsed from its authorizer log (pure: text in, decisions out).

Kafka's ``kafka.authorizer.logger`` writes one line per decision; streamguard's broker config lays it out as
``[<ISO-8601 UTC time>] <level> <message>``, grants at DEBUG and denials at INFO::

    [2026-12-01T19:20:30,779] DEBUG Principal = User:ana is Allowed operation = READ from host = 127.0.0.1
    on resource = Topic:LITERAL:governed.customers.analytics for request = Fetch with resourceRefCount = 2
    based on rule MatchingAcl(...)

(one line in the file). The log is read while the broker writes it, so a chunk of it may end inside a line:
``complete_lines`` keeps such a tail for the next read, and a line that is not a whole decision parses to None.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime

from streamguard.control.read_sources import ReadSource

_DECISION = re.compile(
    r"\[(?P<at>[0-9T:,.+\-Z ]+)\] \w+ Principal = (?P<principal>.+?) is (?P<verdict>Allowed|Denied)"
    r" operation = (?P<operation>\w+) from host = (?P<host>\S+)"
    r" on resource = (?P<type>\w+):(?P<pattern>\w+):(?P<resource>.+?)"
    r" for request = (?P<request>\w+) with resourceRefCount = \d+ based on rule \S.*"
)
_USER = "User:"


@dataclass(frozen=True)
class AuthorizationDecision:
    """One decision: ``principal`` as Kafka names it (``User:ana``), ``resource_type`` ``Topic``, ``Group``,
    ``Cluster`` or ``TransactionalId``, ``pattern`` the resource's pattern type (``LITERAL``), ``operation`` as
    Kafka's ACLs name it (``READ``, ``DESCRIBE_CONFIGS``), ``request`` the API (``Fetch``, ``OffsetCommit``);
    ``source`` the log it was read from (this one's, or a platform's audit-log topic: ``confluent_audit``)."""

    at: datetime
    principal: str
    allowed: bool
    operation: str
    host: str
    resource_type: str
    pattern: str
    resource: str
    request: str
    source: ReadSource = ReadSource.AUTHORIZER_LOG

    @property
    def kafka_user(self) -> str | None:
        """The SCRAM user behind the principal; None for other principal types."""
        return self.principal[len(_USER) :] if self.principal.startswith(_USER) else None

    def reads_topic(self) -> bool:
        return self.allowed and self.operation == "READ" and self.resource_type == "Topic"

    def reads_group(self, group_id: str | None = None) -> bool:
        """A consumer acting for a group (join, heartbeat, commit); DESCRIBE (admin tools) does not count."""
        return (
            self.allowed
            and self.operation == "READ"
            and self.resource_type == "Group"
            and (group_id is None or self.resource == group_id)
        )


def parse_decision(line: str) -> AuthorizationDecision | None:
    """The decision one log line records; None for any other line, a cut-off one included."""
    match = _DECISION.fullmatch(line.rstrip("\r\n"))
    if match is None:
        return None
    try:
        at = datetime.fromisoformat(match["at"].replace(",", "."))
    except ValueError:
        return None
    return AuthorizationDecision(
        at=at.replace(tzinfo=UTC) if at.tzinfo is None else at.astimezone(UTC),  # the layout writes UTC
        principal=match["principal"],
        allowed=match["verdict"] == "Allowed",
        operation=match["operation"],
        host=match["host"],
        resource_type=match["type"],
        pattern=match["pattern"],
        resource=match["resource"],
        request=match["request"],
    )


def complete_lines(chunk: bytes) -> tuple[list[str], int]:
    """The whole lines of ``chunk`` and how many bytes they take: a last line without its newline is still
    being written and is left for the next read."""
    end = chunk.rfind(b"\n") + 1
    return chunk[:end].decode("utf-8", errors="replace").splitlines(), end


def parse_decisions(chunk: bytes) -> tuple[list[AuthorizationDecision], int]:
    """The decisions in the whole lines of ``chunk``, and the bytes consumed (see ``complete_lines``)."""
    lines, consumed = complete_lines(chunk)
    return [decision for decision in map(parse_decision, lines) if decision is not None], consumed
