"""The data path between raw and governed topics.

Pure modules (no I/O): ``batch`` (the contracts), ``codec`` (wire formats), ``identity`` (producer
signatures), ``processor`` (a batch of source records in; governed views, quarantine entries and an audit
event out), ``assembly`` (those outputs put together), ``failure_policy`` (what a failure costs),
``rules_registry`` (the rules in force and their processors).
Kafka edges, named ``kafka_*``: the data path loop and its client ports, the real clients, topics, the rules
topic and feed, the schema registry, the audit chain heads, reading topics back and the audit.
"""
