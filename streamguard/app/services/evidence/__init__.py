"""The evidence's services: indexing the topics into the store, verification, record proofs, replay,
the auditor's report, SIEM export, purge and the witness."""
