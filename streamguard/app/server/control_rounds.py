"""The control service's rounds (``streamguard control run``, Procfile ``control``): one of the server's two
processes, with the same control credential, policy and control key as the API.

Each round adopts the policy file (or asks the approvers to), expires requests past their time to live,
executes approved requests whose execution was never claimed, records as failed one claimed and never
finished, revokes grants whose time is up or whose principal left the policy, alerts on records the control
chain does not back and on rules no worker can use, records who read which view (read evidence) and raises
the monitoring alerts; and, when ``STREAMGUARD_DISCOVER_EVERY_S`` is set, samples the raw topics that have no
rules (``discover``), so the report can list those holding personal data. Nobody has to act for any of it.
"""

from __future__ import annotations

import time
from datetime import UTC, datetime

from rich.console import Console

from streamguard.app.services.control import approvals
from streamguard.app.services.control.callers import current_policy
from streamguard.app.services.control.policy_versions import current_policy_in_force
from streamguard.app.services.control.read_watch import ReadObservation, observe_round
from streamguard.app.services.control.rules_watch import invalid_rules_alerts, record_alerts
from streamguard.app.services.discovery import scheduled_discovery
from streamguard.app.services.preview import SHARED_SCANNER
from streamguard.app.settings import Settings
from streamguard.control.requests import State
from streamguard.core.errors import InfrastructureFault
from streamguard.store import EvidenceStore

console = Console()
errors = Console(stderr=True)


def run_rounds(settings: Settings, interval: float, verify_every: float, once: bool) -> None:
    """Rounds every ``interval`` seconds (the evidence verified every ``verify_every``, raw topics without rules
    sampled every ``STREAMGUARD_DISCOVER_EVERY_S``) until interrupted."""
    verified_at = discovered_at = float("-inf")
    with EvidenceStore.open(settings.resolved_evidence_store_url) as store:
        try:
            while True:
                verify = bool(verify_every) and time.monotonic() - verified_at >= verify_every
                discover_every = settings.discover_every_s
                sample = bool(discover_every) and time.monotonic() - discovered_at >= discover_every
                try:
                    control_round(settings, store, verify)
                    verified_at = time.monotonic() if verify else verified_at
                    if sample:
                        discover_round(settings)
                        discovered_at = time.monotonic()
                except InfrastructureFault as fault:  # the broker or the store is away: the next round retries
                    errors.print(f"[yellow]{fault}: trying again in {interval:g}s[/yellow]", highlight=False)
                if once:
                    return
                time.sleep(interval)
        except KeyboardInterrupt:
            console.print("control service stopped")


def control_round(settings: Settings, store: EvidenceStore, verify: bool) -> None:
    proposed = current_policy(settings)  # read every round: an edited policy is adopted, or asked for
    for request in approvals.run_due(settings, proposed):
        console.print(f"request {request.id} {request.history[-1].state}: {request.operation.describe()}")
    policy = current_policy_in_force(settings, proposed)
    invalid = invalid_rules_alerts(settings, approvals.read_ledger(settings))
    record_alerts(settings, invalid)
    for alert in invalid:
        console.print(f"[red]alert[/red] {alert.rule} {alert.severity}: {alert.summary}", highlight=False)
    pending = [(r.id, r.expires_at) for r in approvals.list_requests(settings, State.PENDING)]
    print_observation(observe_round(settings, policy, store, verify=verify, pending=pending))


def discover_round(settings: Settings) -> None:
    """Raw topics without rules in force sampled: the ones holding personal data are the report's to list."""
    for found in scheduled_discovery(settings, SHARED_SCANNER):
        personal = sum(proposal.personal for proposal in found.proposals)
        console.print(
            f"discovered {found.topic}: {personal} of {len(found.proposals)} fields personal", highlight=False
        )


def observe_once(settings: Settings, verify: bool) -> None:
    with EvidenceStore.open(settings.resolved_evidence_store_url) as store:
        policy = current_policy_in_force(settings, current_policy(settings))
        print_observation(observe_round(settings, policy, store, verify=verify))


def print_observation(observed: ReadObservation) -> None:
    stamp = f"{datetime.now(UTC):%H:%M:%S}"
    for record in observed.progress:
        who = ", ".join(f"{reader.identity} via {reader.source}" for reader in record.readers) or "principal unknown"
        since = "first seen" if record.previous_offset is None else f"from {record.previous_offset}"
        line = f"{stamp} {record.group_id} ({who}) read {record.topic}[{record.partition}] up to "
        console.print(f"{line}{record.committed_offset} ({since}, lag {record.lag})", highlight=False)
    for alert in observed.alerts:
        console.print(f"{stamp} [red]alert[/red] {alert.rule} {alert.severity}: {alert.summary}", highlight=False)
    if observed.access_event is not None:
        console.print(f"{stamp} recorded access event {observed.access_event.hash[:16]}", highlight=False)
