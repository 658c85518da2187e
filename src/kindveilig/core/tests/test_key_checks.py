from django.core.management import call_command
from django.core.management.base import SystemCheckError
from django.test.utils import override_settings

import pytest
from cryptography.fernet import Fernet

from kindveilig.core.checks import check_keys

NEW = Fernet.generate_key().decode()


def test_the_system_check_refuses_a_missing_or_malformed_key() -> None:
    assert check_keys() == []
    with override_settings(KINDVEILIG_ENCRYPTION_KEYS=[]):
        assert [e.id for e in check_keys()] == ["kindveilig.E001"]
    with override_settings(KINDVEILIG_ENCRYPTION_KEYS=[NEW, "not-a-key"]):
        errors = check_keys()
        assert [e.id for e in errors] == ["kindveilig.E002"]
        assert "Key 2 of KINDVEILIG_ENCRYPTION_KEYS" in errors[0].msg
    with override_settings(KINDVEILIG_BLIND_INDEX_KEY=""):
        assert [e.id for e in check_keys()] == ["kindveilig.E003"]


def test_manage_py_check_fails_without_the_blind_index_key() -> None:
    with (
        override_settings(KINDVEILIG_BLIND_INDEX_KEY=""),
        pytest.raises(SystemCheckError, match="KINDVEILIG_BLIND_INDEX_KEY is missing"),
    ):
        call_command("check")
