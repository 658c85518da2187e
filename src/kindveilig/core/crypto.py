"""Encryption at rest for sensitive free text, and keyed hashes for lookups.

Keys come from the environment (see docs/deploy.md). Fernet gives authenticated
encryption; MultiFernet lets us rotate: the first key encrypts, all keys decrypt.

Every keyed hash in Kindveilig is ``keyed_hash(purpose, value)``: Django's
``salted_hmac`` (HMAC-SHA256) with the purpose as salt, so each purpose has a
key of its own, under the secret that purpose needs (docs/decisions.md, "Keyed
hashes: one helper, named purposes").
"""

import base64
import datetime
import functools
import hashlib
import hmac
import os
from enum import StrEnum
from typing import Any

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import models
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.models.expressions import Expression
from django.utils.crypto import salted_hmac

from cryptography.exceptions import InvalidTag
from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

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


def _current_fernet() -> Fernet:
    keys = tuple(settings.KINDVEILIG_ENCRYPTION_KEYS)
    _fernet_for(keys)  # validates the keys, with the same message
    return Fernet(keys[0].encode())


def is_current_token(token: bytes) -> bool:
    """Whether a Fernet token is encrypted under the current (first) key."""
    try:
        _current_fernet().decrypt(token)
    except InvalidToken:
        return False
    return True


def rotate_bytes(token: bytes) -> bytes:
    """The token re-encrypted under the current key (any configured key decrypts)."""
    return _fernet().rotate(token)


def rotate_text(value: str) -> str:
    """An ``encrypt_text`` value re-encrypted under the current key."""
    if not value.startswith(PREFIX):
        raise ValueError("Value is not encrypted by Kindveilig.")
    token = value[len(PREFIX) :].encode("ascii")
    return PREFIX + rotate_bytes(token).decode("ascii")


def is_current_text(value: str) -> bool:
    return value.startswith(PREFIX) and is_current_token(
        value[len(PREFIX) :].encode("ascii")
    )


# Compact encryption, for a secret that must fit a column we do not own
# (django-otp's TOTPDevice.key, varchar(80)): AES-256-GCM under a key derived
# from each Fernet key, nonce + ciphertext + tag in url-safe base64. A 20-byte
# secret becomes 5 + 64 characters. The first key encrypts; all keys decrypt.
COMPACT_PREFIX = "aead:"


def _compact_keys() -> list[bytes]:
    keys = tuple(settings.KINDVEILIG_ENCRYPTION_KEYS)
    _fernet_for(keys)  # validates the keys, with the same message
    return [
        hmac.new(key.encode(), b"kindveilig.compact-aead", hashlib.sha256).digest()
        for key in keys
    ]


def encrypt_compact(value: bytes) -> str:
    nonce = os.urandom(12)
    sealed = AESGCM(_compact_keys()[0]).encrypt(nonce, value, None)
    return COMPACT_PREFIX + base64.urlsafe_b64encode(nonce + sealed).decode("ascii")


def _open_compact(value: str, keys: list[bytes]) -> bytes:
    if not value.startswith(COMPACT_PREFIX):
        raise ValueError("Value is not encrypted by Kindveilig.")
    raw = base64.urlsafe_b64decode(value[len(COMPACT_PREFIX) :].encode("ascii"))
    for key in keys:
        try:
            return AESGCM(key).decrypt(raw[:12], raw[12:], None)
        except InvalidTag:
            continue
    raise ValueError("Encrypted value cannot be decrypted with the keys.")


def decrypt_compact(value: str) -> bytes:
    return _open_compact(value, _compact_keys())


def rotate_compact(value: str) -> str:
    """An ``encrypt_compact`` value re-encrypted under the current key."""
    return encrypt_compact(decrypt_compact(value))


def is_current_compact(value: str) -> bool:
    try:
        _open_compact(value, _compact_keys()[:1])
    except ValueError:
        return False
    return True


class HashPurpose(StrEnum):
    """What a keyed hash is for. The value is the salt that gives the purpose a
    key of its own: a hash made for one purpose means nothing for another.
    Never change a value, or stored hashes stop matching."""

    BSN_INDEX = "kindveilig.bsn-index"  # Person.bsn_index, Signal.bsn_index
    PICKUP_CODE = "kindveilig.youth.pickup-code"  # YouthConversation.code_hash
    REFLECTION_SOURCE = "kindveilig.learning.reflection-source"  # Reflection
    # The salt the submission hash had before this helper, so stored ones match.
    SUBMISSION = "kindveilig-youth-submission:"  # YouthConversation
    RATE_LIMIT = "kindveilig.youth.rate-limit"  # cache keys, one hour
    API_TOKEN = "kindveilig.api.ApiToken"  # noqa: S105  # a salt; ApiToken.token_hash
    AUDIT_SEAL = "kindveilig.audit.checkpoint-seal"  # AuditCheckpoint.seal, the sink
    PERSON_NAME = "kindveilig.persons.name-token"  # PersonNameToken.digest
    RECOVERY_CODE = "kindveilig.accounts.recovery-code"  # StaticToken.token
    STAFF_INVITATION = "kindveilig.accounts.staff-invitation"  # a salt


