"""Every view declares who may use it. A view without a declaration is refused.

- ``@rule(Role.X, ..., relation="...")``: a verified (2FA) user acting in one of
  the roles; ``relation`` says which object-level check the view's selector applies.
- ``@login_step``: part of logging in (password done, second factor not yet).
- ``@public``: no login at all (health check, public pages).
"""

import functools
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Literal, TypeVar
from urllib.parse import urlencode

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.http.response import HttpResponseBase
from django.urls import reverse

from .roles import Role

View = TypeVar("View", bound=Callable[..., HttpResponseBase])


@dataclass(frozen=True)
class AccessRule:
    kind: Literal["role", "login_step", "verified", "public"]
    roles: frozenset[Role] = frozenset()
    relation: str = ""


def get_rule(view: Callable[..., Any]) -> AccessRule | None:
    rule_ = getattr(view, "access_rule", None)
    return rule_ if isinstance(rule_, AccessRule) else None


def _is_verified(user: object) -> bool:
    """django-otp's middleware gives the user ``is_verified()`` (second factor done)."""
    is_verified = getattr(user, "is_verified", None)
    return bool(is_verified and is_verified())


def _redirect_with_next(url_name: str, request: HttpRequest) -> HttpResponse:
    query = urlencode({"next": request.get_full_path()})
    return HttpResponseRedirect(f"{reverse(url_name)}?{query}")


def check_role_access(
    request: HttpRequest, roles: frozenset[Role]
) -> HttpResponse | None:
    """Return a redirect or raise PermissionDenied when the request may not pass."""
    user = request.user
    if not user.is_authenticated:
        return _redirect_with_next("accounts:login", request)
    if not _is_verified(user):
        return _redirect_with_next("accounts:otp-verify", request)
    actor = getattr(request, "actor", None)
    if actor is None:
        return _redirect_with_next("accounts:choose-organisation", request)
    if actor.role not in roles:
        raise PermissionDenied
    return None


def rule(*roles: Role, relation: str) -> Callable[[View], View]:
    if not roles:
        raise ValueError("A rule needs at least one role.")
    if not relation:
        raise ValueError("A rule must say which relation to the data it requires.")
    allowed = frozenset(roles)

    def decorator(view: View) -> View:
        @functools.wraps(view)
        def wrapped(
            request: HttpRequest, *args: Any, **kwargs: Any
        ) -> HttpResponseBase:
            refusal = check_role_access(request, allowed)
            if refusal is not None:
                return refusal
            return view(request, *args, **kwargs)

        wrapped.access_rule = AccessRule(  # type: ignore[attr-defined]
            kind="role", roles=allowed, relation=relation
        )
        return wrapped  # type: ignore[return-value]  # same signature as view

    return decorator


def login_step[View: Callable[..., HttpResponseBase]](view: View) -> View:
    @functools.wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        if not request.user.is_authenticated:
            return _redirect_with_next("accounts:login", request)
        return view(request, *args, **kwargs)

    wrapped.access_rule = AccessRule(kind="login_step")  # type: ignore[attr-defined]
    return wrapped  # type: ignore[return-value]  # same signature as view


def verified_only[View: Callable[..., HttpResponseBase]](view: View) -> View:
    """Logged in with both factors, before an organisation and role are chosen."""

    @functools.wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        if not request.user.is_authenticated:
            return _redirect_with_next("accounts:login", request)
        if not _is_verified(request.user):
            return _redirect_with_next("accounts:otp-verify", request)
        return view(request, *args, **kwargs)

    wrapped.access_rule = AccessRule(kind="verified")  # type: ignore[attr-defined]
    return wrapped  # type: ignore[return-value]  # same signature as view


def public[View: Callable[..., HttpResponseBase]](view: View) -> View:
    view.access_rule = AccessRule(kind="public")  # type: ignore[attr-defined]
    return view


def any_step[View: Callable[..., HttpResponseBase]](view: View) -> View:
    """For views reachable at every stage of a visit (language switch, logout)."""
    view.access_rule = AccessRule(kind="public", relation="any visitor")  # type: ignore[attr-defined]
    return view


__all__ = [
    "AccessRule",
    "PermissionDenied",
    "any_step",
    "check_role_access",
    "get_rule",
    "login_step",
    "public",
    "rule",
    "verified_only",
]
