"""Recovery codes are stored as keyed hashes only, and still work once each."""

import importlib

from django.apps import apps as django_apps
from django.conf import settings
from django.db import connection
from django.test.utils import override_settings

import pytest
from django_otp.plugins.otp_static.models import StaticToken

from kindveilig.accounts.models import HashedRecoveryDevice, recovery_code_digests
from kindveilig.accounts.services import recovery_codes_generate, second_factor_verify
from kindveilig.accounts.tests.factories import UserFactory

pytestmark = [pytest.mark.django_db]

migration = importlib.import_module(
    "kindveilig.accounts.migrations.0007_hash_recovery_codes"
)


def _raw_tokens() -> list[str]:
    with connection.cursor() as cursor:
        cursor.execute("SELECT token FROM otp_static_statictoken ORDER BY id")
        return [row[0] for row in cursor.fetchall()]


def test_no_recovery_code_is_stored_readable() -> None:
    codes = recovery_codes_generate(user=UserFactory.create())
    stored = _raw_tokens()
    assert len(stored) == len(codes) == 10
    assert not set(codes) & set(stored)
    assert all(len(token) == 16 for token in stored)


def test_a_hashed_code_verifies_once_and_a_wrong_one_not() -> None:
    user = UserFactory.create()
    code = recovery_codes_generate(user=user)[0]
    assert second_factor_verify(user=user, token=f" {code.upper()} ").verified
    assert not second_factor_verify(user=user, token=code).verified  # used up
    assert not second_factor_verify(user=user, token="abcdefghjk").verified


def test_codes_made_before_a_blind_index_rotation_still_work_through_the_fallback() -> (
    None
):
    user = UserFactory.create()
    with override_settings(KINDVEILIG_BLIND_INDEX_KEY="old-key"):
        code = recovery_codes_generate(user=user)[0]
    with override_settings(
        KINDVEILIG_BLIND_INDEX_KEY="new-key",
        KINDVEILIG_BLIND_INDEX_KEY_FALLBACKS=["old-key"],
    ):
        assert second_factor_verify(user=user, token=code).verified


def test_the_migration_hashes_plain_codes_as_the_app_looks_them_up() -> None:
    user = UserFactory.create()
    device = HashedRecoveryDevice.objects.create(user=user, name="recovery")
    StaticToken.objects.create(device=device, token="pqrs234567")  # as before
    migration.hash_codes(django_apps, None)
    migration.hash_codes(django_apps, None)  # a second run changes nothing
    stored = _raw_tokens()
    assert stored == [recovery_code_digests("pqrs234567")[0]]
    assert stored == [
        migration.digest("pqrs234567", settings.KINDVEILIG_BLIND_INDEX_KEY)
    ]
    assert device.verify_token("pqrs234567")
