"""Writes of the raadsinformatiebrief: asking for one (the task makes it), making
it, and keeping the municipality's text blocks (docs/monitor.md)."""

import datetime as dt
import logging

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone, translation

from kindveilig.access.actor import Actor
from kindveilig.core.background import enqueue_on_commit
from kindveilig.organisations.models import Municipality

from .letter import (
    Texts,
    letter_content,
    letter_texts_for,
    render_letter_html,
    render_letter_pdf,
)
from .models import CouncilLetter, LetterStatus, LetterTexts
from .selectors import can_see_coverage

__all__ = ["council_letter_make", "council_letter_request", "letter_texts_save"]

logger = logging.getLogger(__name__)

MAKE_TASK = "kindveilig.monitor.tasks.make_council_letter"


@transaction.atomic
def council_letter_request(
    *, actor: Actor, period: tuple[str, dt.date], municipality: Municipality | None
) -> CouncilLetter:
    """Queue a letter for a period and a municipality of the actor's region (or
    the whole region); the background task makes it."""
    if not can_see_coverage(actor):
        raise PermissionDenied
    region = actor.organisation.municipality.region
    if municipality is not None and municipality.region_id != region.pk:
        raise PermissionDenied
    kind, start = period
    letter = CouncilLetter.objects.create(
        organisation=actor.organisation,
        region=region,
        municipality=municipality,
        period_kind=kind,
        period_start=start,
    )
    enqueue_on_commit(MAKE_TASK, letter_id=letter.pk)
    return letter


def _progress(letter: CouncilLetter, status: str, progress: int) -> None:
    letter.status = status
    letter.progress = progress
    letter.save(update_fields=["status", "progress"])


def council_letter_make(letter_id: int) -> str:
    """Make a queued letter: figures, HTML, PDF; each stage saves its progress
    so the page can show it. Returns the status. A failure is recorded on the
    letter (and logged), not raised: the list then says it failed."""
    letter = CouncilLetter.objects.select_related("organisation__municipality").get(
        pk=letter_id
    )
    if letter.status == LetterStatus.DONE:
        return letter.status
    _progress(letter, LetterStatus.RUNNING, 10)
    try:
        with translation.override(settings.LANGUAGE_CODE):
            content = letter_content(
                region=letter.region,
                municipality=letter.municipality,
                period=(letter.period_kind, letter.period_start),
                texts=letter_texts_for(letter.organisation.municipality),
                made_on=timezone.localdate(),
            )
            _progress(letter, LetterStatus.RUNNING, 40)
            html = render_letter_html(content)
            _progress(letter, LetterStatus.RUNNING, 60)
            pdf = render_letter_pdf(html)
    except Exception:
        logger.exception("Council letter %s failed", letter.pk)
        letter.finished_at = timezone.now()
        letter.status = LetterStatus.FAILED
        letter.save(update_fields=["status", "finished_at"])
        return letter.status
    letter.html, letter.pdf = html, pdf
    letter.status, letter.progress = LetterStatus.DONE, 100
    letter.finished_at = timezone.now()
    letter.save(update_fields=["html", "pdf", "status", "progress", "finished_at"])
    return letter.status


def letter_texts_save(*, actor: Actor, texts: Texts) -> LetterTexts:
    """Keep the three text blocks of the actor's municipality."""
    if not can_see_coverage(actor):
        raise PermissionDenied
    row, _created = LetterTexts.objects.update_or_create(
        municipality=actor.organisation.municipality,
        defaults={
            "introduction": str(texts.introduction),
            "context": str(texts.context),
            "next_steps": str(texts.next_steps),
        },
    )
    return row
