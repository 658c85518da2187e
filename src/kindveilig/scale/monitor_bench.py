"""The monitor at scale, timed in-process: the refresh (full, then incremental
after a small change), the analist's dashboard under several filters, and the
raadsinformatiebrief made by its task, synchronously.

The dashboard is asked through Django's test client: the whole middleware
stack, the view and the template, the server's own time without a network (as
``signals`` times registration). The analist belongs to a gemeente organisation
that the benchmark adds to the region with the most organisations (the
generator makes none: the monitor has no analist otherwise).
"""

import statistics
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from typing import Any

from django.conf import settings
from django.db.models import Count
from django.test import Client
from django.utils import timezone

from kindveilig.access.roles import Role
from kindveilig.accounts.models import Membership, User
from kindveilig.accounts.services import user_create
from kindveilig.meldcode.models import Trajectory
from kindveilig.monitor.dashboard_selectors import published_periods
from kindveilig.monitor.letter_services import council_letter_make
from kindveilig.monitor.models import CouncilLetter, LetterStatus, PeriodKind
from kindveilig.monitor.services import monitor_refresh
from kindveilig.organisations.models import (
    Municipality,
    Organisation,
    OrganisationType,
    Region,
)

from .bench import log_in
from .pools import EMAIL_DOMAIN, SYNTH
from .signals import _p95

__all__ = ["MonitorTimings", "time_monitor"]

ANALIST = f"analist@{EMAIL_DOMAIN}"
REPEAT = 20  # requests per filter, after two to warm up


@dataclass
class MonitorTimings:
    region_municipalities: int
    region_organisations: int
    window_trajectories: int
    full_seconds: float
    full_counts: int
    full_figures: int
    incremental_seconds: float
    incremental_cells: int
    incremental_counts: int
    incremental_figures: int
    idle_seconds: float  # an incremental run with nothing changed
    repeat: int = REPEAT
    dashboard: dict[str, dict[str, float]] = field(default_factory=dict)
    letters: dict[str, float] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def _timed(call: Callable[[], Any]) -> tuple[float, Any]:
    started = time.perf_counter()
    result = call()
    return time.perf_counter() - started, result


def _busiest_region() -> Region:
    region_id = (
        Organisation.objects.values("municipality__region_id")
        .annotate(n=Count("id"))
        .order_by("-n")
        .values_list("municipality__region_id", flat=True)
        .first()
    )
    assert region_id is not None
    return Region.objects.get(pk=region_id)


def _analist(region: Region) -> Membership:
    municipality = (
        Municipality.objects.filter(region=region)
        .annotate(n=Count("organisations"))
        .order_by("-n", "pk")
        .first()
    )
    assert municipality is not None
    gemeente, _created = Organisation.objects.get_or_create(
        type=OrganisationType.GEMEENTE,
        municipality=municipality,
        defaults={"name": f"Gemeente {municipality.name}{SYNTH}"},
    )
    user = User.objects.filter(email=ANALIST).first() or user_create(
        email=ANALIST,
        full_name=f"Analist{SYNTH}",
        password=None,
        validate=False,
    )
    membership, _created = Membership.objects.get_or_create(
        user=user, organisation=gemeente, role=Role.GEMEENTE_ANALIST
    )
    return membership


def _small_change(region: Region) -> None:
    """One trajectory of the region, started this month or as late as there
    is one, reports acute danger (written as the service writes it)."""
    trajectory = (
        Trajectory.objects.filter(
            organisation__municipality__region=region, is_acute=False
        )
        .order_by("-created_at")
        .first()
    )
    if trajectory is not None:
        Trajectory.objects.filter(pk=trajectory.pk).update(
            is_acute=True, acute_at=timezone.now()
        )


def _filters(region: Region, municipality: Municipality) -> dict[str, str]:
    periods = published_periods(region)
    latest = {
        kind: max((start for k, start in periods if k == kind), default=None)
        for kind in PeriodKind.values
    }
    quarter = f"quarter:{latest['quarter']:%Y-%m}" if latest["quarter"] else ""
    year = f"year:{latest['year']:%Y-%m}" if latest["year"] else ""
    page, csv = "/monitor/cijfers/", "/monitor/cijfers/csv/"
    return {
        "region, latest month": page,
        "region, quarter": f"{page}?periode={quarter}",
        "region, year": f"{page}?periode={year}",
        "municipality, latest month": f"{page}?gemeente={municipality.pk}",
        "municipality and sector, quarter": (
            f"{page}?periode={quarter}&gemeente={municipality.pk}&sector=onderwijs"
        ),
        "CSV, all figures of the year": f"{csv}?periode={year}",
    }


def _dashboard(membership: Membership) -> dict[str, dict[str, float]]:
    host = (settings.ALLOWED_HOSTS or ["127.0.0.1"])[0]
    client = Client(HTTP_HOST="127.0.0.1" if host == "*" else host)
    client.cookies[settings.SESSION_COOKIE_NAME] = log_in(membership)
    result = {}
    for name, url in _filters(
        membership.organisation.municipality.region,
        membership.organisation.municipality,
    ).items():
        times = []
        for attempt in range(REPEAT + 2):
            started = time.perf_counter()
            response = client.get(url)
            seconds = time.perf_counter() - started
            assert response.status_code == 200, (url, response.status_code)
            if attempt >= 2:
                times.append(seconds * 1000)
        result[name] = {
            "median_ms": round(statistics.median(times), 1),
            "p95_ms": round(_p95(times), 1),
            "bytes": len(response.content),
        }
    return result


def _letters(membership: Membership) -> dict[str, float]:
    region = membership.organisation.municipality.region
    periods = published_periods(region)
    chosen = {
        "region, latest month": (PeriodKind.MONTH, None),
        "municipality, quarter": (
            PeriodKind.QUARTER,
            membership.organisation.municipality,
        ),
        "region, year": (PeriodKind.YEAR, None),
    }
    result = {}
    for name, (kind, municipality) in chosen.items():
        start = max((s for k, s in periods if k == kind), default=None)
        if start is None:
            continue
        letter = CouncilLetter.objects.create(
            organisation=membership.organisation,
            region=region,
            municipality=municipality,
            period_kind=kind,
            period_start=start,
        )
        started = time.perf_counter()
        status = council_letter_make(letter.pk)
        seconds = time.perf_counter() - started
        assert status == LetterStatus.DONE, status
        result[name] = round(seconds, 2)
    return result


def time_monitor() -> MonitorTimings:
    region = _busiest_region()
    membership = _analist(region)
    full_seconds, first = _timed(lambda: monitor_refresh(full=True))
    _small_change(region)
    incremental_seconds, incremental = _timed(monitor_refresh)
    idle_seconds, _idle = _timed(monitor_refresh)
    window = Trajectory.objects.filter(created_at__date__gte=first.first_month).count()
    return MonitorTimings(
        region_municipalities=Municipality.objects.filter(region=region).count(),
        region_organisations=Organisation.objects.filter(
            municipality__region=region
        ).count(),
        window_trajectories=window,
        full_seconds=round(full_seconds, 2),
        full_counts=first.counts_written,
        full_figures=first.figures_written,
        incremental_seconds=round(incremental_seconds, 2),
        incremental_cells=incremental.cells_recounted,
        incremental_counts=incremental.counts_written,
        incremental_figures=incremental.figures_written,
        idle_seconds=round(idle_seconds, 2),
        dashboard=_dashboard(membership),
        letters=_letters(membership),
    )
