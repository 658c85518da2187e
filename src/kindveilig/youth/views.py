"""Praat erover: the public children's pages, and the beheerder's edit pages.

The children's pages are ``@public``: no login, no session, no CSRF token, no
cookie at all; the hulpwijzer is a GET form. Every one of them renders
``public/base.html`` with the quick-exit button first.
"""

from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from kindveilig.access.decorators import public, rule
from kindveilig.access.roles import Role
from kindveilig.core.http import AuthenticatedRequest

from .forms import (
    HelpServiceForm,
    HulpwijzerForm,
    NewHelpServiceForm,
    OpeningHoursFormSet,
    hours_of,
)
from .hulpwijzer import QUESTIONS, Answer, next_question
from .language import with_language, youth_page
from .models import HelpService
from .selectors import (
    help_service_for_edit,
    help_services_for_staff,
    holidays_around,
    hulpwijzer_advice,
    is_open_now,
    service_cards,
)
from .services import help_service_save

# Messages are deleted after this many days without activity (youthmessages).
DEFAULT_RETENTION_DAYS = 60


@public
@youth_page
def start(request: HttpRequest) -> HttpResponse:
    return render(request, "youth/start.html")


def _hulpwijzer_url(request: HttpRequest, answers: dict[str, Answer]) -> str:
    url = reverse("youth:hulpwijzer")
    if answers:
        url = f"{url}?{urlencode({key: value.value for key, value in answers.items()})}"
    return with_language(url, request)


@public
@youth_page
def hulpwijzer(request: HttpRequest) -> HttpResponse:
    answers = HulpwijzerForm(request.GET).answers()
    question = next_question(answers)
    if question is not None:
        number = [q.key for q in QUESTIONS].index(question.key) + 1
        earlier = {q.key: answers[q.key] for q in QUESTIONS[: number - 1]}
        previous = dict(list(earlier.items())[:-1]) if earlier else None
        return render(
            request,
            "youth/hulpwijzer_question.html",
            {
                "question": question,
                "number": number,
                "total": len(QUESTIONS),
                "earlier": [(key, value.value) for key, value in earlier.items()],
                "previous_url": (
                    _hulpwijzer_url(request, previous) if previous is not None else ""
                ),
            },
        )
    advice = hulpwijzer_advice(answers)
    answered = list(answers.items())
    return render(
        request,
        "youth/hulpwijzer_advice.html",
        {
            "advice": advice,
            "cards": service_cards(slugs=advice.services),
            "previous_url": _hulpwijzer_url(request, dict(answered[:-1])),
            "restart_url": _hulpwijzer_url(request, {}),
        },
    )


@public
@youth_page
def help_list(request: HttpRequest) -> HttpResponse:
    return render(request, "youth/help_list.html", {"cards": service_cards()})


@public
@youth_page
def privacy(request: HttpRequest) -> HttpResponse:
    days = getattr(
        settings, "KINDVEILIG_YOUTH_MESSAGE_RETENTION_DAYS", DEFAULT_RETENTION_DAYS
    )
    return render(request, "youth/privacy.html", {"retention_days": days})


@public
def quick_exit(request: HttpRequest) -> HttpResponse:
    """For phones without JavaScript: straight on to the neutral page."""
    response = HttpResponseRedirect(settings.KINDVEILIG_QUICK_EXIT_URL)
    response.headers["Referrer-Policy"] = "no-referrer"
    return response


# --- the functioneel beheerder -----------------------------------------------------

STAFF_RELATION = "regional reference data"


@rule(Role.FUNCTIONEEL_BEHEERDER, relation=STAFF_RELATION)
def service_list(request: AuthenticatedRequest) -> HttpResponse:
    now = timezone.now()
    holidays = holidays_around(now)
    rows = [
        (service, is_open_now(service, now, holidays))
        for service in help_services_for_staff()
    ]
    return render(request, "youth/staff/service_list.html", {"rows": rows})


def _edit(request: AuthenticatedRequest, service: HelpService | None) -> HttpResponse:
    form_class = HelpServiceForm if service else NewHelpServiceForm
    initial_hours = (
        [
            {
                "channel": row.channel,
                "weekday": row.weekday,
                "opens": row.opens,
                "closes": row.closes,
            }
            for row in service.opening_hours.all()
        ]
        if service
        else []
    )
    if request.method == "POST":
        form = form_class(request.POST, instance=service)
        formset = OpeningHoursFormSet(
            request.POST, initial=initial_hours, prefix="hours"
        )
        if form.is_valid() and formset.is_valid():
            values = form.cleaned_data
            try:
                saved = help_service_save(
                    actor=request.actor,
                    service=service,
                    values=values,
                    hours=hours_of(formset),
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(
                    request, _("%(name)s has been saved.") % {"name": saved.name}
                )
                return redirect("youthstaff:service-list")
    else:
        form = form_class(instance=service)
        formset = OpeningHoursFormSet(initial=initial_hours, prefix="hours")
    return render(
        request,
        "youth/staff/service_edit.html",
        {"form": form, "formset": formset, "service": service},
    )


@rule(Role.FUNCTIONEEL_BEHEERDER, relation=STAFF_RELATION)
def service_edit(request: AuthenticatedRequest, slug: str) -> HttpResponse:
    return _edit(request, help_service_for_edit(slug))


@rule(Role.FUNCTIONEEL_BEHEERDER, relation=STAFF_RELATION)
def service_create(request: AuthenticatedRequest) -> HttpResponse:
    return _edit(request, None)
