"""Kafka ACLs, the ledger of the ones streamguard created, and SCRAM users, through the admin API.

The ledger is the compacted ``streamguard.acls`` topic: one record per ACL streamguard created, keyed by the
entry's key, valued with when, by whom and for which request it was created; a tombstone once it is removed.
It is what lets ``acl apply`` remove stale ACLs of its own and never touch anyone else's.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime
from typing import Any

from confluent_kafka import KafkaError, KafkaException, Message, Producer
from confluent_kafka import admin as kafka
from pydantic import BaseModel, ConfigDict

from streamguard.agents.kafka_operations import StateRecord
from streamguard.agents.kafka_readback import read_compacted
from streamguard.control.acl_plan import AclEntry, Operation, PatternType, Permission, ResourceType
from streamguard.core.errors import DeliveryError, OperationFailed

log = logging.getLogger(__name__)
TIMEOUT_S = 30.0
SCRAM_ITERATIONS = 4096
_RESOURCE_TYPES = {
    ResourceType.TOPIC: kafka.ResourceType.TOPIC,
    ResourceType.GROUP: kafka.ResourceType.GROUP,
    ResourceType.CLUSTER: kafka.ResourceType.BROKER,  # the cluster resource, "kafka-cluster"
    ResourceType.TRANSACTIONAL_ID: kafka.ResourceType.TRANSACTIONAL_ID,
}
_ENTRY_TYPES = {kafka_type: ours for ours, kafka_type in _RESOURCE_TYPES.items()}


class LedgerEntry(BaseModel):
    """Why an ACL streamguard created exists: when, by whom, for which request (None: the policy)."""

    model_config = ConfigDict(frozen=True)

    created_at: str
    by: str
    request: str | None = None
    reason: str = ""


# -- ACLs on the broker --------------------------------------------------------------------------------------


def broker_acls(admin: kafka.AdminClient) -> list[AclEntry]:
    """Every ACL binding on the broker (an ANY filter), as entries."""
    match_all = kafka.AclBindingFilter(
        kafka.ResourceType.ANY,
        None,
        kafka.ResourcePatternType.ANY,
        None,
        None,
        kafka.AclOperation.ANY,
        kafka.AclPermissionType.ANY,
    )
    try:
        bindings = admin.describe_acls(match_all, request_timeout=TIMEOUT_S).result(timeout=TIMEOUT_S)
    except KafkaException as error:
        raise OperationFailed(f"cannot read the broker's ACLs: {error.args[0].name()}") from None
    return [entry for binding in bindings if (entry := _entry(binding)) is not None]


def create_acls(admin: kafka.AdminClient, entries: Sequence[AclEntry]) -> None:
    if entries:
        futures = admin.create_acls([_binding(entry) for entry in entries], request_timeout=TIMEOUT_S)
        _wait(futures.items(), "creating ACL")


def delete_acls(admin: kafka.AdminClient, entries: Sequence[AclEntry]) -> None:
    """Delete exactly these bindings (exact-match filters: a filter with every field set matches only its own
    binding); one already gone is no error."""
    if entries:
        exact = [_binding(entry, kafka.AclBindingFilter) for entry in entries]
        futures = admin.delete_acls(exact, request_timeout=TIMEOUT_S)
        _wait(futures.items(), "deleting ACL")


def _binding(entry: AclEntry, kind: type[kafka.AclBinding] = kafka.AclBinding) -> kafka.AclBinding:
    """The entry as a binding, or (``kind`` AclBindingFilter, a subclass) as the filter matching just it."""
    return kind(
        _RESOURCE_TYPES[entry.resource_type],
        entry.resource_name,
        kafka.ResourcePatternType[entry.pattern.name],
        entry.principal,
        entry.host,
        kafka.AclOperation[entry.operation.name],
        kafka.AclPermissionType[entry.permission.name],
    )


def _entry(binding: kafka.AclBinding) -> AclEntry | None:
    """The binding as an entry; None for kinds no ACL of Kafka 4 has (an UNKNOWN the client could not map)."""
    try:
        return AclEntry(
            binding.principal,
            _ENTRY_TYPES[binding.restype],
            binding.name,
            PatternType[binding.resource_pattern_type.name],
            Operation[binding.operation.name],
            Permission[binding.permission_type.name],
            binding.host,
        )
    except KeyError:
        log.warning("ACL on %s %s of a kind streamguard does not know: left alone", binding.restype, binding.name)
        return None


def _wait(futures: Iterable[tuple[Any, Any]], doing: str) -> None:
    """Wait for every future; OperationFailed naming each binding the broker refused."""
    failures = []
    for binding, future in futures:
        try:
            future.result(timeout=TIMEOUT_S)
        except KafkaException as error:
            failures.append(f"{doing} {_describe(binding)}: {error.args[0].name()}")
    if failures:
        raise OperationFailed("; ".join(failures))


def _describe(binding: kafka.AclBinding | kafka.AclBindingFilter) -> str:
    return f"{binding.principal} {binding.operation.name} {binding.restype.name} {binding.name}"


# -- the ledger -------------------------------------------------------------------------------------------


def read_ledger(client_options: dict[str, Any], topic: str) -> dict[str, LedgerEntry]:
    """The ACLs streamguard created and has not removed, by entry key (committed records only)."""
    return read_compacted(client_options, topic, LedgerEntry.model_validate_json, "ACL ledger")


def ledger_records(
    topic: str, entries: Iterable[AclEntry], by: str, now: datetime, requests: Mapping[str, str] | None = None
) -> list[StateRecord]:
    """Intent records for ``entries`` (``requests``: entry key -> the request it was granted for), written
    before the ACLs are created: a crash in between leaves a ledger key without its ACL (the next apply creates
    it, or forgets the key), never an ACL streamguard forgot."""
    created_at = now.isoformat(timespec="seconds")
    records = []
    for entry in entries:
        request = (requests or {}).get(entry.key())
        value = LedgerEntry(created_at=created_at, by=by, request=request, reason=entry.reason)
        records.append(StateRecord(topic, entry.key().encode(), value.model_dump_json().encode()))
    return records


def ledger_tombstones(topic: str, keys: Iterable[str]) -> list[StateRecord]:
    return [StateRecord(topic, key.encode(), None) for key in keys]


def write_ledger(client_options: dict[str, Any], records: Sequence[StateRecord]) -> None:
    """Write ledger records and wait until the broker acknowledged all of them (acks=all); DeliveryError
    otherwise."""
    if not records:
        return
    failures: list[str] = []

    def report(error: KafkaError | None, message: Message) -> None:
        if error is not None:
            failures.append(f"{message.topic()}[{message.partition()}]: {error.name()}")

    producer = Producer({**client_options, "acks": "all", "enable.idempotence": True})
    for record in records:
        producer.produce(record.topic, record.value, record.key, on_delivery=report)
    if producer.flush(TIMEOUT_S) or failures:
        raise DeliveryError(f"the ACL ledger was not written: {failures or 'timed out'}")


# -- SCRAM users --------------------------------------------------------------------------------------------


def missing_scram_users(admin: kafka.AdminClient, users: Sequence[str]) -> list[str]:
    """The users among ``users`` without a SCRAM-SHA-512 credential on the broker."""
    if not users:
        return []
    missing = []
    for user, future in admin.describe_user_scram_credentials(list(users), request_timeout=TIMEOUT_S).items():
        try:
            description = future.result(timeout=TIMEOUT_S)
        except KafkaException as error:
            if error.args[0].code() != KafkaError.RESOURCE_NOT_FOUND:
                raise OperationFailed(
                    f"cannot describe the SCRAM credentials of {user}: {error.args[0].name()}"
                ) from None
            missing.append(user)
            continue
        mechanisms = {info.mechanism for info in description.scram_credential_infos}
        if kafka.ScramMechanism.SCRAM_SHA_512 not in mechanisms:
            missing.append(user)
    return sorted(missing)


def create_scram_users(admin: kafka.AdminClient, passwords: Mapping[str, str]) -> None:
    """Give each user (user -> password) a SCRAM-SHA-512 credential."""
    if not passwords:
        return
    info = kafka.ScramCredentialInfo(kafka.ScramMechanism.SCRAM_SHA_512, SCRAM_ITERATIONS)
    upserts = [
        kafka.UserScramCredentialUpsertion(user, info, password.encode()) for user, password in passwords.items()
    ]
    failures = []
    for user, future in admin.alter_user_scram_credentials(upserts, request_timeout=TIMEOUT_S).items():
        try:
            future.result(timeout=TIMEOUT_S)
        except KafkaException as error:
            failures.append(f"{user}: {error.args[0].name()}")
    if failures:
        raise OperationFailed(f"cannot create SCRAM users: {'; '.join(failures)}")
