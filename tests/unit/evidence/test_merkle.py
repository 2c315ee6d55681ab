"""The RFC 9162 code against the RFC's own test tree and against pymerkle, an independent implementation."""

from __future__ import annotations

import warnings

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pymerkle import InmemoryTree
from pymerkle import verify_consistency as oracle_verify_consistency

from streamguard.evidence.merkle import (
    EMPTY_ROOT,
    MerkleFrontier,
    consistency_proof,
    inclusion_proof,
    leaf_hash,
    root_of,
    verify_consistency,
    verify_inclusion,
)

# The eight entries of the test tree of Certificate Transparency's reference implementation, and its heads.
CT_ENTRIES = [b"", b"\x00", b"\x10", b"\x20\x21", b"\x30\x31", b"\x40\x41\x42\x43", b"\x50\x51\x52\x53\x54\x55\x56\x57",
              b"\x60\x61\x62\x63\x64\x65\x66\x67\x68\x69\x6a\x6b\x6c\x6d\x6e\x6f"]  # fmt: skip
CT_ROOTS = [
    "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
    "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
    "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
    "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
    "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
    "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
    "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
    "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328",
]


def _leaves(count: int) -> list[bytes]:
    return [leaf_hash(b"event %d" % number) for number in range(count)]


def test_the_reference_tree_has_the_published_heads() -> None:
    leaves = [leaf_hash(entry) for entry in CT_ENTRIES]
    assert root_of([]) == EMPTY_ROOT
    assert [root_of(leaves[:size]).hex() for size in range(1, 9)] == CT_ROOTS


def test_roots_and_audit_paths_agree_with_pymerkle() -> None:
    oracle = InmemoryTree(algorithm="sha256")
    leaves = _leaves(70)
    for number in range(70):
        oracle.append_entry(b"event %d" % number)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        for size in range(1, 71):
            assert root_of(leaves[:size]) == oracle.get_state(size)
            for index in range(size):
                theirs = oracle.prove_inclusion(index + 1, size).serialize()["path"][1:]  # theirs starts at the leaf
                assert [node.hex() for node in inclusion_proof(leaves[:size], index)] == theirs


def test_consistency_proofs_hold_between_every_pair_of_sizes_and_pymerkle_agrees_they_should() -> None:
    oracle = InmemoryTree(algorithm="sha256")
    leaves = _leaves(40)
    for number in range(40):
        oracle.append_entry(b"event %d" % number)
    for new in range(1, 41):
        for old in range(1, new + 1):
            proof = consistency_proof(leaves[:new], old)
            assert verify_consistency(old, new, root_of(leaves[:old]), root_of(leaves[:new]), proof), (old, new)
            # the oracle's own proof, checked by the oracle against our heads (raises if they are not its heads)
            oracle_verify_consistency(root_of(leaves[:old]), root_of(leaves[:new]), oracle.prove_consistency(old, new))


def test_a_forked_or_rewritten_log_fails_consistency() -> None:
    leaves = _leaves(20)
    forked = [*leaves[:7], leaf_hash(b"forged"), *leaves[8:]]
    proof = consistency_proof(forked, 10)
    assert not verify_consistency(10, 20, root_of(leaves[:10]), root_of(forked), proof)
    honest = consistency_proof(leaves, 10)
    assert not verify_consistency(10, 20, root_of(leaves[:10]), root_of(forked), honest)
    assert not verify_consistency(10, 20, root_of(leaves[:10]), root_of(leaves), honest[:-1])
    assert not verify_consistency(11, 20, root_of(leaves[:10]), root_of(leaves), honest)


def test_an_inclusion_proof_fails_for_another_leaf_index_size_or_root() -> None:
    leaves = _leaves(13)
    root = root_of(leaves)
    proof = inclusion_proof(leaves, 5)
    assert verify_inclusion(leaves[5], 5, 13, proof, root)
    assert not verify_inclusion(leaves[6], 5, 13, proof, root)
    assert not verify_inclusion(leaves[5], 4, 13, proof, root)
    assert not verify_inclusion(leaves[5], 5, 13, proof, root_of(leaves[:12]))
    assert not verify_inclusion(leaves[5], 5, 13, proof[:-1], root)
    with pytest.raises(IndexError):
        inclusion_proof(leaves, 13)


@settings(max_examples=60, deadline=None)
@given(st.integers(min_value=0, max_value=300))
def test_the_frontier_gives_the_full_trees_root_at_every_size(size: int) -> None:
    leaves = _leaves(size)
    frontier = MerkleFrontier()
    for leaf in leaves:
        frontier.append(leaf)
    assert frontier.root() == root_of(leaves)
    assert len(frontier.nodes) == size.bit_count()
    restored = MerkleFrontier(frontier.size, frontier.nodes)
    restored.append(leaf_hash(b"next"))
    assert restored.root() == root_of([*leaves, leaf_hash(b"next")])
