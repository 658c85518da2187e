"""The aandachtsfunctionaris's overview of deadlines per step."""

from django.http import HttpResponse
from django.shortcuts import render
from django.urls import URLPattern, path

from kindveilig.access.decorators import rule
from kindveilig.access.http import AuthenticatedRequest
from kindveilig.access.roles import Role
from kindveilig.meldcode.deadline_selectors import deadline_overview_for


@rule(Role.AANDACHTSFUNCTIONARIS, relation="trajectories of the actor's organisation")
def deadline_overview(request: AuthenticatedRequest) -> HttpResponse:
    overview = deadline_overview_for(actor=request.actor)
    return render(request, "meldcode/deadlines.html", {"overview": overview})


urlpatterns: list[URLPattern] = [
    path("termijnen/", deadline_overview, name="deadlines"),
]
