"""Single sign-on with OpenID Connect: who the identity provider's answer is.

mozilla-django-oidc runs the authorization-code flow (state, nonce, PKCE) and
checks the ID token's signature with the provider's JWKS; this backend adds
what Kindveilig needs on top (docs/sso.md):

- the ID token's issuer and audience are checked (the library checks neither);
- a user is found by one configured claim (``email`` or ``sub``), active users
  only, and never created: staff exist in Kindveilig before they log in;
- a refused login leaves an audit record (no user: a hash of the claim only).
"""

import logging
from typing import Any

from django.conf import settings
from django.core.exceptions import SuspiciousOperation
from django.db.models import QuerySet
from django.http import HttpRequest

from mozilla_django_oidc.auth import OIDCAuthenticationBackend

from kindveilig.accounts.models import User
from kindveilig.audit.models import AuditAction
from kindveilig.audit.services import audit_record, hash_for_log

logger = logging.getLogger(__name__)
ID_TOKEN_CLAIMS_ATTRIBUTE = "kindveilig_id_token_claims"  # noqa: S105  # a name
ID_TOKEN_ATTRIBUTE = "kindveilig_id_token"  # noqa: S105  # a name
NO_USER_ATTRIBUTE = "kindveilig_sso_no_user"


class ProviderBackend(OIDCAuthenticationBackend):  # type: ignore[misc]  # untyped library
    def authenticate(self, request: HttpRequest | None, **kwargs: Any) -> User | None:
        """Only for the callback view, which passes the nonce it stored with the
        state: never for the password form (whose URL could carry a ``code``)."""
        if "nonce" not in kwargs or not kwargs["nonce"] or "password" in kwargs:
            return None
        try:
            user: User | None = super().authenticate(request, **kwargs)
        except SuspiciousOperation as exc:
            # A token of another issuer or client, a bad signature or nonce.
            logger.warning("Single sign-on refused: %s", exc)
            return None
        return user

    def verify_token(self, token: str, **kwargs: Any) -> dict[str, Any]:
        payload: dict[str, Any] = super().verify_token(token, **kwargs)
        audience = payload.get("aud")
        audiences = audience if isinstance(audience, list) else [audience]
        if payload.get("iss") != settings.KINDVEILIG_OIDC_ISSUER:
            raise SuspiciousOperation("ID token from another issuer.")
        if settings.OIDC_RP_CLIENT_ID not in audiences:
            raise SuspiciousOperation("ID token for another client.")
        return payload

    def get_userinfo(
        self, access_token: str, id_token: str, payload: dict[str, Any]
    ) -> dict[str, Any]:
        claims: dict[str, Any] = super().get_userinfo(access_token, id_token, payload)
        # OpenID Connect Core 5.3.2: the userinfo answer is about the ID token's sub.
        if claims.get("sub") != payload.get("sub"):
            raise SuspiciousOperation("Userinfo is about another subject.")
        return claims

    def get_or_create_user(
        self, access_token: str, id_token: str, payload: dict[str, Any]
    ) -> User | None:
        # The view reads acr/amr from the signed ID token, never from userinfo.
        setattr(self.request, ID_TOKEN_CLAIMS_ATTRIBUTE, payload)
        # The raw token, for the logout's id_token_hint: the view keeps it in
        # the (server-side) session once the user is logged in.
        setattr(self.request, ID_TOKEN_ATTRIBUTE, id_token)
        user: User | None = super().get_or_create_user(access_token, id_token, payload)
        return user

    def verify_claims(self, claims: dict[str, Any]) -> bool:
        return bool(claims.get(settings.KINDVEILIG_OIDC_USER_CLAIM))

    def filter_users_by_claims(self, claims: dict[str, Any]) -> QuerySet[User]:
        value = str(claims.get(settings.KINDVEILIG_OIDC_USER_CLAIM, ""))
        active = User.objects.filter(is_active=True)
        if settings.KINDVEILIG_OIDC_USER_CLAIM == "sub":
            users = active.filter(provider_identity__subject=value)
        else:
            users = active.filter(email__iexact=value)
        if not users.exists():
            setattr(self.request, NO_USER_ATTRIBUTE, True)
            self._refused(value)
        return users

    def create_user(self, claims: dict[str, Any]) -> User:
        raise SuspiciousOperation("Single sign-on never creates a user.")

    def _refused(self, value: str) -> None:
        claim = settings.KINDVEILIG_OIDC_USER_CLAIM
        logger.warning("Single sign-on refused: no active user for this %s", claim)
        audit_record(
            actor=None,
            action=AuditAction.DENIED,
            object_type="sso.login",
            object_id=hash_for_log(value),
            reason=f"single sign-on: no active user with this {claim}",
        )
