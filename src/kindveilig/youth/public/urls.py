"""Praat erover, mounted at ``settings.KINDVEILIG_YOUTH_PATH`` (namespace "youth").

Paths are neutral on purpose: nothing in a URL (which stays in the browser
history) says what a child was looking for, wrote, or to whom. Every page is
under its language (``ar/hulp/``); a path without one is redirected to the
language the browser asks for (``youth.public.language``).
"""

from django.urls import URLPattern, URLResolver, path, re_path

from .language import YouthLanguagePrefix
from .views import messages, pages

app_name = "youth"

pages_in_a_language: list[URLPattern | URLResolver] = [
    path("", pages.start, name="start"),
    path("hulp/", pages.hulpwijzer, name="hulpwijzer"),
    path("hulplijnen/", pages.help_list, name="help-list"),
    path("privacy/", pages.privacy, name="privacy"),
    path("weg/", pages.quick_exit, name="quick-exit"),
    path("bericht/", messages.message_start, name="message-start"),
    path(
        "bericht/kiezen/<str:token>/",
        messages.message_results,
        name="message-results",
    ),
    path("bericht/schrijven/", messages.message_write, name="message-write"),
    path(
        "bericht/schrijven/<str:token>/",
        messages.message_write_page,
        name="message-write-page",
    ),
    path(
        "bericht/verstuurd/<str:token>/",
        messages.message_receipt,
        name="message-receipt",
    ),
    path("bericht/lezen/", messages.message_read, name="message-read"),
    path(
        "bericht/lezen/<str:token>/",
        messages.message_read_page,
        name="message-read-page",
    ),
    path(
        "bericht/gesprek/<str:token>/",
        messages.message_conversation,
        name="message-conversation",
    ),
]

urlpatterns: list[URLPattern | URLResolver] = [
    # A pattern of our own, like Django's LocalePrefixPattern (see language.py).
    URLResolver(YouthLanguagePrefix(), pages_in_a_language),  # type: ignore[arg-type]
    re_path(r"^(?P<rest>.*)$", pages.offer_language, name="offer-language"),
]
