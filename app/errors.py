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


def describe_failure(error: BaseException) -> str:
    """A loggable account of an error: our own messages are written to be safe; anything else may quote
    record data, so only its type and where it was raised are told."""
    if isinstance(error, StreamguardError):
        return f"{type(error).__name__}: {error}"
    frame = error.__traceback__
    while frame is not None and frame.tb_next is not None:
        frame = frame.tb_next
    where = f" at {frame.tb_frame.f_code.co_filename}:{frame.tb_lineno}" if frame else ""
    return f"{type(error).__name__}{where} (message withheld: it may quote record data)"
