"""What the demo, the tests and the benchmarks share, outside the product (not in the wheel).

- ``sample_data``: fake customers (Faker, a dev dependency) for the sample schema;
- ``raw_producer``: playing a dataset producer's part on a raw topic;
- ``worker_process``: ``streamguard worker`` as a child process, and waiting for things;
- ``scrape``: reading a process's Prometheus metrics, as Prometheus does;
- ``deployment``: one isolated deployment (own prefix, home, keyring) on a broker, its rules and workers;
- ``readback``: reading topics back (views decoded, evidence, end and committed offsets);
- ``demo``: ``make demo``.
"""

from streamguard.core.errors import StreamguardError


class HarnessError(StreamguardError):
    """The harness gave up: a child process exited, or a wait ran out of time."""
