"""Themes per sector and region: counts of the structured answers, never single
reflections. Every count below MIN_CELL is shown as "<5" (also 0), so a
reader cannot single out a case in a small municipality or sector.

One query reads the answer columns of the region's reflections; the counting
happens here, so the page costs the same number of queries for ten reflections
or ten thousand.
"""

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from django.db.models import TextChoices
from django.utils.functional import Promise
from django.utils.translation import gettext as _

from kindveilig.access.actor import Actor
from kindveilig.access.roles import Role
from kindveilig.organisations.models import Municipality, Sector

from .models import (
    MIN_CELL,
    Factor,
    Handover,
    Heard,
    Reflection,
    ReflectionStatus,
    Theme,
)

__all__ = ["Cell", "ThemeOverview", "ThemeTable", "theme_overview_for"]

ANSWER_FIELDS = (
    "sector",
    "municipality_id",
    "status",
    "child_heard",
    "child_view_counted",
    "handovers_warm",
    "helped",
    "missed",
    "themes",
)
Row = tuple[Any, ...]
Key = tuple[str, str]


@dataclass(frozen=True)
class Cell:
    count: int

    @property
    def suppressed(self) -> bool:
        return self.count < MIN_CELL

    @property
    def display(self) -> str:
        return "<5" if self.suppressed else str(self.count)


@dataclass(frozen=True)
class ThemeRow:
    label: str
    cells: list[Cell]


@dataclass(frozen=True)
class ThemeSection:
    title: str
    rows: list[ThemeRow]


@dataclass(frozen=True)
class ThemeTable:
    slug: str
    caption: str
    columns: list[str]
    sections: list[ThemeSection]


@dataclass(frozen=True)
class ThemeOverview:
    tables: list[ThemeTable]
    years: list[int]
    year: int | None


@dataclass(frozen=True)
class Column:
    label: str
    includes: Callable[[Row], bool]


def _keys(row: Row) -> Iterable[Key]:
    """The counted facts of one reflection."""
    (
        _sector,
        _municipality,
        status,
        heard,
        counted,
        handover,
        helped,
        missed,
        themes,
    ) = row
    yield ("status", status)
    if status != ReflectionStatus.COMPLETED:
        return
    yield ("child_heard", heard)
    yield ("child_view_counted", counted)
    yield ("handovers_warm", handover)
    for code in helped:
        yield ("helped", code)
    for code in missed:
        yield ("missed", code)
    for code in themes:
        yield ("themes", code)


def _choice_rows(
    tallies: list[Counter[Key]], field: str, choices: type[TextChoices]
) -> list[ThemeRow]:
    return [
        ThemeRow(
            label=str(label),
            cells=[Cell(tally[(field, value)]) for tally in tallies],
        )
        for value, label in choices.choices
    ]


def _table(
    slug: str, caption: str, columns: list[Column], rows: list[Row]
) -> ThemeTable:
    tallies: list[Counter[Key]] = [Counter() for _column in columns]
    for row in rows:
        keys = list(_keys(row))
        for column, tally in zip(columns, tallies, strict=True):
            if column.includes(row):
                tally.update(keys)
    totals = [
        ThemeRow(
            label=_("Reflections"),
            cells=[Cell(t[("status", ReflectionStatus.COMPLETED)]) for t in tallies],
        ),
        ThemeRow(
            label=_("Skipped"),
            cells=[Cell(t[("status", ReflectionStatus.SKIPPED)]) for t in tallies],
        ),
    ]
    sections = [
        ThemeSection(title=_("Number of closed cases"), rows=totals),
        ThemeSection(
            title=_("Was the child heard?"),
            rows=_choice_rows(tallies, "child_heard", Heard),
        ),
        ThemeSection(
            title=_("Did the child's view count?"),
            rows=_choice_rows(tallies, "child_view_counted", Heard),
        ),
        ThemeSection(
            title=_("Were the handovers warm?"),
            rows=_choice_rows(tallies, "handovers_warm", Handover),
        ),
        ThemeSection(
            title=_("What helped"), rows=_choice_rows(tallies, "helped", Factor)
        ),
        ThemeSection(
            title=_("What was missing or came late"),
            rows=_choice_rows(tallies, "missed", Factor),
        ),
        ThemeSection(title=_("Themes"), rows=_choice_rows(tallies, "themes", Theme)),
    ]
    return ThemeTable(
        slug=slug,
        caption=caption,
        columns=[column.label for column in columns],
        sections=sections,
    )


def _label(value: str | Promise) -> str:
    return str(value)


def _af_tables(
    actor: Actor, municipality: Municipality, rows: list[Row]
) -> list[ThemeTable]:
    sector = actor.organisation.sector
    region = municipality.region.name
    columns = [
        Column(
            _("%(sector)s in %(municipality)s")
            % {"sector": _label(sector.label), "municipality": municipality.name},
            lambda row: row[0] == sector and row[1] == municipality.pk,
        ),
        Column(
            _("%(sector)s in region %(region)s")
            % {"sector": _label(sector.label), "region": region},
            lambda row: row[0] == sector,
        ),
        Column(
            _("All sectors in region %(region)s") % {"region": region},
            lambda row: True,
        ),
    ]
    caption = _("Your sector in your municipality, and the regional totals")
    return [_table("sector", caption, columns, rows)]


def _by_sector_column(sector: Sector, municipality_id: int) -> Column:
    return Column(
        _label(sector.label),
        lambda row: row[0] == sector and row[1] == municipality_id,
    )


def _by_municipality_column(municipality: Municipality) -> Column:
    return Column(municipality.name, lambda row: row[1] == municipality.pk)


def _analist_tables(municipality: Municipality, rows: list[Row]) -> list[ThemeTable]:
    sector_columns = [_by_sector_column(sector, municipality.pk) for sector in Sector]
    sector_columns.append(
        Column(_("All sectors"), lambda row: row[1] == municipality.pk)
    )
    municipalities = list(
        Municipality.objects.filter(region_id=municipality.region_id).order_by("name")
    )
    region_columns = [_by_municipality_column(m) for m in municipalities]
    region_columns.append(Column(_("Region total"), lambda row: True))
    return [
        _table(
            "sectors",
            _("By sector in %(municipality)s") % {"municipality": municipality.name},
            sector_columns,
            rows,
        ),
        _table(
            "municipalities",
            _("By municipality in region %(region)s")
            % {"region": municipality.region.name},
            region_columns,
            rows,
        ),
    ]


def theme_overview_for(*, actor: Actor, year: int | None = None) -> ThemeOverview:
    municipality = Municipality.objects.select_related("region").get(
        pk=actor.organisation.municipality_id
    )
    reflections = Reflection.objects.filter(
        municipality__region_id=municipality.region_id
    )
    years = sorted(
        set(reflections.order_by().values_list("year", flat=True).distinct()),
        reverse=True,
    )
    if year is not None:
        reflections = reflections.filter(year=year)
    rows: list[Row] = list(reflections.values_list(*ANSWER_FIELDS).iterator())
    if actor.role == Role.GEMEENTE_ANALIST:
        tables = _analist_tables(municipality, rows)
    elif actor.role == Role.AANDACHTSFUNCTIONARIS:
        tables = _af_tables(actor, municipality, rows)
    else:
        tables = []
    return ThemeOverview(tables=tables, years=years, year=year)
