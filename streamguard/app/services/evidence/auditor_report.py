"""The auditor's report for a period, for both doors (``streamguard report`` and ``GET /api/reports``): the
store indexed, the evidence verified (optionally), the report built from the period's events."""

from __future__ import annotations

from datetime import UTC, datetime

from streamguard.app.services.control.rules_service import in_force
from streamguard.app.services.evidence.indexing import index_evidence
from streamguard.app.services.evidence.verify import run_verification, trusted_keys, verification_status
from streamguard.app.settings import Settings
from streamguard.evidence.report import Report, build_report
from streamguard.store.evidence_store import EvidenceStore


def auditor_report(
    settings: Settings,
    store: EvidenceStore,
    start: datetime,
    end: datetime,
    *,
    dataset: str | None = None,
    verify: bool = True,
    index: bool = True,
) -> Report:
    """The report of [start, end); with ``verify``, the verdict of a verification run now is in it."""
    if index:
        index_evidence(settings, store, witness=None)
    status = verification_status(run_verification(settings, trusted_keys(settings), store=store)) if verify else None
    return build_report(
        store.events(since=start, until=end),
        start=start,
        end=end,
        dataset=dataset,
        verification=status,
        generated_at=datetime.now(UTC),
        names=settings.topic_names,
        ruled={record.dataset for record in in_force(settings)},
    )
