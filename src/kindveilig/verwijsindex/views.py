"""Pages of the chain (``/keten/``): matches and signals of the Verwijsindex, and
the meldcode's shares (``meldcode.services.shares``, ``meldcode.share_selectors``).
Thin: a form, one service or selector, render or redirect."""

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
from kindveilig.meldcode import services as meldcode_services
from kindveilig.meldcode import share_selectors
from kindveilig.meldcode.selectors import trajectory_get_for, trajectory_page_for

from . import selectors, services
from .forms import ShareForm, SignalForm


@rule(*CASE_ROLES, relation="the actor's own match notices")
def match_list(request: AuthenticatedRequest) -> HttpResponse:
    if request.method == "POST":
        services.match_notices_mark_seen(actor=request.actor)
        return HttpResponseRedirect(reverse("verwijsindex:match-list"))
    page = selectors.match_notice_page_for(
        actor=request.actor, page_number=request.GET.get("pagina")
    )
    unseen = any(notice.seen_at is None for notice in page)
    return render(
        request, "verwijsindex/match_list.html", {"page": page, "unseen": unseen}
    )


@rule(*CASE_ROLES, relation="shares to the actor; the actor's own trajectories")
def share_list(request: AuthenticatedRequest) -> HttpResponse:
    received = share_selectors.share_page_received_for(
        actor=request.actor, page_number=request.GET.get("pagina")
    )
    own = trajectory_page_for(actor=request.actor, page_number=1, status="open")
    own_trajectories = [
        trajectory
        for trajectory in own
        if trajectory.organisation_id == request.actor.organisation_id
    ]
    return render(
        request,
        "verwijsindex/share_list.html",
        {"received": received, "own_trajectories": own_trajectories},
    )


@rule(
    *CASE_ROLES,
    relation="owner or aandachtsfunctionaris of the trajectory (trajectory_get_for)",
)
def share_create(request: AuthenticatedRequest, public_id: uuid.UUID) -> HttpResponse:
    trajectory = trajectory_get_for(
        actor=request.actor, public_id=public_id, reason="share"
    )
    if not meldcode_services.can_act_on(request.actor, trajectory):
        raise PermissionDenied
    form = ShareForm(
        request.POST if request.method == "POST" else None,
        exclude_organisation_id=request.actor.organisation_id,
    )
    if request.method == "POST" and form.is_valid():
        try:
            meldcode_services.share_create(
                actor=request.actor, trajectory=trajectory, **form.cleaned_data
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("The trajectory is shared."))
            return HttpResponseRedirect(
                reverse("verwijsindex:share-create", args=[trajectory.public_id])
            )
    return render(
        request,
        "verwijsindex/share_form.html",
        {
            "form": form,
            "trajectory": trajectory,
            "shares": share_selectors.shares_of_trajectory(trajectory),
        },
    )


@require_POST
@rule(*CASE_ROLES, relation="owner or aandachtsfunctionaris of the shared trajectory")
def share_revoke(request: AuthenticatedRequest, public_id: uuid.UUID) -> HttpResponse:
    share = share_selectors.share_get_for(actor=request.actor, public_id=public_id)
    try:
        meldcode_services.share_revoke(actor=request.actor, share=share)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(request, _("The share is revoked."))
    return HttpResponseRedirect(
        reverse("verwijsindex:share-create", args=[share.trajectory.public_id])
    )


@rule(*CASE_ROLES, relation="the actor's own signals (aandachtsfunctionaris: all)")
def signal_list(request: AuthenticatedRequest) -> HttpResponse:
    page = selectors.signal_page_for(
        actor=request.actor, page_number=request.GET.get("pagina")
    )
    return render(request, "verwijsindex/signal_list.html", {"page": page})


@rule(*CASE_ROLES, relation="a child the actor is involved with")
def signal_create(request: AuthenticatedRequest) -> HttpResponse:
    form = SignalForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            services.signal_register_for_child(
                actor=request.actor,
                data=services.ChildSignalInput(**form.cleaned_data),
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(
                request,
                _(
                    "The signal is registered. If another professional is involved "
                    "with this child, you both hear it under Matches."
                ),
            )
            return HttpResponseRedirect(reverse("verwijsindex:signal-list"))
    return render(request, "verwijsindex/signal_form.html", {"form": form})


@require_POST
@rule(*CASE_ROLES, relation="the actor's own signal (aandachtsfunctionaris: all)")
def signal_end(request: AuthenticatedRequest, public_id: uuid.UUID) -> HttpResponse:
    signal = selectors.signal_get_for(actor=request.actor, public_id=public_id)
    services.signal_end(actor=request.actor, signal=signal)
    messages.success(request, _("The signal is ended and moved to the archive."))
    return HttpResponseRedirect(reverse("verwijsindex:signal-list"))
