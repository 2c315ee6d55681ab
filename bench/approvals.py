"""How long an approver waits: one approval (fencing, reading the requests, deciding, committing the state with
its audit event and checkpoint, executing, recording the result), against the Kafka work no serialized,
audited decision can skip, same run.

    .venv/bin/python -m bench.approvals [--rounds R]

Method: one isolated deployment on the local broker, a policy with a requester and an approver. Each round:
the baseline, a bare decision on the same broker (a transactional producer's ``init_transactions``, which
fences the earlier writer; reading a one-partition compacted topic to its end; one transaction of two
records), then a real ``delete-topic`` request for a fresh topic and its approval by the second principal
(``approvals.decide``, which also deletes the topic through the admin API and records that). Prints the
latencies, and the medians and their ratio.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
import uuid
from pathlib import Path

from confluent_kafka import Producer
from confluent_kafka.admin import AdminClient, NewTopic
from pydantic import SecretStr

from bench.pipeline import local_bootstrap
from streamguard.agents.kafka_readback import iter_to_end
from streamguard.app.services.control import approvals
from streamguard.app.services.control.callers import authenticate, read_policy
from streamguard.app.settings import Settings
from streamguard.control.requests import DeleteTopic
from streamguard.control.tokens import token_digest
from streamguard.masking.keyring_file import generate_keyring_json

POLICY = """principals:
  ops: {{roles: [admin], token_sha256: "{ops}"}}
  bob: {{roles: [approver], token_sha256: "{bob}"}}
approvals: {{quorum: 1, pending_ttl: 1h, max_grant: 1h}}
"""


def control_deployment(bootstrap: str, home: Path) -> Settings:
    """An isolated deployment (its own system topics) under the bench policy, with the tokens "ops" and "bob"."""
    (home / "keyring.json").write_text(generate_keyring_json())  # the server's keys, the control key among them
    policy_file = home / "policy.yaml"
    policy_file.write_text(POLICY.format(ops=token_digest("ops"), bob=token_digest("bob")))
    prefix = f"bench{uuid.uuid4().hex[:6]}."
    return Settings(bootstrap=bootstrap, home=home, system_topic_prefix=prefix, policy=policy_file)


def bare_decision(options: dict[str, object], topic: str, transactional_id: str) -> float:
    """Seconds for the least a serialized decision does: fence, read the state, commit two records."""
    started = time.perf_counter()
    producer = Producer({**options, "transactional.id": transactional_id, "enable.idempotence": True})
    producer.init_transactions(30)
    sum(1 for _ in iter_to_end({**options, "isolation.level": "read_committed"}, topic, {0: 0}))
    producer.begin_transaction()
    producer.produce(topic, b"state", b"request")
    producer.produce(topic, b"event", b"audit")
    producer.commit_transaction(30)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    bootstrap = local_bootstrap()
    with tempfile.TemporaryDirectory(prefix="streamguard-bench-approvals-") as home:
        settings = control_deployment(bootstrap, Path(home))
        policy = read_policy(settings.policy)  # type: ignore[arg-type]
        ops, bob = (authenticate(settings.model_copy(update={"token": SecretStr(n)}), policy) for n in ("ops", "bob"))
        admin = AdminClient({"bootstrap.servers": bootstrap})
        state_topic = f"{settings.system_topic_prefix}bare"
        admin.create_topics([NewTopic(state_topic, 1, 1, config={"cleanup.policy": "compact"})])[state_topic].result(30)
        approvals.list_requests(settings)  # sets the deployment's topics up outside the measured rounds
        bare, decided = [], []
        for round_number in range(1, args.rounds + 1):
            bare.append(bare_decision({"bootstrap.servers": bootstrap}, state_topic, f"{state_topic}.writer"))
            topic = f"raw.bench_{uuid.uuid4().hex[:8]}"
            admin.create_topics([NewTopic(topic, 1, 1)])[topic].result(30)
            request = approvals.request_operation(settings, policy, ops, DeleteTopic(topic=topic), "bench")
            started = time.perf_counter()
            done = approvals.decide(settings, policy, bob, request.id, approving=True, text="bench")
            decided.append(time.perf_counter() - started)
            print(f"round {round_number}: bare decision {bare[-1] * 1000:.0f} ms, approve + execute "
                  f"{decided[-1] * 1000:.0f} ms ({done.state.value})")  # fmt: skip
    ratio = statistics.median(decided) / statistics.median(bare)
    print(
        f"median over {args.rounds} rounds: approve + execute {statistics.median(decided) * 1000:.0f} ms; "
        f"bare decision {statistics.median(bare) * 1000:.0f} ms; ratio {ratio:.2f}"
    )


if __name__ == "__main__":
    main()
