"""Template tags for the children's pages (``{% load youth %}``).

Links on these pages carry the child's language choice (``?taal=``) instead of
a cookie; see ``kindveilig.youth.public.language``.
"""

from typing import Any

from django import template
from django.conf import settings
from django.http import HttpRequest, QueryDict
from django.urls import NoReverseMatch, reverse
from django.utils import translation
from django.utils.html import format_html
from django.utils.safestring import SafeString

from kindveilig.youth.public.language import (
    LANGUAGE_PARAM,
    requested_language,
    with_language,
)

register = template.Library()


def _request(context: template.Context) -> HttpRequest | None:
    request = context.get("request")
    return request if isinstance(request, HttpRequest) else None


@register.simple_tag(takes_context=True)
def youth_url(context: template.Context, name: str, *args: Any) -> str:
    """``{% url %}`` that keeps the child's language choice."""
    url = reverse(name, args=args)
    request = _request(context)
    return with_language(url, request) if request else url


@register.simple_tag(takes_context=True)
def youth_optional_url(context: template.Context, name: str) -> str:
    """Like ``youth_url``, but empty when the name does not exist (yet)."""
    try:
        return youth_url(context, name)
    except NoReverseMatch:
        return ""


@register.simple_tag(takes_context=True)
def youth_language(context: template.Context) -> str:
    """The language of this page: the child's choice, else the browser's."""
    request = _request(context)
    chosen = requested_language(request) if request else None
    return chosen or translation.get_language() or settings.LANGUAGE_CODE


@register.simple_tag(takes_context=True)
def youth_language_url(context: template.Context, language: str) -> str:
    """This page in another language: the same path and query, another ``taal``."""
    request = _request(context)
    if request is None:
        return f"?{LANGUAGE_PARAM}={language}"
    query: QueryDict = request.GET.copy()
    query[LANGUAGE_PARAM] = language
    return f"{request.path}?{query.urlencode()}"


@register.simple_tag(takes_context=True)
def youth_language_field(context: template.Context) -> SafeString:
    """A hidden ``taal`` field for GET forms, when the child chose a language."""
    request = _request(context)
    language = requested_language(request) if request else None
    if language is None:
        return SafeString("")
    return format_html(
        '<input type="hidden" name="{}" value="{}">', LANGUAGE_PARAM, language
    )


@register.simple_tag
def quick_exit_url() -> str:
    return str(settings.KINDVEILIG_QUICK_EXIT_URL)
