"""Per-record proofs: a proof built by hand from a synthetic chain verifies with public keys only, and a
change to any byte it commits to (the view, its salt, the audit event, a path node, the checkpoint note) is
named."""

from __future__ import annotations

import base64
from collections.abc import Callable

import pytest

from streamguard.evidence.audit import GENESIS_HASH, AudienceOutput, AuditEvent, Quarantined, SourceSpan, event_leaf
from streamguard.evidence.checkpoint import Checkpoint, CosignatureSigner, sign_checkpoint
from streamguard.evidence.digests import INPUT, UNSALTED, batch_digest, digest_salt, view_digests, view_leaves
from streamguard.evidence.merkle import inclusion_proof, leaf_hash, root_of
from streamguard.evidence.proofs import ProofError, RecordProof, ViewRecord, check_proof, record_proof
from streamguard.evidence.signed_note import NoteSigner

LOG_NAME = "streamguard.test/audit"
ORIGIN = f"{LOG_NAME}/raw.customers:0"
LOG = NoteSigner(LOG_NAME, bytes(range(32)))
WITNESS = CosignatureSigner("witness.test/w1", bytes(range(1, 33)))
NOW = 1_767_225_600
# Event seq 2 delivers raw offsets 40..44, quarantines 45 and propagates the tombstone at 46.
VIEWS = [b'{"id":"C1","email":"h:1a2b"}', b'{"id":"C2"}', b'{"id":"C3"}', b'{"id":"C4"}', b'{"id":"C5"}', None]
VIEW_FIRST = 100  # where the analytics view of event 2 landed
EVIDENCE_SUBKEY = bytes(range(2, 34))  # what the worker derives from its evidence key k2


def _salt(first: int, output: str) -> bytes:
    return digest_salt(EVIDENCE_SUBKEY, "raw.customers", 0, first, output)


SALT = _salt(40, "analytics")  # event 2's analytics salt: the one a proof of its analytics view reveals


def _output(audience: str, values: list[bytes | None], first: int) -> AudienceOutput:
    digest, root = view_digests(values, _salt(first, audience))
    topic = f"governed.customers.{audience}"
    return AudienceOutput(
        topic=topic,
        partition=0,
        first_offset=VIEW_FIRST,
        last_offset=VIEW_FIRST + len(values) - 1,
        count=len(values),
        digest=digest,
        merkle_root=root,
    )


def _event(seq: int) -> AuditEvent:
    first = seq * 20
    return AuditEvent(
        event_id=f"event-{seq}",
        recorded_at="2026-01-01T00:00:00.000+00:00",
        worker="worker-1",
        dataset="customers",
        source=SourceSpan(topic="raw.customers", partition=0, first_offset=first, last_offset=first + 6),
        rule_version=1,
        delivered=[(first, first + 4)],
        quarantined=[Quarantined(offset=first + 5, reason="oversize")],
        tombstones=[first + 6],
        outputs={"analytics": _output("analytics", VIEWS, first), "support": _output("support", [b"s"] * 6, first)},
        input_digest=batch_digest([b"raw"] * 7, _salt(first, INPUT)),
        key_ids={"mask": "k1", "encrypt": "k1", "evidence": "k2"},
    )


def _chain(count: int = 5) -> list[AuditEvent]:
    events, head = [], GENESIS_HASH
    for seq in range(count):
        events.append(_event(seq).sealed(seq, head))
        head = events[-1].hash
    return events


CHAIN = _chain()
TARGET = CHAIN[2]
LOG_LEAVES = [event_leaf(event) for event in CHAIN]
CHECKPOINT = Checkpoint(ORIGIN, 4, root_of(LOG_LEAVES[:4]))
NOTE = sign_checkpoint(CHECKPOINT, LOG) + WITNESS.cosign(CHECKPOINT, NOW)


