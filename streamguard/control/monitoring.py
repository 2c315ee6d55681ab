"""Continuous monitoring (pure): the rules that turn evidence into alerts, with thresholds from the policy
(``monitoring:``; the defaults are ``MonitoringThresholds``'). Each takes its evidence as plain data, ``now``
and the ``MonitorState`` the caller keeps; ``evaluate`` runs them all on one observation.

An identity is the policy's principal behind a Kafka user, else the Kafka principal itself (``User:x``), or,
for read progress no authorization decision explains (no principal, or only one inferred from the group's
prefix), the group (``group:<id>``): an alert names a principal only where a log showed it acting.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime

from streamguard.control.alerts import REPEAT_EVERY, Alert, MonitorState, Severity, digest, raise_once, window_period
from streamguard.control.authorizer_log import AuthorizationDecision
from streamguard.control.policy import Policy
from streamguard.control.read_evidence import ReadProgress, reader_of
from streamguard.core.durations import format_duration
from streamguard.evidence.audit import RECORDS, AuditEvent
from streamguard.evidence.sessions import parse_moment


@dataclass(frozen=True)
class Observation:
    """What one monitoring run looks at: new authorizer decisions and read progress, the data path's audit
    events of the last quarantine window, a verification's problems, pending requests and their expiry."""

    decisions: Sequence[AuthorizationDecision] = ()
    progress: Sequence[ReadProgress] = ()
    first_snapshot: bool = False  # progress measured against no earlier snapshot: its reads may be old
    events: Sequence[AuditEvent] = ()
    verification_problems: Sequence[str] | None = None  # None: not verified this run
    pending: Sequence[tuple[str, datetime]] = ()  # (request id, expires at)


def evaluate(observed: Observation, policy: Policy, now: datetime, state: MonitorState) -> list[Alert]:
    """Every rule's new alerts, in rule order."""
    state.forget_before(now)
    return [
        *topics_read_alerts(
            observed.decisions, () if observed.first_snapshot else observed.progress, policy, now, state
        ),
        *foreign_audience_alerts(observed.progress, policy, now, state),
        *denied_alerts(observed.decisions, policy, now, state),
        *quarantine_alerts(observed.events, policy, now, state),
        *drift_alerts(observed.events, now, state),
        *verification_alerts(observed.verification_problems or (), now, state),
        *expiry_alerts(observed.pending, policy, now, state),
    ]


# -- access rules -------------------------------------------------------------------------------------


def topics_read_alerts(
    decisions: Sequence[AuthorizationDecision],
    progress: Sequence[ReadProgress],
    policy: Policy,
    now: datetime,
    state: MonitorState,
) -> list[Alert]:
    """One identity reading ``topics_read.count`` or more distinct topics within ``topics_read.window``: from
    the broker's READ decisions on topics and from read progress (an identity without an observed principal is
    its group's). streamguard's worker, which reads every raw topic by design, is left out."""
    limit = policy.monitoring.topics_read
    worker = f"User:{policy.worker}" if policy.worker else None
    sightings = [
        (reader_of(policy, d.principal).identity, d.resource, d.at)
        for d in decisions
        if d.reads_topic() and d.principal != worker
    ]
    for record in progress:
        observed = [r for r in record.readers if not r.source.inferred]
        identities = [r.identity for r in observed if r.kafka_principal != worker]
        if not observed:
            identities = [f"group:{record.group_id}"]
        sightings += [(identity, record.topic, record.observed_at) for identity in identities]
    for identity, topic, at in sightings:
        seen = state.reads.setdefault(identity, {})
        if topic not in seen or datetime.fromisoformat(seen[topic]) < at:
            seen[topic] = at.isoformat()
    alerts = []
    for identity in sorted(state.reads):
        recent = {t: at for t, at in state.reads[identity].items() if datetime.fromisoformat(at) > now - limit.window}
        state.reads[identity] = recent
        if len(recent) >= limit.count:
            summary = f"{identity} read {len(recent)} topics within {format_duration(limit.window)}"
            details = {"identity": identity, "topics": sorted(recent), "window_s": limit.window.total_seconds()}
            period = window_period(now, limit.window)
            alerts += raise_once(state, "topics_read", identity, Severity.HIGH, summary, details, now, period)
    state.reads = {identity: reads for identity, reads in state.reads.items() if reads}
    return alerts


def foreign_audience_alerts(
    progress: Sequence[ReadProgress], policy: Policy, now: datetime, state: MonitorState
) -> list[Alert]:
    """A consumer group reading a governed view of an audience it is not a member of: its prefix is not one
    of the audience's, or a principal acting for it is not among the audience's principals."""
    alerts = []
    for record in progress:
        if record.audience is None:
            continue
        group_member = record.audience in policy.audiences_of_group(record.group_id)
        outsiders = sorted(
            reader.identity
            for reader in record.readers
            if record.audience not in policy.audiences_of_user(reader.kafka_principal.removeprefix("User:"))
        )
        if group_member and not outsiders:
            continue
        subject = f"{record.group_id}@{record.topic}"
        summary = f"group {record.group_id} read {record.topic}, a view of {record.audience}, as a non-member"
        details = {
            "group": record.group_id,
            "topic": record.topic,
            "audience": record.audience,
            "dataset": record.dataset,
            "group_audiences": policy.audiences_of_group(record.group_id),
            "outside_principals": outsiders,
            "committed_offset": record.committed_offset,
        }
        period = window_period(now, REPEAT_EVERY)
        alerts += raise_once(state, "foreign_audience", subject, Severity.HIGH, summary, details, now, period)
    return alerts


