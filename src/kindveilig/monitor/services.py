"""Writes of the monitor: the periodic snapshot of the coverage counts."""

from datetime import date

from django.db import transaction
from django.utils import timezone

from kindveilig.readiness.selectors import coverage_counts

from .models import CoverageSnapshot

__all__ = ["coverage_snapshot_take"]


@transaction.atomic
def coverage_snapshot_take(*, today: date | None = None) -> int:
    """Store the counts of every municipality and sector for ``today``'s month
    (as of ``today``), replacing that month's earlier counts. Idempotent; one
    query to count and one to write. Returns the number of rows written."""
    today = today or timezone.localdate()
    month = today.replace(day=1)
    rows = [
        CoverageSnapshot(
            month=month,
            taken_on=today,
            municipality_id=count.municipality_id,
            sector=count.sector,
            organisations=count.organisations,
            with_meldcode=count.with_meldcode,
            with_trained_af=count.with_trained_af,
            with_recent_attention=count.with_recent_attention,
            with_all=count.with_all,
        )
        for count in coverage_counts(on=today)
    ]
    # A municipality and sector without organisations any more: count zero.
    present = {(row.municipality_id, row.sector) for row in rows}
    for municipality_id, sector in CoverageSnapshot.objects.filter(
        month=month
    ).values_list("municipality_id", "sector"):
        if (municipality_id, sector) not in present:
            rows.append(
                CoverageSnapshot(
                    month=month,
                    taken_on=today,
                    municipality_id=municipality_id,
                    sector=sector,
                    organisations=0,
                    with_meldcode=0,
                    with_trained_af=0,
                    with_recent_attention=0,
                    with_all=0,
                )
            )
    CoverageSnapshot.objects.bulk_create(
        rows,
        update_conflicts=True,
        unique_fields=["month", "municipality", "sector"],
        update_fields=[
            "taken_on",
            "organisations",
            "with_meldcode",
            "with_trained_af",
            "with_recent_attention",
            "with_all",
        ],
    )
    return len(rows)
