"""Which raadsinformatiebrieven and letter texts an actor may see: those of
the actor's own gemeente organisation (a letter) and municipality (the texts)."""

import uuid

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404

from kindveilig.access.actor import Actor

from .letter import Texts, letter_texts_for
from .models import CouncilLetter
from .selectors import can_see_coverage

__all__ = ["letter_for", "letters_for", "texts_for"]

LIST_SIZE = 50


def letters_for(actor: Actor) -> QuerySet[CouncilLetter]:
    """The organisation's letters, newest first, without the PDF bytes."""
    if not can_see_coverage(actor):
        raise PermissionDenied
    return (
        CouncilLetter.objects.filter(organisation=actor.organisation)
        .select_related("municipality", "region")
        .defer("pdf", "html")[:LIST_SIZE]
    )


def letter_for(actor: Actor, public_id: uuid.UUID) -> CouncilLetter:
    """404 for a letter of another organisation (as for any object without a
    relation); a letter only ever belongs to a gemeente organisation."""
    letter = (
        CouncilLetter.objects.filter(
            organisation=actor.organisation, public_id=public_id
        )
        .select_related("municipality", "region")
        .first()
    )
    if letter is None:
        raise Http404
    if not can_see_coverage(actor):
        raise PermissionDenied
    return letter


def texts_for(actor: Actor) -> Texts:
    if not can_see_coverage(actor):
        raise PermissionDenied
    return letter_texts_for(actor.organisation.municipality)
