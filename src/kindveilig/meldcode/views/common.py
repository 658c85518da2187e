"""Shared view helpers: the access rule of trajectory pages and loading."""

import uuid

from django.http import HttpResponse, HttpResponseRedirect
from django.urls import reverse

from kindveilig.access.decorators import rule
from kindveilig.access.http import AuthenticatedRequest
from kindveilig.access.roles import CASE_ROLES, Role
from kindveilig.meldcode.models import Trajectory
from kindveilig.meldcode.selectors import trajectory_get_for

TRAJECTORY_RELATION = "owner, or aandachtsfunctionaris of the trajectory's organisation"

trajectory_rule = rule(*CASE_ROLES, relation=TRAJECTORY_RELATION)
af_rule = rule(
    Role.AANDACHTSFUNCTIONARIS,
    relation=(
        "aandachtsfunctionaris of the trajectory's organisation, or the one the "
        "trajectory names as co-signer (the municipality's fallback)"
    ),
)


def load(request: AuthenticatedRequest, public_id: uuid.UUID) -> Trajectory:
    return trajectory_get_for(actor=request.actor, public_id=public_id)


def to_detail(trajectory: Trajectory, anchor: str = "") -> HttpResponse:
    url = reverse("meldcode:trajectory-detail", args=[trajectory.public_id])
    return HttpResponseRedirect(f"{url}#{anchor}" if anchor else url)


def child_choices(trajectory: Trajectory) -> list[tuple[str, str]]:
    return [
        (str(link.person.public_id), link.person.full_name)
        for link in trajectory.children.all()
    ]
