"""Notifications' record kind for the retention engine: a notice is a pointer to
work, not a record; it goes a year after it was made (docs/retention.md)."""

from collections.abc import Sequence

from django.utils.translation import gettext_lazy as _

from kindveilig.core.retention import (
    DEFAULT_TERM,
    RecordKind,
    RetentionContext,
    purge_in_batches,
    register_record_kind,
)

from .models import Notification

__all__ = ["register"]


def _apply(ctx: RetentionContext) -> int:
    due = Notification.objects.filter(created_at__lte=ctx.cutoff()).exclude(
        public_id__in=ctx.held("notifications.notification")
    )

    def delete(batch: Sequence[Notification]) -> None:
        # No personal data and no audit record: a notification holds a kind and
        # a path of public ids, and its deletion concerns nobody's file.
        Notification.objects.filter(pk__in=[n.pk for n in batch]).delete()

    return purge_in_batches(due, ctx=ctx, delete=delete)


def register() -> None:
    register_record_kind(
        RecordKind(
            key="notifications.notification",
            label=_("Notifications"),
            default_terms={DEFAULT_TERM: 365},
            counts_from="created_at",
            apply=_apply,
            order=10,
        )
    )
