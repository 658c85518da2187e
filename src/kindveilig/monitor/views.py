"""The municipality's monitor pages: aggregates only.

- ``coverage``: meldcode readiness of organisations (names of organisations only);
- ``dashboard``: the published figures of the work, with filters in the URL;
- ``dashboard_csv``: the same figures as CSV (one figure or all of them);
- ``letters``: the organisation's raadsinformatiebrieven, and asking for one;
- ``letter_html`` and ``letter_pdf``: one letter (by its public id);
- ``letter_texts``: the municipality's three text blocks of the letter.
"""

import uuid

from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.csp import CSP
from django.views.decorators.http import require_http_methods

from kindveilig.access.decorators import rule
from kindveilig.access.http import AuthenticatedRequest
from kindveilig.access.roles import Role

from .dashboard_selectors import dashboard_for, published_periods
from .export import dashboard_csv as as_csv
from .forms import LetterRequestForm, LetterTextsForm
from .letter import Texts, letter_csp_header
from .letter_selectors import letter_for, letters_for, texts_for
from .letter_services import council_letter_request, letter_texts_save
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


LETTER_RELATION = (
    RELATION + "; letters of the actor's own organisation, made from published "
    "figures only"
)


@rule(Role.GEMEENTE_ANALIST, Role.FUNCTIONEEL_BEHEERDER, relation=LETTER_RELATION)
@require_http_methods(["GET", "POST"])
def letters(request: AuthenticatedRequest) -> HttpResponse:
    listed = list(letters_for(request.actor))
    region = request.actor.organisation.municipality.region
    form = LetterRequestForm(
        request.POST if request.method == "POST" else None,
        periods=published_periods(region),
        municipalities=list(region.municipalities.order_by("name")),
    )
    if request.method == "POST" and form.is_valid():
        council_letter_request(
            actor=request.actor, period=form.period(), municipality=form.municipality()
        )
        return HttpResponseRedirect(reverse("monitor:letters"))
    pending = any(letter.is_pending for letter in listed)
    return render(
        request,
        "monitor/letters.html",
        {"letters": listed, "form": form, "pending": pending},
    )


@rule(Role.GEMEENTE_ANALIST, Role.FUNCTIONEEL_BEHEERDER, relation=LETTER_RELATION)
def letter_html(request: AuthenticatedRequest, public_id: uuid.UUID) -> HttpResponse:
    letter = letter_for(request.actor, public_id)
    if not letter.html:
        return HttpResponseRedirect(reverse("monitor:letters"))
    response = HttpResponse(letter.html, content_type="text/html; charset=utf-8")
    # The letter's inline stylesheet, allowed by its hash (the middleware keeps
    # a policy the view set).
    response[str(CSP.HEADER_ENFORCE)] = letter_csp_header()
    return response


@rule(Role.GEMEENTE_ANALIST, Role.FUNCTIONEEL_BEHEERDER, relation=LETTER_RELATION)
def letter_pdf(request: AuthenticatedRequest, public_id: uuid.UUID) -> HttpResponse:
    letter = letter_for(request.actor, public_id)
    if not letter.pdf:
        return HttpResponseRedirect(reverse("monitor:letters"))
    response = HttpResponse(bytes(letter.pdf), content_type="application/pdf")
    name = f"raadsinformatiebrief-{letter.period_kind}-{letter.period_start:%Y-%m}.pdf"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@rule(
    Role.GEMEENTE_ANALIST,
    Role.FUNCTIONEEL_BEHEERDER,
    relation=RELATION + "; the texts of the actor's own municipality",
)
@require_http_methods(["GET", "POST"])
def letter_texts(request: AuthenticatedRequest) -> HttpResponse:
    current = texts_for(request.actor)
    initial = {
        "introduction": str(current.introduction),
        "context": str(current.context),
        "next_steps": str(current.next_steps),
    }
    if request.method == "POST":
        form = LetterTextsForm(request.POST)
        if form.is_valid():
            letter_texts_save(actor=request.actor, texts=Texts(**form.cleaned_data))
            return HttpResponseRedirect(reverse("monitor:letters"))
    else:
        form = LetterTextsForm(initial=initial)
    return render(request, "monitor/letter_texts.html", {"form": form})
