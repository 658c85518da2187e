from django.http import HttpResponse
from django.shortcuts import render

from kindveilig.access.decorators import rule
from kindveilig.access.http import AuthenticatedRequest
from kindveilig.access.roles import Role

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
