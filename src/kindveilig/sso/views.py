"""Single sign-on: to the identity provider and back (docs/sso.md).

Both views are public (the visitor is not logged in yet) and answer 404 while
single sign-on is not configured. After the provider's answer the user is
logged in with the first factor; the second factor is the provider's when its
ID token says so (acr/amr per configuration), else Kindveilig's TOTP step
follows. The organisation and role chooser comes after either, as always.
"""

from typing import Any
from urllib.parse import urlencode

from django.conf import settings
from django.contrib import auth, messages
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse
from django.utils.translation import gettext as _

from django_otp import login as otp_login
from mozilla_django_oidc.views import (
    OIDCAuthenticationCallbackView,
    OIDCAuthenticationRequestView,
)

from kindveilig.access.decorators import public
from kindveilig.accounts import services as account_services
from kindveilig.accounts.models import User

from .backends import ID_TOKEN_ATTRIBUTE, ID_TOKEN_CLAIMS_ATTRIBUTE, NO_USER_ATTRIBUTE
from .logout import ID_TOKEN_SESSION_KEY
from .models import ProviderAssertedDevice


def second_factor_asserted(claims: dict[str, Any]) -> bool:
    """Whether the ID token says the provider asked a second factor."""
    acr = claims.get("acr")
    amr = claims.get("amr") or []
    if acr and acr in settings.KINDVEILIG_OIDC_MFA_ACR_VALUES:
        return True
    return isinstance(amr, list) and bool(
        set(map(str, amr)) & set(settings.KINDVEILIG_OIDC_MFA_AMR_VALUES)
    )


def _step(url_name: str, next_url: str) -> HttpResponse:
    return HttpResponseRedirect(f"{reverse(url_name)}?{urlencode({'next': next_url})}")


class _Callback(OIDCAuthenticationCallbackView):  # type: ignore[misc]  # untyped library
    request: HttpRequest
    user: User

    def login_failure(self) -> HttpResponse:
        if getattr(self.request, NO_USER_ATTRIBUTE, False):
            message = _(
                "Single sign-on did not log you in: Kindveilig does not know an "
                "active account for you. Ask the functional administrator of your "
                "organisation."
            )
        else:
            # Refused at the provider, a token that did not check out, a lock.
            message = _(
                "Single sign-on did not succeed. Try again, or log in with your "
                "e-mail address and password."
            )
        messages.error(self.request, message)
        return HttpResponseRedirect(reverse("accounts:login"))

    def login_success(self) -> HttpResponse:
        request, user = self.request, self.user
        if account_services.login_lock_status(user=user).locked:
            return self.login_failure()
        next_url = request.session.get("oidc_login_next") or reverse("portal:home")
        # A new session key, whoever was logged in before: the first factor.
        auth.login(request, user)
        # For the logout at the provider (docs/sso.md, "Logout"). After the
        # login, whose flush would drop it; every later cycle_key keeps it.
        request.session[ID_TOKEN_SESSION_KEY] = getattr(request, ID_TOKEN_ATTRIBUTE, "")
        claims = getattr(request, ID_TOKEN_CLAIMS_ATTRIBUTE, {})
        if second_factor_asserted(claims):
            device, _created = ProviderAssertedDevice.objects.get_or_create(
                user=user, defaults={"name": "identity provider", "confirmed": True}
            )
            otp_login(request, device)
            request.session.cycle_key()
            account_services.login_success_record(user=user)
            # The chooser, or the only membership: as after Kindveilig's own TOTP.
            return _step("accounts:recovery-continue", next_url)
        if account_services.user_has_confirmed_totp(user=user):
            return _step("accounts:otp-verify", next_url)
        return _step("accounts:otp-enrol", next_url)


def _enabled() -> None:
    if not settings.KINDVEILIG_OIDC_ENABLED:
        raise Http404


@public
def start(request: HttpRequest) -> HttpResponse:
    _enabled()
    response: HttpResponse = OIDCAuthenticationRequestView.as_view()(request)
    return response


@public
def callback(request: HttpRequest) -> HttpResponse:
    _enabled()
    response: HttpResponse = _Callback.as_view()(request)
    return response
