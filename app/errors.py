"""The one exception root of streamguard.

    StreamguardError
    ├── ConfigError            invalid configuration (names the variable or file)
    ├── KafkaToolingError      the local broker cannot be fetched, started or reached
    ├── RulesError             steward rules that do not load or validate (names file, line, path)
    ├── KeyringError           missing or malformed keys (names the key id, never the key)
    ├── MaskingError           a record that cannot be masked (names the field path, never the value)
    └── DetectionError         free-text detection failed or ran over its budget

Messages name files, lines, field paths, topics, partitions and offsets: never a payload value or a secret.
"""


class StreamguardError(Exception):
    """Root of every error streamguard raises on purpose."""


class ConfigError(StreamguardError):
    """Configuration that cannot be used; the message names the variable or file."""


class KafkaToolingError(StreamguardError):
    """The local Apache Kafka broker cannot be fetched, started, stopped or reached."""


class RulesError(StreamguardError):
    """Steward rules that fail to load or validate."""


class KeyringError(StreamguardError):
    """Keys that are missing or malformed."""


class MaskingError(StreamguardError):
    """A record that cannot be masked safely."""


class DetectionError(StreamguardError):
    """Free-text detection that failed or exceeded its time or size budget."""
