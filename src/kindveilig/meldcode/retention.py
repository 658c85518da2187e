"""The meldcode's record kinds for the retention engine (docs/retention.md):
closed trajectories with all their entries and attachments, kindchecks and closed
meldplicht cases. Registered in ``MeldcodeConfig.ready()``."""

import contextlib
import uuid
from collections.abc import Sequence
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.db.models import Q, QuerySet
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
from kindveilig.organisations.models import SECTOR_BY_TYPE, OrganisationType, Sector

from .models import Attachment, Kindcheck, Melding, MeldplichtCase, Trajectory
from .models.choices import Status

__all__ = ["TRAJECTORY_TERMS", "register"]

YEAR = 365.25

# Days after closing, per sector of the organisation that holds the dossier.
TRAJECTORY_TERMS: dict[str, int] = {
    # Jeugdwet / WGBO: 20 years after the end of care (since 2020); the safe
    # default where the law of the sector is not known.
    DEFAULT_TERM: round(20 * YEAR),
    Sector.JGZ: round(20 * YEAR),
    Sector.ZORG: round(20 * YEAR),
    Sector.SOCIAAL_DOMEIN: round(20 * YEAR),
    # Wmo 2015 art. 5.3.4: 15 years.
    Sector.GEMEENTE: round(15 * YEAR),
    # The leerlingdossier rule (PO-Raad): 2 years after the pupil leaves; applied
    # to the meldcode dossier from closing. Childcare and sport follow the school.
    Sector.ONDERWIJS: round(2 * YEAR),
    Sector.KINDEROPVANG: round(2 * YEAR),
    Sector.SPORT_CULTUUR: round(2 * YEAR),
}
KINDCHECK_TERMS: dict[str, int] = {DEFAULT_TERM: round(20 * YEAR)}


def _ended_before(field: str, ctx: RetentionContext) -> Q:
    """``field`` lies before the cutoff of the organisation's sector."""
    condition = Q()
    known: set[str] = set()
    for sector in Sector:
        types = [t for t, s in SECTOR_BY_TYPE.items() if s == sector]
        known.update(types)
        condition |= Q(
            organisation__type__in=types, **{f"{field}__lte": ctx.cutoff(sector)}
        )
    others = [t for t in OrganisationType if t not in known]
    if others:
        condition |= Q(organisation__type__in=others, **{f"{field}__lte": ctx.cutoff()})
    return condition


def _remove_files(names: list[str]) -> None:
    directory = Path(settings.MEDIA_ROOT) / "attachments"
    for name in names:
        with contextlib.suppress(FileNotFoundError):
            (directory / name).unlink()


def trajectories_due(ctx: RetentionContext) -> QuerySet[Trajectory]:
    held_persons = ctx.held("persons.person")
    return (
        Trajectory.objects.filter(status=Status.CLOSED, closed_at__isnull=False)
        .filter(_ended_before("closed_at", ctx))
        .exclude(public_id__in=ctx.held("meldcode.trajectory"))
        .exclude(children__person__public_id__in=held_persons)
        .exclude(involved__person__public_id__in=held_persons)
    )


def _delete_trajectories(batch: Sequence[Trajectory]) -> None:
    ids = [trajectory.pk for trajectory in batch]
    items: list[AuditItem] = []
    for trajectory in Trajectory.objects.filter(pk__in=ids).prefetch_related(
        "children__person", "involved__person"
    ):
        persons: dict[uuid.UUID, None] = {}
        for child in trajectory.children.all():
            persons[child.person.public_id] = None
        for involved in trajectory.involved.all():
            persons[involved.person.public_id] = None
        items += [AuditItem(obj=trajectory, person_id=pid) for pid in persons]
    audit_record_many(
        actor=None, action=AuditAction.DELETE, items=items, reason="retention"
    )
    files = list(
        Attachment.objects.filter(trajectory_id__in=ids).values_list(
            "storage_name", flat=True
        )
    )
    # A melding protects its decision: it goes first, then the cascade.
    Melding.objects.filter(trajectory_id__in=ids).delete()
    Trajectory.objects.filter(pk__in=ids).delete()
    transaction.on_commit(lambda: _remove_files(files))


def _apply_trajectories(ctx: RetentionContext) -> int:
    return purge_in_batches(trajectories_due(ctx), ctx=ctx, delete=_delete_trajectories)


def _apply_kindchecks(ctx: RetentionContext) -> int:
    due = Kindcheck.objects.filter(recorded_at__lte=ctx.cutoff()).exclude(
        public_id__in=ctx.held("meldcode.kindcheck")
    )

    def delete(batch: Sequence[Kindcheck]) -> None:
        audit_record_many(
            actor=None,
            action=AuditAction.DELETE,
            items=[AuditItem(obj=check, person_id=None) for check in batch],
            reason="retention",
        )
        Kindcheck.objects.filter(pk__in=[check.pk for check in batch]).delete()

    return purge_in_batches(due, ctx=ctx, delete=delete)


def _apply_meldplicht(ctx: RetentionContext) -> int:
    due = (
        MeldplichtCase.objects.filter(closed_at__isnull=False)
        .filter(_ended_before("closed_at", ctx))
        .exclude(public_id__in=ctx.held("meldcode.meldplichtcase"))
    )

    def delete(batch: Sequence[MeldplichtCase]) -> None:
        audit_record_many(
            actor=None,
            action=AuditAction.DELETE,
            items=[AuditItem(obj=case, person_id=None) for case in batch],
            reason="retention",
        )
        MeldplichtCase.objects.filter(pk__in=[case.pk for case in batch]).delete()

    return purge_in_batches(due, ctx=ctx, delete=delete)


def register() -> None:
    register_record_kind(
        RecordKind(
            key="meldcode.trajectory",
            label=_("Meldcode trajectories (with entries and attachments)"),
            default_terms=TRAJECTORY_TERMS,
            counts_from="closed_at",
            apply=_apply_trajectories,
            order=10,
        )
    )
    register_record_kind(
        RecordKind(
            key="meldcode.kindcheck",
            label=_("Kindchecks"),
            default_terms=KINDCHECK_TERMS,
            counts_from="recorded_at",
            apply=_apply_kindchecks,
            order=20,
        )
    )
    register_record_kind(
        RecordKind(
            key="meldcode.meldplichtcase",
            label=_("Meldplicht cases"),
            default_terms=TRAJECTORY_TERMS,
            counts_from="closed_at",
            apply=_apply_meldplicht,
            order=20,
        )
    )