# Hashes kept for years (and compared across organisations) hang on a key of
# their own, which only ``rotate_keys`` rotates: the old key stays in
# KINDVEILIG_BLIND_INDEX_KEY_FALLBACKS until every stored hash is re-keyed.
# SECRET_KEY serves the short-lived ones and the API tokens, which also match
# under SECRET_KEY_FALLBACKS. The audit seal has a key of its own
# (docs/audit-log.md).
_BLIND_INDEX_KEY = "KINDVEILIG_BLIND_INDEX_KEY"
_FALLBACKS = {
    "SECRET_KEY": "SECRET_KEY_FALLBACKS",
    _BLIND_INDEX_KEY: "KINDVEILIG_BLIND_INDEX_KEY_FALLBACKS",
}
_SECRET_SETTING: dict[HashPurpose, str] = {
    HashPurpose.BSN_INDEX: _BLIND_INDEX_KEY,
    HashPurpose.PICKUP_CODE: _BLIND_INDEX_KEY,
    HashPurpose.REFLECTION_SOURCE: _BLIND_INDEX_KEY,
    HashPurpose.SUBMISSION: "SECRET_KEY",
    HashPurpose.RATE_LIMIT: "SECRET_KEY",
    HashPurpose.API_TOKEN: "SECRET_KEY",
    # Not in the database, never rotated with SECRET_KEY: it seals the audit
    # checkpoints, so whoever controls the database cannot forge one.
    HashPurpose.AUDIT_SEAL: "KINDVEILIG_AUDIT_SEAL_KEY",
    HashPurpose.PERSON_NAME: _BLIND_INDEX_KEY,
    HashPurpose.RECOVERY_CODE: _BLIND_INDEX_KEY,
    # Short-lived (days): under SECRET_KEY, matched under its fallbacks too.
    HashPurpose.STAFF_INVITATION: "SECRET_KEY",
}


def _secrets(purpose: HashPurpose) -> list[str]:
    """The purpose's secret, then its fallbacks (the keys being rotated out)."""
    name = _SECRET_SETTING[purpose]
    secret = str(getattr(settings, name, "") or "")
    if not secret:
        raise ImproperlyConfigured(f"{name} is required.")
    # The audit seal key has no fallbacks: it is never rotated (docs/audit-log.md).
    fallbacks = getattr(settings, _FALLBACKS[name], []) if name in _FALLBACKS else []
    return [secret, *fallbacks]


def blind_index_fallbacks() -> list[str]:
    """The old blind-index keys still configured (empty outside a rotation)."""
    return list(getattr(settings, _FALLBACKS[_BLIND_INDEX_KEY], []))


def keyed_hash(purpose: HashPurpose, value: str, *, secret: str | None = None) -> str:
    """HMAC-SHA256 of ``value`` (64 hex characters) under the purpose's own key,
    derived from the purpose's secret (or ``secret``, to check a fallback)."""
    key = _secrets(purpose)[0] if secret is None else secret
    return salted_hmac(purpose.value, value, secret=key, algorithm="sha256").hexdigest()


def keyed_hash_candidates(purpose: HashPurpose, value: str) -> list[str]:
    """Every hash a stored value of this purpose may carry, the current one
    first: under the purpose's secret and its fallbacks, then under the scheme
    from before ``keyed_hash`` where rows may still have it. Look up with
    ``__in``; when the row found holds another than the first, store the first."""
    candidates = [keyed_hash(purpose, value, secret=key) for key in _secrets(purpose)]
    legacy = _legacy_hash(purpose, value)
    return candidates if legacy is None else [*candidates, legacy]


def _normalised(value: str) -> str:
    return "".join(value.split()).lower()


def _legacy_hash(purpose: HashPurpose, value: str) -> str | None:
    """The hand-rolled derivations from before ``keyed_hash``, for rows that
    cannot be re-hashed in a migration because the value is not stored: pick-up
    codes (re-hashed on use, gone with the conversation) and reflection sources.
    BSN indexes were re-hashed by a migration; the submission hash and API
    tokens never changed. Delete a branch once no row can still hold it."""
    key = _secrets(purpose)[0].encode()
    if purpose == HashPurpose.PICKUP_CODE:
        derived = hmac.new(key, b"kindveilig-youth-pickup-code", hashlib.sha256)
        return hmac.new(derived.digest(), value.encode(), hashlib.sha256).hexdigest()
    if purpose == HashPurpose.REFLECTION_SOURCE:
        text = _normalised(f"learning-reflection:{value}")
        return hmac.new(key, text.encode(), hashlib.sha256).hexdigest()
    return None


def blind_index(value: str) -> str:
    """The BSN index: finds equal BSNs without storing them readable. Spaces
    and case do not count."""
    return keyed_hash(HashPurpose.BSN_INDEX, _normalised(value))


def blind_index_candidates(value: str) -> list[str]:
    """The BSN index under the current key, then under the old keys still
    configured during a key rotation: look up with ``__in``."""
    return keyed_hash_candidates(HashPurpose.BSN_INDEX, _normalised(value))


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


class EncryptedDateField(models.TextField[datetime.date | None, datetime.date | None]):
    """A date encrypted before it reaches the database (as ISO text).

    It cannot be filtered, ordered or compared in SQL: compute in Python.
    """

    def get_prep_value(self, value: Any) -> Any:
        if value is None or value == "":
            return None
        if isinstance(value, str):
            value = datetime.date.fromisoformat(value)
        if isinstance(value, datetime.datetime):
            value = value.date()
        return encrypt_text(value.isoformat())

    def from_db_value(
        self,
        value: str | None,
        expression: Expression,
        connection: BaseDatabaseWrapper,
    ) -> datetime.date | None:
        if value is None or value == "":
            return None
        return datetime.date.fromisoformat(decrypt_text(value))

    def to_python(self, value: Any) -> datetime.date | None:
        if value is None or value == "":
            return None
        if isinstance(value, datetime.datetime):
            return value.date()
        if isinstance(value, datetime.date):
            return value
        return datetime.date.fromisoformat(str(value))

    def formfield(self, **kwargs: Any) -> Any:  # a date input, not a textarea
        return models.DateField(
            verbose_name=self.verbose_name, blank=self.blank
        ).formfield(**kwargs)
