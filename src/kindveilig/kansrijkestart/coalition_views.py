"""Pages of the local coalition's case consultation, "Mijn acties", the warm
referral and the interventions on a signal. Thin: a form, one service or one
selector, render or redirect."""

import uuid

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse, HttpResponseRedirect, QueryDict
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _

from kindveilig.access.decorators import rule
from kindveilig.access.http import AuthenticatedRequest
from kindveilig.access.roles import CASE_ROLES
from kindveilig.core.forms import apply_errors

from . import coalition_services as services
from .coalition_forms import (
    ActionForm,
    AgendaForm,
    CompleteForm,
    InterventionEndForm,
    InterventionOfferForm,
    InterventionStartForm,
    MeetingForm,
    RecordForm,
    ReferralForm,
)
from .coalition_selectors import (
    action_get_for,
    agenda_item_get_for,
    intervention_get_for_signal,
    meeting_for_edit,
    meeting_get_for,
    meeting_list_for,
    my_actions_for,
    owner_choices_for_meeting,
    participant_choices,
    referral_owner_choices,
)
from .models import StartSignal
from .selectors import signal_get_for
from .services import can_follow_up

meeting_rule = rule(
    *CASE_ROLES,
    relation="participant of the consultation, in the organisation taking part for",
)
action_rule = rule(*CASE_ROLES, relation="owner of the action, in its organisation")
signal_rule = rule(
    *CASE_ROLES,
    relation="case worker of the JGZ or CJG that follows the signal up",
)


def _to_meeting(public_id: uuid.UUID, anchor: str = "") -> HttpResponse:
    url = reverse("kansrijkestart:meeting-detail", args=[public_id])
    return HttpResponseRedirect(f"{url}#{anchor}" if anchor else url)


def _to_signal(public_id: uuid.UUID, anchor: str = "overleg") -> HttpResponse:
    url = reverse("kansrijkestart:signal-detail", args=[public_id])
    return HttpResponseRedirect(f"{url}#{anchor}")


def _followed_signal(
    request: AuthenticatedRequest, public_id: uuid.UUID, reason: str
) -> StartSignal:
    """The signal, for the JGZ that follows it up; the signaller reads it on the
    signal's own page but does not act here (403)."""
    signal = signal_get_for(actor=request.actor, public_id=public_id, reason=reason)
    if not can_follow_up(request.actor, signal):
        raise PermissionDenied
    return signal


def _post(request: AuthenticatedRequest) -> QueryDict | None:
    return request.POST if request.method == "POST" else None


# ---- the consultation -----------------------------------------------------


@meeting_rule
def meeting_list(request: AuthenticatedRequest) -> HttpResponse:
    return render(
        request,
        "kansrijkestart/meeting_list.html",
        {
            "rows": meeting_list_for(actor=request.actor),
            "may_host": request.actor.organisation.type in services.HOST_TYPES,
        },
    )


@meeting_rule
def meeting_create(request: AuthenticatedRequest) -> HttpResponse:
    memberships = participant_choices(
        municipality_id=request.actor.organisation.municipality_id
    )
    form = MeetingForm(_post(request), memberships=memberships)
    if request.method == "POST" and form.is_valid():
        try:
            meeting = services.meeting_create(
                actor=request.actor,
                title=form.cleaned_data["title"],
                held_on=form.cleaned_data["held_on"],
                participants=form.chosen_participants(),
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("The consultation is planned."))
            return _to_meeting(meeting.public_id)
    return render(request, "kansrijkestart/meeting_form.html", {"form": form})


@meeting_rule
def meeting_detail(request: AuthenticatedRequest, public_id: uuid.UUID) -> HttpResponse:
    page = meeting_get_for(actor=request.actor, public_id=public_id)
    return render(request, "kansrijkestart/meeting_detail.html", {"page": page})


