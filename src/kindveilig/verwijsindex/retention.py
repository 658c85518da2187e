"""The Verwijsindex's record kind for the retention engine: the existing signal
retention (2 years active, then 5 years archived; docs/retention.md). The terms
are stamped on each signal when it is registered or ended, from
``KINDVEILIG_SIGNAL_ACTIVE_DAYS`` and ``KINDVEILIG_SIGNAL_ARCHIVE_DAYS``."""

import logging

from django.utils.translation import gettext_lazy as _

from kindveilig.core.retention import (
    DEFAULT_TERM,
    PERSON_KIND,
    RecordKind,
    RetentionContext,
    register_record_kind,
)

from .services import SIGNAL_KIND, signals_apply_retention

__all__ = ["register"]

logger = logging.getLogger(__name__)


def _apply(ctx: RetentionContext) -> int:
    result = signals_apply_retention(
        now=ctx.now,
        batch_size=ctx.batch_size,
        held=ctx.held(SIGNAL_KIND),
        held_persons=ctx.held(PERSON_KIND),
        dry_run=ctx.dry_run,
    )
    logger.info("Verwijsindex retention: %s signals archived", result.archived)
    return result.deleted


def register() -> None:
    register_record_kind(
        RecordKind(
            key=SIGNAL_KIND,
            label=_("Verwijsindex signals"),
            # 2 years active + 5 years archive (§7 of the domain brief).
            default_terms={DEFAULT_TERM: 730 + 1826},
            counts_from="delete_after",
            apply=_apply,
            order=10,
        )
    )
