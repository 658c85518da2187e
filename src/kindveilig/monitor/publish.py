"""From exact counts to published figures: the cube of one region and one
calendar year per measure, protected by ``monitor.suppression``.

Node names: ``Y2026`` > ``Q2026-1`` > ``M2026-01`` for time, ``*`` > the
municipality's id for place, ``*`` > the sector for sector, ``*`` > the value
for the measure's own values (a measure without values has the root only).
"""

import datetime as dt
from collections import Counter, defaultdict
from itertools import product

from kindveilig.organisations.models import Municipality, Sector

from .measures import MIN_DURATIONS, Measure, quantile
from .models import FigureStatus, MonitorFigure, PeriodKind
from .suppression import Cell, Status, Tree, protect

__all__ = ["ROOT", "figures_for_year", "time_tree"]

ROOT = "*"
Base = dict[tuple[str, ...], int]


def month_node(month: dt.date) -> str:
    return f"M{month:%Y-%m}"


def time_tree(year: int) -> Tree:
    parent: dict[str, str | None] = {f"Y{year}": None}
    for quarter in range(1, 5):
        parent[f"Q{year}-{quarter}"] = f"Y{year}"
        for month in range(3 * quarter - 2, 3 * quarter + 1):
            parent[month_node(dt.date(year, month, 1))] = f"Q{year}-{quarter}"
    return Tree(parent)


def period_of(node: str) -> tuple[str, dt.date]:
    if node.startswith("Y"):
        return PeriodKind.YEAR, dt.date(int(node[1:]), 1, 1)
    if node.startswith("Q"):
        year, quarter = node[1:].split("-")
        return PeriodKind.QUARTER, dt.date(int(year), 3 * int(quarter) - 2, 1)
    year, month = node[1:].split("-")
    return PeriodKind.MONTH, dt.date(int(year), int(month), 1)


def trees_for(year: int, municipalities: list[Municipality], m: Measure) -> list[Tree]:
    values = Tree.flat(ROOT, m.value_keys) if m.values else Tree({ROOT: None})
    return [
        time_tree(year),
        Tree.flat(ROOT, [str(x.pk) for x in municipalities]),
        Tree.flat(ROOT, [s.value for s in Sector]),
        values,
    ]


def figures_for_year(
    *,
    region_id: int,
    year: int,
    municipalities: list[Municipality],
    m: Measure,
    base: Base,
    histograms: dict[tuple[str, ...], Counter[int]],
) -> list[MonitorFigure]:
    """The published figures of one measure; shown zeros are left out."""
    trees = trees_for(year, municipalities, m)
    cells = protect(trees, base)
    box_histograms = _box_histograms(trees, histograms) if m.is_duration else {}
    figures = []
    for box, cell in cells.items():
        figures.append(_figure(region_id, m, box, cell, box_histograms.get(box)))
    return figures


def _box_histograms(
    trees: list[Tree], histograms: dict[tuple[str, ...], Counter[int]]
) -> dict[tuple[str, ...], Counter[int]]:
    boxes: dict[tuple[str, ...], Counter[int]] = defaultdict(Counter)
    for leaves, histogram in histograms.items():
        for box in product(
            *(t.path_up(leaf) for t, leaf in zip(trees, leaves, strict=True))
        ):
            boxes[box].update(histogram)
    return boxes


def _figure(
    region_id: int,
    m: Measure,
    box: tuple[str, ...],
    cell: Cell,
    histogram: Counter[int] | None,
) -> MonitorFigure:
    time, place, sector, value = box
    kind, start = period_of(time)
    p50 = p90 = None
    if histogram and cell.status == Status.SHOWN and (cell.value or 0) >= MIN_DURATIONS:
        p50, p90 = quantile(dict(histogram), 0.5), quantile(dict(histogram), 0.9)
    return MonitorFigure(
        region_id=region_id,
        period_kind=kind,
        period_start=start,
        municipality_id=None if place == ROOT else int(place),
        sector="" if sector == ROOT else sector,
        measure=m.key,
        dimension="" if value == ROOT else value,
        value=cell.value,
        status=FigureStatus(cell.status.value),
        p50=p50,
        p90=p90,
    )
