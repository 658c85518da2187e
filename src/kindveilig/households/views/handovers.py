"""Warm overdragen: hand over a case or a trajectory, and accept, reject or
withdraw it."""

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
from kindveilig.access.roles import CASE_ROLES
from kindveilig.core.forms import apply_errors
from kindveilig.households import selectors, services
from kindveilig.households.forms import (
    CaseHandoverForm,
    HandoverDecisionForm,
    TrajectoryHandoverForm,
)
from kindveilig.households.services.handovers import may_decide, may_withdraw
from kindveilig.meldcode.selectors import trajectories_visible_to, trajectory_get_for
from kindveilig.meldcode.services import can_act_on

from .common import load, regie_rule, to_detail

handover_rule = rule(
    *CASE_ROLES,
    relation="sender or receiver of the handover (handover_get_for)",
)


@rule(*CASE_ROLES, relation="handovers to or from the actor's organisation")
def handover_list(request: AuthenticatedRequest) -> HttpResponse:
    lists = selectors.handovers_for(actor=request.actor)
    return render(request, "households/handover_list.html", {"lists": lists})


@regie_rule
def case_handover(request: AuthenticatedRequest, public_id: uuid.UUID) -> HttpResponse:
    access = load(request, public_id, purpose="hand over the case", need="case")
    case = access.require_case()
    form = CaseHandoverForm(
        request.POST if request.method == "POST" else None,
        exclude_id=case.responsible_organisation_id,
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.handover_create_for_case(
                actor=request.actor, case=case, **form.cleaned_data
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(
                request,
                _(
                    "The handover is offered. You stay responsible until it is accepted."
                ),
            )
            return to_detail(access.household)
    return render(
        request,
        "households/form_page.html",
        {
            "household": access.household,
            "form": form,
            "title": _("Hand over the regie"),
            "intro": _(
                "Warm overdragen: the receiver accepts explicitly. Until then you "
                "stay the regievoerder."
            ),
            "submit": _("Offer the handover"),
        },
    )


@rule(
    *CASE_ROLES,
    relation="owner or aandachtsfunctionaris of the trajectory (trajectory_get_for, can_act_on)",
)
def trajectory_handover(
    request: AuthenticatedRequest, public_id: uuid.UUID
) -> HttpResponse:
    # Whether the actor may hand it over is checked before the read is recorded:
    # a refused page writes no READ (a partner it was shared with reads it
    # elsewhere, and that read is recorded there).
    visible = trajectories_visible_to(request.actor).filter(public_id=public_id).first()
    if visible is not None and not can_act_on(request.actor, visible):
        raise PermissionDenied
    trajectory = trajectory_get_for(
        actor=request.actor, public_id=public_id, reason="handover"
    )
    form = TrajectoryHandoverForm(
        request.POST if request.method == "POST" else None,
        exclude_organisation_id=request.actor.organisation_id,
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.handover_create_for_trajectory(
                actor=request.actor, trajectory=trajectory, **form.cleaned_data
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(
                request,
                _(
                    "The handover is offered. You stay responsible until it is accepted."
                ),
            )
            return HttpResponseRedirect(reverse("households:handover-list"))
    return render(
        request,
        "households/trajectory_handover.html",
        {"form": form, "trajectory": trajectory},
    )


@handover_rule
def handover_detail(
    request: AuthenticatedRequest, public_id: uuid.UUID
) -> HttpResponse:
    handover = selectors.handover_get_for(actor=request.actor, public_id=public_id)
    can_decide = handover.is_pending and may_decide(request.actor, handover)
    form = HandoverDecisionForm(
        request.POST if request.method == "POST" and can_decide else None
    )
    if request.method == "POST" and can_decide and form.is_valid():
        try:
            if form.cleaned_data["decision"] == "accept":
                services.handover_accept(
                    actor=request.actor,
                    handover=handover,
                    note=form.cleaned_data["note"],
                )
            else:
                services.handover_reject(
                    actor=request.actor,
                    handover=handover,
                    note=form.cleaned_data["note"],
                )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            if form.cleaned_data["decision"] != "accept":
                messages.success(request, _("The handover is not accepted."))
                return HttpResponseRedirect(reverse("households:handover-list"))
            messages.success(request, _("You have taken over."))
            if handover.case is not None:
                return to_detail(handover.case.household)
            return HttpResponseRedirect(reverse("households:handover-list"))
    return render(
        request,
        "households/handover_detail.html",
        {
            "handover": handover,
            "form": form,
            "can_decide": can_decide,
            "can_withdraw": handover.is_pending
            and may_withdraw(request.actor, handover),
        },
    )


@require_POST
@handover_rule
def handover_withdraw(
    request: AuthenticatedRequest, public_id: uuid.UUID
) -> HttpResponse:
    handover = selectors.handover_get_for(actor=request.actor, public_id=public_id)
    try:
        services.handover_withdraw(actor=request.actor, handover=handover)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(request, _("The handover is withdrawn. You stay responsible."))
    return HttpResponseRedirect(reverse("households:handover-list"))
