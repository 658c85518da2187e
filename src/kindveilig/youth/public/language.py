"""The language of the children's pages, chosen without a cookie.

A child picks a language with ``?taal=en`` (or ``?taal=nl``). Without that
parameter the page follows the browser (Django's ``LocaleMiddleware``). The
choice is kept by carrying the parameter on every link and form of the youth
pages (``youth_url`` and friends in ``templatetags/youth.py``), so no cookie
and no session are needed: a parent who picks up the phone finds nothing
stored. See docs/decisions.md, "Language switch without a cookie".
"""

import functools
from collections.abc import Callable
from typing import Any
from urllib.parse import urlencode

from django.conf import settings
from django.http import HttpRequest
from django.http.response import HttpResponseBase
from django.utils import translation

__all__ = [
    "LANGUAGE_PARAM",
    "requested_language",
    "with_language",
    "youth_page",
]

LANGUAGE_PARAM = "taal"


def requested_language(request: HttpRequest) -> str | None:
    """The language the child chose on the page, if a valid one."""
    value = request.GET.get(LANGUAGE_PARAM, "")
    return value if value in dict(settings.LANGUAGES) else None


def with_language(url: str, request: HttpRequest) -> str:
    """``url`` with the child's chosen language carried along (if they chose)."""
    language = requested_language(request)
    if language is None:
        return url
    separator = "&" if "?" in url else "?"
    return f"{url}{separator}{urlencode({LANGUAGE_PARAM: language})}"


def youth_page[View: Callable[..., HttpResponseBase]](view: View) -> View:
    """Render the view in the language of ``?taal=``, if given.

    Use it on every page that extends ``public/base.html`` (under ``@public``).
    The base template applies the same choice to its own text, so a page that
    forgets this decorator still gets a consistent layout.
    """

    @functools.wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        language = requested_language(request)
        if language is None:
            return view(request, *args, **kwargs)
        with translation.override(language):
            request.LANGUAGE_CODE = language
            response = view(request, *args, **kwargs)
        response.headers["Content-Language"] = language
        return response

    return wrapped  # type: ignore[return-value]  # same signature as view
