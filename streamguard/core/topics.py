"""Every topic and group name streamguard uses, derived from three prefixes (pure)."""

from __future__ import annotations

from dataclasses import dataclass

# Consumer groups of streamguard's assign-only readers: never joined, yet the broker authorizes them.
READBACK_GROUP = "streamguard-readback"
RULES_FEED_GROUP_PREFIX = "streamguard-rules-"


@dataclass(frozen=True)
class TopicNames:
    """Raw topics ``raw.<dataset>``, views ``governed.<dataset>.<audience>``, and the system topics: the
    system prefix also names the data path's consumer group and the Faust app id, so one prefix is one
    isolated deployment."""

    raw_prefix: str = "raw."
    governed_prefix: str = "governed."
    system_prefix: str = "streamguard."

    def raw(self, dataset: str) -> str:
        return f"{self.raw_prefix}{dataset}"

    def governed(self, dataset: str, audience: str) -> str:
        return f"{self.governed_prefix}{dataset}.{audience}"

    def dataset_of(self, raw_topic: str) -> str | None:
        return raw_topic[len(self.raw_prefix) :] if raw_topic.startswith(self.raw_prefix) else None

    def view_of(self, governed_topic: str) -> tuple[str, str] | None:
        """(dataset, audience) of a governed view (audience names have no dot; dataset names may)."""
        if not governed_topic.startswith(self.governed_prefix):
            return None
        dataset, dot, audience = governed_topic[len(self.governed_prefix) :].rpartition(".")
        return (dataset, audience) if dot and dataset and audience else None

    def dataset_of_topic(self, topic: str) -> str | None:
        """The dataset a raw topic or a governed view belongs to."""
        view = self.view_of(topic)
        return view[0] if view else self.dataset_of(topic)

    @property
    def rules(self) -> str:
        return f"{self.system_prefix}rules"

    @property
    def audit(self) -> str:
        return f"{self.system_prefix}audit"

    @property
    def checkpoints(self) -> str:
        return f"{self.system_prefix}checkpoints"

    @property
    def sessions(self) -> str:
        return f"{self.system_prefix}sessions"

    @property
    def approvals(self) -> str:
        """Compacted: each request's latest state, keyed by request id."""
        return f"{self.system_prefix}approvals"

    @property
    def acls(self) -> str:
        """Compacted: the ACLs streamguard created (so ``acl apply`` removes only its own), keyed by binding."""
        return f"{self.system_prefix}acls"

    @property
    def control(self) -> str:
        """Not a topic: the source name of the chain of operation events (purges, approvals, rule changes)."""
        return f"{self.system_prefix}control"

    @property
    def control_audit(self) -> str:
        """The control chain's events: a topic of their own, which only the server's principal writes."""
        return f"{self.system_prefix}control.audit"

    @property
    def control_checkpoints(self) -> str:
        """Compacted: the control chain's signed checkpoints, written by the server's principal alone."""
        return f"{self.system_prefix}control.checkpoints"

    @property
    def quarantine(self) -> str:
        return f"{self.system_prefix}quarantine"

    @property
    def datapath_group(self) -> str:
        """Consumer group of the data path (one per deployment, named after its system prefix)."""
        return f"{self.system_prefix}datapath"

    @property
    def app_id(self) -> str:
        return self.system_prefix.rstrip(".") or "streamguard"


@dataclass(frozen=True)
class EvidenceRetention:
    """Retention (ms, -1 for forever) of the evidence topics and the quarantine, applied when streamguard
    creates them (the quarantine keeps raw bytes: 30 days unless the operator says otherwise)."""

    audit_ms: int = -1
    checkpoints_ms: int = -1
    sessions_ms: int = -1
    quarantine_ms: int = 30 * 24 * 3600 * 1000
