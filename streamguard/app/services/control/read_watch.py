"""Watch who reads what: one observation of the consumer groups and of the logs that show principals, recorded
as read evidence in the audit stream, and the monitoring rules run over it.

An observation compares a snapshot of the groups with the previous one (kept in the evidence store's cursor
table beside the logs' positions and the monitoring state, so one-shot runs compose), records the offsets
that moved as ONE ``access`` operation event, and each new alert as an ``alert`` event, announced to the
policy's webhook too (best effort, ``app.webhook``). The cursors are written only after the events are: a run
that fails before that is observed again, whole, by the next one (an event may then be recorded twice; never
lost). The principals come from the local broker's authorizer log and a platform's audit-log topic
(``STREAMGUARD_AUDIT_LOG_TOPIC``), whichever are there; with neither (a broker streamguard does not run, whose
platform keeps no audit-log topic) they are inferred from the groups' prefixes (``control.read_evidence``).
"""

from __future__ import annotations

import json
import logging
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from confluent_kafka.admin import AdminClient

from streamguard.agents.kafka_audit_log import read_audit_log
from streamguard.agents.kafka_groups import snapshot_groups
from streamguard.agents.kafka_operations import ControlChain
from streamguard.app.services.control.authorizer_tail import LogPosition, read_new_decisions
from streamguard.app.services.control.webhook import notify
from streamguard.app.services.evidence.verify import run_verification, trusted_keys
from streamguard.app.services.kafka_config import client_options
from streamguard.app.services.keyrings import deployment_keyring
from streamguard.app.settings import Settings
from streamguard.control.alerts import Alert, MonitorState
from streamguard.control.authorizer_log import AuthorizationDecision
from streamguard.control.monitoring import Observation, evaluate
from streamguard.control.policy import Policy
from streamguard.control.read_evidence import GroupsSnapshot, ReadProgress, access_operation, read_progress
from streamguard.control.read_sources import ReadSource
from streamguard.evidence.audit import ACCESS, ALERT, RECORDS, AuditEvent
from streamguard.store import EvidenceStore

log = logging.getLogger(__name__)

ACTOR = "streamguard:read-watch"
GROUPS_CURSOR = "read-watch:groups"
AUTHORIZER_LOG_CURSOR = "read-watch:authorizer-log"
AUDIT_LOG_CURSOR = "read-watch:audit-log-topic"
MONITORING_CURSOR = "monitoring:state"


@dataclass(frozen=True)
class ReadObservation:
    """What one observation found and recorded (``access_event`` None: no offset moved)."""

    progress: list[ReadProgress]
    alerts: list[Alert]
    decisions: int  # authorization decisions read (authorizer log and audit-log topic)
    access_event: AuditEvent | None
    alert_events: list[AuditEvent]


def local_authorizer_log(settings: Settings) -> Path | None:
    """The authorizer log of the broker streamguard runs itself; None for a broker elsewhere."""
    if settings.bootstrap:
        return None
    from streamguard.app.kafka_local import LocalBroker  # the local broker is a development convenience

    return LocalBroker.from_settings(settings).authorizer_log_path


def observe_reads(
    settings: Settings,
    policy: Policy,
    store: EvidenceStore,
    *,
    authorizer_log: Path | None,
    now: datetime | None = None,
    pending: Sequence[tuple[str, datetime]] = (),
    verification_problems: Sequence[str] | None = None,
) -> ReadObservation:
    """Observe once: snapshot the groups, read the new decisions of the authorizer log and the audit-log topic
    (those there are), record the read progress and the new alerts, notify the webhook, then save the
    cursors."""
    now = now or datetime.now(UTC)
    names = settings.topic_names
    options = client_options(settings)
    admin = AdminClient(options)
    saved_groups = store.cursor(GROUPS_CURSOR)
    previous = GroupsSnapshot.from_json(saved_groups) if saved_groups else None
    current = snapshot_groups(admin, names, now)
    decisions: list[AuthorizationDecision] = []
    sources: list[ReadSource] = []  # the observed ones there are
    position = None
    if authorizer_log is not None:
        saved_position = LogPosition.from_json(store.cursor(AUTHORIZER_LOG_CURSOR))
        decisions, position = read_new_decisions(authorizer_log, saved_position)
        sources.append(ReadSource.AUTHORIZER_LOG)
    audit_log = settings.audit_log_topic or None
    audit_positions: dict[int, int] | None = None
    if audit_log is not None:
        batch, audit_positions = read_audit_log(admin, options, audit_log, _saved_positions(store, audit_log))
        decisions += batch.decisions
        sources.append(ReadSource.AUDIT_LOG_TOPIC)
    progress = read_progress(previous, current, decisions, policy, names, infer=not sources)
    saved_state = store.cursor(MONITORING_CURSOR)
    state = MonitorState.from_json(saved_state) if saved_state else MonitorState()
    window = list(store.events(since=now - policy.monitoring.quarantine_window, kinds=[RECORDS]))
    observed = Observation(decisions, progress, previous is None, window, verification_problems, pending)
    alerts = evaluate(observed, policy, now, state)
    access_event, alert_events = None, []
    if progress or alerts:
        with ControlChain(options, names, deployment_keyring(settings), settings.log_origin) as chain:
            if progress:
                source = "+".join(["consumer-groups", *(sources or [ReadSource.GROUP_PREFIX])])
                operation = access_operation(progress, previous.taken_at if previous else None, source)
                access_event = chain.append(ACCESS, ACTOR, operation)
            alert_events = [chain.append(ALERT, ACTOR, alert.to_operation()) for alert in alerts]
    if policy.approvals.webhook and alert_events:
        announce_alerts(policy.approvals.webhook, list(zip(alerts, alert_events, strict=True)))
    store.set_cursor(GROUPS_CURSOR, current.to_json())
    if position is not None:
        store.set_cursor(AUTHORIZER_LOG_CURSOR, position.to_json())
    if audit_positions is not None:
        store.set_cursor(AUDIT_LOG_CURSOR, json.dumps({"topic": audit_log, "next": audit_positions}))
    store.set_cursor(MONITORING_CURSOR, state.to_json())
    return ReadObservation(progress, alerts, len(decisions), access_event, alert_events)


def _saved_positions(store: EvidenceStore, topic: str) -> dict[int, int]:
    """The audit-log topic's saved positions (partition -> next offset); none for another topic than saved."""
    saved = store.cursor(AUDIT_LOG_CURSOR)
    cursor = json.loads(saved) if saved else {}
    return {int(p): offset for p, offset in cursor["next"].items()} if cursor.get("topic") == topic else {}


def observe_round(
    settings: Settings,
    policy: Policy,
    store: EvidenceStore,
    *,
    verify: bool = False,
    pending: Sequence[tuple[str, datetime]] = (),
) -> ReadObservation:
    """One observation as the control service makes it: with the local broker's authorizer log if there is
    one (and the audit-log topic if set), the evidence verified first if asked (a failure is an alert), pending
    requests checked for expiry."""
    problems = run_verification(settings, trusted_keys(settings), store=store).problems if verify else None
    return observe_reads(
        settings, policy, store, authorizer_log=local_authorizer_log(settings), pending=pending,
        verification_problems=problems,
    )  # fmt: skip


def announce_alerts(url: str, recorded: Sequence[tuple[Alert, AuditEvent]]) -> int:
    """POST each recorded alert, with its event's hash, to the webhook (best effort); how many it took."""
    return sum(
        notify(url, {"event": ALERT, **alert.to_operation(), "event_hash": event.hash}) for alert, event in recorded
    )
