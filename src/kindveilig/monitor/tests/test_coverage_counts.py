"""Coverage counts per municipality and sector: exact numbers on a constructed
dataset (see ``dataset.py``), as of a given day, and the monthly snapshots."""

import datetime as dt
from io import StringIO

from django.core.management import call_command
from django.tasks import TaskResultStatus

import pytest
import time_machine

from kindveilig.monitor.models import CoverageSnapshot
from kindveilig.monitor.selectors import trend_for
from kindveilig.monitor.services import coverage_snapshot_take
from kindveilig.monitor.tasks import take_coverage_snapshot
from kindveilig.organisations.models import Sector
from kindveilig.readiness.selectors import coverage_counts

from . import dataset
from .dataset import NOW, TODAY, Dataset

pytestmark = [pytest.mark.django_db]

# (organisations, with meldcode, trained AF, recent attention, all three)
Counts = tuple[int, int, int, int, int]


@pytest.fixture
def data() -> Dataset:
    with time_machine.travel(NOW, tick=False):
        return dataset.build()


def as_table(data: Dataset, on: dt.date) -> dict[tuple[str, str], Counts]:
    names = {data.den_haag.pk: "Den Haag", data.delft.pk: "Delft"}
    return {
        (names[c.municipality_id], c.sector): (
            c.organisations,
            c.with_meldcode,
            c.with_trained_af,
            c.with_recent_attention,
            c.with_all,
        )
        for c in coverage_counts(on=on, municipality_ids=list(names))
    }


def test_counts_per_municipality_and_sector(data: Dataset) -> None:
    assert as_table(data, TODAY) == {
        ("Den Haag", Sector.ONDERWIJS): (3, 2, 1, 2, 1),
        ("Den Haag", Sector.KINDEROPVANG): (2, 2, 1, 1, 1),
        ("Den Haag", Sector.SPORT_CULTUUR): (1, 0, 0, 1, 0),
        ("Delft", Sector.ONDERWIJS): (1, 1, 0, 0, 0),
        ("Delft", Sector.SPORT_CULTUUR): (1, 0, 1, 0, 0),
    }


def test_the_next_day_the_course_and_the_team_meeting_of_a_year_ago_stop_counting(
    data: Dataset,
) -> None:
    table = as_table(data, TODAY + dt.timedelta(days=1))
    assert table[("Den Haag", Sector.KINDEROPVANG)] == (2, 2, 0, 0, 0)
    assert table[("Den Haag", Sector.ONDERWIJS)] == (3, 2, 1, 2, 1)


def test_before_the_dates_nothing_counted_yet(data: Dataset) -> None:
    table = as_table(data, dt.date(2023, 12, 31))
    assert all(counts[1:] == (0, 0, 0, 0) for counts in table.values())


def test_a_snapshot_stores_the_counts_once_per_month_and_municipality_and_sector(
    data: Dataset,
) -> None:
    with time_machine.travel(NOW, tick=False):
        written = coverage_snapshot_take()
        assert coverage_snapshot_take() == written  # idempotent
    stored = CoverageSnapshot.objects.filter(
        municipality__in=[data.den_haag, data.delft]
    )
    assert stored.count() == 5
    haag_onderwijs = stored.get(municipality=data.den_haag, sector=Sector.ONDERWIJS)
    assert (haag_onderwijs.month, haag_onderwijs.taken_on) == (
        dt.date(2026, 6, 1),
        TODAY,
    )
    assert (
        haag_onderwijs.organisations,
        haag_onderwijs.with_meldcode,
        haag_onderwijs.with_trained_af,
        haag_onderwijs.with_recent_attention,
        haag_onderwijs.with_all,
    ) == (3, 2, 1, 2, 1)

    # Later the same month the row is replaced; a new month adds rows.
    coverage_snapshot_take(today=dt.date(2026, 6, 16))
    coverage_snapshot_take(today=dt.date(2026, 7, 1))
    kinderopvang = CoverageSnapshot.objects.filter(
        municipality=data.den_haag, sector=Sector.KINDEROPVANG
    ).order_by("month")
    assert [(s.month, s.taken_on, s.with_trained_af) for s in kinderopvang] == [
        (dt.date(2026, 6, 1), dt.date(2026, 6, 16), 0),
        (dt.date(2026, 7, 1), dt.date(2026, 7, 1), 0),
    ]


def test_the_trend_sums_the_sectors_per_month(data: Dataset) -> None:
    coverage_snapshot_take(today=dt.date(2026, 5, 31))
    coverage_snapshot_take(today=TODAY)
    trend = trend_for(municipality_id=data.den_haag.pk, today=TODAY)
    assert [
        (
            p.month,
            p.organisations,
            p.with_meldcode,
            p.with_trained_af,
            p.with_recent_attention,
            p.with_all,
        )
        for p in trend
    ] == [
        # On 31 May the VOG, the club's aandachtsfunctionaris and a team meeting
        # of 14 June 2025 still counted.
        (dt.date(2026, 5, 1), 6, 4, 4, 5, 3),
        (dt.date(2026, 6, 1), 6, 4, 2, 4, 2),
    ]
    assert trend[-1].pct_meldcode == 67


def test_the_task_and_the_enqueue_command(settings: object, data: Dataset) -> None:
    settings.TASKS = {  # type: ignore[attr-defined]
        "default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}
    }
    with time_machine.travel(NOW, tick=False):
        result = take_coverage_snapshot.enqueue()
        assert result.status == TaskResultStatus.SUCCESSFUL
        assert result.return_value >= 5
        out = StringIO()
        call_command("enqueue_daily_tasks", stdout=out)
    assert "kindveilig.monitor.tasks.take_coverage_snapshot" in out.getvalue()
    assert CoverageSnapshot.objects.filter(month=dt.date(2026, 6, 1)).count() >= 5
