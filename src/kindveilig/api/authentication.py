"""Who calls the API: a system with a token, or a person in the browser.

Both end in the same :class:`~kindveilig.access.actor.Actor` the pages use: a
user acting in one organisation and role. DRF's ``request.auth`` holds it.
"""

from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from rest_framework.authentication import (
    BaseAuthentication,
    SessionAuthentication,
    get_authorization_header,
)
from rest_framework.exceptions import AuthenticationFailed
from rest_framework.request import Request

from kindveilig.access.actor import Actor
from kindveilig.accounts.models import User

from .services import api_token_authenticate

__all__ = ["ApiTokenAuthentication", "VerifiedSessionAuthentication", "actor_of"]


def _set_actor(request: Request, actor: Actor) -> None:
    """Code that reads the Django request's ``actor`` sees the API's actor too."""
    django_request: HttpRequest = request._request
    django_request.actor = actor  # type: ignore[attr-defined]  # our own, as in ActorMiddleware


def actor_of(request: Request) -> Actor:
    """The actor of an authenticated API request (the permission class made sure)."""
    actor = request.auth
    assert isinstance(actor, Actor)
    return actor


class ApiTokenAuthentication(BaseAuthentication):
    """``Authorization: Token <token>``: a system, acting in its token's membership."""

    keyword = "Token"

    def authenticate(self, request: Request) -> tuple[User, Actor] | None:
        parts = get_authorization_header(request).split()
        if not parts or parts[0].lower() != self.keyword.lower().encode():
            return None
        if len(parts) != 2:
            raise AuthenticationFailed(
                _("Send the token as 'Authorization: Token <token>'.")
            )
        try:
            token = parts[1].decode("ascii")
        except UnicodeDecodeError as exc:
            raise AuthenticationFailed(
                _("This token is unknown or no longer valid.")
            ) from exc
        actor = api_token_authenticate(token)
        if actor is None:
            raise AuthenticationFailed(_("This token is unknown or no longer valid."))
        _set_actor(request, actor)
        return actor.user, actor

    def authenticate_header(self, request: Request) -> str:
        return self.keyword


def _is_verified(user: object) -> bool:
    """django-otp's middleware gives the user ``is_verified()`` (second factor done)."""
    is_verified = getattr(user, "is_verified", None)
    return bool(is_verified and is_verified())


class VerifiedSessionAuthentication(SessionAuthentication):
    """The browser's session, but only after the second factor and with an
    organisation and role chosen (the ``request.actor`` of ActorMiddleware).
    CSRF is enforced, as for every session write."""

    def authenticate(self, request: Request) -> tuple[User, Actor] | None:
        django_request = request._request
        user = getattr(django_request, "user", None)
        if user is None or not user.is_authenticated or not user.is_active:
            return None
        if not _is_verified(user):
            raise AuthenticationFailed(
                _("Finish logging in with your second factor first.")
            )
        actor = getattr(django_request, "actor", None)
        if not isinstance(actor, Actor):
            raise AuthenticationFailed(
                _("Choose the organisation and role you act in first.")
            )
        self.enforce_csrf(request)
        # The user as django-otp wrapped it, so is_verified() keeps working.
        return user, actor
