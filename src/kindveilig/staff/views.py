"""Staff administration pages of the functioneel beheerder, and the public page
where an invited colleague sets a password (docs/beheer.md)."""

import uuid

from django.contrib import messages
from django.contrib.auth import login as auth_login
from django.contrib.auth import logout as auth_logout
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kindveilig.access.decorators import public, rule
from kindveilig.access.http import AuthenticatedRequest
from kindveilig.access.roles import Role
from kindveilig.accounts.models import User
from kindveilig.accounts.services import SecondFactorOutcome, second_factor_verify

from . import services
from .forms import (
    InvitationPasswordForm,
    InviteForm,
    MembershipAddForm,
    MembershipEndForm,
    StepUpForm,
)
from .selectors import staff_memberships_of, staff_user_get_for, staff_user_page_for

RELATION = "staff of the actor's own organisation"
INVITATION_SESSION_KEY = "kindveilig_invitation"


def _add_errors(
    form: MembershipAddForm | MembershipEndForm | InviteForm, error: ValidationError
) -> None:
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error)


def _detail(
    request: AuthenticatedRequest,
    user: User,
    *,
    add_form: MembershipAddForm | None = None,
    end_form: MembershipEndForm | None = None,
    status: int = 200,
) -> HttpResponse:
    page = staff_user_page_for(actor=request.actor, user=user)
    return render(
        request,
        "staff/user_detail.html",
        {
            "page": page,
            "add_form": add_form or MembershipAddForm(),
            "end_form": end_form,
            "is_self": user.pk == request.user.pk,
        },
        status=status,
    )


@rule(Role.FUNCTIONEEL_BEHEERDER, relation=RELATION)
def user_detail(request: AuthenticatedRequest, public_id: uuid.UUID) -> HttpResponse:
    user = staff_user_get_for(actor=request.actor, public_id=public_id)
    return _detail(request, user)


@rule(Role.FUNCTIONEEL_BEHEERDER, relation=RELATION)
def invite(request: AuthenticatedRequest) -> HttpResponse:
    form = InviteForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            user = services.staff_invite(
                actor=request.actor,
                email=form.cleaned_data["email"],
                full_name=form.cleaned_data["full_name"],
                role=Role(form.cleaned_data["role"]),
            )
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(request, _("The invitation has been sent."))
            return redirect("staff:user-detail", public_id=user.public_id)
    return render(
        request,
        "staff/invite.html",
        {"form": form, "days": services.INVITATION_VALID_DAYS},
    )


def _refused(
    request: AuthenticatedRequest, user: User, error: ValidationError
) -> HttpResponse:
    for message in error.messages:
        messages.error(request, message)
    return redirect("staff:user-detail", public_id=user.public_id)


@require_POST
@rule(Role.FUNCTIONEEL_BEHEERDER, relation=RELATION)
def user_deactivate(
    request: AuthenticatedRequest, public_id: uuid.UUID
) -> HttpResponse:
    user = staff_user_get_for(actor=request.actor, public_id=public_id)
    try:
        services.staff_user_deactivate(actor=request.actor, user=user)
    except ValidationError as error:
        return _refused(request, user, error)
    messages.success(
        request, _("The account is deactivated and its sessions have ended.")
    )
    return redirect("staff:user-detail", public_id=user.public_id)


@require_POST
@rule(Role.FUNCTIONEEL_BEHEERDER, relation=RELATION)
def user_reactivate(
    request: AuthenticatedRequest, public_id: uuid.UUID
) -> HttpResponse:
    user = staff_user_get_for(actor=request.actor, public_id=public_id)
    try:
        services.staff_user_reactivate(actor=request.actor, user=user)
    except ValidationError as error:
        return _refused(request, user, error)
    messages.success(request, _("The account is active again."))
    return redirect("staff:user-detail", public_id=user.public_id)


@require_POST
@rule(Role.FUNCTIONEEL_BEHEERDER, relation=RELATION)
def invitation_resend(
    request: AuthenticatedRequest, public_id: uuid.UUID
) -> HttpResponse:
    user = staff_user_get_for(actor=request.actor, public_id=public_id)
    try:
        services.staff_invitation_resend(actor=request.actor, user=user)
    except ValidationError as error:
        return _refused(request, user, error)
    messages.success(request, _("A new invitation has been sent."))
    return redirect("staff:user-detail", public_id=user.public_id)


