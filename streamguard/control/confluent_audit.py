"""A platform's broker audit log in Confluent's format (pure): CloudEvents JSON in, authorization decisions out.

Confluent Server (Confluent Platform) and Confluent Cloud write one CloudEvents record per authorization check
to an audit-log topic (``confluent-audit-log-events`` by default)::

    {"specversion": "1.0", "id": "…", "type": "io.confluent.kafka.server/authorization",
     "source": "crn://confluent.cloud/kafka=lkc-a1b2c", "subject": "crn://…/kafka=lkc-a1b2c/group=analytics-1",
     "time": "2021-01-01T12:34:56.789Z", "datacontenttype": "application/json",
     "data": {"serviceName": "crn://…/kafka=lkc-a1b2c", "methodName": "kafka.JoinGroup",
              "resourceName": "crn://…/kafka=lkc-a1b2c/group=analytics-1",
              "authenticationInfo": {"principal": "User:ana"},
              "authorizationInfo": {"granted": true, "operation": "Read", "resourceType": "Group",
                                    "resourceName": "analytics-1", "patternType": "LITERAL"},
              "request": {"correlationId": "…", "clientId": "…"}, "requestMetadata": {…}}}

The fields relied on, as Confluent's documentation describes them ("Audit Log Event Records", "Audit Log Event
Schema" and "Kafka Cluster Authentication and Authorization Auditable Event Methods" for Confluent Cloud;
"Auditable Events in Confluent Platform"): ``specversion`` (``1.0``), ``type`` (only
``io.confluent.kafka.server/authorization`` is read; others, authentication and management requests, are
skipped), ``time``, ``data.methodName`` (``kafka.<Request>``: ``kafka.Fetch``, ``kafka.JoinGroup``,
``kafka.OffsetCommit``; other services' methods such as ``mds.Authorize`` are skipped), ``data.resourceName``
(or ``subject``) for the cluster, its ``kafka=<cluster id>`` segment, ``data.authenticationInfo.principal``
(``User:<name>``), and ``data.authorizationInfo``'s ``granted``, ``operation`` (``Read``, ``DescribeConfigs``:
turned into Kafka's ACL names, ``READ``, ``DESCRIBE_CONFIGS``), ``resourceType`` (``Topic``, ``Group``: the names
Kafka's own authorizer log uses), ``resourceName`` and ``patternType``. The client's address is taken from
``data.requestMetadata.clientAddress`` where there is one (a string, or Confluent Cloud's ``[{"ip": …}]``).

Confluent Platform logs only management and authorize events by default: the consume events read evidence
needs (``kafka.Fetch``, ``kafka.JoinGroup``, ``kafka.OffsetCommit``…) come once the platform routes the
``consume`` category of ``crn:///kafka=*/group=*`` and ``crn:///kafka=*/topic=*`` to the topic.

An event that does not parse is rejected with the reason (the fields it lacks, never their values) and the
others are read on: one bad event never stops the rest.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC
from typing import Annotated, Any, Literal

from pydantic import AwareDatetime, BaseModel, Field, StrictBool, ValidationError

from streamguard.control.authorizer_log import AuthorizationDecision
from streamguard.control.read_sources import ReadSource
from streamguard.core.errors import EvidenceError

AUTHORIZATION = "io.confluent.kafka.server/authorization"
DEFAULT_TOPIC = "confluent-audit-log-events"
KAFKA_METHOD = "kafka."
_CLUSTER = re.compile(r"/kafka=([^/]+)")
_WORD_START = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")
_Name = Annotated[str, Field(min_length=1)]


class _AuthenticationInfo(BaseModel):
    principal: str = Field(pattern=r"^[^:\s]+:\S")  # Type:name, as Kafka names principals


class _AuthorizationInfo(BaseModel):
    granted: StrictBool
    operation: _Name
    resource_type: _Name = Field(alias="resourceType")
    resource_name: _Name = Field(alias="resourceName")
    pattern_type: _Name = Field(default="LITERAL", alias="patternType")


class _Data(BaseModel):
    method_name: _Name = Field(alias="methodName")
    resource_name: str | None = Field(default=None, alias="resourceName")
    authentication_info: _AuthenticationInfo = Field(alias="authenticationInfo")
    authorization_info: _AuthorizationInfo = Field(alias="authorizationInfo")
    request_metadata: dict[str, Any] = Field(default_factory=dict, alias="requestMetadata")


class _Event(BaseModel):
    specversion: Literal["1.0"]
    type: Literal["io.confluent.kafka.server/authorization"]
    time: AwareDatetime
    subject: str | None = None
    data: _Data


@dataclass(frozen=True)
class Rejected:
    """An event that is not a well-formed authorization event: where it was read and why not."""

    where: str
    reason: str


@dataclass
class AuditLogBatch:
    """What a read of the audit log gave: the decisions on this cluster, the events rejected, and how many
    well-formed events were skipped (another event type or service) or named another cluster (by its id)."""

    decisions: list[AuthorizationDecision] = field(default_factory=list)
    rejected: list[Rejected] = field(default_factory=list)
    skipped: int = 0
    other_clusters: dict[str, int] = field(default_factory=dict)


def parse_audit_log(records: Iterable[tuple[str, bytes | None]], cluster_id: str | None) -> AuditLogBatch:
    """The authorization decisions among ``records`` ((where, value) pairs, ``where`` naming topic, partition
    and offset), keeping only those on the cluster ``cluster_id`` (every cluster's with None)."""
    batch = AuditLogBatch()
    for where, value in records:
        try:
            decision, cluster = _decision(value)
        except EvidenceError as error:
            batch.rejected.append(Rejected(where, str(error)))
            continue
        if decision is None:
            batch.skipped += 1
        elif cluster_id is not None and cluster != cluster_id:
            batch.other_clusters[cluster] = batch.other_clusters.get(cluster, 0) + 1
        else:
            batch.decisions.append(decision)
    return batch


def _decision(value: bytes | None) -> tuple[AuthorizationDecision | None, str]:
    """The event's decision (None: skipped) and the id of the Kafka cluster it names."""
    if not value:
        raise EvidenceError("empty record")
    try:
        document = json.loads(value)
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise EvidenceError("not JSON") from None
    if not isinstance(document, dict):
        raise EvidenceError("not a JSON object")
    if document.get("type") != AUTHORIZATION:
        if not isinstance(document.get("type"), str):
            raise EvidenceError("missing or malformed: type")
        return None, ""
    try:
        event = _Event.model_validate(document)
    except ValidationError as error:
        raise EvidenceError(_fields(error)) from None
    data = event.data
    if not data.method_name.startswith(KAFKA_METHOD):
        return None, ""  # another service's authorization (mds.Authorize: an RBAC check of the platform's)
    cluster = _cluster_of(data.resource_name) or _cluster_of(event.subject)
    if cluster is None:
        raise EvidenceError("neither data.resourceName nor subject names a Kafka cluster (kafka=<id>)")
    info = data.authorization_info
    decision = AuthorizationDecision(
        at=event.time.astimezone(UTC),
        principal=data.authentication_info.principal,
        allowed=info.granted,
        operation=_WORD_START.sub("_", info.operation).upper(),
        host=_host(data.request_metadata),
        resource_type=info.resource_type,
        pattern=info.pattern_type,
        resource=info.resource_name,
        request=data.method_name.removeprefix(KAFKA_METHOD),
        source=ReadSource.AUDIT_LOG_TOPIC,
    )
    return decision, cluster


def _cluster_of(crn: str | None) -> str | None:
    match = _CLUSTER.search(crn or "")
    return match[1] if match else None


def _host(metadata: dict[str, Any]) -> str:
    """The client's address: Confluent Cloud lists ``[{"ip": …}]``; a plain string is taken as it is."""
    address = metadata.get("clientAddress")
    if isinstance(address, list) and address and isinstance(address[0], dict):
        address = address[0].get("ip")
    return address.lstrip("/") if isinstance(address, str) else ""


def _fields(error: ValidationError) -> str:
    """The fields a validation error names, never the values it found there."""
    problems = {".".join(str(part) for part in problem["loc"]) for problem in error.errors()}
    return "missing or malformed: " + ", ".join(sorted(problems))
