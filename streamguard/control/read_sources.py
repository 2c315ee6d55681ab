"""Where read evidence's principals come from (pure).

Observed: the authorizer log of the broker streamguard runs (``authorizer_log``), or a platform's broker
audit-log topic in Confluent's CloudEvents format (``confluent_audit``); each decision there names the principal
that acted. Inferred: the group-prefix attribution of ``read_evidence``, used only where neither observed
source is available: a group whose id starts with one audience's ``group_prefixes`` is taken to be read by that
audience's principals, because the ACLs the policy generates let only them use such groups.
"""

from __future__ import annotations

from enum import StrEnum


class ReadSource(StrEnum):
    """In precedence order: an observed source before the inferred one."""

    AUTHORIZER_LOG = "authorizer-log"
    AUDIT_LOG_TOPIC = "audit-log-topic"
    GROUP_PREFIX = "group-prefix"

    @property
    def inferred(self) -> bool:
        return self is ReadSource.GROUP_PREFIX
