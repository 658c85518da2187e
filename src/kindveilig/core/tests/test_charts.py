"""The shared chart geometry: values onto the plot area, and markers that keep
their shape whatever way they are drawn."""

import datetime as dt

from kindveilig.core.charts import Chart, Frame, LineStyle, Point, Series, marker_path

FRAME = Frame(width=200, height=120, left=20, right=10, top=10, bottom=30)


def test_the_frame_maps_values_onto_the_plot_area() -> None:
    assert (FRAME.right_edge, FRAME.bottom_edge) == (190, 90)
    assert FRAME.x_of(0, last=4) == FRAME.left
    assert FRAME.x_of(4, last=4) == FRAME.right_edge
    assert FRAME.x_of(0, last=0) == FRAME.left + FRAME.plot_width / 2
    assert FRAME.y_of(0, maximum=10) == FRAME.bottom_edge
    assert FRAME.y_of(10, maximum=10) == FRAME.top


def test_every_shape_is_a_closed_path_around_its_point() -> None:
    assert marker_path("square", 50, 40, 5) == "M45.0,35.0h10.0v10.0h-10.0z"
    assert (
        marker_path("diamond", 50, 40, 5) == "M50.0,34.0L56.0,40.0L50.0,46.0L44.0,40.0z"
    )
    assert marker_path("triangle", 50, 40, 5).endswith("z")
    assert marker_path("circle", 50, 40, 5).startswith("M45.0,40.0a5.0,5.0")


def test_a_point_gives_the_same_marker_as_rect_and_polygon() -> None:
    point = Point(
        day=dt.date(2026, 1, 1), value=3, x=50.0, y=40.0, shape="diamond", size=4
    )
    assert (point.square_x, point.square_y) == (46.0, 36.0)
    assert point.diamond_points == "50.0,35.0 55.0,40.0 50.0,45.0 45.0,40.0"
    assert point.path == marker_path("diamond", 50.0, 40.0, 4)


def test_a_series_is_one_polyline_and_a_chart_without_series_is_empty() -> None:
    style = LineStyle(colour="#000000", dash="", shape="circle")
    points = [
        Point(
            day=dt.date(2026, 1, d),
            value=d,
            x=20.0 + d,
            y=50.0,
            shape="circle",
            size=4,
        )
        for d in (1, 2)
    ]
    series = Series(key="a", label="A", style=style, points=points)
    assert series.polyline == "21.0,50.0 22.0,50.0"
    assert Chart(frame=FRAME, series=[], x_ticks=[], y_ticks=[]).is_empty
    assert not Chart(frame=FRAME, series=[series], x_ticks=[], y_ticks=[]).is_empty
