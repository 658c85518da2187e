"""Writes of the monitor: the periodic snapshot of the coverage counts, and the
refresh of the aggregate tables behind the dashboard, incremental or full
(docs/monitor.md)."""

import datetime as dt
import hashlib
from collections import Counter, defaultdict
from datetime import date

from django.db import connection, transaction
from django.db.models import Q
from django.utils import timezone

from kindveilig.organisations.models import Municipality, Region
from kindveilig.readiness.expiry import add_months
from kindveilig.readiness.selectors import coverage_counts

from .aggregation import Scope, count_cells, count_window, places_of_organisations
from .changes import changes_consume, changes_read, scope_of
from .finality import finals_due, measure_digest
from .measures import BUCKETS, MEASURES, MIN_DURATIONS
from .models import (
    CoverageSnapshot,
    MonitorCount,
    MonitorDurationBucket,
    MonitorFigure,
    MonitorFinal,
    MonitorRefresh,
    RefreshKind,
)
from .publish import ROOT, figures_for_year, month_node
from .suppression import THRESHOLD

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


# Raise when the counting or the suppression changes in a way the scheme below
# does not see: the next run is then a full one.
CHANGE_LOG_VENDORS = ("postgresql",)
METHOD_VERSION = 1


def _scheme() -> str:
    """A fingerprint of what the figures are made with: an incremental run only
    builds on a run with the same one."""
    parts = [
        METHOD_VERSION, THRESHOLD, MIN_DURATIONS, BUCKETS,
        [(m.key, m.value_keys, m.unit, m.partition, m.version) for m in MEASURES],
    ]  # fmt: skip
    return hashlib.sha256(repr(parts).encode()).hexdigest()


def _lock() -> None:
    """One refresh at a time (the task may be queued twice). PostgreSQL's
    advisory lock; SQLite (the embedded demo of `make run`) has no such
    function and lets one writer in at a time anyway."""
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_advisory_xact_lock(hashtext('kindveilig.monitor'))")


@transaction.atomic
def monitor_refresh(
    *, today: dt.date | None = None, months: int = WINDOW_MONTHS, full: bool = False
) -> MonitorRefresh:
    """Bring the counts of the last ``months`` months (this one included) and
    the published figures up to date. Incremental by default: only the
    (month, municipality, sector) cells the change log names, and the months
    the last run did not cover, are counted again; only the counts that differ
    are written, and only the cubes (region, year, measure) whose counts moved
    are published again. A full run (``full``, the first run, a changed scheme,
    or an organisation or municipality that moved) counts the whole window and
    republishes every year it touches. Both give the same tables. Idempotent;
    months before the window keep the counts of the last run that covered them,
    and final counts (``monitor.finality``: a month of the youth channel
    before its conversations can be purged) are never counted again, by
    either kind of run (docs/monitor.md)."""
    _lock()
    started_at = timezone.now()
    today = today or timezone.localdate()
    first, last = _window(today, months)
    frozen = _frozen()
    changes = changes_read()
    previous = MonitorRefresh.objects.order_by("-pk").first()
    scheme = _scheme()
    # Only PostgreSQL keeps the change log (its triggers, migration 0004): on
    # the embedded SQLite demo every run counts everything.
    logged = connection.vendor in CHANGE_LOG_VENDORS
    if (
        full
        or not logged
        or changes.everything
        or previous is None
        or previous.scheme != scheme
    ):
        kind, cells, written, figures = (
            RefreshKind.FULL,
            *_refresh_full(first, last, frozen),
        )
    else:
        places = places_of_organisations()
        scope = scope_of(
            changes,
            window=(first, last),
            covered=(previous.first_month, previous.last_month),
            places=places,
        )
        every = len(set(places.values()))
        kind = RefreshKind.INCREMENTAL
        cells = sum(every if p is None else len(p) for p in scope.months.values())
        written, figures = _refresh_cells(scope, frozen) if scope.months else (0, 0)
    changes_consume(changes)
    _freeze(first, last, today, frozen)
    if kind == RefreshKind.FULL:
        _analyse_rewritten_tables()
    return MonitorRefresh.objects.create(
        kind=kind,
        scheme=scheme,
        cells_recounted=cells,
        started_at=started_at,
        finished_at=timezone.now(),
        first_month=first,
        last_month=last,
        counts_written=written,
        figures_written=figures,
    )


