"""The coverage page of the municipality: aggregates and organisation names only."""

from django.http import HttpResponse
from django.shortcuts import render

from kindveilig.access.decorators import rule
from kindveilig.access.http import AuthenticatedRequest
from kindveilig.access.roles import Role

from .selectors import coverage_page_for


@rule(
    Role.GEMEENTE_ANALIST,
    Role.FUNCTIONEEL_BEHEERDER,
    relation=(
        "aggregates of the actor's municipality and region; functioneel beheerder "
        "of a gemeente organisation only"
    ),
)
def coverage(request: AuthenticatedRequest) -> HttpResponse:
    page = coverage_page_for(actor=request.actor, page_number=request.GET.get("pagina"))
    return render(request, "monitor/coverage.html", {"page": page})
