"""Login with two factors, enrolment of an authenticator app, choosing the role."""

import logging

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import authenticate
from django.contrib.auth import login as auth_login
from django.contrib.auth import logout as auth_logout
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

import segno
from django_otp import login as otp_login

from kindveilig.access.decorators import (
    any_step,
    login_step,
    public,
    rule,
    verified_only,
)
from kindveilig.access.http import AuthenticatedRequest
from kindveilig.access.roles import ALL_ROLES, Role
from kindveilig.accounts.models import EncryptedTOTPDevice, HashedRecoveryDevice

from . import services
from .forms import ChooseOrganisationForm, EnrolForm, LoginForm, TokenForm
from .logout import logout_redirect
from .middleware import ACTIVE_MEMBERSHIP_SESSION_KEY
from .models import User
from .selectors import memberships_for, memberships_of_organisation

logger = logging.getLogger(__name__)
ENROL_DEVICE_SESSION_KEY = "kindveilig_enrol_device"


def _next_url(request: HttpRequest, default: str = "portal:home") -> str:
    candidate = request.POST.get("next") or request.GET.get("next") or ""
    if candidate and url_has_allowed_host_and_scheme(
        candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return candidate
    return reverse(default)


def _with_next(url_name: str, request: HttpRequest) -> HttpResponse:
    from urllib.parse import urlencode

    return HttpResponseRedirect(
        f"{reverse(url_name)}?{urlencode({'next': _next_url(request)})}"
    )


@public
def login_view(request: HttpRequest) -> HttpResponse:
    form = LoginForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        email = form.cleaned_data["email"].strip().lower()
        user = User.objects.filter(email=email, is_active=True).first()
        locked = user is not None and services.login_lock_status(user=user).locked
        # The password is hashed even for an unknown or locked account, so the
        # answer takes as long and reads the same either way.
        authenticated = authenticate(
            request, username=email, password=form.cleaned_data["password"]
        )
        if locked or authenticated is None:
            if user is not None and not locked:
                services.login_failure_record(user=user)
            form.add_error(None, services.login_refused_messages())
        else:
            # Django's login() gives the session a new key: the first factor.
            auth_login(request, authenticated)
            logger.info("Password step passed for user %s", authenticated.pk)
            if services.user_has_confirmed_totp(user=authenticated):
                return _with_next("accounts:otp-verify", request)
            return _with_next("accounts:otp-enrol", request)
    return render(
        request,
        "accounts/login.html",
        {
            "form": form,
            "next": _next_url(request),
            # Single sign-on (kindveilig.sso, docs/sso.md), when configured.
            "sso_enabled": settings.KINDVEILIG_OIDC_ENABLED,
            "sso_name": settings.KINDVEILIG_OIDC_PROVIDER_NAME,
        },
    )


def _second_factor_passed(
    request: HttpRequest, device: EncryptedTOTPDevice | HashedRecoveryDevice
) -> None:
    """Mark the session verified under a new key: a session id seen before the
    second factor (on a shared computer, in a proxy log) is worth nothing after."""
    otp_login(request, device)
    request.session.cycle_key()
    user = request.user
    assert isinstance(user, User)
    session_key = request.session.session_key
    assert session_key is not None  # cycle_key() saved the session
    services.user_session_record(user=user, session_key=session_key)


def _finish_login(request: HttpRequest) -> HttpResponse:
    """After both factors: pick the only membership, or let the user choose."""
    user = request.user
    assert isinstance(user, User)
    memberships = list(memberships_for(user=user))
    if len(memberships) == 1:
        request.session[ACTIVE_MEMBERSHIP_SESSION_KEY] = memberships[0].pk
        return HttpResponseRedirect(_next_url(request))
    return _with_next("accounts:choose-organisation", request)


@login_step
def otp_verify(request: HttpRequest) -> HttpResponse:
    user = request.user
    assert isinstance(user, User)
    if not services.user_has_confirmed_totp(user=user):
        return _with_next("accounts:otp-enrol", request)
    form = TokenForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        check = services.second_factor_verify(
            user=user, token=form.cleaned_data["token"]
        )
        if check.device is not None:
            _second_factor_passed(request, check.device)
            logger.info("Second factor passed for user %s", user.pk)
            return _finish_login(request)
        if check.outcome == services.SecondFactorOutcome.NOW_LOCKED:
            auth_logout(request)
            messages.error(request, check.message)
            return redirect("accounts:login")
        form.add_error("token", check.message)
    return render(
        request, "accounts/otp_verify.html", {"form": form, "next": _next_url(request)}
    )


@login_step
def otp_enrol(request: HttpRequest) -> HttpResponse:
    user = request.user
    assert isinstance(user, User)
    if services.user_has_confirmed_totp(user=user):
        return _with_next("accounts:otp-verify", request)
    device = EncryptedTOTPDevice.objects.filter(
        pk=request.session.get(ENROL_DEVICE_SESSION_KEY), user=user, confirmed=False
    ).first()
    if device is None:
        device = services.totp_device_start(user=user)
        request.session[ENROL_DEVICE_SESSION_KEY] = device.pk
    form = EnrolForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        if services.totp_device_confirm(
            user=user, device=device, token=form.cleaned_data["token"]
        ):
            request.session.pop(ENROL_DEVICE_SESSION_KEY, None)
            _second_factor_passed(request, device)
            codes = services.recovery_codes_generate(user=user)
            return render(
                request,
                "accounts/recovery_codes.html",
                {"codes": codes, "next": _next_url(request), "after_enrol": True},
            )
        form.add_error(
            "token",
            _("This code is not correct. Check the time on your phone and try again."),
        )
    qr_svg = segno.make(device.config_url, error="m").svg_inline(
        scale=5,
        dark="#000",
        light="#fff",
        title=_("QR code for your authenticator app"),
    )
    secret = device.config_url.split("secret=")[1].split("&")[0]
    return render(
        request,
        "accounts/otp_enrol.html",
        {
            "form": form,
            "qr_svg": qr_svg,
            "secret_groups": [secret[i : i + 4] for i in range(0, len(secret), 4)],
            "next": _next_url(request),
        },
    )


@verified_only
def recovery_codes_continue(request: HttpRequest) -> HttpResponse:
    return _finish_login(request)


@rule(*ALL_ROLES, relation="own account")
def recovery_codes_renew(request: AuthenticatedRequest) -> HttpResponse:
    if request.method == "POST":
        codes = services.recovery_codes_generate(user=request.user)
        return render(
            request,
            "accounts/recovery_codes.html",
            {"codes": codes, "after_enrol": False},
        )
    return render(request, "accounts/recovery_codes_confirm.html", {})


@verified_only
def choose_organisation(request: HttpRequest) -> HttpResponse:
    user = request.user
    assert isinstance(user, User)
    memberships = memberships_for(user=user)
    form = ChooseOrganisationForm(
        request.POST if request.method == "POST" else None, memberships=memberships
    )
    if request.method == "POST" and form.is_valid():
        membership = form.cleaned_data["membership"]
        request.session[ACTIVE_MEMBERSHIP_SESSION_KEY] = membership.pk
        messages.success(
            request,
            _("You now work as %(role)s at %(organisation)s.")
            % {
                "role": membership.get_role_display(),
                "organisation": membership.organisation,
            },
        )
        return HttpResponseRedirect(_next_url(request))
    return render(
        request,
        "accounts/choose_organisation.html",
        {
            "form": form,
            "next": _next_url(request),
            "has_memberships": memberships.exists(),
        },
    )


@require_POST
@any_step
def logout_view(request: HttpRequest) -> HttpResponse:
    # Read before the session ends: single sign-on keeps its ID token there.
    elsewhere = logout_redirect(request)
    if request.session.session_key:
        services.user_session_forget(session_key=request.session.session_key)
    auth_logout(request)
    messages.info(request, _("You are logged out."))
    if elsewhere:
        # The identity provider ends its session too, and sends the browser back
        # to the login page (docs/sso.md, "Logout").
        return HttpResponseRedirect(elsewhere)
    return redirect("accounts:login")


@rule(Role.FUNCTIONEEL_BEHEERDER, relation="staff of the actor's own organisation")
def member_list(request: AuthenticatedRequest) -> HttpResponse:
    memberships = memberships_of_organisation(
        organisation_id=request.actor.organisation_id
    )
    return render(request, "accounts/member_list.html", {"memberships": memberships})
