"""Pages of Kansrijke Start (``/kansrijke-start/``): the signal, the JGZ's list and
contact moments, and the one-click start of a meldcode trajectory. Thin: a form,
one service or selector, render or redirect."""

import uuid

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kindveilig.access.decorators import rule
from kindveilig.access.http import AuthenticatedRequest
from kindveilig.access.roles import CASE_ROLES, Role
from kindveilig.core.forms import apply_errors
from kindveilig.organisations.models import JGZ_TYPES

from . import consent_services, selectors, services
from .coalition_selectors import signal_coalition
from .forms import (
    BirthForm,
    CloseForm,
    ConsentWithdrawForm,
    ContactForm,
    HouseholdRequestForm,
    MomentTrajectoryForm,
    SignalForm,
    team_options,
)
from .models import Phase


def _detail(public_id: uuid.UUID) -> HttpResponseRedirect:
    return HttpResponseRedirect(
        reverse("kansrijkestart:signal-detail", args=[public_id])
    )


@rule(*CASE_ROLES, relation="the signals the actor made (aandachtsfunctionaris: all)")
def signal_list(request: AuthenticatedRequest) -> HttpResponse:
    page = selectors.signal_own_page_for(
        actor=request.actor, page_number=request.GET.get("pagina")
    )
    return render(
        request,
        "kansrijkestart/signal_list.html",
        {
            "page": page,
            "may_signal": services.can_signal(request.actor),
            "is_lokaal_team": request.actor.role == Role.LOKAAL_TEAM_MEDEWERKER,
        },
    )


@rule(*CASE_ROLES, relation="signals followed up by the actor's JGZ or CJG")
def follow_up_list(request: AuthenticatedRequest) -> HttpResponse:
    if request.actor.organisation.type not in JGZ_TYPES:
        raise PermissionDenied
    closed = request.GET.get("status") == "afgesloten"
    page = selectors.signal_follow_up_page_for(
        actor=request.actor, page_number=request.GET.get("pagina"), closed=closed
    )
    return render(
        request, "kansrijkestart/follow_up_list.html", {"page": page, "closed": closed}
    )


