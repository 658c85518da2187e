"""The municipality's coverage page: aggregate counts and organisation names only.

For the gemeente analist, and for the functioneel beheerder of a gemeente
organisation. It shows the actor's own municipality per sector, the region per
municipality, the trend from the stored snapshots, the organisations of the
municipality that lack something (to act on), and the open improvement actions
of casusreflectie sessions. No person is named anywhere, so nothing is audited.
"""

from dataclasses import dataclass
from datetime import date

from django.core.exceptions import PermissionDenied
from django.core.paginator import Page, Paginator
from django.db.models import Q, Sum
from django.utils import timezone
from django.utils.functional import Promise

from kindveilig.access.actor import Actor
from kindveilig.access.roles import Role
from kindveilig.core.charts import Chart
from kindveilig.organisations.models import (
    Municipality,
    Organisation,
    OrganisationType,
    Sector,
)
from kindveilig.readiness.expiry import add_months
from kindveilig.readiness.selectors import (
    CoverageCount,
    coverage_counts,
    organisations_with_flags,
)

from .charts import TrendPoint, trend_chart
from .improvement_actions import ImprovementAction, open_improvement_actions
from .models import CoverageSnapshot

__all__ = ["CoveragePage", "CoverageRow", "can_see_coverage", "coverage_page_for"]

PAGE_SIZE = 50
TREND_MONTHS = 24


def can_see_coverage(actor: Actor) -> bool:
    if actor.role == Role.GEMEENTE_ANALIST:
        return True
    return (
        actor.role == Role.FUNCTIONEEL_BEHEERDER
        and actor.organisation.type == OrganisationType.GEMEENTE
    )


@dataclass(frozen=True)
class CoverageRow:
    label: str | Promise
    counts: CoverageCount

    def _pct(self, part: int) -> int:
        return TrendPoint.percentage(part, self.counts.organisations)

    @property
    def pct_meldcode(self) -> int:
        return self._pct(self.counts.with_meldcode)

    @property
    def pct_trained_af(self) -> int:
        return self._pct(self.counts.with_trained_af)

    @property
    def pct_recent_attention(self) -> int:
        return self._pct(self.counts.with_recent_attention)

    @property
    def pct_all(self) -> int:
        return self._pct(self.counts.with_all)


@dataclass(frozen=True)
class CoveragePage:
    municipality: Municipality
    today: date
    per_sector: list[CoverageRow]
    municipality_total: CoverageRow
    per_municipality: list[CoverageRow]
    region_total: CoverageRow
    to_act_on: Page[Organisation]
    trend: list[TrendPoint]
    chart: Chart | None
    improvement_actions: list[ImprovementAction]


def _total(label: str | Promise, counts: list[CoverageCount]) -> CoverageRow:
    total = CoverageCount(municipality_id=0, sector=Sector.GEMEENTE)
    for count in counts:
        total.add(count)
    return CoverageRow(label=label, counts=total)


def trend_for(*, municipality_id: int, today: date) -> list[TrendPoint]:
    """Monthly totals over all sectors from the stored snapshots (one query)."""
    since = add_months(today.replace(day=1), -(TREND_MONTHS - 1))
    rows = (
        CoverageSnapshot.objects.filter(
            municipality_id=municipality_id, month__gte=since, month__lte=today
        )
        .values("month")
        .annotate(
            organisations_sum=Sum("organisations"),
            with_meldcode_sum=Sum("with_meldcode"),
            with_trained_af_sum=Sum("with_trained_af"),
            with_recent_attention_sum=Sum("with_recent_attention"),
            with_all_sum=Sum("with_all"),
        )
        .order_by("month")
    )
    return [
        TrendPoint(
            month=row["month"],
            organisations=row["organisations_sum"],
            with_meldcode=row["with_meldcode_sum"],
            with_trained_af=row["with_trained_af_sum"],
            with_recent_attention=row["with_recent_attention_sum"],
            with_all=row["with_all_sum"],
        )
        for row in rows
    ]


def to_act_on_page(
    *, municipality_id: int, today: date, page_number: int | str | None
) -> Page[Organisation]:
    """Active organisations of the municipality that lack an adopted meldcode, a
    trained aandachtsfunctionaris or recent staff attention; those without a
    meldcode first, then without a trained aandachtsfunctionaris, then by name."""
    queryset = (
        organisations_with_flags(on=today)
        .filter(municipality_id=municipality_id)
        # The plugin does not see the annotations of organisations_with_flags.
        .filter(  # type: ignore[misc]
            Q(has_meldcode=False)
            | Q(has_trained_af=False)
            | Q(has_recent_attention=False)
        )
        .order_by(
            "has_meldcode", "has_trained_af", "has_recent_attention", "name", "pk"
        )
        .only("pk", "name", "type", "external_code")
    )
    return Paginator(queryset, PAGE_SIZE).get_page(page_number)


def coverage_page_for(
    *, actor: Actor, page_number: int | str | None = None, today: date | None = None
) -> CoveragePage:
    if not can_see_coverage(actor):
        raise PermissionDenied
    today = today or timezone.localdate()
    municipality = actor.organisation.municipality
    municipalities = list(
        Municipality.objects.filter(region_id=municipality.region_id).order_by("name")
    )
    counts = coverage_counts(on=today, municipality_ids=[m.pk for m in municipalities])
    own = [c for c in counts if c.municipality_id == municipality.pk]
    labels = dict(Sector.choices)
    per_sector = [
        CoverageRow(label=labels[c.sector], counts=c)
        for c in sorted(own, key=lambda c: list(Sector).index(c.sector))
    ]
    per_municipality = [
        _total(m.name, [c for c in counts if c.municipality_id == m.pk])
        for m in municipalities
    ]
    trend = trend_for(municipality_id=municipality.pk, today=today)
    return CoveragePage(
        municipality=municipality,
        today=today,
        per_sector=per_sector,
        municipality_total=_total(municipality.name, own),
        per_municipality=per_municipality,
        region_total=_total(municipality.region.name, counts),
        to_act_on=to_act_on_page(
            municipality_id=municipality.pk, today=today, page_number=page_number
        ),
        trend=trend,
        chart=trend_chart(trend),
        improvement_actions=open_improvement_actions(municipality_id=municipality.pk),
    )
