"""Line charts over time, drawn on the server as SVG: no JavaScript, no library.

The monitor's coverage trend and a household's safety scale both use this. An
app turns its own figures into a ``Chart``: a ``Frame`` (the canvas and the
margins around the plot), ticks on both axes, and one ``Series`` per line whose
``Point`` objects carry their coordinates. The app's template draws it, inside
``{% localize off %}`` so that no decimal comma ends up in a coordinate.

Each series has its own colour, dash pattern *and* marker shape (``LineStyle``),
so the lines can be told apart without colour; the pages also show the same
figures as a table.
"""

import datetime as dt
from dataclasses import dataclass

from django.utils.functional import Promise

__all__ = [
    "Bar",
    "BarChart",
    "Chart",
    "DayTick",
    "Frame",
    "LineStyle",
    "Point",
    "Series",
    "Tick",
    "bar_chart",
    "marker_path",
]


@dataclass(frozen=True)
class Frame:
    """The canvas in pixels, and the margins between its edges and the plot."""

    width: int
    height: int
    left: int
    right: int
    top: int
    bottom: int

    @property
    def right_edge(self) -> int:
        return self.width - self.right

    @property
    def bottom_edge(self) -> int:
        return self.height - self.bottom

    @property
    def plot_width(self) -> int:
        return self.width - self.left - self.right

    @property
    def plot_height(self) -> int:
        return self.height - self.top - self.bottom

    def x_of(self, position: float, last: float) -> float:
        """x for a position from 0 to ``last`` along the time axis; when there is
        nothing to spread out (``last`` is 0) the point sits in the middle."""
        if not last:
            return self.left + self.plot_width / 2
        return self.left + self.plot_width * position / last

    def y_of(self, value: float, maximum: float) -> float:
        """y for a value from 0 (the bottom of the plot) to ``maximum`` (its top)."""
        return self.top + self.plot_height * (maximum - value) / maximum


@dataclass(frozen=True)
class LineStyle:
    colour: str
    dash: str  # stroke-dasharray; empty for a solid line
    shape: str  # the marker: circle, square, triangle or diamond


def marker_path(shape: str, x: float, y: float, size: float) -> str:
    """The marker centred on (x, y) as one SVG path; ``size`` is half its width."""
    r = size
    if shape == "square":
        return f"M{x - r:.1f},{y - r:.1f}h{2 * r:.1f}v{2 * r:.1f}h{-2 * r:.1f}z"
    if shape == "triangle":
        return f"M{x:.1f},{y - r - 1:.1f}L{x + r + 1:.1f},{y + r:.1f}L{x - r - 1:.1f},{y + r:.1f}z"
    if shape == "diamond":
        return f"M{x:.1f},{y - r - 1:.1f}L{x + r + 1:.1f},{y:.1f}L{x:.1f},{y + r + 1:.1f}L{x - r - 1:.1f},{y:.1f}z"
    return f"M{x - r:.1f},{y:.1f}a{r:.1f},{r:.1f} 0 1,0 {2 * r:.1f},0a{r:.1f},{r:.1f} 0 1,0 {-2 * r:.1f},0"


@dataclass(frozen=True)
class Point:
    """One value on one day, where it is drawn, and its marker."""

    day: dt.date
    value: int
    x: float
    y: float
    shape: str
    size: float  # half the marker's width

    @property
    def path(self) -> str:
        """The marker as an SVG path."""
        return marker_path(self.shape, self.x, self.y, self.size)

    # The same marker as <rect> and <polygon> attributes.

    @property
    def square_x(self) -> float:
        return round(self.x - self.size, 1)

    @property
    def square_y(self) -> float:
        return round(self.y - self.size, 1)

    @property
    def diamond_points(self) -> str:
        d = self.size + 1
        x, y = self.x, self.y
        return (
            f"{x:.1f},{y - d:.1f} {x + d:.1f},{y:.1f} "
            f"{x:.1f},{y + d:.1f} {x - d:.1f},{y:.1f}"
        )


@dataclass(frozen=True)
class Series:
    key: str
    label: str | Promise
    style: LineStyle
    points: list[Point]

    @property
    def polyline(self) -> str:
        """The line through the points, as a polyline's points attribute."""
        return " ".join(f"{p.x:.1f},{p.y:.1f}" for p in self.points)


@dataclass(frozen=True)
class Tick:
    """A tick on the value axis, with its label."""

    position: float
    label: str


@dataclass(frozen=True)
class DayTick:
    """A tick on the time axis; the template formats the day in the reader's
    language."""

    position: float
    day: dt.date


@dataclass(frozen=True)
class Chart:
    frame: Frame
    series: list[Series]
    x_ticks: list[DayTick]
    y_ticks: list[Tick]

    @property
    def is_empty(self) -> bool:
        return not self.series


@dataclass(frozen=True)
class Bar:
    """One horizontal bar. ``value`` None: not shown (too small or protected);
    the bar is then absent and ``text`` says why."""

    label: str
    value: int | None
    text: str
    y: float
    width: float
    height: float


@dataclass(frozen=True)
class BarChart:
    frame: Frame
    bars: list[Bar]

    @property
    def bar_height(self) -> float:
        return self.bars[0].height if self.bars else 0


BAR_FRAME = Frame(width=640, height=0, left=220, right=64, top=8, bottom=8)
BAR_ROW = 28


def bar_chart(rows: list[tuple[str, int | None, str]]) -> BarChart:
    """Horizontal bars for (label, value or None, text) rows, longest = full
    width. The monitor's figures use it; the page shows the same as a table."""
    frame = Frame(
        width=BAR_FRAME.width,
        height=BAR_FRAME.top + BAR_FRAME.bottom + BAR_ROW * len(rows),
        left=BAR_FRAME.left,
        right=BAR_FRAME.right,
        top=BAR_FRAME.top,
        bottom=BAR_FRAME.bottom,
    )
    largest = max((v for _l, v, _t in rows if v), default=0)
    bars = [
        Bar(
            label=label,
            value=value,
            text=text,
            y=frame.top + BAR_ROW * i + 4,
            width=round(frame.plot_width * (value or 0) / largest, 1) if largest else 0,
            height=BAR_ROW - 8,
        )
        for i, (label, value, text) in enumerate(rows)
    ]
    return BarChart(frame=frame, bars=bars)
