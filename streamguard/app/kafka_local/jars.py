"""Resolve the Apache Kafka jars with Maven, once, into a cached folder.

One classpath: the broker (``org.apache.kafka:kafka_2.13``), Kafka's own command-line tools
(``org.apache.kafka:kafka-tools``: the console producer and consumer a platform team runs, the metadata
quorum tool that names the active controller) and the SLF4J 1.x binding for log4j2 they log through. Maven
resolves the whole runtime classpath, so nothing is downloaded by hand and the version is one pin.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

from streamguard.core.errors import KafkaToolingError

LOG4J_VERSION = "2.24.3"
_READY_MARKER = ".resolved"
_CLASSPATH_EDITION = "broker+tools"  # in the marker: a folder resolved for fewer artifacts is resolved again

_POM = """<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>dev.streamguard</groupId>
  <artifactId>local-kafka</artifactId>
  <version>{kafka}</version>
  <packaging>pom</packaging>
  <dependencies>
    <dependency>
      <groupId>org.apache.kafka</groupId><artifactId>kafka_2.13</artifactId><version>{kafka}</version>
    </dependency>
    <dependency>
      <groupId>org.apache.kafka</groupId><artifactId>kafka-tools</artifactId><version>{kafka}</version>
    </dependency>
    <dependency>
      <groupId>org.apache.logging.log4j</groupId><artifactId>log4j-slf4j-impl</artifactId>
      <version>{log4j}</version>
    </dependency>
  </dependencies>
</project>
"""

_MISSING_TOOLS_HINT = (
    "Alternatives: run the containers in docker/compose.yaml, or point streamguard at an existing "
    "cluster with STREAMGUARD_BOOTSTRAP=host:port."
)


def require_java() -> str:
    """Return the java executable, or explain what to install: the broker needs Java 17 or newer."""
    java = shutil.which("java")
    if java is None:
        raise KafkaToolingError(
            f"Java 17+ is needed to run the local Kafka broker (apt-get install "
            f"openjdk-17-jre-headless). {_MISSING_TOOLS_HINT}"
        )
    banner = subprocess.run([java, "-version"], capture_output=True, text=True, check=False).stderr
    match = re.search(r'version "(\d+)(?:\.(\d+))?', banner)
    major = int(match.group(1)) if match else 0
    if major == 1 and match and match.group(2):  # "1.8" style
        major = int(match.group(2))
    if major < 17:
        raise KafkaToolingError(
            f"Java 17+ is needed for Apache Kafka 4, found Java {major or 'unknown'} at {java}. {_MISSING_TOOLS_HINT}"
        )
    return java


def ensure_broker_jars(kafka_version: str, cache_dir: Path) -> Path:
    """Return a folder holding the runtime classpath of the broker and Kafka's tools, resolving it with Maven
    the first time."""
    libs = (cache_dir / f"kafka-{kafka_version}" / "libs").resolve()  # Maven reads a relative one from the pom
    marker = libs / _READY_MARKER
    if marker.exists() and marker.read_text() == f"{kafka_version} {_CLASSPATH_EDITION}":
        return libs
    mvn = shutil.which("mvn")
    if mvn is None:
        raise KafkaToolingError(
            f"Maven is needed once to fetch the Kafka {kafka_version} jars "
            f"(apt-get install maven). {_MISSING_TOOLS_HINT}"
        )
    project = libs.parent
    project.mkdir(parents=True, exist_ok=True)
    (project / "pom.xml").write_text(_POM.format(kafka=kafka_version, log4j=LOG4J_VERSION))
    command = [
        mvn,
        "-q",
        "-B",
        "-f",
        str(project / "pom.xml"),
        "dependency:copy-dependencies",
        f"-DoutputDirectory={libs}",
        "-DincludeScope=runtime",
    ]
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        tail = "\n".join((result.stdout + result.stderr).strip().splitlines()[-15:])
        raise KafkaToolingError(f"Maven could not resolve Apache Kafka {kafka_version}'s jars:\n{tail}")
    marker.write_text(f"{kafka_version} {_CLASSPATH_EDITION}")
    return libs
