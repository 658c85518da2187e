"""The raadsinformatiebrief: the key figures of a period for the council, as
HTML and PDF, from the published figures only (``MonitorFigure``).

``letter_content`` reads the same rows the dashboard shows ("<5" and "×"
included, never a hidden value), with the previous period beside them, and the
municipality's three text blocks (``LetterTexts``, or the defaults below).
``render_letter_html`` and ``render_letter_pdf`` turn that into the letter;
the charts are the dashboard's inline SVG, which WeasyPrint draws itself.
"""

import base64
import datetime as dt
import hashlib
from collections.abc import Collection
from dataclasses import dataclass
from functools import cache
from typing import Any

from django.conf import settings
from django.template.loader import render_to_string
from django.utils.csp import CSP, build_policy
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from weasyprint import HTML
from weasyprint.urls import URLFetcher

from kindveilig.organisations.models import Municipality, Region

from .dashboard_selectors import Dashboard, Table, figures_for
from .models import LetterTexts

__all__ = [
    "DEFAULT_TEXTS",
    "KANSRIJKE_START_MEASURES",
    "KEY_MEASURES",
    "LetterContent",
    "Texts",
    "letter_content",
    "letter_csp_header",
    "letter_texts_for",
    "render_letter_html",
    "render_letter_pdf",
]

# The figures a council asks about, in the order of the letter.
KEY_MEASURES = (
    "started",
    "furthest_step",
    "decision",
    "child_voice",
    "hermelding",
    "phase_entered",
    "fall_back",
    "youth_conversation",
    "youth_escalation",
)
# The letter's own paragraph on Kansrijke Start (the first 1,000 days).
KANSRIJKE_START_MEASURES = (
    "ks_signal_source",
    "ks_followed_up",
    "ks_intervention",
    "ks_referral",
    "ks_trajectory",
)


@dataclass(frozen=True)
class Texts:
    introduction: str | Promise
    context: str | Promise
    next_steps: str | Promise


DEFAULT_TEXTS = Texts(
    introduction=_(
        "With this letter the college informs the council about the approach to "
        "domestic violence and child abuse in the period below: how many children "
        "were seen, how far the meldcode trajectories got, whether children were "
        "heard and how households reached safety."
    ),
    context=_(
        "The figures are counted from the work of the organisations in the region "
        "and contain no personal data. Counts from 1 to 4 are shown as “<5”; a "
        "figure that could give such a count away is shown as “×”. A change "
        "against the previous period is only given when both figures are shown."
    ),
    next_steps=_(
        "The college discusses these figures with the organisations in the region "
        "and will inform the council again in the next letter."
    ),
)


def letter_texts_for(municipality: Municipality) -> Texts:
    """The municipality's own texts, or the defaults."""
    row = LetterTexts.objects.filter(municipality=municipality).first()
    if row is None:
        return DEFAULT_TEXTS
    return Texts(row.introduction, row.context, row.next_steps)


@dataclass(frozen=True)
class LetterContent:
    figures: Dashboard
    tables: list[Table]
    texts: Texts
    made_on: dt.date
    kansrijke_start: list[Table]


def letter_content(
    *,
    region: Region,
    municipality: Municipality | None,
    period: tuple[str, dt.date],
    texts: Texts,
    made_on: dt.date,
) -> LetterContent:
    figures = figures_for(
        region=region, municipality=municipality, sector="", period=period
    )
    by_key = {t.measure.key: t for s in figures.sections for t in s.tables}
    tables = [by_key[key] for key in KEY_MEASURES if key in by_key]
    kansrijke_start = [by_key[key] for key in KANSRIJKE_START_MEASURES if key in by_key]
    return LetterContent(
        figures=figures,
        tables=tables,
        texts=texts,
        made_on=made_on,
        kansrijke_start=kansrijke_start,
    )


def render_letter_html(content: LetterContent) -> str:
    return render_to_string("monitor/letter.html", {"letter": content})


@cache
def _style_source() -> str:
    """The hash source of the letter's one ``<style>`` element: its exact text,
    as ``monitor/letter.html`` writes it (``<style>`` and a newline, then
    ``monitor/letter.css``)."""
    css = "\n" + render_to_string("monitor/letter.css")
    digest = base64.b64encode(hashlib.sha256(css.encode()).digest()).decode()
    return f"'sha256-{digest}'"


def letter_csp_header() -> str:
    """The site's Content-Security-Policy with one addition: the letter's own
    stylesheet, by its hash. No ``'unsafe-inline'``: any other inline style
    (an injected one, a changed one) stays blocked, and scripts stay as strict
    as everywhere. The stored letter keeps its CSS inline because the PDF is
    made from the same HTML, offline (docs/decisions.md)."""
    policy: dict[str, Collection[str] | str] = {}
    for key, value in settings.SECURE_CSP.items():
        assert isinstance(value, str | list | tuple)
        policy[key] = value
    styles = policy.get("style-src", [CSP.SELF])
    own = [styles] if isinstance(styles, str) else list(styles)
    policy["style-src"] = [*own, _style_source()]
    return build_policy(policy)


class _OfflineURLFetcher(URLFetcher):  # type: ignore[misc]  # weasyprint is untyped
    """``data:`` URLs only: the letter never reaches a network or a file."""

    def __init__(self) -> None:
        super().__init__(allowed_protocols=("data",), allow_redirects=False)

    def fetch(self, url: str, headers: dict[str, str] | None = None) -> Any:
        if not url.startswith("data:"):
            raise ValueError("Only data: URLs are allowed in the letter.")
        return super().fetch(url, headers)


def render_letter_pdf(html: str) -> bytes:
    pdf = HTML(string=html, base_url=None, url_fetcher=_OfflineURLFetcher()).write_pdf()
    assert isinstance(pdf, bytes)
    return pdf
