"""SCRAM passwords for the users ``acl apply --create-users`` creates: from the caller's environment, sent to the
server, never guessed, never shown."""

from __future__ import annotations

import pytest

from streamguard.app.cli.acl_commands import password_variable
from streamguard.app.services.control.access_scoping import scram_passwords
from streamguard.core.errors import ConfigError


def test_the_variable_is_the_user_upper_cased_with_other_characters_as_underscores() -> None:
    assert password_variable("crm-service.eu@acme") == "STREAMGUARD_SCRAM_PASSWORD_CRM_SERVICE_EU_ACME"


def test_each_user_gets_its_own_password() -> None:
    given = {"ana": "a-secret", "crm-service": "c-secret"}
    assert scram_passwords(["ana", "crm-service"], given) == {"ana": "a-secret", "crm-service": "c-secret"}


def test_every_user_without_a_password_is_named_and_no_password_is_shown() -> None:
    with pytest.raises(ConfigError) as refused:
        scram_passwords(["ana", "bea", "crm"], {"ana": "a-secret", "bea": ""})
    message = str(refused.value)
    assert "bea" in message
    assert "crm" in message
    assert "ana," not in message
    assert "a-secret" not in message
