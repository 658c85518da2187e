"""Households: list, create (also from a trajectory), the overview, members,
match reviews, gezag, the timeline and break-the-glass."""

import uuid

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kindveilig.access.decorators import rule
from kindveilig.access.http import AuthenticatedRequest
from kindveilig.access.roles import CASE_ROLES, Role
from kindveilig.core.forms import apply_errors
from kindveilig.households import selectors, services
from kindveilig.households.chronology import household_timeline
from kindveilig.households.forms import (
    DIFFERENT,
    EmergencyForm,
    GezagForm,
    HouseholdCreateForm,
    MatchReviewForm,
    MemberForm,
)
from kindveilig.households.models import Gezag, MemberRole, Phase
from kindveilig.households.services.emergency import break_glass_minutes
from kindveilig.meldcode.selectors import trajectory_get_for

from .common import household_rule, load, regie_rule, to_detail

CHILD_ROLES = (MemberRole.CHILD, MemberRole.SIBLING)


@rule(
    *CASE_ROLES,
    relation="households the actor directs, partners in, or has a break-the-glass grant for",
)
def household_list(request: AuthenticatedRequest) -> HttpResponse:
    page = selectors.household_page_for(
        actor=request.actor, page_number=request.GET.get("pagina")
    )
    return render(request, "households/household_list.html", {"page": page})


@rule(
    Role.LOKAAL_TEAM_MEDEWERKER,
    relation="a trajectory of the actor or shared with the actor (trajectory_get_for)",
)
def household_create(request: AuthenticatedRequest) -> HttpResponse:
    trajectory = None
    traject = request.GET.get("traject", "")
    if traject:
        try:
            trajectory_id = uuid.UUID(traject)
        except ValueError:
            raise Http404 from None
        trajectory = trajectory_get_for(
            actor=request.actor,
            public_id=trajectory_id,
            reason="household from trajectory",
        )
    form = HouseholdCreateForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            if trajectory is not None:
                household = services.household_create_from_trajectory(
                    actor=request.actor,
                    trajectory=trajectory,
                    label=form.cleaned_data["label"],
                )
            else:
                household = services.household_create(
                    actor=request.actor, label=form.cleaned_data["label"]
                )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(
                request,
                _(
                    "The household and its safety case are made. You are the regievoerder."
                ),
            )
            return to_detail(household)
    return render(
        request,
        "households/household_create.html",
        {"form": form, "trajectory": trajectory},
    )


@household_rule
def household_detail(
    request: AuthenticatedRequest, public_id: uuid.UUID
) -> HttpResponse:
    access = load(request, public_id)
    overview = selectors.household_overview(access)
    return render(
        request,
        "households/household_detail.html",
        {
            "access": access,
            "household": access.household,
            "case": access.case,
            "overview": overview,
            "phases": Phase.choices,
            "section": "overview",
        },
    )