def _analyse_rewritten_tables() -> None:
    """A full run replaces every count, bucket and figure: until autovacuum's
    next ANALYZE, PostgreSQL plans the dashboard's queries with the statistics
    of the tables before the run. At national size that made one filter take
    740 ms a request instead of 50 for a quarter of a minute after the refresh
    (docs/performance.md, item 18). Analyse them in the run's own transaction,
    so the first dashboard after it is planned on what is there."""
    if connection.vendor != "postgresql":
        return
    tables = ", ".join(
        connection.ops.quote_name(model._meta.db_table)
        for model in (MonitorCount, MonitorDurationBucket, MonitorFigure)
    )
    with connection.cursor() as cursor:
        cursor.execute(f"ANALYZE {tables}")


Frozen = set[tuple[dt.date, str]]  # month, measure


def _frozen() -> Frozen:
    """The final (month, measure) pairs whose measure is still defined as it
    was when they were frozen; the others are thawed, to be counted again."""
    digests = {m.key: measure_digest(m) for m in MEASURES}
    frozen: Frozen = set()
    thawed: list[int] = []
    for pk, month, key, digest in MonitorFinal.objects.values_list(
        "pk", "month", "measure", "digest"
    ):
        if digests.get(key) == digest:
            frozen.add((month, key))
        else:
            thawed.append(pk)
    MonitorFinal.objects.filter(pk__in=thawed).delete()
    return frozen


def _freeze(first: dt.date, last: dt.date, today: dt.date, frozen: Frozen) -> None:
    """Freeze the counts of the window's months that have become final, as this
    run left them."""
    months = Scope.window(first, last).months
    digests = {m.key: measure_digest(m) for m in MEASURES}
    MonitorFinal.objects.bulk_create(
        [
            MonitorFinal(month=month, measure=key, digest=digests[key], frozen_on=today)
            for month, key in sorted(finals_due(months, today) - frozen)
        ],
        ignore_conflicts=True,
    )


def _not_frozen(frozen: Frozen) -> Q:
    """Count and bucket rows that are not final."""
    by_month: dict[dt.date, list[str]] = defaultdict(list)
    for month, key in frozen:
        by_month[month].append(key)
    final = Q(pk__in=[])
    for month, keys in by_month.items():
        final |= Q(month=month, measure__in=sorted(keys))
    return ~final


def _refresh_full(
    first: dt.date, last: dt.date, frozen: Frozen
) -> tuple[int, int, int]:
    """Count the whole window, replace its counts (final ones stay),
    republish every year it touches. Returns (cells, counts written, figures
    written)."""
    tally = count_window(first, last)
    MonitorCount.objects.filter(
        _not_frozen(frozen), month__gte=first, month__lte=last
    ).delete()
    MonitorDurationBucket.objects.filter(
        _not_frozen(frozen), month__gte=first, month__lte=last
    ).delete()
    MonitorCount.objects.bulk_create(
        (
            MonitorCount(
                month=month, municipality_id=place, sector=sector, measure=key,
                dimension=value, count=count,
            )
            for (month, place, sector, key, value), count in tally.counts.items()
            if (month, key) not in frozen
        ),
        batch_size=5000,
    )  # fmt: skip
    MonitorDurationBucket.objects.bulk_create(
        (
            MonitorDurationBucket(
                month=month, municipality_id=place, sector=sector, measure=key,
                dimension=value, bucket=bucket, count=count,
            )
            for (month, place, sector, key, value), histogram in tally.buckets.items()
            if (month, key) not in frozen
            for bucket, count in histogram.items()
        ),
        batch_size=5000,
    )  # fmt: skip
    figures = sum(
        _publish_year(region, year)
        for region in Region.objects.all()
        for year in range(first.year, last.year + 1)
    )
    cells = len(tally.scope.months) * len(set(tally.places.values()))
    return cells, len(tally.counts), figures


Key = tuple[dt.date, int, str, str, str]  # month, municipality, sector, measure, value


def _refresh_cells(scope: Scope, frozen: Frozen) -> tuple[int, int]:
    """Count the cells of ``scope`` again, write the counts that differ (not
    the final ones), and republish the cubes they fall in. Returns (counts
    written, figures)."""
    tally = count_cells(scope)
    moved: set[tuple[int, int, str]] = set()  # municipality, year, measure
    written = _write_counts(scope, tally.counts, moved, frozen)
    written += _write_buckets(scope, tally.buckets, moved, frozen)
    region_of = dict(Municipality.objects.values_list("pk", "region_id"))
    cubes: dict[tuple[int, int], set[str]] = defaultdict(set)
    for municipality, year, measure in moved:
        cubes[(region_of[municipality], year)].add(measure)
    regions = Region.objects.in_bulk(list({region for region, _year in cubes}))
    figures = sum(
        _publish_year(regions[region], year, measures)
        for (region, year), measures in sorted(cubes.items())
    )
    return written, figures


