"""The safety scale over time, per perspective, as a server-side SVG (no
JavaScript) with the same numbers in a table beside it.

Each series has its own colour *and* its own dash pattern and point shape, so
the chart does not depend on colour alone.
"""

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.utils import timezone
from django.utils.translation import gettext as _

from .models import Mapping, Perspective

WIDTH = 640
HEIGHT = 300
LEFT, RIGHT, TOP, BOTTOM = 44, 48, 16, 44
# Okabe-Ito colours that keep 3:1 against white, plus black.
COLOURS = ["#0072B2", "#D55E00", "#000000", "#009E73", "#CC79A7", "#7F3C8D"]
DASHES = ["", "8 4", "2 4", "10 4 2 4", "4 4", "12 6"]
SHAPES = ["circle", "square", "triangle", "diamond", "circle", "square"]


@dataclass
class Point:
    day: dt.date
    score: int
    x: float = 0.0
    y: float = 0.0
    path: str = ""


MARK = 5.0


def marker(shape: str, x: float, y: float) -> str:
    """An SVG path for a point: circle, square, triangle or diamond."""
    r = MARK
    if shape == "square":
        return f"M{x - r:.1f},{y - r:.1f}h{2 * r:.1f}v{2 * r:.1f}h{-2 * r:.1f}z"
    if shape == "triangle":
        return f"M{x:.1f},{y - r - 1:.1f}L{x + r + 1:.1f},{y + r:.1f}L{x - r - 1:.1f},{y + r:.1f}z"
    if shape == "diamond":
        return f"M{x:.1f},{y - r - 1:.1f}L{x + r + 1:.1f},{y:.1f}L{x:.1f},{y + r + 1:.1f}L{x - r - 1:.1f},{y:.1f}z"
    return f"M{x - r:.1f},{y:.1f}a{r:.1f},{r:.1f} 0 1,0 {2 * r:.1f},0a{r:.1f},{r:.1f} 0 1,0 {-2 * r:.1f},0"


@dataclass
class Series:
    key: str
    label: str
    perspective: str
    colour: str = ""
    dash: str = ""
    shape: str = "circle"
    points: list[Point] = field(default_factory=list)

    @property
    def polyline(self) -> str:
        return " ".join(f"{p.x:.1f},{p.y:.1f}" for p in self.points)


@dataclass(frozen=True)
class Tick:
    position: float
    label: str


@dataclass
class Chart:
    series: list[Series]
    dates: list[dt.date]
    rows: list[tuple[dt.date, list[int | None]]]
    x_ticks: list[Tick]
    y_ticks: list[Tick]
    width: int = WIDTH
    height: int = HEIGHT
    left: int = LEFT
    right_edge: int = WIDTH - RIGHT
    top: int = TOP
    bottom_edge: int = HEIGHT - BOTTOM

    @property
    def is_empty(self) -> bool:
        return not self.series


def _label(score_perspective: str, name: str) -> str:
    labels: dict[str, str] = {
        Perspective.PROFESSIONAL: _("professional"),
        Perspective.PARENT: _("parent"),
        Perspective.CHILD: _("child"),
    }
    return f"{name} ({labels.get(score_perspective, score_perspective)})"


def y_of(score: int) -> float:
    return TOP + (HEIGHT - TOP - BOTTOM) * (10 - score) / 10


def build_chart(mappings: Iterable[Mapping]) -> Chart:
    """Series per perspective and person (a professional by name), in the order
    professional, parents, children; x by date, y the 0-10 scale."""
    series: dict[str, Series] = {}
    dates: set[dt.date] = set()
    for mapping in mappings:
        dates.add(mapping.assessed_on)
        for score in mapping.scores.all():
            if score.perspective == Perspective.PROFESSIONAL:
                key = f"professional:{score.professional_name.casefold()}"
                name = score.professional_name
            else:
                assert score.person is not None
                key = f"{score.perspective}:{score.person.pk}"
                name = score.person.given_name
            entry = series.setdefault(
                key,
                Series(
                    key=key,
                    label=_label(score.perspective, name),
                    perspective=score.perspective,
                ),
            )
            entry.points = [p for p in entry.points if p.day != mapping.assessed_on]
            entry.points.append(Point(day=mapping.assessed_on, score=score.score))
    order = {Perspective.PROFESSIONAL: 0, Perspective.PARENT: 1, Perspective.CHILD: 2}
    ordered = sorted(
        series.values(),
        key=lambda s: (order.get(Perspective(s.perspective), 3), s.label),
    )
    days = sorted(dates)
    first, last = (
        (days[0], days[-1]) if days else (timezone.localdate(), timezone.localdate())
    )
    span = max((last - first).days, 1)
    plot_width = WIDTH - LEFT - RIGHT

    def x_of(day: dt.date) -> float:
        if first == last:
            return LEFT + plot_width / 2
        return LEFT + plot_width * (day - first).days / span

    for index, entry in enumerate(ordered):
        entry.colour = COLOURS[index % len(COLOURS)]
        entry.dash = DASHES[index % len(DASHES)]
        entry.shape = SHAPES[index % len(SHAPES)]
        entry.points.sort(key=lambda p: p.day)
        for point in entry.points:
            point.x = x_of(point.day)
            point.y = y_of(point.score)
            point.path = marker(entry.shape, point.x, point.y)
    rows = [
        (
            day,
            [
                next((p.score for p in entry.points if p.day == day), None)
                for entry in ordered
            ],
        )
        for day in days
    ]
    x_ticks = [Tick(position=x_of(day), label=day.strftime("%d-%m-%Y")) for day in days]
    if len(x_ticks) > 6:  # keep the labels readable: first, last and a few between
        step = (len(x_ticks) - 1) / 5
        x_ticks = [x_ticks[round(i * step)] for i in range(6)]
    y_ticks = [
        Tick(position=y_of(score), label=str(score)) for score in range(0, 11, 2)
    ]
    return Chart(
        series=ordered, dates=days, rows=rows, x_ticks=x_ticks, y_ticks=y_ticks
    )