def _by_hand(position: int = 1) -> RecordProof:
    """The proof of the analytics view of raw offset 40 + position, assembled from the spec, not from code."""
    view_tree = view_leaves(VIEWS, SALT)
    value = VIEWS[position]
    return RecordProof(
        raw_topic="raw.customers",
        raw_partition=0,
        raw_offset=40 + position + (1 if value is None else 0),  # the tombstone is at 46, after the quarantined 45
        audience="analytics",
        view_topic="governed.customers.analytics",
        view_partition=0,
        view_offset=VIEW_FIRST + position,
        view_value=None if value is None else base64.b64encode(value).decode(),
        view_salt=base64.b64encode(SALT).decode(),
        leaf_index=position,
        leaf_count=len(VIEWS),
        view_path=[node.hex() for node in inclusion_proof(view_tree, position)],
        audit_event=TARGET.model_dump_json(),
        event_index=TARGET.seq,
        event_path=[node.hex() for node in inclusion_proof(LOG_LEAVES[:4], TARGET.seq)],
        checkpoint=NOTE,
    )


def _problems(proof: RecordProof, *, require_witness: bool = True, log_keys: list[str] | None = None) -> list[str]:
    keys = [str(LOG.verifier_key)] if log_keys is None else log_keys
    return check_proof(proof, log_keys=keys, witness_keys=[WITNESS.vkey], require_witness=require_witness)


def _flip_char(text: str, index: int) -> str:
    """``text`` with the character at ``index`` changed to another one of the same kind."""
    old = text[index]
    new = old
    if old.isdigit():
        new = str((int(old) + 1) % 10)
    elif old.isalpha():  # another letter of the same case: hex stays hex, base64 stays base64
        first = "a" if old.islower() else "A"
        new = chr(ord(first) + 1) if old == first else first
    assert new != old
    return text[:index] + new + text[index + 1 :]


def _with_view(proof: RecordProof, change: Callable[[bytearray], None]) -> RecordProof:
    assert proof.view_value is not None
    value = bytearray(base64.b64decode(proof.view_value))
    change(value)
    return proof.model_copy(update={"view_value": base64.b64encode(bytes(value)).decode()})


def test_a_proof_built_by_hand_verifies_with_public_keys_only() -> None:
    assert _problems(_by_hand()) == []


def test_the_proof_of_a_tombstone_verifies() -> None:
    proof = _by_hand(position=5)
    assert proof.view_value is None
    assert _problems(proof) == []


def test_the_assembler_builds_the_proof_the_spec_describes() -> None:
    views = [ViewRecord(VIEW_FIRST + n, value) for n, value in enumerate(VIEWS)]
    built = record_proof(
        raw=("raw.customers", 0, 41),
        audience="analytics",
        event=TARGET,
        event_json=TARGET.model_dump_json(),
        views=views,
        position=1,
        log_leaves=LOG_LEAVES,
        checkpoint_note=NOTE,
        salt=SALT,
    )
    assert built == _by_hand()
    assert RecordProof.from_json(built.to_json(), "proof.json") == built


def test_the_assembler_refuses_views_that_do_not_reproduce_the_event() -> None:
    views = [ViewRecord(VIEW_FIRST + n, value) for n, value in enumerate(VIEWS)]
    views[3] = ViewRecord(VIEW_FIRST + 3, b'{"id":"C4","email":"a@b.c"}')
    with pytest.raises(
        ProofError, match=r"6 view records of event event-2 in governed\.customers\.analytics\[0\] do not"
    ):
        record_proof(
            raw=("raw.customers", 0, 41),
            audience="analytics",
            event=TARGET,
            event_json=TARGET.model_dump_json(),
            views=views,
            position=1,
            log_leaves=LOG_LEAVES,
            checkpoint_note=NOTE,
            salt=SALT,
        )


def test_one_byte_of_the_view_changed_is_not_included() -> None:
    def flip(value: bytearray) -> None:
        value[3] ^= 0x01

    problems = _problems(_with_view(_by_hand(), flip))
    assert problems == [
        "view record governed.customers.analytics[0]@101 (leaf 1 of 6) is not included in the Merkle root of "
        "audience analytics in audit event event-2: the view value, its salt, the leaf position or the view path "
        "was altered"
    ]


