from django.http import HttpResponse
from django.shortcuts import render

from kindveilig.access.decorators import rule
from kindveilig.access.roles import Role
from kindveilig.accounts.selectors import memberships_of_organisation
from kindveilig.core.http import AuthenticatedRequest

from .selectors import organisation_counts_per_municipality, organisation_page


@rule(
    Role.FUNCTIONEEL_BEHEERDER,
    Role.GEMEENTE_ANALIST,
    Role.AANDACHTSFUNCTIONARIS,
    relation="reference data of the region, no personal data",
)
def organisation_list(request: AuthenticatedRequest) -> HttpResponse:
    page = organisation_page(page_number=request.GET.get("pagina"))
    return render(
        request,
        "organisations/organisation_list.html",
        {"page": page, "counts": organisation_counts_per_municipality()},
    )


@rule(Role.FUNCTIONEEL_BEHEERDER, relation="staff of the actor's own organisation")
def member_list(request: AuthenticatedRequest) -> HttpResponse:
    memberships = memberships_of_organisation(
        organisation_id=request.actor.organisation_id
    )
    return render(
        request, "organisations/member_list.html", {"memberships": memberships}
    )