@rule(*CASE_ROLES, relation="a family the actor's organisation cares for")
def signal_create(request: AuthenticatedRequest) -> HttpResponse:
    if not services.can_signal(request.actor):
        raise PermissionDenied
    form = SignalForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        young = data["phase"] == Phase.YOUNG_CHILD
        try:
            signal = services.signal_create(
                actor=request.actor,
                data=services.SignalInput(
                    parent=services.PersonInput(
                        given_name=data["parent_given_name"],
                        family_name=data["parent_family_name"],
                        date_of_birth=data["parent_date_of_birth"],
                        bsn=data["parent_bsn"],
                    ),
                    phase=data["phase"],
                    expected_date=data["expected_date"],
                    child=services.PersonInput(
                        given_name=data["child_given_name"],
                        family_name=data["child_family_name"]
                        or data["parent_family_name"],
                        date_of_birth=data["child_date_of_birth"],
                        bsn=data["child_bsn"],
                    )
                    if young
                    else None,
                    domains=data["domains"],
                    concern=data["concern"],
                    consent=data["consent"],
                    consent_words=data["consent_words"],
                    parent_wishes=data["parent_wishes"],
                    follow_up_organisation=data["follow_up_organisation"],
                ),
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(
                request,
                _("The signal is sent to %(organisation)s.")
                % {"organisation": signal.follow_up_organisation.name},
            )
            return _detail(signal.public_id)
    return render(request, "kansrijkestart/signal_form.html", {"form": form})


@rule(
    *CASE_ROLES,
    relation="the JGZ that follows the signal up; the professional who signalled",
)
def signal_detail(request: AuthenticatedRequest, public_id: uuid.UUID) -> HttpResponse:
    detail = selectors.signal_detail_for(actor=request.actor, public_id=public_id)
    teams = None
    team = None
    if detail.moments and detail.signal.has_consent:
        rows = selectors.lokaal_team_rows()
        teams = team_options([(pk, name) for pk, name, _ in rows])
        # The first lokaal team of the signal's municipality, in the list's order.
        team = next(
            (pk for pk, _, place in rows if place == detail.signal.municipality_id),
            None,
        )
    moments = [
        (
            moment,
            MomentTrajectoryForm(
                initial={"forms_of_violence": services.suggested_forms(moment)},
                auto_id=f"id_{moment.public_id.hex[:12]}_%s",
            ),
            HouseholdRequestForm(
                initial={"lokaal_team": team},
                auto_id=f"id_{moment.public_id.hex[:12]}_h_%s",
                teams=teams,
            )
            if teams is not None
            else None,
        )
        for moment in detail.moments
    ]
    coalition = signal_coalition(detail.signal) if detail.may_follow_up else None
    return render(
        request,
        "kansrijkestart/signal_detail.html",
        {
            "detail": detail,
            "signal": detail.signal,
            "moments": moments,
            "coalition": coalition,
        },
    )


@rule(*CASE_ROLES, relation="the JGZ that follows the signal up")
def contact_add(request: AuthenticatedRequest, public_id: uuid.UUID) -> HttpResponse:
    signal = selectors.signal_get_for(
        actor=request.actor, public_id=public_id, reason="contact moment"
    )
    if not services.can_follow_up(request.actor, signal):
        raise PermissionDenied
    form = ContactForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            services.contact_moment_record(
                actor=request.actor,
                signal=signal,
                data=services.ContactInput(**form.cleaned_data),
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("The contact moment is recorded."))
            return _detail(signal.public_id)
    return render(
        request, "kansrijkestart/contact_form.html", {"form": form, "signal": signal}
    )


@rule(*CASE_ROLES, relation="the JGZ that follows the signal up")
def birth_register(request: AuthenticatedRequest, public_id: uuid.UUID) -> HttpResponse:
    signal = selectors.signal_get_for(
        actor=request.actor, public_id=public_id, reason="birth"
    )
    if not services.can_follow_up(request.actor, signal):
        raise PermissionDenied
    form = BirthForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            services.signal_register_birth(
                actor=request.actor,
                signal=signal,
                child=services.PersonInput(**form.cleaned_data),
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("The birth is registered."))
            return _detail(signal.public_id)
    return render(
        request, "kansrijkestart/birth_form.html", {"form": form, "signal": signal}
    )


@rule(*CASE_ROLES, relation="the JGZ that follows the signal up")
def signal_close(request: AuthenticatedRequest, public_id: uuid.UUID) -> HttpResponse:
    signal = selectors.signal_get_for(
        actor=request.actor, public_id=public_id, reason="close"
    )
    if not services.can_follow_up(request.actor, signal):
        raise PermissionDenied
    form = CloseForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            services.signal_close(
                actor=request.actor, signal=signal, reason=form.cleaned_data["reason"]
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("The follow-up of this signal has ended."))
            return _detail(signal.public_id)
    return render(
        request, "kansrijkestart/close_form.html", {"form": form, "signal": signal}
    )


@rule(*CASE_ROLES, relation="the JGZ that follows the signal up")
def consent_withdraw(
    request: AuthenticatedRequest, public_id: uuid.UUID
) -> HttpResponse:
    """The parent withdraws consent: the nurse records it in the parent's words."""
    signal = selectors.signal_get_for(
        actor=request.actor, public_id=public_id, reason="consent"
    )
    if not services.can_follow_up(request.actor, signal):
        raise PermissionDenied
    form = ConsentWithdrawForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            consent_services.signal_consent_withdraw(
                actor=request.actor, signal=signal, words=form.cleaned_data["words"]
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(
                request,
                _(
                    "The withdrawal is recorded: nothing more about this family "
                    "goes to the coalition."
                ),
            )
            return _detail(signal.public_id)
    return render(
        request,
        "kansrijkestart/consent_withdraw_form.html",
        {"form": form, "signal": signal},
    )


@require_POST
@rule(*CASE_ROLES, relation="the JGZ that follows the contact moment's signal up")
def moment_trajectory(
    request: AuthenticatedRequest, public_id: uuid.UUID
) -> HttpResponse:
    moment = selectors.contact_moment_get_for(actor=request.actor, public_id=public_id)
    form = MomentTrajectoryForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose the forms of violence from the list."))
        return _detail(moment.signal.public_id)
    try:
        trajectory = services.contact_moment_start_trajectory(
            actor=request.actor,
            moment=moment,
            forms_of_violence=form.cleaned_data["forms_of_violence"] or None,
        )
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
        return _detail(moment.signal.public_id)
    return HttpResponseRedirect(
        reverse("meldcode:trajectory-detail", args=[trajectory.public_id])
    )


@require_POST
@rule(*CASE_ROLES, relation="the JGZ that follows the contact moment's signal up")
def moment_household(
    request: AuthenticatedRequest, public_id: uuid.UUID
) -> HttpResponse:
    moment = selectors.contact_moment_get_for(actor=request.actor, public_id=public_id)
    form = HouseholdRequestForm(request.POST)
    if form.is_valid():
        try:
            services.contact_moment_start_household_case(
                actor=request.actor,
                moment=moment,
                lokaal_team=form.cleaned_data["lokaal_team"],
                note=form.cleaned_data["note"],
            )
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
        else:
            messages.success(
                request, _("The lokaal team is asked to open a household case.")
            )
    else:
        messages.error(request, _("Choose a lokaal team."))
    return _detail(moment.signal.public_id)


@rule(Role.LOKAAL_TEAM_MEDEWERKER, relation="requests to the actor's lokaal team")
def request_list(request: AuthenticatedRequest) -> HttpResponse:
    page = selectors.household_request_page_for(
        actor=request.actor, page_number=request.GET.get("pagina")
    )
    return render(request, "kansrijkestart/request_list.html", {"page": page})


@rule(Role.LOKAAL_TEAM_MEDEWERKER, relation="a request to the actor's lokaal team")
def request_detail(request: AuthenticatedRequest, public_id: uuid.UUID) -> HttpResponse:
    household_request = selectors.household_request_get_for(
        actor=request.actor, public_id=public_id
    )
    if request.method == "POST":
        try:
            case = services.household_request_accept(
                actor=request.actor, request=household_request
            )
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
        else:
            messages.success(request, _("The household and its case are opened."))
            return HttpResponseRedirect(
                reverse("households:household-detail", args=[case.household.public_id])
            )
    return render(
        request,
        "kansrijkestart/request_detail.html",
        {
            "household_request": household_request,
            "moment": household_request.moment,
            "signal": household_request.moment.signal,
        },
    )
