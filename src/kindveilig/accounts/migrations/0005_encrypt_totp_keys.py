"""Encrypt every TOTP secret stored as hex in django-otp's column (docs/decisions.md,
"What identifies a child or a family is encrypted at rest").

The compact AES-GCM scheme of ``core.crypto.encrypt_compact`` is frozen here (a
migration must not follow app code); ``test_totp_encryption.py`` checks that
app code decrypts what this writes. Only hex keys change; the reverse decrypts.
"""

import base64
import hashlib
import hmac
import os

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import migrations

PREFIX = "aead:"


def _keys():
    keys = list(settings.KINDVEILIG_ENCRYPTION_KEYS)
    if not keys:
        raise ImproperlyConfigured("KINDVEILIG_ENCRYPTION_KEYS is required.")
    return [
        hmac.new(key.encode(), b"kindveilig.compact-aead", hashlib.sha256).digest()
        for key in keys
    ]


def seal(secret, key):
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    nonce = os.urandom(12)
    sealed = AESGCM(key).encrypt(nonce, secret, None)
    return PREFIX + base64.urlsafe_b64encode(nonce + sealed).decode("ascii")


def unseal(value, keys):
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    raw = base64.urlsafe_b64decode(value[len(PREFIX) :].encode("ascii"))
    for key in keys:
        try:
            return AESGCM(key).decrypt(raw[:12], raw[12:], None)
        except InvalidTag:
            continue
    raise ValueError("A TOTP key cannot be decrypted with the configured keys.")


def _rows(schema_editor, encrypted):
    with schema_editor.connection.cursor() as cursor:
        cursor.execute(
            "SELECT id, key FROM otp_totp_totpdevice WHERE key "
            + ("LIKE" if encrypted else "NOT LIKE")
            + " %s",
            [PREFIX + "%"],
        )
        return cursor.fetchall()


def encrypt(apps, schema_editor):
    rows = _rows(schema_editor, encrypted=False)
    if not rows:
        return
    key = _keys()[0]
    with schema_editor.connection.cursor() as cursor:
        cursor.executemany(
            "UPDATE otp_totp_totpdevice SET key = %s WHERE id = %s",
            [(seal(bytes.fromhex(hex_key), key), pk) for pk, hex_key in rows],
        )


def decrypt(apps, schema_editor):
    rows = _rows(schema_editor, encrypted=True)
    if not rows:
        return
    keys = _keys()
    with schema_editor.connection.cursor() as cursor:
        cursor.executemany(
            "UPDATE otp_totp_totpdevice SET key = %s WHERE id = %s",
            [(unseal(value, keys).hex(), pk) for pk, value in rows],
        )


class Migration(migrations.Migration):
    dependencies = [("accounts", "0004_encrypted_totp_device")]

    operations = [migrations.RunPython(encrypt, decrypt, elidable=False)]