def test_one_byte_of_the_event_json_changed_breaks_its_hash() -> None:
    proof = _by_hand()
    index = proof.audit_event.index("worker-1") + len("worker-")
    flipped = _flip_char(proof.audit_event, index)
    problems = _problems(proof.model_copy(update={"audit_event": flipped}))
    assert problems[0] == (
        f"audit event event-2: its content hashes to {AuditEvent.model_validate_json(flipped).content_hash()}, not "
        f"to its recorded hash {TARGET.hash}: the event was altered"
    )
    assert problems[1:] == []  # its recorded hash, and so its leaf in the log, are unchanged


def test_event_json_that_no_longer_parses_is_named() -> None:
    proof = _by_hand()
    broken = proof.audit_event.replace('"seq":', '"seq";', 1)
    assert _problems(proof.model_copy(update={"audit_event": broken})) == [
        "the proof's audit event does not parse (Invalid JSON: expected `:` at line 1 column "
        f"{broken.index('seq') + 5})"
    ]


def test_an_edited_hash_is_not_in_the_checkpoint() -> None:
    """An attacker who edits the event and re-seals it gets a hash the signed log never held."""
    forged = TARGET.model_copy(update={"tombstones": []}).sealed(TARGET.seq, TARGET.prev_hash)
    proof = _by_hand(position=5).model_copy(update={"audit_event": forged.model_dump_json()})
    problems = _problems(proof)
    assert problems[0] == "raw.customers[0]@46 is neither delivered nor a tombstone in audit event event-2"
    assert problems[-1] == (
        f"audit event event-2 (seq 2) is not included in checkpoint {ORIGIN}@4: the event or the event path was altered"
    )


@pytest.mark.parametrize(("path", "node"), [("view_path", 0), ("view_path", 2), ("event_path", 0), ("event_path", 1)])
def test_one_byte_of_a_path_node_changed_fails(path: str, node: int) -> None:
    proof = _by_hand()
    nodes = list(getattr(proof, path))
    nodes[node] = _flip_char(nodes[node], 10)
    problems = _problems(proof.model_copy(update={path: nodes}))
    expected = {
        "view_path": "view record governed.customers.analytics[0]@101 (leaf 1 of 6) is not included",
        "event_path": f"audit event event-2 (seq 2) is not included in checkpoint {ORIGIN}@4",
    }[path]
    assert len(problems) == 1
    assert problems[0].startswith(expected)


def test_a_path_node_that_is_not_a_hash_is_named() -> None:
    proof = _by_hand()
    problems = _problems(proof.model_copy(update={"event_path": [*proof.event_path[:1], "abc"]}))
    assert problems == ["event path node 1 is not hex"]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (1, "checkpoint is not signed by a trusted log key"),  # the size
        (2, "checkpoint is not signed by a trusted log key"),  # the root hash
        (4, "checkpoint is not signed by a trusted log key"),  # the log's signature
        (5, f"checkpoint {ORIGIN}@4: cosignature by 'witness.test/w1+"),  # the witness's cosignature
    ],
    ids=["size", "root", "log-signature", "cosignature"],
)
def test_one_byte_of_the_note_changed_fails(line: int, expected: str) -> None:
    proof = _by_hand()
    lines = proof.checkpoint.split("\n")
    lines[line] = _flip_char(lines[line], len(lines[line]) - 10 if line >= 4 else 0)  # signatures: not the key id
    problems = _problems(proof.model_copy(update={"checkpoint": "\n".join(lines)}))
    assert len(problems) == 1
    assert problems[0].startswith(expected)
    assert "does not verify" in problems[0]


def test_a_checkpoint_by_another_key_is_not_trusted() -> None:
    stranger = NoteSigner(LOG_NAME, bytes(32))
    problems = _problems(_by_hand(), log_keys=[str(stranger.verifier_key)])
    assert problems == [
        f"checkpoint is not signed by a trusted log key ({stranger.verifier_key.label}): "
        "note has no signature by a known key"
    ]
    assert _problems(_by_hand(), log_keys=[]) == [
        "no trusted log key given: the checkpoint's signature cannot be checked"
    ]


