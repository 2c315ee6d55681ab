"""Apache Kafka's own command-line clients (Java) for the tests that show streamguard works with the producers
and consumers a platform team already runs.

The tools run from the classpath folder the local broker runs from: ``ensure_broker_jars`` resolves the broker
and the ``kafka-tools`` artifact with Maven, once. ``ConsoleProducer`` reads one record a line from standard
input (``h1:v1,h2:v2|key|value`` here); ``ConsoleConsumer`` prints one a line, which ``consume`` parses back;
``DumpLogSegments`` (the broker's own tool) prints each batch of a log segment, with its compression codec and
timestamp type. The tools log through log4j2, whose default would print to standard output between the
records: ``KafkaTools`` gives them a configuration that logs warnings to standard error instead.
"""

from __future__ import annotations

import re
import subprocess
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from streamguard.app.kafka_local import LocalBroker
from streamguard.app.kafka_local.jars import ensure_broker_jars, require_java
from streamguard.app.settings import Settings
from streamguard.core.errors import StreamguardError

CONSOLE_PRODUCER = "org.apache.kafka.tools.ConsoleProducer"
CONSOLE_CONSUMER = "org.apache.kafka.tools.consumer.ConsoleConsumer"
DUMP_LOG_SEGMENTS = "kafka.tools.DumpLogSegments"
CODECS = ("gzip", "snappy", "lz4", "zstd")

SEPARATOR = "|"  # between a line's headers, key and value (the producer's headers.delimiter and key.separator)
_JVM_OPTIONS = ("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1")  # short runs: start fast
_LOG4J2 = """\
status = error
appender.stderr.type = Console
appender.stderr.name = STDERR
appender.stderr.target = SYSTEM_ERR
appender.stderr.layout.type = PatternLayout
appender.stderr.layout.pattern = [%d] %p %m (%c)%n
rootLogger.level = warn
rootLogger.appenderRef.stderr.ref = STDERR
"""
_BATCH_FIELD = re.compile(r"(\w+): (\S+)")


class JavaToolError(StreamguardError):
    """A Java tool exited with an error status, or ran out of time."""


@dataclass(frozen=True)
class ProducedRecord:
    """A line for the console producer: headers, key and value, none holding the separators."""

    key: str
    value: str
    headers: Sequence[tuple[str, str]] = ()

    def line(self) -> str:
        headers = ",".join(f"{name}:{value}" for name, value in self.headers)
        parts = (headers, self.key, self.value)
        if any("\n" in part or SEPARATOR in part for part in parts) or any(
            "," in text or ":" in name for name, text in self.headers
        ):
            raise ValueError(f"record {self.key!r} holds a separator the console producer would split on")
        return SEPARATOR.join(parts)


@dataclass(frozen=True)
class ConsumedRecord:
    """One record as the console consumer printed it."""

    timestamp_type: str  # CreateTime or LogAppendTime
    timestamp_ms: int
    partition: int
    headers: list[tuple[str, str]]
    key: str
    value: str

    @classmethod
    def parse(cls, line: str) -> ConsumedRecord:
        """``CreateTime:1700000000000<TAB>Partition:0<TAB>h1:v1,h2:v2<TAB>key<TAB>value`` (``NO_HEADERS``)."""
        stamp, partition, headers, key, value = line.split("\t", 4)
        timestamp_type, timestamp = stamp.split(":", 1)
        pairs = [] if headers == "NO_HEADERS" else [_header(text) for text in headers.split(",")]
        return cls(timestamp_type, int(timestamp), int(partition.removeprefix("Partition:")), pairs, key, value)


def _header(text: str) -> tuple[str, str]:
    name, _, value = text.partition(":")
    return name, value


@dataclass(frozen=True)
class KafkaTools:
    """``java -cp <libs>/* <tool>``, on the plaintext listener of a broker at 127.0.0.1."""

    java: str
    libs: Path
    log_config: Path

    @classmethod
    def locate(cls, settings: Settings, work_dir: Path) -> KafkaTools:
        """The tools of ``settings.kafka_version`` (resolved with Maven if the cache lacks them); their log
        configuration is written into ``work_dir``."""
        libs = ensure_broker_jars(settings.kafka_version, LocalBroker.from_settings(settings).cache_dir)
        log_config = work_dir / "tools-log4j2.properties"
        log_config.write_text(_LOG4J2)
        return cls(require_java(), libs, log_config)

    def run(self, tool: str, arguments: Sequence[str], stdin: str = "", timeout_s: float = 90) -> str:
        """Run ``tool`` to its end and return its standard output; JavaToolError if it fails."""
        command = [
            self.java,
            *_JVM_OPTIONS,
            f"-Dlog4j2.configurationFile={self.log_config}",
            "-cp",
            f"{self.libs}/*",
            tool,
            *arguments,
        ]
        try:
            result = subprocess.run(command, input=stdin, capture_output=True, text=True, timeout=timeout_s)
        except subprocess.TimeoutExpired:
            raise JavaToolError(f"{tool} did not finish within {timeout_s:.0f}s") from None
        if result.returncode != 0:
            tail = "\n".join(result.stderr.strip().splitlines()[-10:])
            raise JavaToolError(f"{tool} exited with status {result.returncode}:\n{tail}")
        return result.stdout

    def produce(self, bootstrap: str, topic: str, records: Iterable[ProducedRecord], compression: str = "none") -> None:
        """Write keyed records with headers through the console producer (acks=all), in batches compressed
        with ``compression``; JavaToolError if the producer reports an error."""
        arguments = [
            *("--bootstrap-server", bootstrap, "--topic", topic),
            *("--compression-codec", compression, "--request-required-acks", "all"),
            *("--property", "parse.key=true", "--property", f"key.separator={SEPARATOR}"),
            *("--property", "parse.headers=true", "--property", f"headers.delimiter={SEPARATOR}"),
            *("--property", "headers.separator=,", "--property", "headers.key.separator=:"),
            *("--producer-property", "enable.idempotence=true", "--producer-property", "linger.ms=50"),
        ]
        lines = "".join(f"{record.line()}\n" for record in records)
        self.run(CONSOLE_PRODUCER, arguments, stdin=lines)

    def consume(
        self,
        bootstrap: str,
        topic: str,
        max_messages: int,
        idle_timeout_ms: int,
        isolation_level: str = "read_committed",
    ) -> list[ConsumedRecord]:
        """Read ``topic`` from the beginning through the console consumer (a fresh group), until
        ``max_messages`` or until ``idle_timeout_ms`` pass without a record; each with its timestamp,
        partition, headers and key."""
        arguments = [
            *("--bootstrap-server", bootstrap, "--topic", topic, "--from-beginning"),
            *("--isolation-level", isolation_level),
            *("--max-messages", str(max_messages), "--timeout-ms", str(idle_timeout_ms)),
            *("--property", "print.timestamp=true", "--property", "print.partition=true"),
            *("--property", "print.headers=true", "--property", "print.key=true"),
        ]
        output = self.run(CONSOLE_CONSUMER, arguments)
        return [ConsumedRecord.parse(line) for line in output.splitlines() if line]

    def dump_batches(self, segments: Sequence[Path]) -> list[dict[str, str]]:
        """The record batches of log segment files, as ``DumpLogSegments`` describes each (``compresscodec``,
        ``LogAppendTime`` or ``CreateTime``, ``count``, ``baseOffset``, ...)."""
        output = self.run(DUMP_LOG_SEGMENTS, ["--files", ",".join(str(path) for path in segments)])
        return [dict(_BATCH_FIELD.findall(line)) for line in output.splitlines() if line.startswith("baseOffset:")]
