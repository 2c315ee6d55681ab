"""Pure evidence logic: audit events, their digests, the evidence header and the per-partition hash chain."""
