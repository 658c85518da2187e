"""Kansrijke Start's record kind for the retention engine (docs/retention.md):
a signal with its contact moments is JGZ record under the WGBO, kept 20 years
after the last change (art. 7:454 BW as amended on 1 January 2020; the term is
in domain.md §7). Registered in ``KansrijkeStartConfig.ready()``."""

import uuid
from collections.abc import Sequence

from django.db.models import Exists, OuterRef, QuerySet
from django.utils.translation import gettext_lazy as _

from kindveilig.audit.models import AuditAction
from kindveilig.audit.services import AuditItem, audit_record_many
from kindveilig.core.retention import (
    DEFAULT_TERM,
    PERSON_KIND,
    RecordKind,
    RetentionContext,
    purge_in_batches,
    register_record_kind,
)

from .models import ContactMoment, StartSignal

__all__ = ["SIGNAL_KIND", "TERM_DAYS", "register", "signals_due"]

SIGNAL_KIND = "kansrijkestart.startsignal"
# WGBO: 20 years after the last change.
TERM_DAYS = round(20 * 365.25)


def signals_due(ctx: RetentionContext) -> QuerySet[StartSignal]:
    """Signals whose last change (of the signal or of any contact moment) lies
    before the cutoff, and that no legal hold keeps."""
    cutoff = ctx.cutoff()
    changed_later = ContactMoment.objects.filter(
        signal=OuterRef("pk"), updated_at__gt=cutoff
    )
    held_persons = ctx.held(PERSON_KIND)
    return (
        StartSignal.objects.filter(updated_at__lte=cutoff)
        .exclude(Exists(changed_later))
        .exclude(public_id__in=ctx.held(SIGNAL_KIND))
        .exclude(parent__public_id__in=held_persons)
        .exclude(child__public_id__in=held_persons)
    )


def _delete(batch: Sequence[StartSignal]) -> None:
    ids = [signal.pk for signal in batch]
    items: list[AuditItem] = []
    for signal in StartSignal.objects.filter(pk__in=ids).select_related(
        "parent", "child"
    ):
        persons: list[uuid.UUID] = [signal.parent.public_id]
        if signal.child is not None:
            persons.append(signal.child.public_id)
        items += [AuditItem(obj=signal, person_id=pid) for pid in persons]
    audit_record_many(
        actor=None, action=AuditAction.DELETE, items=items, reason="retention"
    )
    # The contact moments (and what the coalition recorded) go with the signal.
    StartSignal.objects.filter(pk__in=ids).delete()


def _apply(ctx: RetentionContext) -> int:
    return purge_in_batches(signals_due(ctx), ctx=ctx, delete=_delete)


def register() -> None:
    register_record_kind(
        RecordKind(
            key=SIGNAL_KIND,
            label=_("Kansrijke Start signals and contact moments"),
            default_terms={DEFAULT_TERM: TERM_DAYS},
            counts_from="updated_at",
            apply=_apply,
            order=40,
        )
    )
