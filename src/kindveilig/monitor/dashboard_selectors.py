"""The analist's dashboard: published figures only (``MonitorFigure``).

Nothing here reads a trajectory, household, conversation or person: every
number comes from the published table, where small counts and the cells that
protect them have no value. Derived figures (a share, "reached at least step
N", a change against the previous period) are computed only from shown values,
so they reveal nothing the table does not.
"""

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from kindveilig.access.actor import Actor
from kindveilig.core.charts import BarChart, bar_chart
from kindveilig.organisations.models import Municipality, Region, Sector
from kindveilig.readiness.expiry import add_months

from .forms import DashboardFilter, period_label
from .measures import MEASURES, Group, Measure
from .models import FigureStatus, MonitorFigure, MonitorRefresh, PeriodKind
from .selectors import can_see_coverage
from .suppression import THRESHOLD

__all__ = [
    "Dashboard",
    "Shown",
    "Table",
    "dashboard_for",
    "figures_for",
    "previous_period",
    "published_periods",
]

Key = tuple[str, dt.date, int | None, str, str]  # kind, start, place, measure, value

GROUP_LABELS = {
    Group.MELDCODE: gettext_lazy("Meldcode"),
    Group.HOUSEHOLDS: gettext_lazy("Households"),
    Group.YOUTH: gettext_lazy("Youth channel"),
    Group.READINESS: gettext_lazy("Readiness and learning"),
    Group.KANSRIJKE_START: gettext_lazy("Kansrijke Start"),
}


@dataclass(frozen=True)
class Shown:
    value: int | None
    status: str = FigureStatus.SHOWN
    p50: int | None = None
    p90: int | None = None

    @property
    def text(self) -> str:
        if self.status == FigureStatus.SMALL:
            return "<5"
        if self.status == FigureStatus.PROTECTED:
            return "×"
        return str(self.value)


def _share(part: Shown, whole: Shown) -> int | None:
    if part.value is None or not whole.value:
        return None
    return round(100 * part.value / whole.value)


@dataclass(frozen=True)
class Row:
    key: str
    label: str | Promise
    current: Shown
    previous: Shown
    region: Shown
    share: int | None = None  # of the total, in percent (shown values only)
    cumulative: Shown | None = None  # the funnel: reached at least this step

    @property
    def change(self) -> int | None:
        if self.current.value is None or self.previous.value is None:
            return None
        return self.current.value - self.previous.value


RowMaker = Callable[[Measure, str, "str | Promise"], Row]


@dataclass(frozen=True)
class Table:
    measure: Measure
    rows: list[Row]
    total: Row | None
    chart: BarChart


@dataclass(frozen=True)
class Section:
    group: Group
    label: str
    tables: list[Table]


@dataclass
class Dashboard:
    form: DashboardFilter | None
    region: Region
    municipality: Municipality | None
    sector: str
    period: tuple[str, dt.date] | None
    previous: tuple[str, dt.date] | None
    refreshed_at: dt.datetime | None
    sections: list[Section] = field(default_factory=list)

    @property
    def place_label(self) -> str:
        return self.municipality.name if self.municipality else self.region.name

    @property
    def sector_label(self) -> str:
        return (
            str(dict(Sector.choices)[self.sector]) if self.sector else _("All sectors")
        )

    @property
    def period_label(self) -> str:
        return period_label(*self.period) if self.period else ""

    @property
    def previous_label(self) -> str:
        return period_label(*self.previous) if self.previous else ""


def previous_period(kind: str, start: dt.date) -> tuple[str, dt.date]:
    months = {PeriodKind.MONTH: 1, PeriodKind.QUARTER: 3, PeriodKind.YEAR: 12}[
        PeriodKind(kind)
    ]
    return kind, add_months(start, -months)


def published_periods(region: Region) -> list[tuple[str, dt.date]]:
    """The periods with figures. A period with any figure has one for the whole
    region and all sectors (a box above a count that is not zero is not zero),
    so only those are read: an index range of the region's totals, whatever
    the number of municipalities."""
    order = {PeriodKind.YEAR: 0, PeriodKind.QUARTER: 1, PeriodKind.MONTH: 2}
    found = set(
        MonitorFigure.objects.filter(region=region, sector="", municipality=None)
        .values_list("period_kind", "period_start")
        .distinct()
    )
    return sorted(found, key=lambda p: (-p[1].year, order[PeriodKind(p[0])], p[1]))


