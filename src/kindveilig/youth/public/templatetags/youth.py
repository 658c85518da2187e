"""Template tags for the children's pages (``{% load youth %}``).

The language of these pages is in their path (``kindveilig.youth.public.language``),
so a plain ``{% url %}`` already stays in the child's language; these tags only
build the language links in the header.
"""

from dataclasses import dataclass

from django import template
from django.conf import settings
from django.http import HttpRequest
from django.urls import Resolver404, ResolverMatch, resolve, reverse
from django.utils import translation
from django.utils.translation import get_language_info

from kindveilig.youth.public.language import (
    YOUTH_LANGUAGES,
    active_youth_language,
    is_right_to_left,
)

register = template.Library()


@dataclass(frozen=True)
class LanguageLink:
    code: str
    name: str  # in the language itself: a child finds their own
    url: str
    current: bool
    direction: str


def _request(context: template.Context) -> HttpRequest | None:
    request = context.get("request")
    return request if isinstance(request, HttpRequest) else None


def _resolved(request: HttpRequest | None) -> ResolverMatch | None:
    if request is None:
        return None
    try:
        return resolve(request.path_info)
    except Resolver404:
        return None


def _same_page_in(request: HttpRequest | None, language: str) -> str:
    """This page in another language, with the same query (the hulpwijzer's
    answers); else the start page in that language."""
    if request is not None:
        match = _resolved(request)
        if match is not None and match.namespace == "youth" and not match.kwargs:
            with translation.override(language):
                url = reverse(f"youth:{match.url_name}", args=match.args)
            query = request.GET.urlencode()
            return f"{url}?{query}" if query else url
    with translation.override(language):
        return reverse("youth:start")


@register.simple_tag
def youth_language() -> str:
    """The language of this page (from its path)."""
    return active_youth_language()


@register.simple_tag
def youth_direction() -> str:
    """``rtl`` for Arabic, else ``ltr``: for ``<html dir>``."""
    return "rtl" if is_right_to_left(active_youth_language()) else "ltr"


@register.simple_tag(takes_context=True)
def youth_language_links(context: template.Context) -> list[LanguageLink]:
    """The links to this page in every language; none on a page behind a
    single-use token (the receipt with its code, the write page, the answer):
    it cannot be shown again, so a language link would lose it."""
    request = _request(context)
    match = _resolved(request)
    if match is not None and match.kwargs:
        return []
    current = active_youth_language()
    return [
        LanguageLink(
            code=code,
            name=str(get_language_info(code)["name_local"]),
            url=_same_page_in(request, code),
            current=code == current,
            direction="rtl" if is_right_to_left(code) else "ltr",
        )
        for code in YOUTH_LANGUAGES
    ]


@register.filter
def left_to_right(value: object) -> str:
    """A phone number or a time kept left to right inside right-to-left text
    (Unicode isolation, no markup): "0800-0432" must not read "0432-0800"."""
    return f"\u2066{value}\u2069"


@register.simple_tag
def quick_exit_url() -> str:
    return str(settings.KINDVEILIG_QUICK_EXIT_URL)
