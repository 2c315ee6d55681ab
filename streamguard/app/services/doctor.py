"""``streamguard doctor``: what a platform team checks before going live, each line ok, warn or fail with the fix.

The brokers (how many, the transaction protocol they speak, their listeners' security, whether an authorizer
enforces ACLs), every topic streamguard depends on (replicas, ``min.insync.replicas``, cleanup policy,
retention; judged by ``streamguard.core.replication``), the transaction state log, the ACLs the policy needs
and the broker holds, the schema registry, the witness, the keys. Run with the credentials of the process that
will run (the worker's or the server's); an administrator's see everything. Nothing is changed.
"""

from __future__ import annotations

import ssl
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

import httpx
from confluent_kafka import KafkaException
from confluent_kafka.admin import AdminClient, ConfigResource

from streamguard.agents.kafka_api_versions import NAMES, TXN_OFFSET_COMMIT, api_versions
from streamguard.agents.kafka_topics import (
    TopicSpec,
    check_topics,
    check_transaction_state,
    observe_topic,
    system_topics,
    topic_configs,
)
from streamguard.app.services.kafka_config import client_options
from streamguard.app.services.keyrings import deployment_keyring
from streamguard.app.settings import Environment, Settings
from streamguard.core.errors import StreamguardError
from streamguard.core.replication import TRANSACTION_STATE_LOG, Finding, Level, ObservedTopic, TopicKind

TIMEOUT_S = 10.0
KEY_SLOTS = ("mask", "encrypt", "sign", "evidence", "control")
_LISTENER_SECURITY = {
    "PLAINTEXT": (Level.WARN, "neither encrypted nor authenticated: any client on the network is a super user"),
    "SASL_PLAINTEXT": (Level.WARN, "authenticated, not encrypted: records and passwords cross the network in clear"),
    "SSL": (Level.OK, "encrypted (clients authenticated only with ssl.client.auth=required)"),
    "SASL_SSL": (Level.OK, "encrypted and authenticated"),
}


@dataclass(frozen=True)
class Report:
    findings: list[Finding]

    @property
    def failed(self) -> bool:
        return any(finding.level is Level.FAIL for finding in self.findings)

    def render(self) -> str:
        counts = {level: sum(f.level is level for f in self.findings) for level in Level}
        lines = [finding.line() for finding in self.findings]
        lines.append(f"{counts[Level.OK]} ok, {counts[Level.WARN]} warn, {counts[Level.FAIL]} fail")
        return "\n".join(lines)


def examine(settings: Settings) -> Report:
    """Every check; one that cannot run is a failure naming why, and never stops the others."""
    findings: list[Finding] = []
    checks: list[tuple[str, Callable[[], Iterable[Finding]]]] = []
    try:
        admin = AdminClient(client_options(settings))
        checks += [
            ("brokers", lambda: _brokers(admin, _tls(settings))),
            ("listeners", lambda: _listeners(admin)),
            ("topics", lambda: _topics(admin, settings)),
            (TRANSACTION_STATE_LOG, lambda: _transaction_log(admin, settings)),
            ("acls", lambda: _acls(settings)),
        ]
    except StreamguardError as error:
        findings.append(Finding(Level.FAIL, "kafka", str(error), "set STREAMGUARD_BOOTSTRAP and its credentials"))
    checks += [
        ("schema registry", lambda: _registry(settings)),
        ("witness", lambda: _witness(settings)),
        ("keys", lambda: _keys(settings)),
    ]
    for subject, check in checks:
        try:
            findings += check()
        except (KafkaException, StreamguardError, httpx.HTTPError) as error:
            reason = error.args[0].str() if isinstance(error, KafkaException) else str(error)
            findings.append(Finding(Level.FAIL, subject, f"could not be checked: {reason}"))
    return Report(findings)


def _tls(settings: Settings) -> ssl.SSLContext | None:
    if not settings.security_protocol.endswith("SSL"):
        return None
    return ssl.create_default_context(cafile=client_options(settings).get("ssl.ca.location"))


def _brokers(admin: AdminClient, tls: ssl.SSLContext | None) -> Iterable[Finding]:
    cluster = admin.describe_cluster(request_timeout=TIMEOUT_S).result(timeout=TIMEOUT_S)
    ids = sorted(node.id for node in cluster.nodes)
    yield Finding(Level.OK, "brokers", f"{len(ids)} (ids {', '.join(map(str, ids))}), cluster id {cluster.cluster_id}")
    if len(ids) < 3:
        yield Finding(
            Level.WARN, "brokers", "fewer than three: a lost broker loses what only it holds", "run three or more"
        )
    for node in sorted(cluster.nodes, key=lambda n: n.id):
        yield _protocol(node.id, node.host, node.port, tls)
        yield from _broker_configs(admin, node.id)


