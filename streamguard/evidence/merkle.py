"""RFC 9162 Merkle trees: roots, inclusion and consistency proofs, and the compact frontier of a growing log.

Hashing as in Certificate Transparency (RFC 9162 section 2.1): a leaf is SHA-256(0x00 || entry), an inner
node SHA-256(0x01 || left || right), the empty tree SHA-256 of nothing. Trees split at the largest power of
two below their size, so a log's tree of size m is a prefix of its tree of any later size n and a
consistency proof of O(log n) hashes shows it. Written here rather than taken from a library because the
proofs are what an auditor's trust rests on: ``tests/unit/evidence/test_merkle.py`` checks them against an
independent implementation.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

EMPTY_ROOT = hashlib.sha256(b"").digest()


def leaf_hash(entry: bytes) -> bytes:
    return hashlib.sha256(b"\x00" + entry).digest()


def node_hash(left: bytes, right: bytes) -> bytes:
    return hashlib.sha256(b"\x01" + left + right).digest()


def root_of(leaf_hashes: Sequence[bytes]) -> bytes:
    """The tree head over ``leaf_hashes`` (already leaf-hashed), level by level: an odd node out at the end
    of a level is carried up unchanged, which gives exactly RFC 9162's split at the largest power of two."""
    if not leaf_hashes:
        return EMPTY_ROOT
    level = list(leaf_hashes)
    while len(level) > 1:
        paired = [node_hash(level[i], level[i + 1]) for i in range(0, len(level) - 1, 2)]
        if len(level) % 2:
            paired.append(level[-1])
        level = paired
    return level[0]


def _split(size: int) -> int:
    """The largest power of two smaller than ``size`` (size > 1)."""
    return 1 << ((size - 1).bit_length() - 1)


def inclusion_proof(leaf_hashes: Sequence[bytes], index: int) -> list[bytes]:
    """The audit path of leaf ``index`` (RFC 9162 2.1.3.1), nearest sibling first."""
    if not 0 <= index < len(leaf_hashes):
        raise IndexError(f"leaf {index} is not in a tree of size {len(leaf_hashes)}")
    proof: list[bytes] = []
    low, high = 0, len(leaf_hashes)
    while high - low > 1:  # descend to the leaf, collecting the root of the other side of each split
        k = _split(high - low)
        if index - low < k:
            proof.append(root_of(leaf_hashes[low + k : high]))
            high = low + k
        else:
            proof.append(root_of(leaf_hashes[low : low + k]))
            low += k
    return proof[::-1]


def verify_inclusion(leaf: bytes, index: int, size: int, proof: Sequence[bytes], root: bytes) -> bool:
    """Whether ``leaf`` (a leaf hash) is number ``index`` of the tree of ``size`` leaves with head ``root``
    (RFC 9162 2.1.3.2)."""
    if not 0 <= index < size:
        return False
    fn, sn, running = index, size - 1, leaf
    for sibling in proof:
        if sn == 0:
            return False
        if fn & 1 or fn == sn:
            running = node_hash(sibling, running)
            if not fn & 1:
                while fn and not fn & 1:
                    fn, sn = fn >> 1, sn >> 1
        else:
            running = node_hash(running, sibling)
        fn, sn = fn >> 1, sn >> 1
    return sn == 0 and running == root


def consistency_proof(leaf_hashes: Sequence[bytes], old_size: int) -> list[bytes]:
    """The proof that the tree of the first ``old_size`` leaves is a prefix of the whole (RFC 9162 2.1.4.1)."""
    if not 0 < old_size <= len(leaf_hashes):
        raise ValueError(f"no consistency proof from size {old_size} to size {len(leaf_hashes)}")
    return _subproof(leaf_hashes, old_size, complete=True)


def _subproof(leaves: Sequence[bytes], m: int, *, complete: bool) -> list[bytes]:
    n = len(leaves)
    if m == n:
        return [] if complete else [root_of(leaves)]
    k = _split(n)
    if m <= k:
        return [*_subproof(leaves[:k], m, complete=complete), root_of(leaves[k:])]
    return [*_subproof(leaves[k:], m - k, complete=False), root_of(leaves[:k])]


def verify_consistency(old_size: int, new_size: int, old_root: bytes, new_root: bytes, proof: Sequence[bytes]) -> bool:
    """Whether the tree of ``new_size`` leaves with head ``new_root`` extends the one of ``old_size`` with
    head ``old_root`` (RFC 9162 2.1.4.2)."""
    if not 0 < old_size <= new_size:
        return False
    if old_size == new_size:
        return not proof and old_root == new_root
    path = list(proof)
    if old_size & (old_size - 1) == 0:  # a power of two: the old root is itself the first node of the path
        path.insert(0, old_root)
    if not path:
        return False
    fn, sn = old_size - 1, new_size - 1
    while fn & 1:
        fn, sn = fn >> 1, sn >> 1
    fr = sr = path[0]
    for node in path[1:]:
        if sn == 0:
            return False
        if fn & 1 or fn == sn:
            fr, sr = node_hash(node, fr), node_hash(node, sr)
            if not fn & 1:
                while fn and not fn & 1:
                    fn, sn = fn >> 1, sn >> 1
        else:
            sr = node_hash(sr, node)
        fn, sn = fn >> 1, sn >> 1
    return sn == 0 and fr == old_root and sr == new_root


class MerkleFrontier:
    """The right edge of a growing log: the roots of its perfect subtrees, largest first (one per set bit of
    the size). Enough to append and to compute the root, in O(log n) memory, so a worker can checkpoint a
    chain without holding its history; it travels with the chain head in the committed offset metadata."""

    __slots__ = ("_nodes", "size")

    def __init__(self, size: int = 0, nodes: Sequence[bytes] = ()) -> None:
        if len(nodes) != size.bit_count():
            raise ValueError(f"a frontier of size {size} has {size.bit_count()} nodes, not {len(nodes)}")
        self.size = size
        self._nodes = list(nodes)

    @property
    def nodes(self) -> tuple[bytes, ...]:
        return tuple(self._nodes)

    def append(self, leaf: bytes) -> None:
        """Add a leaf hash: merge equal-sized subtrees from the right, as a binary counter carries."""
        node, size = leaf, self.size
        while size & 1:
            node = node_hash(self._nodes.pop(), node)
            size >>= 1
        self._nodes.append(node)
        self.size += 1

    def root(self) -> bytes:
        if not self._nodes:
            return EMPTY_ROOT
        running = self._nodes[-1]
        for node in reversed(self._nodes[:-1]):
            running = node_hash(node, running)
        return running

    def copy(self) -> MerkleFrontier:
        return MerkleFrontier(self.size, self._nodes)