def dashboard_for(*, actor: Actor, params: object) -> Dashboard:
    if not can_see_coverage(actor):
        raise PermissionDenied
    region = actor.organisation.municipality.region
    municipalities = list(region.municipalities.order_by("name"))
    periods = published_periods(region)
    form = DashboardFilter(params, periods=periods, municipalities=municipalities)
    valid = form.is_valid()
    period = (form.period() if valid else None) or _default(periods)
    chosen = form.cleaned_data.get("gemeente") if valid else ""
    municipality = next((m for m in municipalities if str(m.pk) == chosen), None)
    sector = (form.cleaned_data.get("sector") if valid else "") or ""
    dashboard = figures_for(
        region=region, municipality=municipality, sector=sector, period=period
    )
    dashboard.form = form
    return dashboard


def figures_for(
    *,
    region: Region,
    municipality: Municipality | None,
    sector: str,
    period: tuple[str, dt.date] | None,
) -> Dashboard:
    """The published figures of one view, without a form (the letter's task
    uses it; the caller has checked who may see them)."""
    last = MonitorRefresh.objects.order_by("-started_at").first()
    dashboard = Dashboard(
        form=None,
        region=region,
        municipality=municipality,
        sector=sector,
        period=period,
        previous=previous_period(*period) if period else None,
        refreshed_at=last.finished_at if last else None,
    )
    dashboard.sections = _sections(dashboard)
    return dashboard


def _default(periods: list[tuple[str, dt.date]]) -> tuple[str, dt.date] | None:
    months = [p for p in periods if p[0] == PeriodKind.MONTH]
    return max(months, key=lambda p: p[1], default=None)


def _load(dashboard: Dashboard, periods: list[tuple[str, dt.date]]) -> dict[Key, Shown]:
    place = dashboard.municipality.pk if dashboard.municipality else None
    when = Q()
    for kind, start in periods:
        when |= Q(period_kind=kind, period_start=start)
    where = Q(municipality__isnull=True)
    if place is not None:
        where |= Q(municipality_id=place)
    rows = MonitorFigure.objects.filter(
        when, where, region=dashboard.region, sector=dashboard.sector
    ).values_list(
        "period_kind", "period_start", "municipality_id", "measure", "dimension",
        "value", "status", "p50", "p90",
    )  # fmt: skip
    return {
        (kind, start, muni, key, value_key): Shown(value, status, p50, p90)
        for kind, start, muni, key, value_key, value, status, p50, p90 in rows
    }


def _sections(dashboard: Dashboard) -> list[Section]:
    period, previous = dashboard.period, dashboard.previous
    if period is None or previous is None:
        return []
    figures = _load(dashboard, [period, previous])
    place = dashboard.municipality.pk if dashboard.municipality else None
    zero = Shown(0)

    def row(m: Measure, key: str, label: str | Promise) -> Row:
        def at(period: tuple[str, dt.date], where: int | None) -> Shown:
            return figures.get((*period, where, m.key, key), zero)

        return Row(
            key=key,
            label=label,
            current=at(period, place),
            previous=at(previous, place),
            region=at(period, None),
        )

    sections = []
    for group in Group:
        tables = [_table(m, row) for m in MEASURES if m.group == group]
        sections.append(Section(group, str(GROUP_LABELS[group]), tables))
    return sections


def _table(m: Measure, row: RowMaker) -> Table:
    total = row(m, "", _("Total")) if (m.partition or not m.values) else None
    rows = [row(m, key, label) for key, label in m.values]
    if total is not None and m.values:
        rows = [_with_share(r, total) for r in rows]
    if m.key == "furthest_step" and total is not None:
        rows = _funnel(rows, total)
    chart_rows = rows or ([total] if total else [])
    chart = bar_chart(
        [(str(r.label), r.current.value, r.current.text) for r in chart_rows]
    )
    if not m.values and total is not None:
        return Table(measure=m, rows=[total], total=None, chart=chart)
    return Table(measure=m, rows=rows, total=total, chart=chart)


def _with_share(r: Row, total: Row) -> Row:
    return Row(
        r.key,
        r.label,
        r.current,
        r.previous,
        r.region,
        _share(r.current, total.current),
    )


def _funnel(rows: list[Row], total: Row) -> list[Row]:
    """Reached at least step N: the sum of the steps from N on when all are
    shown, or the total minus the steps before N when those are shown."""
    values = [r.current.value for r in rows]
    out = []
    for n, r in enumerate(rows):
        after, before = values[n:], values[:n]
        if all(v is not None for v in after):
            reached: int | None = sum(v for v in after if v is not None)
        elif total.current.value is not None and all(v is not None for v in before):
            reached = total.current.value - sum(v for v in before if v is not None)
        else:
            reached = None
        if reached is None:
            cumulative = Shown(None, FigureStatus.PROTECTED)
        elif 0 < reached < THRESHOLD:  # a sum of hidden cells: small is small
            cumulative = Shown(None, FigureStatus.SMALL)
        else:
            cumulative = Shown(reached)
        out.append(
            Row(r.key, r.label, r.current, r.previous, r.region, r.share, cumulative)
        )
    return out
