"""The municipality's monitor pages: aggregates only.

- ``coverage``: meldcode readiness of organisations (names of organisations only);
- ``dashboard``: the published figures of the work, with filters in the URL;
- ``dashboard_csv``: the same figures as CSV (one figure or all of them).
"""

from django.http import HttpResponse
from django.shortcuts import render

from kindveilig.access.decorators import rule
from kindveilig.access.http import AuthenticatedRequest
from kindveilig.access.roles import Role

from .dashboard_selectors import dashboard_for
from .export import dashboard_csv as as_csv
from .measures import MEASURES
from .selectors import coverage_page_for

RELATION = (
    "aggregates of the actor's municipality and region; functioneel beheerder "
    "of a gemeente organisation only"
)


@rule(Role.GEMEENTE_ANALIST, Role.FUNCTIONEEL_BEHEERDER, relation=RELATION)
def coverage(request: AuthenticatedRequest) -> HttpResponse:
    page = coverage_page_for(actor=request.actor, page_number=request.GET.get("pagina"))
    return render(request, "monitor/coverage.html", {"page": page})


@rule(
    Role.GEMEENTE_ANALIST,
    Role.FUNCTIONEEL_BEHEERDER,
    relation=RELATION + "; published figures only (MonitorFigure)",
)
def dashboard(request: AuthenticatedRequest) -> HttpResponse:
    page = dashboard_for(actor=request.actor, params=request.GET or None)
    query = request.GET.copy()
    for key in ("figuur", "excel"):
        query.pop(key, None)
    return render(
        request, "monitor/dashboard.html", {"page": page, "query": query.urlencode()}
    )


@rule(
    Role.GEMEENTE_ANALIST,
    Role.FUNCTIONEEL_BEHEERDER,
    relation=RELATION + "; published figures only (MonitorFigure)",
)
def dashboard_csv(request: AuthenticatedRequest) -> HttpResponse:
    page = dashboard_for(actor=request.actor, params=request.GET or None)
    keys = {m.key for m in MEASURES}
    measure = request.GET.get("figuur")
    measure = measure if measure in keys else None
    excel = request.GET.get("excel") == "1"
    response = HttpResponse(
        as_csv(page, measure=measure, excel=excel),
        content_type="text/csv; charset=utf-8",
    )
    name = f"monitor-{measure or 'alle-cijfers'}.csv"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
