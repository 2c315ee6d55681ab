"""SCRAM passwords for the users ``acl apply --create-users`` creates: from the environment, never guessed."""

from __future__ import annotations

import pytest

from streamguard.app.services.control.access_scoping import password_variable, scram_passwords
from streamguard.core.errors import ConfigError


def test_the_variable_is_the_user_upper_cased_with_other_characters_as_underscores() -> None:
    assert password_variable("crm-service.eu@acme") == "STREAMGUARD_SCRAM_PASSWORD_CRM_SERVICE_EU_ACME"


def test_each_user_gets_its_own_variable() -> None:
    environ = {"STREAMGUARD_SCRAM_PASSWORD_ANA": "a-secret", "STREAMGUARD_SCRAM_PASSWORD_CRM_SERVICE": "c-secret"}
    assert scram_passwords(["ana", "crm-service"], environ) == {"ana": "a-secret", "crm-service": "c-secret"}


def test_every_missing_variable_is_named_and_no_password_is_shown() -> None:
    environ = {"STREAMGUARD_SCRAM_PASSWORD_ANA": "a-secret", "STREAMGUARD_SCRAM_PASSWORD_BEA": ""}
    with pytest.raises(ConfigError) as refused:
        scram_passwords(["ana", "bea", "crm"], environ)
    message = str(refused.value)
    assert "STREAMGUARD_SCRAM_PASSWORD_BEA" in message
    assert "STREAMGUARD_SCRAM_PASSWORD_CRM" in message
    assert "_ANA" not in message
    assert "a-secret" not in message