def test_a_checkpoint_of_another_chain_is_named() -> None:
    other = Checkpoint(f"{LOG_NAME}/raw.orders:0", 4, CHECKPOINT.root_hash)
    problems = _problems(
        _by_hand().model_copy(update={"checkpoint": sign_checkpoint(other, LOG)}), require_witness=False
    )
    assert problems == [f"checkpoint origin '{LOG_NAME}/raw.orders:0' is not the log of raw.customers:0 ('{ORIGIN}')"]


def test_a_required_witness_must_have_cosigned() -> None:
    unwitnessed = _by_hand().model_copy(update={"checkpoint": sign_checkpoint(CHECKPOINT, LOG)})
    assert _problems(unwitnessed, require_witness=False) == []
    assert _problems(unwitnessed) == [f"checkpoint {ORIGIN}@4 carries no cosignature by {WITNESS.verifier_key.label}"]
    no_keys = check_proof(_by_hand(), log_keys=[str(LOG.verifier_key)], witness_keys=[], require_witness=True)
    assert no_keys == ["a witness cosignature is required but no witness key was given"]


def test_a_checkpoint_too_small_for_the_event_does_not_cover_it() -> None:
    small = Checkpoint(ORIGIN, 2, root_of(LOG_LEAVES[:2]))
    proof = _by_hand().model_copy(update={"checkpoint": sign_checkpoint(small, LOG)})
    assert _problems(proof, require_witness=False) == [f"checkpoint {ORIGIN}@2 does not cover audit event seq 2"]


def test_a_raw_offset_the_event_did_not_deliver_is_named() -> None:
    quarantined = _by_hand().model_copy(update={"raw_offset": 45})
    assert _problems(quarantined) == ["raw.customers[0]@45 is neither delivered nor a tombstone in audit event event-2"]
    other_record = _by_hand().model_copy(update={"raw_offset": 43})
    assert _problems(other_record) == [
        "leaf index 1 is not the place of raw.customers[0]@43 in audit event event-2's views (leaf 3)"
    ]
    tombstone = _by_hand().model_copy(update={"raw_offset": 46})
    assert _problems(tombstone) == [
        "raw.customers[0]@46 is a tombstone in audit event event-2, but the proof has a view value"
    ]


def test_a_view_of_another_audience_or_place_is_named() -> None:
    support = _by_hand().model_copy(update={"audience": "support"})
    assert _problems(support)[0].startswith("view governed.customers.analytics[0]@101 is not where audit event")
    assert _problems(_by_hand().model_copy(update={"audience": "legal"})) == [
        "audit event event-2 has no view for audience 'legal'"
    ]
    outside = _by_hand().model_copy(update={"view_offset": 99})
    assert _problems(outside) == [
        "view offset 99 is outside audit event event-2's view offsets 100..105 for audience analytics"
    ]


def test_a_file_that_is_not_a_proof_is_named() -> None:
    with pytest.raises(ProofError, match=r"proof.json is not a record proof \(raw_offset: Field required\)"):
        RecordProof.from_json(_by_hand().model_dump_json(exclude={"raw_offset"}), "proof.json")
    assert _problems(_by_hand().model_copy(update={"format": "other/v9"})) == [
        "proof format 'other/v9' is not 'streamguard-record-proof/v1'"
    ]


def test_the_assembler_refuses_a_log_that_does_not_reproduce_the_checkpoint() -> None:
    forked = [*LOG_LEAVES[:1], leaf_hash(b"another event 1"), *LOG_LEAVES[2:]]
    with pytest.raises(
        ProofError, match=rf"the chain's first 4 audit events do not reproduce the root of .*{ORIGIN}@4"
    ):
        record_proof(
            raw=("raw.customers", 0, 41),
            audience="analytics",
            event=TARGET,
            event_json=TARGET.model_dump_json(),
            views=[ViewRecord(VIEW_FIRST + n, value) for n, value in enumerate(VIEWS)],
            position=1,
            log_leaves=forked,
            checkpoint_note=NOTE,
            salt=SALT,
        )


