"""Writes of the monitor: the periodic snapshot of the coverage counts, and the
refresh of the aggregate tables behind the dashboard (docs/monitor.md)."""

import datetime as dt
from collections import Counter, defaultdict
from datetime import date

from django.db import transaction
from django.utils import timezone

from kindveilig.organisations.models import Municipality, Region
from kindveilig.readiness.expiry import add_months
from kindveilig.readiness.selectors import coverage_counts

from .aggregation import count_window
from .measures import MEASURES
from .models import (
    CoverageSnapshot,
    MonitorCount,
    MonitorDurationBucket,
    MonitorFigure,
    MonitorRefresh,
)
from .publish import ROOT, figures_for_year, month_node

__all__ = ["WINDOW_MONTHS", "coverage_snapshot_take", "monitor_refresh"]

WINDOW_MONTHS = 13  # this month and the twelve before it


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


def _window(today: dt.date, months: int) -> tuple[dt.date, dt.date]:
    last = today.replace(day=1)
    return add_months(last, -(months - 1)), last


@transaction.atomic
def monitor_refresh(
    *, today: dt.date | None = None, months: int = WINDOW_MONTHS
) -> MonitorRefresh:
    """Recount the last ``months`` months (this one included), replace their
    exact counts, and republish every calendar year they touch. Idempotent:
    a second run with the same data writes the same rows. Months before the
    window keep the counts of the last run that covered them."""
    started_at = timezone.now()
    today = today or timezone.localdate()
    first, last = _window(today, months)
    tally = count_window(first, last)
    MonitorCount.objects.filter(month__gte=first, month__lte=last).delete()
    MonitorDurationBucket.objects.filter(month__gte=first, month__lte=last).delete()
    MonitorCount.objects.bulk_create(
        MonitorCount(
            month=month, municipality_id=place, sector=sector, measure=key,
            dimension=value, count=count,
        )
        for (month, place, sector, key, value), count in tally.counts.items()
    )  # fmt: skip
    MonitorDurationBucket.objects.bulk_create(
        MonitorDurationBucket(
            month=month, municipality_id=place, sector=sector, measure=key,
            dimension=value, bucket=bucket, count=count,
        )
        for (month, place, sector, key, value), histogram in tally.buckets.items()
        for bucket, count in histogram.items()
    )  # fmt: skip
    figures = sum(
        _publish_year(region, year)
        for region in Region.objects.all()
        for year in range(first.year, last.year + 1)
    )
    return MonitorRefresh.objects.create(
        started_at=started_at,
        finished_at=timezone.now(),
        first_month=first,
        last_month=last,
        counts_written=len(tally.counts),
        figures_written=figures,
    )


def _publish_year(region: Region, year: int) -> int:
    municipalities = list(Municipality.objects.filter(region=region).order_by("pk"))
    ids = [m.pk for m in municipalities]
    in_year = {"month__year": year, "municipality_id__in": ids}
    bases: dict[str, dict[tuple[str, ...], int]] = defaultdict(dict)
    for month, place, sector, key, value, count in MonitorCount.objects.filter(
        **in_year
    ).values_list(
        "month", "municipality_id", "sector", "measure", "dimension", "count"
    ):
        bases[key][(month_node(month), str(place), sector, value or ROOT)] = count
    histograms: dict[str, dict[tuple[str, ...], Counter[int]]] = defaultdict(dict)
    for month, place, sector, key, value, bucket, count in (
        MonitorDurationBucket.objects.filter(**in_year).values_list(
            "month", "municipality_id", "sector", "measure", "dimension", "bucket",
            "count",
        )
    ):  # fmt: skip
        leaf = (month_node(month), str(place), sector, value or ROOT)
        histograms[key].setdefault(leaf, Counter())[bucket] += count
    MonitorFigure.objects.filter(region=region, period_start__year=year).delete()
    figures = [
        figure
        for m in MEASURES
        for figure in figures_for_year(
            region_id=region.pk, year=year, municipalities=municipalities, m=m,
            base=bases[m.key], histograms=histograms[m.key],
        )
    ]  # fmt: skip
    MonitorFigure.objects.bulk_create(figures, batch_size=2000)
    return len(figures)
