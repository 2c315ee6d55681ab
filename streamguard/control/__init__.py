"""The control plane's pure logic: the policy, approvals and their state machine, protection diffs of rule
changes, the ACLs a policy implies, read evidence and monitoring rules. No I/O: Kafka, HTTP and storage are
the agents' and the app's."""