@require_POST
@rule(Role.FUNCTIONEEL_BEHEERDER, relation=RELATION)
def membership_add(request: AuthenticatedRequest, public_id: uuid.UUID) -> HttpResponse:
    user = staff_user_get_for(actor=request.actor, public_id=public_id)
    form = MembershipAddForm(request.POST)
    if form.is_valid():
        try:
            services.staff_membership_add(
                actor=request.actor, user=user, role=Role(form.cleaned_data["role"])
            )
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(request, _("The role has been added."))
            return redirect("staff:user-detail", public_id=user.public_id)
    return _detail(request, user, add_form=form, status=400)


@require_POST
@rule(Role.FUNCTIONEEL_BEHEERDER, relation=RELATION)
def membership_end(request: AuthenticatedRequest, public_id: uuid.UUID) -> HttpResponse:
    user = staff_user_get_for(actor=request.actor, public_id=public_id)
    form = MembershipEndForm(
        request.POST,
        memberships=staff_memberships_of(actor=request.actor, user=user).filter(
            is_active=True
        ),
    )
    if form.is_valid():
        try:
            services.staff_membership_end(
                actor=request.actor, membership=form.cleaned_data["membership"]
            )
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(request, _("The role has been ended."))
            return redirect("staff:user-detail", public_id=user.public_id)
    return _detail(request, user, end_form=form, status=400)


@rule(Role.FUNCTIONEEL_BEHEERDER, relation=RELATION)
def second_factor_reset(
    request: AuthenticatedRequest, public_id: uuid.UUID
) -> HttpResponse:
    """Step-up: the beheerder's own code first, then the colleague's app and
    recovery codes are removed."""
    user = staff_user_get_for(actor=request.actor, public_id=public_id)
    form = StepUpForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        check = second_factor_verify(
            user=request.user, token=form.cleaned_data["token"]
        )
        if check.outcome == SecondFactorOutcome.NOW_LOCKED:
            auth_logout(request)
            messages.error(request, check.message)
            return redirect("accounts:login")
        if not check.verified:
            form.add_error("token", check.message)
        else:
            try:
                services.staff_second_factor_reset(actor=request.actor, user=user)
            except ValidationError as error:
                return _refused(request, user, error)
            messages.success(
                request,
                _(
                    "The second factor has been reset. At the next login this "
                    "person sets up the authenticator app again."
                ),
            )
            return redirect("staff:user-detail", public_id=user.public_id)
    return render(
        request, "staff/second_factor_reset.html", {"form": form, "target": user}
    )


@public
def invitation_open(request: HttpRequest, token: str) -> HttpResponse:
    """The link from the e-mail: the token moves into the session and out of the
    address bar (and the browser history and Referer), as Django's password
    reset does."""
    request.session[INVITATION_SESSION_KEY] = token
    return redirect("staff:invitation-accept")


@public
def invitation_accept(request: HttpRequest) -> HttpResponse:
    token = request.session.get(INVITATION_SESSION_KEY, "")
    invitation = services.invitation_find(token=token) if token else None
    if invitation is None:
        return render(request, "staff/invitation_invalid.html", status=410)
    form = InvitationPasswordForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            user = services.invitation_accept(
                token=token, password=form.cleaned_data["password1"]
            )
        except ValidationError as error:
            if hasattr(error, "error_dict"):
                for field, errors in error.error_dict.items():
                    form.add_error(field, errors)
            else:
                form.add_error(None, error)
        else:
            # The password step of a login: on to enrolling the second factor.
            request.session.pop(INVITATION_SESSION_KEY, None)
            auth_login(
                request, user, backend="django.contrib.auth.backends.ModelBackend"
            )
            return redirect("accounts:otp-enrol")
    return render(
        request,
        "staff/invitation_accept.html",
        {"form": form, "organisation": invitation.organisation},
    )
