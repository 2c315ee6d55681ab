"""Requests on the compacted approvals topic: one record per request, its latest state, keyed by its id.

The topic is the requests' system of record (written only with an audit event, in the control chain's
transaction: see ``kafka_operations``); the evidence store indexes their transitions from the audit stream.
"""

from __future__ import annotations

from typing import Any

from streamguard.agents.kafka_operations import StateRecord
from streamguard.agents.kafka_readback import read_compacted
from streamguard.control.requests import Request


def read_requests(client_options: dict[str, Any], topic: str) -> dict[str, Request]:
    """Every request's latest committed state, by id."""
    return read_compacted(client_options, topic, Request.model_validate_json, "request")


def request_record(topic: str, request: Request) -> StateRecord:
    return StateRecord(topic, request.id.encode(), request.model_dump_json().encode())
