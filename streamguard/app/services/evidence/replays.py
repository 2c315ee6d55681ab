"""A replay asked of the server: the session's records processed again with the server's keys (only digests,
counts and positions come out), and who asked recorded in the control chain."""

from __future__ import annotations

from streamguard.agents.kafka_operations import record_operation
from streamguard.app.services.control.callers import Caller, unenforced
from streamguard.app.services.evidence.replay import replay_session, session_events
from streamguard.app.services.kafka_config import client_options
from streamguard.app.services.keyrings import deployment_keyring
from streamguard.app.settings import Settings
from streamguard.evidence.replay import ReplayReport
from streamguard.store import EvidenceStore

REPLAYED_KIND = "replayed"


def replay_recorded(
    settings: Settings, store: EvidenceStore, caller: Caller, session_id: str, audience: str
) -> ReplayReport:
    """Replay ``audience``'s view of a session, and record who did, with its outcome."""
    keyring = deployment_keyring(settings)
    report = replay_session(settings, session_events(store, session_id), audience, keyring)
    operation = {
        "session": session_id,
        "audience": audience,
        "events": len(report.events),
        "matches": report.matches,
        **unenforced(caller.enforced),
    }
    names = settings.topic_names
    record_operation(
        client_options(settings), names, keyring, settings.log_origin, REPLAYED_KIND, caller.actor, operation
    )
    return report
