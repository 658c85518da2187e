"""The coverage trend as a line chart: the percentage of organisations per
month with the meldcode, a trained aandachtsfunctionaris and recent staff
attention, one line each. ``trend_chart`` turns the monthly points into
coordinates (``kindveilig.core.charts``); the coverage template draws them, and
the page shows the same figures as a table.
"""

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from kindveilig.core.charts import Chart, DayTick, Frame, LineStyle, Point, Series, Tick

FRAME = Frame(width=640, height=280, left=48, right=36, top=16, bottom=44)
MARKER_SIZE = 4
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


# key, label, style, value of a point
SERIES: list[tuple[str, str | Promise, LineStyle, Callable[[TrendPoint], int]]] = [
    (
        "meldcode",
        _("Adopted meldcode"),
        LineStyle(colour="#00568b", dash="", shape="circle"),
        lambda p: p.pct_meldcode,
    ),
    (
        "trained",
        _("Trained aandachtsfunctionaris"),
        LineStyle(colour="#5115ef", dash="8 4", shape="square"),
        lambda p: p.pct_trained_af,
    ),
    (
        "attention",
        _("Staff attention in the last 12 months"),
        LineStyle(colour="#0b6b3a", dash="2 4", shape="diamond"),
        lambda p: p.pct_recent_attention,
    ),
]


def trend_chart(points: Sequence[TrendPoint]) -> Chart | None:
    """Coordinates for the percentages per month (0–100%); None without data."""
    if not points:
        return None

    def x_of(index: int) -> float:
        return round(FRAME.x_of(index, last=len(points) - 1), 1)

    def y_of(percentage: int) -> float:
        return round(FRAME.y_of(percentage, maximum=100), 1)

    series = [
        Series(
            key=key,
            label=label,
            style=style,
            points=[
                Point(
                    day=p.month,
                    value=value(p),
                    x=x_of(i),
                    y=y_of(value(p)),
                    shape=style.shape,
                    size=MARKER_SIZE,
                )
                for i, p in enumerate(points)
            ],
        )
        for key, label, style, value in SERIES
    ]
    step = max(1, -(-len(points) // MAX_X_LABELS))  # ceiling division
    return Chart(
        frame=FRAME,
        series=series,
        y_ticks=[Tick(position=y_of(v), label=f"{v}%") for v in (0, 25, 50, 75, 100)],
        x_ticks=[
            DayTick(position=x_of(i), day=p.month)
            for i, p in enumerate(points)
            if i % step == 0
        ],
    )
