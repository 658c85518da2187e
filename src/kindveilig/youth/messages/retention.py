"""The youth channel's record kind for the retention engine: conversations
without activity for ``KINDVEILIG_YOUTH_MESSAGE_RETENTION_DAYS`` (60 by default),
through the existing purge (docs/retention.md)."""

from django.utils.translation import gettext_lazy as _

from kindveilig.core.retention import (
    DEFAULT_TERM,
    RecordKind,
    RetentionContext,
    register_record_kind,
)

from .services import CONVERSATION_KIND, conversations_purge, retention_days

__all__ = ["register"]


def _apply(ctx: RetentionContext) -> int:
    # The channel's own setting is the term: it is what the children are told.
    return conversations_purge(
        now=ctx.now,
        days=retention_days(),
        held=ctx.held(CONVERSATION_KIND),
        dry_run=ctx.dry_run,
    )


def register() -> None:
    register_record_kind(
        RecordKind(
            key=CONVERSATION_KIND,
            label=_("Conversations with children (Praat erover)"),
            default_terms={DEFAULT_TERM: 60},
            counts_from="last_activity_at",
            apply=_apply,
            order=10,
        )
    )