def _protocol(node_id: int, host: str, port: int, tls: ssl.SSLContext | None) -> Finding:
    try:
        versions = api_versions(host, port, tls, TIMEOUT_S)
    except OSError as error:
        return Finding(Level.WARN, f"broker {node_id}", f"protocol versions not readable at {host}:{port}: {error}")
    spoken = ", ".join(f"{name} v{versions[key]}" for key, name in NAMES.items() if key in versions)
    if versions.get(TXN_OFFSET_COMMIT, 0) < 3:
        return Finding(
            Level.FAIL,
            f"broker {node_id}",
            f"{spoken}: no KIP-447 fencing (TxnOffsetCommit v3+, Kafka 2.5+): a zombie worker could commit",
            "upgrade the brokers",
        )
    return Finding(Level.OK, f"broker {node_id}", f"speaks {spoken} (KIP-447 fencing)")


def _broker_config(admin: AdminClient, node_id: int) -> dict[str, str | None]:
    resource = ConfigResource(ConfigResource.Type.BROKER, str(node_id))
    return {name: entry.value for name, entry in admin.describe_configs([resource])[resource].result(TIMEOUT_S).items()}


def _broker_configs(admin: AdminClient, node_id: int) -> Iterable[Finding]:
    config = _broker_config(admin, node_id)
    subject = f"broker {node_id}"
    if not config.get("authorizer.class.name"):
        yield Finding(Level.FAIL, subject, "no authorizer: ACLs are not enforced", "set authorizer.class.name")
    elif str(config.get("allow.everyone.if.no.acl.found")).lower() == "true":
        yield Finding(
            Level.FAIL,
            subject,
            "allow.everyone.if.no.acl.found=true: a topic without ACLs is open to all",
            "set it false",
        )
    else:
        yield Finding(Level.OK, subject, f"ACLs enforced by {str(config['authorizer.class.name']).rsplit('.', 1)[-1]}")
    isr = config.get("min.insync.replicas")
    factor = config.get("default.replication.factor")
    yield Finding(Level.OK, subject, f"default.replication.factor={factor}, min.insync.replicas={isr}")


def _listeners(admin: AdminClient) -> Iterable[Finding]:
    metadata = admin.list_topics(timeout=TIMEOUT_S)
    node_id = min(metadata.brokers)
    config = _broker_config(admin, node_id)
    protocols = dict(pair.split(":", 1) for pair in str(config.get("listener.security.protocol.map", "")).split(","))
    controllers = set(str(config.get("controller.listener.names", "")).split(","))
    for listener in str(config.get("advertised.listeners") or config.get("listeners") or "").split(","):
        name = listener.split("://", 1)[0]
        if not name or name in controllers:
            continue
        level, what = _LISTENER_SECURITY.get(protocols.get(name, name), (Level.WARN, "unknown security protocol"))
        fix = "clients outside a trusted host belong on SASL_SSL" if level is not Level.OK else ""
        yield Finding(level, f"listener {listener}", what, fix)


def _topics(admin: AdminClient, settings: Settings) -> Iterable[Finding]:
    names = settings.topic_names
    specs = system_topics(names, settings.retention)
    metadata = admin.list_topics(timeout=TIMEOUT_S)
    views = sorted(t for t in metadata.topics if names.view_of(t) is not None and not t.startswith(names.system_prefix))
    specs += [TopicSpec(view, kind=TopicKind.VIEWS) for view in views]
    missing = [spec.name for spec in specs if spec.name not in metadata.topics]
    if missing:
        yield Finding(
            Level.WARN,
            "topics",
            f"{len(missing)} not created yet: {', '.join(missing)}",
            "the server and the workers create them at start, replicated as configured",
        )
    problems = {(f.subject, f.message): f for f in check_topics(admin, specs, settings.replication)}
    configs = topic_configs(admin, [spec.name for spec in specs if spec.name in metadata.topics])
    healthy_views: list[ObservedTopic] = []
    for spec in specs:
        if spec.name not in metadata.topics:
            continue
        config = configs.get(spec.name, {})
        topic = observe_topic(metadata, spec.name, config)
        found = [finding for (subject, _), finding in problems.items() if subject == spec.name]
        if not found and spec.kind is TopicKind.VIEWS:
            healthy_views.append(topic)
        elif not found:
            retention, policy = config.get("retention.ms", "?"), config.get("cleanup.policy", "?")
            kept = "forever" if retention == "-1" else f"retention.ms={retention}"
            if policy == "compact":  # retention.ms applies to deleting segments, which compaction alone never does
                kept = "the latest record of each key kept"
            detail = (
                f"{spec.kind.value}, {topic.partitions} partition(s) x {topic.replicas} replicas, "
                f"min.insync.replicas={topic.min_insync}, cleanup.policy={policy}, {kept}"
            )
            yield Finding(Level.OK, spec.name, detail)
        yield from found
    if healthy_views:
        copies = sorted({view.replicas for view in healthy_views})
        yield Finding(
            Level.OK,
            "governed views",
            f"{len(healthy_views)} as replicated as configured ({' or '.join(map(str, copies))} replicas each)",
        )