@meeting_rule
def meeting_record(request: AuthenticatedRequest, public_id: uuid.UUID) -> HttpResponse:
    page = meeting_get_for(actor=request.actor, public_id=public_id)
    if not page.is_chair:
        raise PermissionDenied  # a participant reads; the chair records
    meeting = page.meeting
    memberships = participant_choices(municipality_id=meeting.municipality_id)
    taking_part = {
        (row.user_id, row.organisation_id) for row in meeting.participations.all()
    }
    initial = {
        "participants": [
            str(m.pk)
            for m in memberships
            if (m.user_id, m.organisation_id) in taking_part
        ]
    }
    form = RecordForm(
        _post(request), initial=initial, memberships=memberships, items=page.items
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.meeting_record(
                actor=request.actor,
                meeting=meeting,
                participants=form.chosen_participants(),
                decisions=form.decisions(),
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("The consultation is recorded."))
            return _to_meeting(meeting.public_id)
    return render(
        request, "kansrijkestart/meeting_record.html", {"page": page, "form": form}
    )


@meeting_rule
def action_add(request: AuthenticatedRequest, public_id: uuid.UUID) -> HttpResponse:
    item = agenda_item_get_for(actor=request.actor, public_id=public_id)
    form = ActionForm(_post(request), owners=owner_choices_for_meeting(item.meeting))
    if request.method == "POST" and form.is_valid():
        try:
            services.action_add(
                actor=request.actor,
                agenda_item=item,
                owner=form.chosen_owner(),
                due_on=form.cleaned_data["due_on"],
                description=form.cleaned_data["description"],
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(
                request, _("The action is recorded; its owner sees it on Mijn werk.")
            )
            return _to_meeting(item.meeting.public_id, f"gezin-{item.public_id}")
    return render(
        request, "kansrijkestart/action_form.html", {"item": item, "form": form}
    )


# ---- the owner's actions --------------------------------------------------


@action_rule
def my_actions(request: AuthenticatedRequest) -> HttpResponse:
    return render(
        request,
        "kansrijkestart/my_actions.html",
        {"rows": my_actions_for(actor=request.actor)},
    )


@action_rule
def action_detail(request: AuthenticatedRequest, public_id: uuid.UUID) -> HttpResponse:
    """The owner reads the action and records its outcome."""
    action = action_get_for(actor=request.actor, public_id=public_id)
    form = CompleteForm(_post(request), outcomes=services.outcomes_for(action))
    if request.method == "POST" and form.is_valid():
        try:
            services.action_complete(
                actor=request.actor,
                action=action,
                outcome=form.cleaned_data["outcome"],
                outcome_note=form.cleaned_data["outcome_note"],
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("The outcome is recorded."))
            return HttpResponseRedirect(reverse("kansrijkestart:my-actions"))
    return render(
        request, "kansrijkestart/action_detail.html", {"action": action, "form": form}
    )


# ---- from the signal's page -----------------------------------------------


@signal_rule
def agenda_add(request: AuthenticatedRequest, public_id: uuid.UUID) -> HttpResponse:
    """Place the family on a consultation's agenda: only with consent."""
    signal = _followed_signal(request, public_id, "coalition agenda")
    meetings = [
        row for row in meeting_list_for(actor=request.actor) if not row.is_recorded
    ]
    form = AgendaForm(_post(request), meetings=meetings)
    if request.method == "POST" and form.is_valid():
        try:
            meeting = meeting_for_edit(
                actor=request.actor, public_id=uuid.UUID(form.cleaned_data["meeting"])
            )
            services.agenda_add(
                actor=request.actor,
                meeting=meeting,
                signal=signal,
                shared_summary=form.cleaned_data["shared_summary"],
                consent_checked=form.cleaned_data["consent_checked"],
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("The family is on the agenda."))
            return _to_meeting(meeting.public_id)
    return render(
        request,
        "kansrijkestart/agenda_form.html",
        {"signal": signal, "form": form, "has_meetings": bool(meetings)},
    )


@signal_rule
def referral_make(request: AuthenticatedRequest, public_id: uuid.UUID) -> HttpResponse:
    """The warm referral to schuldhulpverlening or income support."""
    signal = _followed_signal(request, public_id, "referral")
    owners = referral_owner_choices(municipality_id=signal.municipality_id)
    form = ReferralForm(_post(request), owners=owners)
    if request.method == "POST" and form.is_valid():
        try:
            services.referral_make(
                actor=request.actor,
                signal=signal,
                kind=form.cleaned_data["kind"],
                owner=form.chosen_owner(),
                due_on=form.cleaned_data["due_on"],
                description=form.cleaned_data["description"],
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(
                request,
                _(
                    "The referral is made; the receiving colleague sees it on Mijn werk."
                ),
            )
            return _to_signal(signal.public_id)
    return render(
        request,
        "kansrijkestart/referral_form.html",
        {"signal": signal, "form": form},
    )


@signal_rule
def intervention_offer(
    request: AuthenticatedRequest, public_id: uuid.UUID
) -> HttpResponse:
    signal = _followed_signal(request, public_id, "intervention")
    form = InterventionOfferForm(_post(request))
    if request.method == "POST" and form.is_valid():
        try:
            services.intervention_offer(
                actor=request.actor,
                signal=signal,
                kind=form.cleaned_data["kind"],
                offered_on=form.cleaned_data["offered_on"],
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("The intervention is recorded."))
            return _to_signal(signal.public_id, "interventies")
    return render(
        request,
        "kansrijkestart/intervention_form.html",
        {"signal": signal, "form": form, "intervention": None},
    )


@signal_rule
def intervention_update(
    request: AuthenticatedRequest, public_id: uuid.UUID, intervention_id: uuid.UUID
) -> HttpResponse:
    """Record the start, or the end with its outcome."""
    signal = _followed_signal(request, public_id, "intervention")
    intervention = intervention_get_for_signal(signal, intervention_id)
    starting = intervention.started_on is None and intervention.ended_on is None
    form: InterventionStartForm | InterventionEndForm
    if starting and request.GET.get("stap") != "einde":
        form = InterventionStartForm(_post(request))
    else:
        form = InterventionEndForm(
            _post(request), started=intervention.started_on is not None
        )
    if request.method == "POST" and form.is_valid():
        try:
            if isinstance(form, InterventionStartForm):
                services.intervention_start(
                    actor=request.actor,
                    intervention=intervention,
                    started_on=form.cleaned_data["started_on"],
                )
            else:
                services.intervention_end(
                    actor=request.actor,
                    intervention=intervention,
                    ended_on=form.cleaned_data["ended_on"],
                    outcome=form.cleaned_data["outcome"],
                )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("The intervention is updated."))
            return _to_signal(signal.public_id, "interventies")
    return render(
        request,
        "kansrijkestart/intervention_form.html",
        {"signal": signal, "form": form, "intervention": intervention},
    )