# -- salts ---------------------------------------------------------------------------------------------


def test_a_proof_reveals_its_own_views_salt_and_no_other() -> None:
    proof = _by_hand()
    assert proof.view_salt == base64.b64encode(SALT).decode()
    text = proof.to_json()
    for other in (_salt(40, "support"), _salt(40, INPUT), *(_salt(seq * 20, "analytics") for seq in (0, 1, 3))):
        assert base64.b64encode(other).decode() not in text
        assert other.hex() not in text


def test_a_changed_salt_is_not_included() -> None:
    for other in (_salt(40, "support"), _salt(20, "analytics"), bytes(32)):
        proof = _by_hand().model_copy(update={"view_salt": base64.b64encode(other).decode()})
        assert _problems(proof) == [
            "view record governed.customers.analytics[0]@101 (leaf 1 of 6) is not included in the Merkle root of "
            "audience analytics in audit event event-2: the view value, its salt, the leaf position or the view "
            "path was altered"
        ]


def test_a_proof_without_its_salt_or_with_a_malformed_one_is_named() -> None:
    assert _problems(_by_hand().model_copy(update={"view_salt": None})) == [
        "the proof carries no view salt: audit event event-2 salted audience analytics's record digests (evidence "
        "key k2), so its view record cannot be checked without it"
    ]
    assert _problems(_by_hand().model_copy(update={"view_salt": "not base64!"})) == [
        "the proof's view salt is not base64"
    ]
    short = base64.b64encode(SALT[:16]).decode()
    assert _problems(_by_hand().model_copy(update={"view_salt": short})) == [
        "the proof's view salt is 16 bytes, not 32"
    ]
    unsalted_views = [ViewRecord(VIEW_FIRST + n, value) for n, value in enumerate(VIEWS)]
    with pytest.raises(ProofError, match=r"do not reproduce its Merkle root for audience analytics \(with the salt"):
        record_proof(
            raw=("raw.customers", 0, 41),
            audience="analytics",
            event=TARGET,
            event_json=TARGET.model_dump_json(),
            views=unsalted_views,
            position=1,
            log_leaves=LOG_LEAVES,
            checkpoint_note=NOTE,
            salt=UNSALTED,
        )


def test_the_proof_of_an_event_made_before_salted_digests_carries_no_salt() -> None:
    """An event that records no evidence key was digested unsalted: its proofs verify without a salt, and a
    salt given with one is a problem (the event's digests could not have used it)."""
    legacy_output = AudienceOutput(
        **{
            **TARGET.outputs["analytics"].model_dump(),
            **dict(zip(("digest", "merkle_root"), view_digests(VIEWS, UNSALTED), strict=True)),
        }
    )
    legacy = TARGET.model_copy(update={"outputs": {"analytics": legacy_output}, "key_ids": {"mask": "k1"}})
    events = [*CHAIN[:2], legacy.sealed(2, CHAIN[1].hash)]
    leaves = [event_leaf(event) for event in events]
    note = sign_checkpoint(Checkpoint(ORIGIN, 3, root_of(leaves)), LOG)
    proof = record_proof(
        raw=("raw.customers", 0, 41),
        audience="analytics",
        event=events[2],
        event_json=events[2].model_dump_json(),
        views=[ViewRecord(VIEW_FIRST + n, value) for n, value in enumerate(VIEWS)],
        position=1,
        log_leaves=leaves,
        checkpoint_note=note,
        salt=UNSALTED,
    )
    assert proof.view_salt is None
    assert _problems(proof, require_witness=False) == []
    salted = proof.model_copy(update={"view_salt": base64.b64encode(SALT).decode()})
    assert _problems(salted, require_witness=False) == [
        "audit event event-2 records no evidence key (its digests are unsalted), but the proof carries a view salt"
    ]