def _transaction_log(admin: AdminClient, settings: Settings) -> Iterable[Finding]:
    metadata = admin.list_topics(timeout=TIMEOUT_S)
    if TRANSACTION_STATE_LOG not in metadata.topics:
        yield Finding(
            Level.WARN,
            TRANSACTION_STATE_LOG,
            "not visible (not created yet, or this principal may not describe it)",
            "run the doctor as an administrator once a worker has started",
        )
        return
    findings = check_transaction_state(admin, settings.replication)
    if findings:
        yield from findings
        return
    config = topic_configs(admin, [TRANSACTION_STATE_LOG]).get(TRANSACTION_STATE_LOG, {})
    topic = observe_topic(metadata, TRANSACTION_STATE_LOG, config)
    yield Finding(
        Level.OK,
        TRANSACTION_STATE_LOG,
        f"{topic.partitions} partitions x {topic.replicas} replicas, min.insync.replicas={topic.min_insync}",
    )


def _acls(settings: Settings) -> Iterable[Finding]:
    if settings.policy is None:
        yield Finding(Level.WARN, "acls", "no STREAMGUARD_POLICY: the ACLs streamguard needs were not compared")
        return
    from streamguard.app.services.control.access_scoping import plan_access  # only with a policy
    from streamguard.app.services.control.callers import read_policy

    plan = plan_access(settings, read_policy(settings.policy), [])
    missing = plan.diff.add
    if missing:
        listed = ", ".join(
            sorted({f"{entry.principal} {entry.operation.value} {entry.resource_name}" for entry in missing})[:5]
        )
        yield Finding(
            Level.FAIL, "acls", f"{len(missing)} the policy needs are missing: {listed}", "streamguard acl apply"
        )
    else:
        yield Finding(Level.OK, "acls", f"all {len(plan.entries)} the policy needs are on the broker")
    if plan.missing_users:
        users = ", ".join(plan.missing_users)
        yield Finding(Level.FAIL, "acls", f"SCRAM users missing: {users}", "streamguard acl apply")


def _registry(settings: Settings) -> Iterable[Finding]:
    url = settings.schema_registry_url
    if url.startswith("mock://"):
        level = Level.FAIL if settings.env is Environment.PRODUCTION else Level.WARN
        yield Finding(
            level, "schema registry", "mock:// (in-process, development only)", "set STREAMGUARD_SCHEMA_REGISTRY_URL"
        )
        return
    response = httpx.get(f"{url.rstrip('/')}/subjects", timeout=TIMEOUT_S)
    level = Level.OK if response.status_code == 200 else Level.FAIL
    yield Finding(level, "schema registry", f"GET /subjects answered {response.status_code}")


def _witness(settings: Settings) -> Iterable[Finding]:
    url = settings.witness_url
    if not url:
        yield Finding(
            Level.WARN,
            "witness",
            "none: checkpoints are signed but not cosigned (a rewritten log would verify against new signatures)",
            "run `streamguard witness serve` elsewhere and set STREAMGUARD_WITNESS_URL",
        )
        return
    if url.startswith("file://"):
        state = url.removeprefix("file://")
        level = Level.OK if Path(state).is_dir() else Level.FAIL
        yield Finding(level, "witness", f"file mode, state {'present' if level is Level.OK else 'missing'}")
        return
    response = httpx.get(url, timeout=TIMEOUT_S)  # any answer: it is up (its routes are POST)
    yield Finding(Level.OK, "witness", f"answered HTTP {response.status_code}")
    if not settings.witness_keys:
        yield Finding(Level.WARN, "witness", "STREAMGUARD_WITNESS_KEYS unset: verify cannot require its cosignature")


def _keys(settings: Settings) -> Iterable[Finding]:
    keyring = deployment_keyring(settings)
    present = [slot for slot in KEY_SLOTS if slot in keyring.active]
    absent = [slot for slot in KEY_SLOTS if slot not in keyring.active]
    yield Finding(Level.OK, "keys", f"active: {', '.join(present) or 'none'}")
    if absent:
        yield Finding(
            Level.WARN,
            "keys",
            f"no {', '.join(absent)} key: fine for a process split to its part (keys split --for), not for one "
            "that runs everything",
        )
