"""Forensic replay, the comparison (pure): what an audit event says one audience's view was, against what
processing its raw records again produced.

Processing the same raw records under the event's recorded rule version with the keys of its recorded key
ids reproduces every view byte for byte, so the view's batch digest and Merkle root match the event's, salted as
the event's were (the salt of its recorded evidence key id and its span, ``evidence.digests.digest_salt``);
keys other than the recorded ones (or other rules) change the tokens, and both differ. A comparison holds
digests, counts and positions only, never a record value or a salt. The edge that re-reads and re-processes
the records is ``streamguard.app.services.evidence.replay``.
"""

from __future__ import annotations

from collections.abc import Sequence

from pydantic import BaseModel, ConfigDict, computed_field

from streamguard.evidence.audit import AudienceOutput
from streamguard.evidence.digests import view_digests


class ViewReplay(BaseModel):
    """One audience's view of one event: recorded against reproduced."""

    model_config = ConfigDict(frozen=True)

    audience: str
    expected_count: int
    reproduced_count: int
    expected_digest: str
    reproduced_digest: str
    expected_root: str
    reproduced_root: str
    first_difference: int | None = None  # view position of the first record that differs, when the views were read

    @computed_field  # type: ignore[prop-decorator]
    @property
    def matches(self) -> bool:
        return (self.expected_count, self.expected_digest, self.expected_root) == (
            self.reproduced_count,
            self.reproduced_digest,
            self.reproduced_root,
        )


class EventReplay(BaseModel):
    """One event replayed, or why it could not be (``problem``: offsets no longer retained, a missing key)."""

    model_config = ConfigDict(frozen=True)

    chain: str
    seq: int
    event_id: str
    first_offset: int
    last_offset: int
    rule_version: int | None
    key_ids: dict[str, str]
    view: ViewReplay | None = None
    problem: str | None = None

    @computed_field  # type: ignore[prop-decorator]
    @property
    def matches(self) -> bool:
        return self.problem is None and self.view is not None and self.view.matches


class ReplayReport(BaseModel):
    """A session's events replayed for one audience, in seq order."""

    model_config = ConfigDict(frozen=True)

    audience: str
    events: list[EventReplay]

    @computed_field  # type: ignore[prop-decorator]
    @property
    def matches(self) -> bool:
        """Every event reproduced its recorded view (and there was at least one to reproduce)."""
        return bool(self.events) and all(event.matches for event in self.events)


def compare_view(audience: str, output: AudienceOutput, reproduced: Sequence[bytes | None], salt: bytes) -> ViewReplay:
    """The recorded view ``output`` against the ``reproduced`` view values, in view order, their digests made
    with ``salt`` (the one the event's digests of the audience were made with)."""
    digest, root = view_digests(list(reproduced), salt)
    return ViewReplay(
        audience=audience,
        expected_count=output.count,
        reproduced_count=len(reproduced),
        expected_digest=output.digest,
        reproduced_digest=digest,
        expected_root=output.merkle_root,
        reproduced_root=root,
    )


def first_difference(recorded: Sequence[bytes | None], reproduced: Sequence[bytes | None]) -> int | None:
    """The first view position whose record differs (the shorter view's end if one is a prefix); None if none."""
    for position, (old, new) in enumerate(zip(recorded, reproduced, strict=False)):
        if old != new:
            return position
    return None if len(recorded) == len(reproduced) else min(len(recorded), len(reproduced))
