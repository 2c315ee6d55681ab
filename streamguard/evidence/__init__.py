"""Pure evidence logic: audit events, their digests and the per-partition hash chain. No I/O."""
