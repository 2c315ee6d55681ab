"""The access tests' deployment: one per module (its own system prefix, rules, ledger and audit topics), and
the first apply of its base policy."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from streamguard.app.services.control.access_scoping import AccessApplied
from tests.conftest import KafkaEndpoint
from tests.integration.access.deployment import Deployment, deploy


@pytest.fixture(scope="module")
def deployment(kafka: KafkaEndpoint, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Deployment]:
    yield from deploy(kafka, tmp_path_factory)


@pytest.fixture(scope="module")
def applied(deployment: Deployment) -> AccessApplied:
    """The first apply of the base policy, creating ana and crm."""
    return deployment.apply(deployment.policy(), create_users=True)
