"""The safety scale over time, per perspective, as a line chart
(``kindveilig.core.charts``) with the same numbers in a table beside it.

Each series has its own colour *and* its own dash pattern and point shape, so
the chart does not depend on colour alone.
"""

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from kindveilig.core.charts import Chart, DayTick, Frame, LineStyle, Point, Series, Tick

from .models import Mapping, Perspective, SafetyScore

FRAME = Frame(width=640, height=300, left=44, right=48, top=16, bottom=44)
MARKER_SIZE = 5.0
MAX_X_LABELS = 6
# Okabe-Ito colours that keep 3:1 against white, plus black; series take them in turn.
STYLES = [
    LineStyle(colour="#0072B2", dash="", shape="circle"),
    LineStyle(colour="#D55E00", dash="8 4", shape="square"),
    LineStyle(colour="#000000", dash="2 4", shape="triangle"),
    LineStyle(colour="#009E73", dash="10 4 2 4", shape="diamond"),
    LineStyle(colour="#CC79A7", dash="4 4", shape="circle"),
    LineStyle(colour="#7F3C8D", dash="12 6", shape="square"),
]
ORDER = {Perspective.PROFESSIONAL: 0, Perspective.PARENT: 1, Perspective.CHILD: 2}

Row = tuple[dt.date, list[int | None]]


@dataclass(frozen=True)
class ScaleChart(Chart):
    """The chart, and its numbers as a table: per assessment date, each series'
    score (None when that person was not scored that day)."""

    rows: list[Row]


@dataclass
class _Scores:
    """One person's scores by date, gathered from the mappings."""

    perspective: str
    label: str
    by_day: dict[dt.date, int] = field(default_factory=dict)


def _label(score_perspective: str, name: str) -> str:
    labels: dict[str, str] = {
        Perspective.PROFESSIONAL: _("professional"),
        Perspective.PARENT: _("parent"),
        Perspective.CHILD: _("child"),
    }
    return f"{name} ({labels.get(score_perspective, score_perspective)})"


def y_of(score: int) -> float:
    return FRAME.y_of(score, maximum=10)


def _whose(score: SafetyScore) -> tuple[str, str]:
    """The series a score belongs to, and the name in its label: a professional
    by name, anyone else as the household member."""
    if score.perspective == Perspective.PROFESSIONAL:
        return (
            f"professional:{score.professional_name.casefold()}",
            score.professional_name,
        )
    assert score.person is not None
    return f"{score.perspective}:{score.person.pk}", score.person.given_name


def _scores_per_person(
    mappings: Iterable[Mapping],
) -> tuple[list[dt.date], list[tuple[str, _Scores]]]:
    """The assessment dates, and the scores per series in the order professional,
    parents, children (by label). A later mapping on the same day counts."""
    people: dict[str, _Scores] = {}
    days: set[dt.date] = set()
    for mapping in mappings:
        days.add(mapping.assessed_on)
        for score in mapping.scores.all():
            key, name = _whose(score)
            scores = people.setdefault(
                key, _Scores(score.perspective, _label(score.perspective, name))
            )
            scores.by_day[mapping.assessed_on] = score.score

    def order(item: tuple[str, _Scores]) -> tuple[int, str]:
        return ORDER.get(Perspective(item[1].perspective), 3), item[1].label

    return sorted(days), sorted(people.items(), key=order)


def build_chart(mappings: Iterable[Mapping]) -> ScaleChart:
    """Series per perspective and person (a professional by name), in the order
    professional, parents, children; x by date, y the 0-10 scale."""
    days, people = _scores_per_person(mappings)

    def x_of(day: dt.date) -> float:
        return FRAME.x_of((day - days[0]).days, last=(days[-1] - days[0]).days)

    series = []
    for index, (key, scores) in enumerate(people):
        style = STYLES[index % len(STYLES)]
        points = [
            Point(
                day=day,
                value=score,
                x=x_of(day),
                y=y_of(score),
                shape=style.shape,
                size=MARKER_SIZE,
            )
            for day, score in sorted(scores.by_day.items())
        ]
        series.append(Series(key=key, label=scores.label, style=style, points=points))
    x_ticks = [DayTick(position=x_of(day), day=day) for day in days]
    if len(x_ticks) > MAX_X_LABELS:  # readable labels: first, last, some between
        step = (len(x_ticks) - 1) / (MAX_X_LABELS - 1)
        x_ticks = [x_ticks[round(i * step)] for i in range(MAX_X_LABELS)]
    return ScaleChart(
        frame=FRAME,
        series=series,
        x_ticks=x_ticks,
        y_ticks=[
            Tick(position=y_of(score), label=str(score)) for score in range(0, 11, 2)
        ],
        rows=[(day, [s.by_day.get(day) for _key, s in people]) for day in days],
    )