def denied_alerts(
    decisions: Sequence[AuthorizationDecision], policy: Policy, now: datetime, state: MonitorState
) -> list[Alert]:
    """``denied.count`` or more denied authorizations of one identity within ``denied.window``."""
    limit = policy.monitoring.denied
    resources: dict[str, set[str]] = {}
    for decision in decisions:
        if not decision.allowed:
            identity = reader_of(policy, decision.principal).identity
            state.denials.setdefault(identity, []).append(decision.at.isoformat())
            resources.setdefault(identity, set()).add(
                f"{decision.operation} {decision.resource_type}:{decision.resource}"
            )
    alerts = []
    for identity in sorted(state.denials):
        recent = (t for t in state.denials[identity] if datetime.fromisoformat(t) > now - limit.window)
        times = sorted(recent, key=datetime.fromisoformat)
        state.denials[identity] = times[-limit.count :]  # enough to tell whether the window holds count
        if len(times) >= limit.count:
            summary = f"{identity} was denied {len(times)} times within {format_duration(limit.window)}"
            details = {
                "identity": identity,
                "denied": len(times),
                "denied_now": sorted(resources.get(identity, ()))[:20],
            }
            period = window_period(now, limit.window)
            alerts += raise_once(state, "denied", identity, Severity.MEDIUM, summary, details, now, period)
    state.denials = {identity: times for identity, times in state.denials.items() if times}
    return alerts


# -- data-path and control rules ----------------------------------------------------------------------


def quarantine_alerts(events: Iterable[AuditEvent], policy: Policy, now: datetime, state: MonitorState) -> list[Alert]:
    """Per dataset, quarantined records above ``quarantine_rate`` of its records in the last
    ``quarantine_window``, once it has at least ``quarantine_min_records``."""
    thresholds = policy.monitoring
    since = now - thresholds.quarantine_window
    records: Counter[str] = Counter()
    reasons: defaultdict[str, Counter[str]] = defaultdict(Counter)
    for event in events:
        if event.kind != RECORDS or event.dataset is None or not since < parse_moment(event.recorded_at) <= now:
            continue
        delivered = sum(last - first + 1 for first, last in event.delivered)
        records[event.dataset] += delivered + len(event.tombstones) + len(event.quarantined)
        reasons[event.dataset].update(q.reason for q in event.quarantined)
    alerts = []
    for dataset in sorted(records):
        quarantined, total = sum(reasons[dataset].values()), records[dataset]
        if total < thresholds.quarantine_min_records or quarantined / total <= thresholds.quarantine_rate:
            continue
        rate = quarantined / total
        window = format_duration(thresholds.quarantine_window)
        summary = f"{dataset}: {quarantined} of {total} records quarantined ({rate:.1%}) within {window}"
        details = {"dataset": dataset, "records": total, "quarantined": quarantined, "rate": round(rate, 4)}
        details["reasons"] = dict(reasons[dataset].most_common(10))  # reason codes, never values
        period = window_period(now, thresholds.quarantine_window)
        alerts += raise_once(state, "quarantine_rate", dataset, Severity.MEDIUM, summary, details, now, period)
    return alerts


def drift_alerts(events: Iterable[AuditEvent], now: datetime, state: MonitorState) -> list[Alert]:
    """Schema drift not seen before: a writer schema's field the rules were not validated with, per
    (dataset, writer schema id); a field is alerted once, however many events carry it."""
    new: defaultdict[tuple[str, str], set[str]] = defaultdict(set)
    for event in events:
        for schema_id, fields in event.schema_drift.items():
            for name in fields:
                seen = f"{event.dataset}|{schema_id}|{name}"
                if seen not in state.drift_seen:
                    state.drift_seen.add(seen)
                    new[(event.dataset or "", schema_id)].add(name)
    alerts = []
    for (dataset, schema_id), fields in sorted(new.items()):
        subject = f"{dataset}:{schema_id}"
        summary = f"{dataset}: writer schema {schema_id} has {len(fields)} field(s) the rules were not validated with"
        details = {"dataset": dataset, "schema_id": schema_id, "fields": sorted(fields)}
        alerts += raise_once(state, "schema_drift", subject, Severity.LOW, summary, details, now, digest(fields))
    return alerts


def verification_alerts(problems: Sequence[str], now: datetime, state: MonitorState) -> list[Alert]:
    """A verification that found problems (a chain, log or checkpoint that does not verify): alerted again
    when the problems change, or after ``REPEAT_EVERY`` while they persist."""
    if not problems:
        return []
    summary = f"the evidence does not verify: {len(problems)} problem(s), first: {problems[0]}"
    details = {"problem_count": len(problems), "problems": list(problems[:20])}
    period = f"{window_period(now, REPEAT_EVERY)}|{digest(problems)}"
    return raise_once(state, "verification", "evidence", Severity.CRITICAL, summary, details, now, period)


def expiry_alerts(
    pending: Iterable[tuple[str, datetime]], policy: Policy, now: datetime, state: MonitorState
) -> list[Alert]:
    """A pending request that expires within ``expiry_warning``, once per request."""
    warning = policy.monitoring.expiry_warning
    alerts = []
    for request_id, expires_at in sorted(pending, key=lambda item: item[1]):
        if now < expires_at <= now + warning:
            summary = f"request {request_id} expires at {expires_at.isoformat()} unless decided"
            details = {"request_id": request_id, "expires_at": expires_at.isoformat()}
            alerts += raise_once(state, "request_expiry", request_id, Severity.LOW, summary, details, now, "pending")
    return alerts
