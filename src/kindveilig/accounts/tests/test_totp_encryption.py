import importlib

from django.db import connection
from django.test.utils import override_settings

import pytest
from cryptography.fernet import Fernet
from django_otp.oath import totp

from kindveilig.accounts.models import EncryptedTOTPDevice
from kindveilig.accounts.services import totp_device_start
from kindveilig.accounts.tests.factories import UserFactory
from kindveilig.core.crypto import decrypt_compact
from kindveilig.core.rotation import registered_steps

pytestmark = [pytest.mark.django_db]

migration = importlib.import_module(
    "kindveilig.accounts.migrations.0005_encrypt_totp_keys"
)


def _raw_key(pk: int) -> str:
    with connection.cursor() as cursor:
        cursor.execute("SELECT key FROM otp_totp_totpdevice WHERE id = %s", [pk])
        value = cursor.fetchone()[0]
    assert isinstance(value, str)
    return value


def _code(device: EncryptedTOTPDevice) -> int:
    return int(
        totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits)
    )


def test_the_totp_secret_is_stored_encrypted_and_still_verifies() -> None:
    device = totp_device_start(user=UserFactory.create())
    raw = _raw_key(device.pk)
    assert raw.startswith("aead:")
    assert len(raw) <= 80  # django-otp's column
    assert len(device.bin_key) == 20
    assert device.bin_key.hex() not in raw
    assert EncryptedTOTPDevice.objects.get(pk=device.pk).verify_token(_code(device))


def test_the_migration_seals_what_app_code_opens() -> None:
    secret = bytes(range(20))
    assert decrypt_compact(migration.seal(secret, migration._keys()[0])) == secret


def test_rotation_re_encrypts_the_totp_secret() -> None:
    old, new = Fernet.generate_key().decode(), Fernet.generate_key().decode()
    step = next(s for s in registered_steps() if s.name == "TOTP secrets")
    with override_settings(KINDVEILIG_ENCRYPTION_KEYS=[old]):
        device = totp_device_start(user=UserFactory.create())
        secret = device.bin_key
    with override_settings(KINDVEILIG_ENCRYPTION_KEYS=[new, old]):
        list(step.run(10))
    with override_settings(KINDVEILIG_ENCRYPTION_KEYS=[new]):
        assert EncryptedTOTPDevice.objects.get(pk=device.pk).bin_key == secret