def _in_scope(scope: Scope) -> dict[str, object]:
    munis = {m for places in scope.months.values() for m, _s in places or ()}
    where: dict[str, object] = {"month__in": list(scope.months)}
    if scope.places is not None:
        where["municipality_id__in"] = sorted(munis)
    return where


def _write_counts(
    scope: Scope,
    counts: Counter[Key],
    moved: set[tuple[int, int, str]],
    frozen: Frozen,
) -> int:
    counts = Counter({c: n for c, n in counts.items() if (c[0], c[3]) not in frozen})
    stored: dict[Key, tuple[int, int]] = {}
    for pk, month, place, sector, key, value, count in MonitorCount.objects.filter(
        **_in_scope(scope)
    ).values_list(
        "pk", "month", "municipality_id", "sector", "measure", "dimension", "count"
    ):
        if scope.holds(month, (place, sector)) and (month, key) not in frozen:
            stored[(month, place, sector, key, value)] = (pk, count)
    gone = [pk for cell, (pk, _c) in stored.items() if cell not in counts]
    changed = {
        cell: count
        for cell, count in counts.items()
        if stored.get(cell, (0, -1))[1] != count
    }
    for cell in [*changed, *(c for c in stored if c not in counts)]:
        moved.add((cell[1], cell[0].year, cell[3]))
    MonitorCount.objects.filter(pk__in=gone).delete()
    MonitorCount.objects.bulk_create(
        [
            MonitorCount(
                month=month, municipality_id=place, sector=sector, measure=key,
                dimension=value, count=count,
            )
            for (month, place, sector, key, value), count in changed.items()
        ],
        batch_size=5000,
        update_conflicts=True,
        unique_fields=["month", "municipality", "sector", "measure", "dimension"],
        update_fields=["count"],
    )  # fmt: skip
    return len(gone) + len(changed)


def _write_buckets(
    scope: Scope,
    buckets: dict[Key, Counter[int]],
    moved: set[tuple[int, int, str]],
    frozen: Frozen,
) -> int:
    counts = {
        (*cell, bucket): count
        for cell, histogram in buckets.items()
        if (cell[0], cell[3]) not in frozen
        for bucket, count in histogram.items()
    }
    stored: dict[tuple[dt.date, int, str, str, str, int], tuple[int, int]] = {}
    for pk, month, place, sector, key, value, bucket, count in (
        MonitorDurationBucket.objects.filter(**_in_scope(scope)).values_list(
            "pk", "month", "municipality_id", "sector", "measure", "dimension",
            "bucket", "count",
        )
    ):  # fmt: skip
        if scope.holds(month, (place, sector)) and (month, key) not in frozen:
            stored[(month, place, sector, key, value, bucket)] = (pk, count)
    gone = [pk for cell, (pk, _c) in stored.items() if cell not in counts]
    changed = {
        cell: count
        for cell, count in counts.items()
        if stored.get(cell, (0, -1))[1] != count
    }
    for cell in [*changed, *(c for c in stored if c not in counts)]:
        moved.add((cell[1], cell[0].year, cell[3]))
    MonitorDurationBucket.objects.filter(pk__in=gone).delete()
    MonitorDurationBucket.objects.bulk_create(
        [
            MonitorDurationBucket(
                month=month, municipality_id=place, sector=sector, measure=key,
                dimension=value, bucket=bucket, count=count,
            )
            for (month, place, sector, key, value, bucket), count in changed.items()
        ],
        batch_size=5000,
        update_conflicts=True,
        unique_fields=[
            "month", "municipality", "sector", "measure", "dimension", "bucket",
        ],
        update_fields=["count"],
    )  # fmt: skip
    return len(gone) + len(changed)


def _publish_year(region: Region, year: int, measures: set[str] | None = None) -> int:
    """Publish the cubes of one region and year: every measure, or those in
    ``measures``. Returns the number of figures written."""
    chosen = [m for m in MEASURES if measures is None or m.key in measures]
    keys = [m.key for m in chosen]
    municipalities = list(Municipality.objects.filter(region=region).order_by("pk"))
    ids = [m.pk for m in municipalities]
    in_year = {"month__year": year, "municipality_id__in": ids, "measure__in": keys}
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
    MonitorFigure.objects.filter(
        region=region,
        period_start__gte=dt.date(year, 1, 1),
        period_start__lt=dt.date(year + 1, 1, 1),
        measure__in=keys,
    ).delete()
    figures = [
        figure
        for m in chosen
        for figure in figures_for_year(
            region_id=region.pk, year=year, municipalities=municipalities, m=m,
            base=bases[m.key], histograms=histograms[m.key],
        )
    ]  # fmt: skip
    MonitorFigure.objects.bulk_create(figures, batch_size=2000)
    return len(figures)
