"""Praat erover: the public children's pages (the helpline admin is in youth.staff).

The children's pages are ``@public``: no login, no session, no CSRF token, no
cookie at all; the hulpwijzer is a GET form. Every one of them renders
``public/base.html`` with the quick-exit button first.
"""

from urllib.parse import urlencode

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse

from kindveilig.access.decorators import public
from kindveilig.youth.public.forms import HulpwijzerForm
from kindveilig.youth.public.hulpwijzer import QUESTIONS, Answer, next_question
from kindveilig.youth.public.language import with_language, youth_page
from kindveilig.youth.public.selectors import hulpwijzer_advice, service_cards

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
