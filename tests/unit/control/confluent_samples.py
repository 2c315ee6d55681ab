"""Authorization events in Confluent's audit-log format (CloudEvents JSON), shaped as Confluent's documentation
shows them, for the parser's tests and for the integration test that writes them to a topic standing in for a
platform's audit log."""

from __future__ import annotations

from typing import Any

CLUSTER = "lkc-a1b2c"


def event(
    method: str = "kafka.JoinGroup",
    resource_type: str = "Group",
    resource: str = "analytics-1",
    *,
    principal: str = "User:ana",
    granted: bool = True,
    operation: str = "Read",
    cluster: str = CLUSTER,
) -> dict[str, Any]:
    """An authorization event as Confluent's documentation shows them (Confluent Cloud's CRNs)."""
    kind = "group" if resource_type == "Group" else "topic"
    crn = f"crn://confluent.cloud/organization=o-1/environment=env-1/kafka={cluster}"
    return {
        "specversion": "1.0",
        "id": "fc0f727d-899a-4a22-ad8b-a866871a9d37",
        "source": crn,
        "type": "io.confluent.kafka.server/authorization",
        "datacontenttype": "application/json",
        "subject": f"{crn}/{kind}={resource}",
        "time": "2026-12-01T19:20:33.102123456Z",
        "data": {
            "serviceName": crn,
            "methodName": method,
            "resourceName": f"{crn}/{kind}={resource}",
            "authenticationInfo": {"principal": principal},
            "authorizationInfo": {
                "granted": granted,
                "operation": operation,
                "resourceType": resource_type,
                "resourceName": resource,
                "patternType": "LITERAL",
                "aclAuthorization": {"permissionType": "ALLOW", "host": "*"},
            },
            "request": {"correlationId": "123", "clientId": "analytics-notebook"},
            "requestMetadata": {"clientAddress": [{"ip": "10.0.0.7"}]},
        },
    }
