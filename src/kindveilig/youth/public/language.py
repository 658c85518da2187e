"""The language of the children's pages: kept in the URL path, never a cookie.

Every youth page lives under its language: ``/praat/ar/hulp/``. The path is the
only place the choice is kept, so there is no cookie and no session for a parent
to find, and a link a child shares opens in the language it was sent in. The
bare ``/praat/`` (and any old link without a language) is answered with a
redirect to the best of ``YOUTH_LANGUAGES`` that the browser asks for
(Accept-Language), else Dutch.

How it works, in the way Django's own ``i18n_patterns`` does it but for these
pages only (the professional pages stay Dutch first, see
``core.middleware.DutchFirstLocaleMiddleware``):

- ``YouthLanguageMiddleware`` activates the language of the path before the URL
  is resolved;
- ``YouthLanguagePrefix`` is the URL pattern in front of every youth page; it
  matches any youth language and reverses to the active one, so every
  ``reverse("youth:...")`` made while a page renders stays in that language.

Adding a language: docs/youth.md, "Adding a language".
"""

import re
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils import translation
from django.utils.cache import patch_vary_headers
from django.utils.translation import get_language_info
from django.utils.translation.trans_real import parse_accept_lang_header

__all__ = [
    "YOUTH_LANGUAGES",
    "YouthLanguageMiddleware",
    "YouthLanguagePrefix",
    "best_language",
    "is_right_to_left",
    "language_from_path",
    "youth_root",
]

# The order is the order of the language links in the page header.
YOUTH_LANGUAGES: tuple[str, ...] = ("nl", "en", "ar", "tr", "pl", "uk")
DEFAULT_LANGUAGE = "nl"


def youth_root() -> str:
    """The path the youth pages are mounted at, e.g. ``/praat/``."""
    return "/" + str(settings.KINDVEILIG_YOUTH_PATH).strip("/") + "/"


def language_from_path(path: str) -> str | None:
    """The youth language a path is in, or None (not a youth page, or no language)."""
    root = youth_root()
    if not path.startswith(root):
        return None
    segment = path[len(root) :].split("/", 1)[0]
    return segment if segment in YOUTH_LANGUAGES else None


def best_language(accept_language: str) -> str:
    """The first youth language the browser asks for (``ar-MA`` counts as
    ``ar``), else Dutch. Languages the browser marks with q=0 are not chosen."""
    for code, quality in parse_accept_lang_header(accept_language):
        if quality <= 0:
            continue
        base = code.lower().split("-", 1)[0]
        if base in YOUTH_LANGUAGES:
            return base
    return DEFAULT_LANGUAGE


def is_right_to_left(language: str) -> bool:
    return bool(get_language_info(language)["bidi"])


def active_youth_language() -> str:
    language = translation.get_language() or DEFAULT_LANGUAGE
    return language if language in YOUTH_LANGUAGES else DEFAULT_LANGUAGE


class YouthLanguagePrefix:
    """The ``<language>/`` in front of every youth page (a URL pattern, like
    Django's ``LocalePrefixPattern``): it resolves any youth language and
    reverses to the active one."""

    converters: dict[str, Any] = {}

    @property
    def regex(self) -> re.Pattern[str]:
        return re.compile(re.escape(self.language_prefix))

    @property
    def language_prefix(self) -> str:
        return f"{active_youth_language()}/"

    def match(self, path: str) -> tuple[str, tuple[()], dict[str, Any]] | None:
        segment, slash, rest = path.partition("/")
        if segment in YOUTH_LANGUAGES and slash:
            return rest, (), {}
        return None

    def check(self) -> list[Any]:
        return []

    def describe(self) -> str:
        return f"'{self}'"

    def __str__(self) -> str:
        return self.language_prefix


class YouthLanguageMiddleware:
    """Activate the language of a youth page's path (after the professional
    pages' middleware, which it overrides for these paths only)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        language = language_from_path(request.path_info)
        if language is None:
            return self.get_response(request)
        translation.activate(language)
        request.LANGUAGE_CODE = language
        response = self.get_response(request)
        response.headers["Content-Language"] = language
        return response


def vary_on_accept_language(response: HttpResponse) -> HttpResponse:
    patch_vary_headers(response, ("Accept-Language",))
    return response
