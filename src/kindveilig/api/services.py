"""API tokens: making, revoking and recognising them.

A token is 32 random bytes (url-safe base64, prefixed ``kv_``). The database keeps
only its keyed hash (``keyed_hash(HashPurpose.API_TOKEN, ...)``, keyed with
``SECRET_KEY``); the hashes under ``SECRET_KEY_FALLBACKS`` are recognised too, so
a key rotation that keeps the old key as a fallback does not break the tokens
(they are re-hashed with the new key at their next use).
"""

import secrets
from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from kindveilig.access.actor import Actor
from kindveilig.accounts.models import Membership
from kindveilig.audit.models import AuditAction
from kindveilig.audit.services import audit_record
from kindveilig.core.crypto import HashPurpose, keyed_hash, keyed_hash_candidates

from .models import ApiToken

__all__ = [
    "api_token_authenticate",
    "api_token_create",
    "api_token_revoke",
    "token_hash",
]

TOKEN_PREFIX = "kv_"  # noqa: S105  # not a secret: marks a Kindveilig token
# Writing last_used_at on every request would add a write to every read.
LAST_USED_PRECISION = timedelta(minutes=1)


def token_hash(token: str, secret: str | None = None) -> str:
    return keyed_hash(HashPurpose.API_TOKEN, token, secret=secret)


@transaction.atomic
def api_token_create(*, membership: Membership, name: str) -> tuple[ApiToken, str]:
    """Make a token for a membership. Returns the token once; it is not stored."""
    token = TOKEN_PREFIX + secrets.token_urlsafe(32)
    api_token = ApiToken(
        user=membership.user,
        membership=membership,
        name=name.strip(),
        token_hash=token_hash(token),
    )
    api_token.full_clean()
    api_token.save()
    audit_record(actor=None, action=AuditAction.CREATE, obj=api_token)
    return api_token, token


@transaction.atomic
def api_token_revoke(*, api_token: ApiToken) -> ApiToken:
    if api_token.revoked_at is None:
        api_token.revoked_at = timezone.now()
        api_token.save(update_fields=["revoked_at"])
        audit_record(actor=None, action=AuditAction.UPDATE, obj=api_token)
    return api_token


def api_token_authenticate(token: str) -> Actor | None:
    """The actor a token acts as, or None for an unknown, revoked or dead token.

    A token dies with its user (inactive or locked), its membership or its
    organisation (inactive).
    """
    if not token.startswith(TOKEN_PREFIX) or len(token) > 200:
        return None
    hashes = keyed_hash_candidates(HashPurpose.API_TOKEN, token)
    api_token = (
        ApiToken.objects.select_related(
            "user",
            "membership__user",
            "membership__organisation",
            "membership__organisation__municipality",
        )
        .filter(token_hash__in=hashes, revoked_at__isnull=True)
        .first()
    )
    if api_token is None:
        return None
    user = api_token.user
    membership = api_token.membership
    if (
        not user.is_active
        or user.is_locked()
        or not membership.is_active
        or not membership.organisation.is_active
        or membership.user_id != user.pk
    ):
        return None
    _mark_used(api_token, current_hash=hashes[0])
    return Actor(user=user, membership=membership)


def _mark_used(api_token: ApiToken, *, current_hash: str) -> None:
    now = timezone.now()
    changes: dict[str, object] = {}
    if api_token.last_used_at is None or now - api_token.last_used_at > (
        LAST_USED_PRECISION
    ):
        changes["last_used_at"] = now
    if api_token.token_hash != current_hash:
        changes["token_hash"] = current_hash
    if changes:
        ApiToken.objects.filter(pk=api_token.pk).update(**changes)
