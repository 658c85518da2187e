"""A line chart drawn on the server as SVG: no JavaScript, no external library.

``trend_chart`` turns monthly points into coordinates; the template draws them.
Each line has its own colour, dash pattern and marker shape, so the lines can be
told apart without colour; the page also shows the same figures as a table.
"""

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

WIDTH = 640
HEIGHT = 280
LEFT, RIGHT, TOP, BOTTOM = 48, 36, 16, 44
MAX_X_LABELS = 6


@dataclass(frozen=True)
class TrendPoint:
    month: date
    organisations: int
    with_meldcode: int
    with_trained_af: int
    with_recent_attention: int
    with_all: int

    @staticmethod
    def percentage(part: int, whole: int) -> int:
        return round(100 * part / whole) if whole else 0

    @property
    def pct_meldcode(self) -> int:
        return self.percentage(self.with_meldcode, self.organisations)

    @property
    def pct_trained_af(self) -> int:
        return self.percentage(self.with_trained_af, self.organisations)

    @property
    def pct_recent_attention(self) -> int:
        return self.percentage(self.with_recent_attention, self.organisations)

    @property
    def pct_all(self) -> int:
        return self.percentage(self.with_all, self.organisations)


MARKER_SIZE = 4


@dataclass(frozen=True)
class Marker:
    x: float
    y: float
    month: date
    value: int

    @property
    def square_x(self) -> float:
        return round(self.x - MARKER_SIZE, 1)

    @property
    def square_y(self) -> float:
        return round(self.y - MARKER_SIZE, 1)

    @property
    def diamond_points(self) -> str:
        d = MARKER_SIZE + 1
        x, y = self.x, self.y
        return (
            f"{x},{round(y - d, 1)} {round(x + d, 1)},{y} "
            f"{x},{round(y + d, 1)} {round(x - d, 1)},{y}"
        )


@dataclass(frozen=True)
class Series:
    key: str
    label: str | Promise
    stroke: str
    dash: str  # stroke-dasharray; empty for a solid line
    marker: str  # circle, square or diamond
    points: str  # the polyline's points attribute
    markers: list[Marker]


@dataclass(frozen=True)
class Tick:
    position: float
    label: str


@dataclass(frozen=True)
class MonthTick:
    position: float
    month: date


@dataclass(frozen=True)
class Chart:
    width: int
    height: int
    left: int
    right: int
    top: int
    bottom: int
    series: list[Series]
    y_ticks: list[Tick]
    x_ticks: list[MonthTick]


# key, label, colour, dash pattern, marker shape, value of a point
SERIES: list[tuple[str, str | Promise, str, str, str, Callable[[TrendPoint], int]]] = [
    (
        "meldcode",
        _("Adopted meldcode"),
        "#00568b",
        "",
        "circle",
        lambda p: p.pct_meldcode,
    ),
    (
        "trained",
        _("Trained aandachtsfunctionaris"),
        "#5115ef",
        "8 4",
        "square",
        lambda p: p.pct_trained_af,
    ),
    (
        "attention",
        _("Staff attention in the last 12 months"),
        "#0b6b3a",
        "2 4",
        "diamond",
        lambda p: p.pct_recent_attention,
    ),
]


def trend_chart(points: Sequence[TrendPoint]) -> Chart | None:
    """Coordinates for the percentages per month (0–100%); None without data."""
    if not points:
        return None
    plot_width = WIDTH - LEFT - RIGHT
    plot_height = HEIGHT - TOP - BOTTOM

    def x_of(index: int) -> float:
        if len(points) == 1:
            return LEFT + plot_width / 2
        return round(LEFT + plot_width * index / (len(points) - 1), 1)

    def y_of(percentage: int) -> float:
        return round(TOP + plot_height * (100 - percentage) / 100, 1)

    series = []
    for key, label, stroke, dash, marker, value in SERIES:
        markers = [
            Marker(x=x_of(i), y=y_of(value(p)), month=p.month, value=value(p))
            for i, p in enumerate(points)
        ]
        series.append(
            Series(
                key=key,
                label=label,
                stroke=stroke,
                dash=dash,
                marker=marker,
                points=" ".join(f"{m.x},{m.y}" for m in markers),
                markers=markers,
            )
        )
    step = max(1, -(-len(points) // MAX_X_LABELS))  # ceiling division
    return Chart(
        width=WIDTH,
        height=HEIGHT,
        left=LEFT,
        right=WIDTH - RIGHT,
        top=TOP,
        bottom=HEIGHT - BOTTOM,
        series=series,
        y_ticks=[Tick(position=y_of(v), label=f"{v}%") for v in (0, 25, 50, 75, 100)],
        x_ticks=[
            MonthTick(position=x_of(i), month=p.month)
            for i, p in enumerate(points)
            if i % step == 0
        ],
    )
