"""The kindcheck pages: record one, see it, and go on to a meldcode trajectory
for the children when there is a worry (docs/kindcheck.md)."""

import uuid
from urllib.parse import urlencode

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _

from kindveilig.access.actor import Actor
from kindveilig.access.decorators import rule
from kindveilig.access.http import AuthenticatedRequest
from kindveilig.access.roles import Role
from kindveilig.core.forms import apply_errors
from kindveilig.meldcode import services
from kindveilig.meldcode.kindcheck_forms import KindcheckForm
from kindveilig.meldcode.kindcheck_selectors import (
    kindcheck_get_for,
    kindcheck_list_for,
)
from kindveilig.meldcode.models import Kindcheck, Trajectory
from kindveilig.meldcode.models.choices import Origin
from kindveilig.meldcode.services.kindcheck import (
    KindcheckInput,
    kindcheck_may_start,
    kindcheck_notes_for_trajectory,
    kindcheck_record,
    kindcheck_trajectory_start,
)
from kindveilig.meldcode.services.trajectories import StartInput
from kindveilig.organisations.models import ADULT_SERVICE_TYPES

KINDCHECK_RELATION = "recorded it, or aandachtsfunctionaris of its organisation"

kindcheck_rule = rule(
    Role.PROFESSIONAL, Role.AANDACHTSFUNCTIONARIS, relation=KINDCHECK_RELATION
)


def start_url(kindcheck: Kindcheck) -> str:
    """The start form, prefilled from the kindcheck: only its opaque id travels."""
    query = urlencode({"kindcheck": str(kindcheck.public_id)})
    return f"{reverse('meldcode:trajectory-start')}?{query}"


@kindcheck_rule
def kindcheck_list(request: AuthenticatedRequest) -> HttpResponse:
    return render(
        request,
        "meldcode/kindcheck_list.html",
        {
            "kindchecks": kindcheck_list_for(actor=request.actor),
            "adult_service": request.actor.organisation.type in ADULT_SERVICE_TYPES,
        },
    )


@kindcheck_rule
def kindcheck_new(request: AuthenticatedRequest) -> HttpResponse:
    form = KindcheckForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            kindcheck = kindcheck_record(
                actor=request.actor,
                data=KindcheckInput(
                    moment=data["moment"],
                    client_has_children=data["client_has_children"],
                    expecting_child=data["expecting_child"],
                    number_of_children=data["number_of_children"] or 0,
                    children_ages=data["children_ages"],
                    care_shared=data["care_shared"],
                    worry=data["worry"],
                    notes=data["notes"],
                ),
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("The kindcheck is recorded."))
            return HttpResponseRedirect(
                reverse("meldcode:kindcheck-detail", args=[kindcheck.public_id])
            )
    return render(request, "meldcode/kindcheck_form.html", {"form": form})


@kindcheck_rule
def kindcheck_detail(
    request: AuthenticatedRequest, public_id: uuid.UUID
) -> HttpResponse:
    kindcheck = kindcheck_get_for(actor=request.actor, public_id=public_id)
    may_start = kindcheck_may_start(request.actor, kindcheck)
    return render(
        request,
        "meldcode/kindcheck_detail.html",
        {
            "kindcheck": kindcheck,
            "start_url": start_url(kindcheck) if may_start else "",
        },
    )


# The start form (views/trajectories.py) calls these two when it is opened
# from a kindcheck.


def kindcheck_for_start(request: AuthenticatedRequest) -> Kindcheck | None:
    """The kindcheck named in the start form's query string, if any (404 when
    the actor may not see it)."""
    value = request.GET.get("kindcheck", "")
    if not value:
        return None
    try:
        public_id = uuid.UUID(value)
    except ValueError:
        return None
    if request.actor.role not in (Role.PROFESSIONAL, Role.AANDACHTSFUNCTIONARIS):
        return None
    return kindcheck_get_for(actor=request.actor, public_id=public_id)


def kindcheck_start_initial(kindcheck: Kindcheck | None) -> dict[str, object]:
    if kindcheck is None:
        return {}
    return {
        "origin": Origin.KINDCHECK,
        "kindcheck_notes": kindcheck_notes_for_trajectory(kindcheck),
    }


def start_trajectory(
    actor: Actor, data: StartInput, kindcheck: Kindcheck | None
) -> Trajectory:
    if kindcheck is None:
        return services.trajectory_start(actor=actor, data=data)
    return kindcheck_trajectory_start(actor=actor, kindcheck=kindcheck, data=data)
