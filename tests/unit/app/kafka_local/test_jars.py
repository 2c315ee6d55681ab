"""What the local broker needs installed, explained when missing."""

from __future__ import annotations

from pathlib import Path

import pytest

from streamguard.app.kafka_local import jars
from streamguard.core.errors import KafkaToolingError


def test_missing_java_names_what_to_install_and_the_alternatives(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(jars.shutil, "which", lambda _name: None)
    with pytest.raises(KafkaToolingError) as error:
        jars.require_java()
    message = str(error.value)
    assert "Java 17+" in message
    assert "docker/compose.yaml" in message
    assert "STREAMGUARD_BOOTSTRAP" in message


def test_missing_maven_is_explained(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(jars.shutil, "which", lambda _name: None)
    with pytest.raises(KafkaToolingError, match="Maven is needed"):
        jars.ensure_broker_jars("4.1.1", tmp_path)
