"""Rule versions no worker can use: each record of the rules topic that does not parse or validate (written
around the server, or by an older streamguard) is an ``rules_invalid`` alert in the control chain, once per
record. The workers skip such a record and keep the version before it in force; this makes it seen."""

from __future__ import annotations

import hashlib
import logging
from datetime import UTC, datetime

from streamguard.agents.kafka_rules import read_rule_history
from streamguard.app.services.control.policy_versions import open_chain
from streamguard.app.services.kafka_config import client_options
from streamguard.app.settings import Settings
from streamguard.control.alerts import Alert, Severity
from streamguard.control.ledger import Ledger
from streamguard.evidence.audit import ALERT
from streamguard.masking.rule_versions import rules_of

log = logging.getLogger(__name__)
ACTOR = "streamguard:rules-watch"


def invalid_rules_alerts(settings: Settings, ledger: Ledger) -> list[Alert]:
    """An alert for each rules version that does not load, unless the chain holds its alert already."""
    alerts = []
    for record in read_rule_history(client_options(settings), settings.topic_names.rules):
        try:
            rules_of(record)
        except Exception as error:  # any failure of one record: it is that record's, named by key and type
            key = f"rules_invalid|{record.key}|{hashlib.sha256(record.to_bytes()).hexdigest()[:16]}"
            if key in ledger.alert_keys:
                continue
            summary = f"rules {record.key} cannot be used ({type(error).__name__}): workers keep the version before"
            details = {"dataset": record.dataset, "version": record.version, "error": type(error).__name__}
            alerts.append(Alert("rules_invalid", record.key, Severity.HIGH, summary, details, datetime.now(UTC), key))
    return alerts


def record_alerts(settings: Settings, alerts: list[Alert]) -> None:
    if not alerts:
        return
    with open_chain(settings) as chain:
        for alert in alerts:
            chain.append(ALERT, ACTOR, alert.to_operation())
            log.error("%s", alert.summary)
