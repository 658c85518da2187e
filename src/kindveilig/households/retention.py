"""The households' record kind for the retention engine (docs/retention.md):
closed veiligheidscasussen with their plan, mappings, meetings and handovers; a
household goes with its last case. Registered in ``HouseholdsConfig.ready()``."""

import uuid
from collections.abc import Sequence

from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from kindveilig.audit.models import AuditAction
from kindveilig.audit.services import AuditItem, audit_record_many
from kindveilig.core.retention import (
    DEFAULT_TERM,
    RecordKind,
    RetentionContext,
    purge_in_batches,
    register_record_kind,
)

from .models import Household, SafetyCase
from .models.choices import CaseStatus

__all__ = ["CASE_TERMS", "register"]

# Jeugdwet: a jeugdhulp dossier is kept 20 years after the end of care.
CASE_TERMS: dict[str, int] = {DEFAULT_TERM: round(20 * 365.25)}


def cases_due(ctx: RetentionContext) -> QuerySet[SafetyCase]:
    return (
        SafetyCase.objects.filter(status=CaseStatus.CLOSED, closed_at__isnull=False)
        .filter(closed_at__lte=ctx.cutoff())
        .exclude(public_id__in=ctx.held("households.safetycase"))
        .exclude(household__public_id__in=ctx.held("households.household"))
        .exclude(household__members__person__public_id__in=ctx.held("persons.person"))
    )


def _delete_cases(batch: Sequence[SafetyCase]) -> None:
    ids = [case.pk for case in batch]
    household_ids = {case.household_id for case in batch}
    members: dict[int, list[uuid.UUID]] = {}
    for household in Household.objects.filter(pk__in=household_ids).prefetch_related(
        "members__person"
    ):
        members[household.pk] = [m.person.public_id for m in household.members.all()]
    audit_record_many(
        actor=None,
        action=AuditAction.DELETE,
        items=[
            AuditItem(obj=case, person_id=person_id)
            for case in batch
            for person_id in members.get(case.household_id, [])
        ],
        reason="retention",
    )
    SafetyCase.objects.filter(pk__in=ids).delete()
    empty = list(Household.objects.filter(pk__in=household_ids, cases__isnull=True))
    audit_record_many(
        actor=None,
        action=AuditAction.DELETE,
        items=[
            AuditItem(obj=household, person_id=person_id)
            for household in empty
            for person_id in members.get(household.pk, [])
        ],
        reason="retention",
    )
    Household.objects.filter(pk__in=[household.pk for household in empty]).delete()


def _apply_cases(ctx: RetentionContext) -> int:
    return purge_in_batches(cases_due(ctx), ctx=ctx, delete=_delete_cases)


def register() -> None:
    register_record_kind(
        RecordKind(
            key="households.safetycase",
            label=_("Safety cases (with their household when it was the last)"),
            default_terms=CASE_TERMS,
            counts_from="closed_at",
            apply=_apply_cases,
            order=10,
        )
    )
