"""What the command line's server and the server-side processes call: the control plane's services
(``control``: approvals, risky operations, rules, access scoping, read evidence) and the evidence's
(``evidence``: indexing, verification, proofs, replay, reports, SIEM export, purge, the witness), with the
Kafka connection, keyrings, schema files and the mask preview they share."""
