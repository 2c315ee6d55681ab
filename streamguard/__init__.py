"""streamguard: compliance evidence for Kafka pipelines.

A stream-processing sidecar that reads raw topics, masks personal data per audience into governed views,
quarantines what it cannot handle safely, and records what happened to every source offset in a
tamper-evident audit stream. The ``streamguard`` command is the way in; the packages, from the bottom up:

- ``core``: the exception root, topic names, the rule-set record and reason codes;
- ``masking`` and ``evidence``: pure logic (steward rules, masking plans, detection; audit events, digests,
  the hash chain);
- ``agents``: the data path (a pure processor, and its Kafka edges in the ``kafka_*`` modules);
- ``app``: settings, the command line, the worker's wiring, the local broker;
- ``schemas``: the sample dataset's schema, rules and records.
"""

from streamguard.core.errors import StreamguardError

__version__ = "0.1.0"
__all__ = ["StreamguardError", "__version__"]
