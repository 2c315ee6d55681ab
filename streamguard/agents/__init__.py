"""The data path between raw and governed topics.

Pure modules (no I/O): ``codec`` (wire formats), ``identity`` (producer signatures), ``processor`` (a batch of
source records in, governed views, quarantine entries and an audit event out).
Kafka edges, named ``kafka_*``: topics, the rules watcher, the batched data path service and the audit writer.
"""
