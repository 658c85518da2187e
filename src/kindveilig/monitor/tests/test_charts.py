"""The trend chart's geometry: percentages to coordinates, labels thinned out."""

import datetime as dt

from kindveilig.monitor.charts import FRAME, TrendPoint, trend_chart
from kindveilig.readiness.expiry import add_months


def point(month: dt.date, organisations: int, meldcode: int) -> TrendPoint:
    return TrendPoint(
        month=month,
        organisations=organisations,
        with_meldcode=meldcode,
        with_trained_af=0,
        with_recent_attention=organisations,
        with_all=0,
    )


def test_no_points_no_chart() -> None:
    assert trend_chart([]) is None


def test_percentages_map_onto_the_plot_area() -> None:
    chart = trend_chart(
        [point(dt.date(2026, 1, 1), 4, 1), point(dt.date(2026, 2, 1), 4, 4)]
    )
    assert chart is not None
    meldcode, trained, attention = chart.series
    assert [m.value for m in meldcode.points] == [25, 100]
    first, last = meldcode.points
    assert (first.x, last.x) == (FRAME.left, FRAME.right_edge)
    assert last.y == FRAME.top  # 100% at the top
    assert trained.points[0].y == FRAME.bottom_edge  # 0% at the bottom
    assert meldcode.polyline == f"{first.x},{first.y} {last.x},{last.y}"
    assert attention.style.shape == "diamond"
    assert attention.points[0].diamond_points.count(",") == 4
    assert [tick.label for tick in chart.y_ticks] == ["0%", "25%", "50%", "75%", "100%"]


def test_a_single_month_sits_in_the_middle_and_empty_months_count_zero() -> None:
    chart = trend_chart([point(dt.date(2026, 1, 1), 0, 0)])
    assert chart is not None
    assert chart.series[0].points[0].x == FRAME.left + FRAME.plot_width / 2
    assert chart.series[0].points[0].value == 0


def test_at_most_six_month_labels() -> None:
    points = [point(add_months(dt.date(2024, 7, 1), i), 2, 1) for i in range(24)]
    chart = trend_chart(points)
    assert chart is not None
    assert len(chart.x_ticks) == 6
    assert chart.x_ticks[0].day == dt.date(2024, 7, 1)
