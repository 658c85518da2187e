"""The refresh job on a small crafted world whose counts are known by hand.

In March 2026 one primary school (Den Haag, onderwijs) starts nine meldcode
trajectories: five that stay in step 1, one with acute danger (step 1), two
that reach step 4 with the child heard, and one closed without suspicion in
step 4 (child heard). Counted by hand:

- started, own signal: 9; furthest step 1: 6, step 4: 3;
- acute: 1 (shown "<5"); decision "closed without suspicion": 1 ("<5");
- every child heard: 3 ("<5"); days per step 1, 2 and 3: three each, 0 days.
"""

import datetime as dt

import pytest
import time_machine
from conftest import Persona

from kindveilig.meldcode import scenarios
from kindveilig.monitor.models import (
    FigureStatus,
    MonitorCount,
    MonitorFigure,
    MonitorRefresh,
    PeriodKind,
)
from kindveilig.monitor.services import monitor_refresh
from kindveilig.organisations.models import Municipality

pytestmark = [pytest.mark.django_db]

MARCH = dt.date(2026, 3, 1)


@pytest.fixture
def world(professional: Persona, aandachtsfunctionaris: Persona) -> Persona:
    actor = professional.actor
    with time_machine.travel("2026-03-10T10:00:00+01:00"):
        for i in range(5):
            scenarios.start(actor, given_name=f"Kind{i} (test)")
        scenarios.acute(actor, given_name="Acuut (test)")
        scenarios.at_step_4(actor, given_name="Vier (test)")
        scenarios.at_step_4(actor, given_name="Vijf (test)")
        scenarios.closed_no_suspicion(actor, given_name="Dicht (test)")
    return professional


def counts(measure: str) -> dict[str, int]:
    return dict(
        MonitorCount.objects.filter(month=MARCH, measure=measure).values_list(
            "dimension", "count"
        )
    )


def figure(
    measure: str,
    dimension: str = "",
    *,
    kind: str = PeriodKind.MONTH,
    start: dt.date = MARCH,
    municipality: Municipality | None = None,
) -> MonitorFigure:
    return MonitorFigure.objects.get(
        period_kind=kind,
        period_start=start,
        measure=measure,
        dimension=dimension,
        municipality=municipality,
        sector="",
    )


def test_the_counts_match_the_hand_computed_world(world: Persona) -> None:
    refresh = monitor_refresh(today=dt.date(2026, 6, 15))
    assert (refresh.first_month, refresh.last_month) == (
        dt.date(2025, 6, 1),
        dt.date(2026, 6, 1),
    )
    assert counts("started") == {"worry": 9}
    assert counts("furthest_step") == {"1": 6, "4": 3}
    assert counts("acute") == {"": 1}
    assert counts("decision") == {"no_suspicion": 1}
    assert counts("child_voice") == {"all_heard": 3}
    assert counts("step_days") == {"1": 3, "2": 3, "3": 3}


def test_the_published_figures_show_what_is_large_and_hide_what_is_small(
    world: Persona,
) -> None:
    monitor_refresh(today=dt.date(2026, 6, 15))
    municipality = world.organisation.municipality
    assert figure("started").value == 9
    assert figure("started", "worry", municipality=municipality).value == 9
    assert (
        figure("started", kind=PeriodKind.QUARTER, start=dt.date(2026, 1, 1)).value == 9
    )
    assert figure("started", kind=PeriodKind.YEAR, start=dt.date(2026, 1, 1)).value == 9
    assert figure("acute").status == FigureStatus.SMALL
    assert figure("acute").value is None
    assert figure("decision", "no_suspicion").status == FigureStatus.SMALL
    # Step 4 (3) is small, so step 1 (6) is hidden too: the total (9) minus
    # step 1 must not give it away.
    assert figure("furthest_step").value == 9
    assert figure("furthest_step", "4").status == FigureStatus.SMALL
    assert figure("furthest_step", "1").status == FigureStatus.PROTECTED


def test_a_second_run_replaces_and_does_not_add(world: Persona) -> None:
    monitor_refresh(today=dt.date(2026, 6, 15))
    first = sorted(MonitorFigure.objects.values_list("measure", "dimension", "value"))
    monitor_refresh(today=dt.date(2026, 6, 15))
    assert (
        sorted(MonitorFigure.objects.values_list("measure", "dimension", "value"))
        == first
    )
    assert MonitorRefresh.objects.count() == 2


def test_a_full_run_analyses_the_tables_it_rewrote_and_an_incremental_one_not(
    world: Persona,
) -> None:
    """Stale statistics after a full run planned the dashboard badly at national
    size (docs/performance.md, item 18)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def analysed(**options: object) -> list[str]:
        with CaptureQueriesContext(connection) as run:
            monitor_refresh(today=dt.date(2026, 6, 15), **options)  # type: ignore[arg-type]
        return [
            q["sql"] for q in run.captured_queries if q["sql"].startswith("ANALYZE")
        ]

    [full] = analysed(full=True)
    for table in ("monitor_monitorcount", "monitor_monitorfigure"):
        assert table in full
    assert analysed() == []  # nothing changed: an incremental run
