"""Encryption at rest for sensitive free text, and blind indexes for lookups.

Keys come from the environment (see docs/deploy.md). Fernet gives authenticated
encryption; MultiFernet lets us rotate: the first key encrypts, all keys decrypt.
"""

import functools
import hashlib
import hmac
from typing import Any

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import models
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.models.expressions import Expression

from cryptography.fernet import Fernet, InvalidToken, MultiFernet

PREFIX = "fernet:"


@functools.cache
def _fernet_for(keys: tuple[str, ...]) -> MultiFernet:
    if not keys:
        raise ImproperlyConfigured("KINDVEILIG_ENCRYPTION_KEYS is required.")
    try:
        return MultiFernet([Fernet(key.encode()) for key in keys])
    except ValueError as exc:
        raise ImproperlyConfigured(
            "KINDVEILIG_ENCRYPTION_KEYS must hold url-safe base64 Fernet keys."
        ) from exc


def _fernet() -> MultiFernet:
    return _fernet_for(tuple(settings.KINDVEILIG_ENCRYPTION_KEYS))


def encrypt_text(value: str) -> str:
    return PREFIX + _fernet().encrypt(value.encode("utf-8")).decode("ascii")


def decrypt_text(value: str) -> str:
    if not value.startswith(PREFIX):
        raise ValueError("Value is not encrypted by Kindveilig.")
    try:
        return _fernet().decrypt(value[len(PREFIX) :].encode("ascii")).decode("utf-8")
    except InvalidToken as exc:
        raise ValueError("Encrypted value cannot be decrypted with the keys.") from exc


def encrypt_bytes(value: bytes) -> bytes:
    return _fernet().encrypt(value)


def decrypt_bytes(value: bytes) -> bytes:
    return _fernet().decrypt(value)


def blind_index(value: str) -> str:
    """A keyed hash that finds equal values without storing them readable."""
    key = settings.KINDVEILIG_BLIND_INDEX_KEY
    if not key:
        raise ImproperlyConfigured("KINDVEILIG_BLIND_INDEX_KEY is required.")
    normalised = "".join(value.split()).lower()
    return hmac.new(key.encode(), normalised.encode(), hashlib.sha256).hexdigest()


class EncryptedTextField(models.TextField[str, str]):
    """A text column that is encrypted before it reaches the database.

    It cannot be filtered or ordered on, by design: use a blind index for lookups.
    """

    def get_prep_value(self, value: Any) -> Any:
        value = super().get_prep_value(value)
        if value is None or value == "":
            return value
        return encrypt_text(str(value))

    def from_db_value(
        self,
        value: str | None,
        expression: Expression,
        connection: BaseDatabaseWrapper,
    ) -> str | None:
        if value is None or value == "":
            return value
        return decrypt_text(value)
