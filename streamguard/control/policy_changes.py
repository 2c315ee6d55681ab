"""What a new policy changes against the one in force, and whether it gives anyone more (pure).

A change that gives more (a principal, a token, a role, a lower quorum, a longer grant, someone who may
decrypt, read an audience's views or write a dataset's raw topic) takes effect only once the approvers of the
policy in force approve it, like rules that reduce protection; one that only takes away (a principal
removed, a token revoked, a role dropped, a higher quorum) takes effect at once, so revoking access never
waits. Each change is one line naming what changed, never a token digest.
"""

from __future__ import annotations

from dataclasses import dataclass

from streamguard.control.policy import Policy


@dataclass(frozen=True)
class PolicyDiff:
    gives: tuple[str, ...]  # what the new policy gives that the old one did not
    takes: tuple[str, ...]  # what it takes away, or changes without giving anyone more

    @property
    def gives_more(self) -> bool:
        return bool(self.gives)

    def lines(self) -> list[str]:
        return [*(f"+ {line}" for line in self.gives), *(f"- {line}" for line in self.takes)]


def diff_policies(before: Policy, after: Policy) -> PolicyDiff:
    gives: list[str] = []
    takes: list[str] = []
    _principals(before, after, gives, takes)
    _audiences(before, after, gives, takes)
    _settings(before, after, gives, takes)
    return PolicyDiff(tuple(gives), tuple(takes))


def _principals(before: Policy, after: Policy, gives: list[str], takes: list[str]) -> None:
    for name in sorted(after.principals.keys() - before.principals.keys()):
        gives.append(f"principal {name} added")
    for name in sorted(before.principals.keys() - after.principals.keys()):
        takes.append(f"principal {name} removed")
    for name in sorted(before.principals.keys() & after.principals.keys()):
        old, new = before.principals[name], after.principals[name]
        if new.token_sha256 != old.token_sha256:
            what = "replaced" if new.token_sha256 else "removed"
            (gives if new.token_sha256 else takes).append(f"{name}'s token {what}")
        if added := sorted(set(new.roles) - set(old.roles)):
            gives.append(f"{name} gains role {', '.join(added)}")
        if dropped := sorted(set(old.roles) - set(new.roles)):
            takes.append(f"{name} loses role {', '.join(dropped)}")
        if new.kafka_user != old.kafka_user:
            (gives if new.kafka_user else takes).append(f"{name}'s Kafka user is now {new.kafka_user or 'none'}")


def _audiences(before: Policy, after: Policy, gives: list[str], takes: list[str]) -> None:
    for audience in sorted(before.audiences.keys() | after.audiences.keys()):
        old, new = before.audiences.get(audience), after.audiences.get(audience)
        old_members = set(old.principals) if old else set()
        new_members = set(new.principals) if new else set()
        old_groups = set(old.group_prefixes) if old else set()
        new_groups = set(new.group_prefixes) if new else set()
        for member in sorted(new_members - old_members):
            gives.append(f"{member} reads audience {audience}")
        for member in sorted(old_members - new_members):
            takes.append(f"{member} no longer reads audience {audience}")
        if added := sorted(new_groups - old_groups):
            gives.append(f"audience {audience} gains consumer-group prefixes {', '.join(added)}")
        if dropped := sorted(old_groups - new_groups):
            takes.append(f"audience {audience} loses consumer-group prefixes {', '.join(dropped)}")
    for dataset in sorted(before.owners.keys() | after.owners.keys()):
        if before.owners.get(dataset) != after.owners.get(dataset):
            owner = after.owners.get(dataset)
            (gives if owner else takes).append(f"dataset {dataset} is written by {owner or 'nobody'}")


def _settings(before: Policy, after: Policy, gives: list[str], takes: list[str]) -> None:
    old, new = before.approvals, after.approvals
    if new.quorum != old.quorum:
        (gives if new.quorum < old.quorum else takes).append(f"quorum {old.quorum} -> {new.quorum}")
    if new.max_grant != old.max_grant:
        (gives if new.max_grant > old.max_grant else takes).append(f"max_grant {old.max_grant} -> {new.max_grant}")
    if new.pending_ttl != old.pending_ttl:
        takes.append(f"pending_ttl {old.pending_ttl} -> {new.pending_ttl}")
    if new.webhook != old.webhook:
        takes.append("the webhook changed")
    if added := sorted(set(after.decrypt.roles) - set(before.decrypt.roles)):
        gives.append(f"role {', '.join(added)} may ask to decrypt")
    if dropped := sorted(set(before.decrypt.roles) - set(after.decrypt.roles)):
        takes.append(f"role {', '.join(dropped)} may no longer ask to decrypt")
    if after.worker != before.worker:
        (gives if after.worker else takes).append(f"the workers' Kafka user is now {after.worker or 'a super user'}")
    if after.monitoring != before.monitoring:
        takes.append("monitoring thresholds changed")
