"""Every public children's page, for the tests that check all of them."""

import re
from html import unescape

from django.urls import reverse

ANSWERS = {
    "question-1": "",
    "question-2": "?v1=nee",
    "question-3": "?v1=nee&v2=ja",
    "question-4": "?v1=nee&v2=ja&v3=nee",
    "advice-danger": "?v1=ja",
    "advice-anonymous": "?v1=nee&v2=ja&v3=nee&v4=nee",
    "advice-home-named": "?v1=nee&v2=nee&v3=ja&v4=ja",
}


def public_pages() -> dict[str, str]:
    pages = {
        "start": reverse("youth:start"),
        "help-list": reverse("youth:help-list"),
        "privacy": reverse("youth:privacy"),
    }
    hulpwijzer = reverse("youth:hulpwijzer")
    pages.update({name: f"{hulpwijzer}{query}" for name, query in ANSWERS.items()})
    return pages


PAGE_NAMES = ["start", "help-list", "privacy", *ANSWERS]


def visible_text(html: str) -> str:
    """The text a child reads: the body without markup, scripts and the
    English language link (which is not Dutch text)."""
    body = html[html.index("<body") :]
    body = re.sub(r"<(script|style)\b.*?</\1>", " ", body, flags=re.S)
    body = re.sub(r'<a\b[^>]*\blang="en"[^>]*>.*?</a>', " ", body, flags=re.S)
    # Block elements end a sentence for the readability count.
    body = re.sub(r"</(p|h[1-6]|li|legend|button|a|strong)>", ". ", body)
    text = unescape(re.sub(r"<[^>]+>", " ", body))
    text = re.sub(r"([.?!])(\s*\.)+", r"\1", text)
    return re.sub(r"\s+", " ", text).strip()


def linked_urls(html: str) -> list[str]:
    return re.findall(r'(?:href|action)="([^"]*)"', unescape(html))
