"""The safety case: opening, phases, Signs of Safety mappings and the chart,
partners, meetings, closing."""

import uuid

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kindveilig.access.http import AuthenticatedRequest
from kindveilig.core.forms import apply_errors
from kindveilig.households import selectors, services
from kindveilig.households.chart import build_chart
from kindveilig.households.forms import (
    CloseForm,
    MappingForm,
    MeetingForm,
    PartnerForm,
    PhaseForm,
)
from kindveilig.households.models import MemberRole, Perspective

from .common import full_rule, load, regie_rule, to_detail


def _form_page(
    request: AuthenticatedRequest,
    access: selectors.HouseholdAccess,
    form: object,
    title: str,
    intro: str = "",
    submit: str = "",
) -> HttpResponse:
    return render(
        request,
        "households/form_page.html",
        {
            "household": access.household,
            "form": form,
            "title": title,
            "intro": intro,
            "submit": submit or _("Save"),
        },
    )


@require_POST
@regie_rule
def case_open(request: AuthenticatedRequest, public_id: uuid.UUID) -> HttpResponse:
    access = load(request, public_id, purpose="open a case", need="edit")
    try:
        services.case_open(actor=request.actor, household=access.household)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(
            request, _("The safety case is open. You are the regievoerder.")
        )
    return to_detail(access.household)


@regie_rule
def phase_change(request: AuthenticatedRequest, public_id: uuid.UUID) -> HttpResponse:
    access = load(request, public_id, purpose="phase change", need="case")
    case = access.require_case()
    form = PhaseForm(
        request.POST if request.method == "POST" else None,
        initial={"version": case.version},
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.phase_change(
                actor=request.actor,
                case=case,
                to_phase=data["to_phase"],
                reason=data["reason"],
                safety_score=data["safety_score"],
                children_said=data["children_said"],
                expected_version=data["version"],
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("The phase has changed."))
            return to_detail(access.household)
    return _form_page(
        request,
        access,
        form,
        _("Change the phase"),
        _(
            "First immediate safety, then stable safety with risk-driven care, then "
            "recovery. Go back when safety is lost. Record why, the safety score and "
            "what the children said."
        ),
    )


@regie_rule
def case_close(request: AuthenticatedRequest, public_id: uuid.UUID) -> HttpResponse:
    access = load(request, public_id, purpose="close the case", need="case")
    case = access.require_case()
    form = CloseForm(
        request.POST if request.method == "POST" else None,
        initial={"version": case.version},
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.case_close(
                actor=request.actor,
                case=case,
                reason=form.cleaned_data["reason"],
                expected_version=form.cleaned_data["version"],
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("The safety case is closed."))
            return to_detail(access.household)
    return _form_page(request, access, form, _("Close the safety case"))


@full_rule
def safety(request: AuthenticatedRequest, public_id: uuid.UUID) -> HttpResponse:
    """Signs of Safety mappings and the safety scale over time."""
    access = load(request, public_id, purpose="safety assessments", need="full")
    mappings = selectors.mappings_of(access.case) if access.case else []
    return render(
        request,
        "households/safety.html",
        {
            "access": access,
            "household": access.household,
            "case": access.case,
            "mappings": list(reversed(mappings)),
            "chart": build_chart(mappings),
            "section": "safety",
        },
    )


@regie_rule
def mapping_add(request: AuthenticatedRequest, public_id: uuid.UUID) -> HttpResponse:
    access = load(request, public_id, purpose="record a mapping", need="case")
    case = access.require_case()
    members = [
        m
        for m in access.household.members.select_related("person").filter(
            left_on__isnull=True
        )
        if m.role
        in (MemberRole.CHILD, MemberRole.SIBLING, MemberRole.PARENT, MemberRole.PARTNER)
    ]
    members.sort(
        key=lambda m: (m.role not in (MemberRole.CHILD, MemberRole.SIBLING), m.pk)
    )
    form = MappingForm(
        request.POST if request.method == "POST" else None,
        members=members,
        initial={
            "assessed_on": timezone.localdate(),
            "professional_name": request.user.full_name,
        },
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        scores = [
            services.ScoreInput(
                perspective=Perspective.PROFESSIONAL,
                score=data["professional_score"],
                professional_name=data["professional_name"],
            )
        ]
        for member, score_field, words_field in form.scored:
            if data.get(score_field) is None:
                continue
            perspective = (
                Perspective.CHILD
                if member.role in (MemberRole.CHILD, MemberRole.SIBLING)
                else Perspective.PARENT
            )
            scores.append(
                services.ScoreInput(
                    perspective=perspective,
                    score=data[score_field],
                    person=member.person.public_id,
                    words=data.get(words_field) or "",
                )
            )
        try:
            services.mapping_record(
                actor=request.actor,
                case=case,
                data=services.MappingInput(
                    assessed_on=data["assessed_on"],
                    harm=data["harm"],
                    danger=data["danger"],
                    strengths=data["strengths"],
                    existing_safety=data["existing_safety"],
                    next_steps=data["next_steps"],
                    complicating=data["complicating"],
                ),
                scores=scores,
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("The mapping is recorded."))
            return to_detail(access.household, "safety")
    return render(
        request,
        "households/mapping_form.html",
        {"household": access.household, "form": form},
    )


@regie_rule
def partner_add(request: AuthenticatedRequest, public_id: uuid.UUID) -> HttpResponse:
    access = load(request, public_id, purpose="add a partner", need="case")
    case = access.require_case()
    form = PartnerForm(
        request.POST if request.method == "POST" else None,
        exclude_id=case.responsible_organisation_id,
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.partner_add(actor=request.actor, case=case, **form.cleaned_data)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("The chain partner is added."))
            return to_detail(access.household)
    return _form_page(
        request,
        access,
        form,
        _("Add a chain partner"),
        _(
            "School, kinderopvang, JGZ, Veilig Thuis, jeugdbescherming, GGZ, police …: who is the contact person and what do they take on?"
        ),
    )


@require_POST
@regie_rule
def partner_end(
    request: AuthenticatedRequest, public_id: uuid.UUID, partner_id: uuid.UUID
) -> HttpResponse:
    access = load(request, public_id, purpose="end a partner", need="case")
    partner = selectors.partner_get_for(access, partner_id)
    services.partner_end(actor=request.actor, partner=partner)
    messages.success(request, _("The partner is no longer involved."))
    return to_detail(access.household)


@regie_rule
def meeting_add(request: AuthenticatedRequest, public_id: uuid.UUID) -> HttpResponse:
    access = load(request, public_id, purpose="record a meeting", need="case")
    case = access.require_case()
    form = MeetingForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            services.meeting_add(actor=request.actor, case=case, **form.cleaned_data)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("The meeting is recorded."))
            return to_detail(access.household, "chronology")
    return _form_page(request, access, form, _("Record a meeting"))
