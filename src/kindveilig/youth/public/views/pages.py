"""Praat erover: the public children's pages (the helpline admin is in youth.staff).

The children's pages are ``@public``: no login, no session, no CSRF token, no
cookie at all; the hulpwijzer is a GET form. Every one of them renders
``public/base.html`` with the quick-exit button first.
"""

from urllib.parse import urlencode

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse

from kindveilig.access.decorators import public
from kindveilig.youth.public.forms import HulpwijzerForm
from kindveilig.youth.public.hulpwijzer import QUESTIONS, Answer, next_question
from kindveilig.youth.public.language import (
    YOUTH_LANGUAGES,
    best_language,
    language_from_path,
    vary_on_accept_language,
    youth_root,
)
from kindveilig.youth.public.selectors import hulpwijzer_advice, service_cards

# Messages are deleted after this many days without activity (youthmessages).
DEFAULT_RETENTION_DAYS = 60


@public
def start(request: HttpRequest) -> HttpResponse:
    return render(request, "youth/start.html")


def _hulpwijzer_url(answers: dict[str, Answer]) -> str:
    url = reverse("youth:hulpwijzer")
    if answers:
        url = f"{url}?{urlencode({key: value.value for key, value in answers.items()})}"
    return url


@public
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
                    _hulpwijzer_url(previous) if previous is not None else ""
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
            "previous_url": _hulpwijzer_url(dict(answered[:-1])),
            "restart_url": _hulpwijzer_url({}),
        },
    )


@public
def help_list(request: HttpRequest) -> HttpResponse:
    return render(request, "youth/help_list.html", {"cards": service_cards()})


@public
def privacy(request: HttpRequest) -> HttpResponse:
    days = getattr(
        settings, "KINDVEILIG_YOUTH_MESSAGE_RETENTION_DAYS", DEFAULT_RETENTION_DAYS
    )
    return render(request, "youth/privacy.html", {"retention_days": days})


@public
def offer_language(request: HttpRequest, rest: str) -> HttpResponse:
    """A youth path without a language (``/praat/``, an old link): on to the
    same page in the language the browser asks for. An old ``?taal=`` link
    keeps its choice. Nothing is stored: the next page carries the language in
    its path."""
    if request.method not in ("GET", "HEAD") or language_from_path(youth_root() + rest):
        raise Http404
    chosen = request.GET.get("taal", "")
    language = (
        chosen
        if chosen in YOUTH_LANGUAGES
        else best_language(request.headers.get("Accept-Language", ""))
    )
    query = request.GET.copy()
    query.pop("taal", None)
    url = f"{youth_root()}{language}/{rest}"
    if query:
        url = f"{url}?{query.urlencode()}"
    return vary_on_accept_language(HttpResponseRedirect(url))


@public
def quick_exit(request: HttpRequest) -> HttpResponse:
    """For phones without JavaScript: straight on to the neutral page."""
    response = HttpResponseRedirect(settings.KINDVEILIG_QUICK_EXIT_URL)
    response.headers["Referrer-Policy"] = "no-referrer"
    return response
