"""The retention engine and legal holds (docs/retention.md)."""

import datetime as dt
import logging
import uuid
from collections import defaultdict
from collections.abc import Mapping

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from kindveilig.access.actor import Actor
from kindveilig.access.roles import Role
from kindveilig.audit.models import AuditAction
from kindveilig.audit.services import audit_record
from kindveilig.core.retention import RecordKind, RetentionContext, record_kinds
from kindveilig.persons.models import Person

from .models import LegalHold, RetentionRun

__all__ = [
    "active_legal_holds",
    "legal_hold_lift",
    "legal_hold_place",
    "retention_apply",
    "retention_terms",
]

logger = logging.getLogger(__name__)

DEFAULT_BATCH_SIZE = 500
MIN_HOLD_REASON = 10


def retention_terms(kind: RecordKind) -> dict[str, int]:
    """The kind's default terms with ``KINDVEILIG_RETENTION_TERMS[kind.key]``
    laid over them (days per sector, ``"default"`` for the rest)."""
    overrides: Mapping[str, Mapping[str, int]] = getattr(
        settings, "KINDVEILIG_RETENTION_TERMS", {}
    )
    terms = {str(sector): int(days) for sector, days in kind.default_terms.items()}
    for sector, days in overrides.get(kind.key, {}).items():
        if int(days) < 1:
            raise ValueError(f"{kind.key}: a term must be at least one day.")
        terms[sector] = int(days)
    return terms


def active_legal_holds() -> dict[str, frozenset[uuid.UUID]]:
    """Public ids under an active hold, per kind key (also the source that
    ``core.retention.active_holds`` reads for purges outside a run)."""
    holds: dict[str, set[uuid.UUID]] = defaultdict(set)
    for kind, object_id in LegalHold.objects.filter(lifted_at__isnull=True).values_list(
        "record_kind", "object_id"
    ):
        holds[kind].add(object_id)
    return {kind: frozenset(ids) for kind, ids in holds.items()}


def retention_apply(
    *,
    now: dt.datetime | None = None,
    dry_run: bool = False,
    batch_size: int = DEFAULT_BATCH_SIZE,
) -> RetentionRun:
    """Run every registered record kind: delete what has passed its term, in
    batches of ``batch_size`` (one transaction each), except what a legal hold
    keeps. Each kind writes its own audit records (one per object and person
    concerned, without content). Idempotent: a second run finds nothing. A dry
    run changes nothing and reports what is due. Returns the run's record."""
    now = now or timezone.now()
    run = RetentionRun.objects.create(started_at=now, dry_run=dry_run)
    holds = active_legal_holds()
    counts: dict[str, int] = {}
    terms: dict[str, dict[str, int]] = {}
    for kind in record_kinds():
        kind_terms = retention_terms(kind)
        ctx = RetentionContext(
            now=now,
            terms=kind_terms,
            holds=holds,
            dry_run=dry_run,
            batch_size=batch_size,
        )
        counts[kind.key] = kind.apply(ctx)
        terms[kind.key] = kind_terms
        logger.info(
            "Retention %s: %s %s",
            kind.key,
            "due" if dry_run else "removed",
            counts[kind.key],
        )
    run.counts = counts
    run.terms = terms
    run.finished_at = timezone.now()
    run.save(update_fields=["counts", "terms", "finished_at"])
    return run


def _require_beheerder(actor: Actor) -> None:
    if actor.role != Role.FUNCTIONEEL_BEHEERDER:
        raise ValidationError(
            _("Only a functioneel beheerder can place or lift a legal hold."),
            code="forbidden",
        )


@transaction.atomic
def legal_hold_place(
    *, actor: Actor, record_kind: str, object_id: uuid.UUID, reason: str
) -> LegalHold:
    _require_beheerder(actor)
    known = {kind.key for kind in record_kinds()}
    errors: dict[str, str] = {}
    if record_kind not in known:
        errors["record_kind"] = _("This kind of record is not kept by retention.")
    elif record_kind == "persons.person" and not _registered_here(actor, object_id):
        raise ValidationError(
            _("Only the organisation that registered a person can hold its data."),
            code="forbidden",
        )
    if len(reason.strip()) < MIN_HOLD_REASON:
        errors["reason"] = _(
            "Say why the record must be kept (at least 10 characters)."
        )
    if errors:
        raise ValidationError(errors)
    hold = LegalHold(
        record_kind=record_kind,
        object_id=object_id,
        reason=reason.strip(),
        placed_by=actor.user,
        placed_at=timezone.now(),
        organisation_id=actor.organisation_id,
    )
    hold.full_clean()
    hold.save()
    audit_record(
        actor=actor,
        action=AuditAction.CREATE,
        obj=hold,
        person_id=object_id if record_kind == "persons.person" else None,
        reason="legal hold",
    )
    return hold


def _registered_here(actor: Actor, public_id: uuid.UUID) -> bool:
    return Person.objects.filter(
        public_id=public_id, registered_by_id=actor.organisation_id
    ).exists()


@transaction.atomic
def legal_hold_lift(*, actor: Actor, hold: LegalHold) -> LegalHold:
    _require_beheerder(actor)
    if hold.organisation_id not in (None, actor.organisation_id):
        raise ValidationError(
            _("Only the organisation that placed a legal hold can lift it."),
            code="forbidden",
        )
    if hold.lifted_at is None:
        hold.lifted_at = timezone.now()
        hold.lifted_by = actor.user
        hold.save(update_fields=["lifted_at", "lifted_by"])
        audit_record(
            actor=actor,
            action=AuditAction.UPDATE,
            obj=hold,
            person_id=hold.object_id if hold.record_kind == "persons.person" else None,
            reason="legal hold lifted",
        )
    return hold