@regie_rule
def member_add(request: AuthenticatedRequest, public_id: uuid.UUID) -> HttpResponse:
    access = load(request, public_id, purpose="add a member", need="edit")
    children = list(
        access.household.members.select_related("person").filter(
            left_on__isnull=True, role__in=CHILD_ROLES
        )
    )
    form = MemberForm(
        request.POST if request.method == "POST" else None, children=children
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            result = services.member_add(
                actor=request.actor,
                household=access.household,
                data=services.PersonInput(
                    given_name=data["given_name"],
                    family_name=data["family_name"],
                    date_of_birth=data["date_of_birth"],
                    bsn=data["bsn"],
                ),
                role=data["role"],
                gezag_over=[uuid.UUID(pid) for pid in data["gezag_over"]],
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            if result.review is not None:
                messages.warning(
                    request,
                    _("Kindveilig may already know this person. Check who it is."),
                )
                return HttpResponseRedirect(
                    reverse(
                        "households:match-review",
                        args=[access.household.public_id, result.review.public_id],
                    )
                )
            if result.linked_existing:
                messages.success(request, _("Found by BSN and added to the household."))
            else:
                messages.success(request, _("Added to the household."))
            return to_detail(access.household)
    return render(
        request,
        "households/form_page.html",
        {
            "household": access.household,
            "form": form,
            "title": _("Add a member"),
            "intro": _(
                "Everyone in the household counts, not only a victim or a pleger. "
                "With a BSN the person is found for certain; without one, a possible "
                "match is shown to you to check. Nobody is merged."
            ),
            "submit": _("Add"),
        },
    )


@regie_rule
def match_review(
    request: AuthenticatedRequest, public_id: uuid.UUID, review_id: uuid.UUID
) -> HttpResponse:
    access = load(request, public_id, purpose="match review", need="edit")
    review = selectors.match_review_get_for(access, review_id)
    candidates = list(review.candidates.all())
    choices = [
        (
            str(person.public_id),
            _("%(name)s, born %(born)s (registered by %(organisation)s)")
            % {
                "name": person.full_name,
                "born": date_format(person.date_of_birth, "j F Y")
                if person.date_of_birth
                else "?",
                "organisation": person.registered_by.name,
            },
        )
        for person in candidates
    ]
    form = MatchReviewForm(
        request.POST if request.method == "POST" else None, candidates=choices
    )
    if request.method == "POST" and form.is_valid():
        choice = form.cleaned_data["choice"]
        try:
            services.match_review_decide(
                actor=request.actor,
                review=review,
                same_as=None if choice == DIFFERENT else uuid.UUID(choice),
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("Added to the household."))
            return to_detail(access.household)
    return render(
        request,
        "households/match_review.html",
        {"household": access.household, "review": review, "form": form},
    )


@require_POST
@regie_rule
def member_leave(
    request: AuthenticatedRequest, public_id: uuid.UUID, person_id: uuid.UUID
) -> HttpResponse:
    access = load(request, public_id, purpose="member leaves", need="edit")
    member = (
        access.household.members.select_related("person")
        .filter(person__public_id=person_id)
        .first()
    )
    if member is None:
        raise Http404
    try:
        services.member_leave(
            actor=request.actor, household=access.household, person=member.person
        )
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(request, _("The membership is ended; its history stays."))
    return to_detail(access.household)


@regie_rule
def gezag_edit(
    request: AuthenticatedRequest, public_id: uuid.UUID, person_id: uuid.UUID
) -> HttpResponse:
    access = load(request, public_id, purpose="gezag", need="edit")
    member = (
        access.household.members.select_related("person")
        .filter(person__public_id=person_id)
        .first()
    )
    if member is None:
        raise Http404
    children = [
        m
        for m in access.household.members.select_related("person").filter(
            left_on__isnull=True, role__in=CHILD_ROLES
        )
        if m.person_id != member.person_id
    ]
    current = [
        str(pid)
        for pid in Gezag.objects.filter(holder=member.person).values_list(
            "child__public_id", flat=True
        )
    ]
    form = GezagForm(
        request.POST if request.method == "POST" else None,
        children=children,
        initial={"children": current},
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.gezag_set(
                actor=request.actor,
                household=access.household,
                holder=member.person,
                children=[uuid.UUID(pid) for pid in form.cleaned_data["children"]],
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("Gezag is recorded."))
            return to_detail(access.household)
    return render(
        request,
        "households/form_page.html",
        {
            "household": access.household,
            "form": form,
            "title": _("Parental authority (gezag) of %(name)s")
            % {"name": member.person.full_name},
            "intro": _(
                "Who holds gezag must be informed, and asked for consent where "
                "consent is needed."
            ),
            "submit": _("Save"),
        },
    )


@household_rule
def chronology(request: AuthenticatedRequest, public_id: uuid.UUID) -> HttpResponse:
    access = load(request, public_id, purpose="timeline")
    items = household_timeline(actor=request.actor, access=access)
    return render(
        request,
        "households/chronology.html",
        {
            "access": access,
            "household": access.household,
            "case": access.case,
            "items": items,
            "section": "timeline",
        },
    )


@rule(
    *CASE_ROLES,
    relation="none needed: break the glass, with a reason, audited and alerted",
)
def emergency_access(request: AuthenticatedRequest) -> HttpResponse:
    form = EmergencyForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            grants = services.emergency_access_grant(
                actor=request.actor,
                bsn=form.cleaned_data["bsn"],
                reason=form.cleaned_data["reason"],
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.warning(
                request,
                _(
                    "Emergency access for %(minutes)s minutes. Everything you open is "
                    "logged, and the aandachtsfunctionaris is told."
                )
                % {"minutes": break_glass_minutes()},
            )
            if len(grants) == 1:
                return to_detail(grants[0].household)
            return HttpResponseRedirect(reverse("households:household-list"))
    return render(
        request,
        "households/emergency.html",
        {"form": form, "minutes": break_glass_minutes()},
    )
