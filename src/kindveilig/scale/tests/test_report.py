"""The report's verdicts: growth against the logarithm, server time for youth pages."""

import json
from pathlib import Path

from django.test import override_settings

import pytest

from kindveilig.scale.report import (
    YOUTH_MAX_BYTES,
    capacity_steps,
    log_bound,
    render_block,
    sustained_capacity,
    youth_asset_bytes,
)

HEADER = (
    "Type,Name,Request Count,Failure Count,Median Response Time,"
    "Average Response Time,Min Response Time,Max Response Time,"
    "Average Content Size,Requests/s,Failures/s,50%,66%,75%,80%,90%,95%\n"
)
DETAIL = "/trajecten/2f1d4a60-0d6f-4a53-9d4b-7f2b1b0a9c11/"


def _size(root: Path, trajectories: int, server: dict[str, int], sql_ms: float) -> None:
    run = root / str(trajectories)
    run.mkdir(parents=True)
    (run / "meta.json").write_text(json.dumps({"trajectories": trajectories}))
    (run / "locust_stats.csv").write_text(
        HEADER
        + "GET,start page,10,0,20,22,10,40,9000,5.0,0,20,21,22,23,30,35\n"
        + "GET,trajectory detail,10,0,20,22,10,40,9000,5.0,0,20,21,22,23,30,35\n"
        # The user waited long for the youth pages (queueing on the load generator's
        # machine), but the server's own time decides their target.
        + "GET,youth: start page,10,0,30,30,10,90,3000,5.0,0,30,30,30,30,80,90\n"
        + "GET,youth: help lines,10,0,5,5,1,9,6000,5.0,0,5,5,5,5,6,8\n"
    )
    lines = []
    for path, millis in (
        ("/", server["start"]),
        (DETAIL, server["detail"]),
        ("/praat/nl/", 15),
        ("/praat/nl/hulplijnen/", 25),
    ):
        lines += [f"GET\t{path}\t200\t{millis}\t100\n"] * 5
    (run / "access.log").write_text("".join(lines))
    (run / "explain.json").write_text(
        json.dumps(
            {
                "queries": [
                    {
                        "name": "trajectory list: page of 50",
                        "execution_ms": sql_ms,
                        "planning_ms": 0.1,
                        "plan_top": "Index Scan",
                    }
                ]
            }
        )
    )


def test_the_log_bound_over_the_national_sizes() -> None:
    assert log_bound(10_000, 1_000_000) == pytest.approx(1.5)
    assert log_bound(1_000_000, 1_000_000) == 1.0


@override_settings(ROOT_URLCONF="kindveilig.scale.bench_urls")
def test_growth_faster_than_log_is_marked_and_youth_is_judged_on_server_time(
    tmp_path: Path,
) -> None:
    root = tmp_path / "run"
    _size(root, 10_000, {"start": 10, "detail": 10}, sql_ms=0.5)
    _size(root, 1_000_000, {"start": 12, "detail": 40}, sql_ms=30.0)
    text = render_block("bench", root)
    # The start page grew 1.2 times (within 1.5), the detail page 4 times, by 30 ms.
    assert _row(text, "| start page | 10 (10)").endswith("| 1.2× | yes |")
    assert _row(text, "| trajectory detail | 10 (10)").endswith("| 4.0× | **no** |")
    sql = _row(text, "| trajectory list: page of 50 |")
    assert sql.endswith("| 60.0× | **no** |")
    # Youth start: the user waited 90 ms at p95, the server 15 ms: met.
    assert _row(text, "| youth: start page | p95 < 20").endswith("| met |")
    # Help lines: the user waited 8 ms, but the server needed 25 ms: missed.
    assert _row(text, "| youth: help lines | p95 < 20").endswith("| **missed** |")
    # The page weight counts the CSS and script as well as the HTML (2.9 KB).
    assets = youth_asset_bytes()
    assert f"2.9 KB HTML + {assets / 1024:.1f} KB CSS and script = " in _row(
        text, "| youth: start page | p95 < 20 ms, < 20 KB"
    )


@override_settings(ROOT_URLCONF="kindveilig.scale.bench_urls")
def test_the_report_weighs_every_youth_page_per_language(tmp_path: Path) -> None:
    root = tmp_path / "run"
    _size(root, 10_000, {"start": 10, "detail": 10}, sql_ms=0.5)
    weights = [
        {"page": "write", "language": "nl", "html_bytes": 5000, "asset_bytes": 14000},
        {"page": "write", "language": "ar", "html_bytes": 6000, "asset_bytes": 14000},
        {"page": "start", "language": "nl", "html_bytes": 3000, "asset_bytes": 12000},
        {"page": "start", "language": "ar", "html_bytes": 9000, "asset_bytes": 12000},
    ]
    (root / "youth_weights.json").write_text(json.dumps(weights))
    text = render_block("bench", root)
    assert "| Page | nl | ar | Within budget? |" in text
    # 19,000 and 20,000 bytes: under 20 KB (20,480) in both languages.
    assert _row(text, "| write |") == "| write | 18.6 | 19.5 | met |"
    # 21,000 bytes in Arabic: one language over the budget fails the page.
    assert _row(text, "| start |") == "| start | 14.6 | 20.5 | **missed** |"


def test_without_weights_the_report_has_no_weight_table(tmp_path: Path) -> None:
    root = tmp_path / "run"
    _size(root, 10_000, {"start": 10, "detail": 10}, sql_ms=0.5)
    with override_settings(ROOT_URLCONF="kindveilig.scale.bench_urls"):
        assert "weight per language" not in render_block("bench", root)


def _monitor(dashboard_p95: float, letter: float) -> dict[str, object]:
    return {
        "region_municipalities": 3, "region_organisations": 120,
        "window_trajectories": 500, "full_seconds": 4.2, "full_counts": 900,
        "full_figures": 30000, "incremental_seconds": 0.31, "incremental_cells": 1,
        "incremental_counts": 1, "incremental_figures": 40, "idle_seconds": 0.05,
        "repeat": 20,
        "dashboard": {
            "region, latest month": {"median_ms": 80.0, "p95_ms": 90.0, "bytes": 1},
            "CSV, all figures of the year": {
                "median_ms": 100.0, "p95_ms": dashboard_p95, "bytes": 1,
            },
        },
        "letters": {"region, latest month": 2.0, "region, year": letter},
    }  # fmt: skip


@override_settings(ROOT_URLCONF="kindveilig.scale.bench_urls")
def test_the_monitor_has_rows_at_every_size(tmp_path: Path) -> None:
    root = tmp_path / "run"
    _size(root, 10_000, {"start": 10, "detail": 10}, sql_ms=0.5)
    _size(root, 1_000_000, {"start": 12, "detail": 40}, sql_ms=0.6)
    (root / "10000" / "monitor.json").write_text(json.dumps(_monitor(120.0, 3.0)))
    (root / "1000000" / "monitor.json").write_text(json.dumps(_monitor(650.0, 4.5)))
    text = render_block("bench", root)
    # The targets at the largest size: the slowest filter and the slowest letter.
    assert _row(text, "| monitor dashboard, slowest of its filters").endswith(
        "| **missed** |"
    )
    assert "CSV, all figures of the year | < 500 ms" in text
    assert _row(text, "| raadsinformatiebrief, slowest letter").endswith("| met |")
    # Every size has its row per filter and per letter.
    assert _row(text, "| dashboard: CSV, all figures of the year,") == (
        "| dashboard: CSV, all figures of the year, p95 (median) ms "
        "| 120 (100) | 650 (100) |"
    )
    assert _row(text, "| letter: region, year, seconds") == (
        "| letter: region, year, seconds | 3.0 s | 4.5 s |"
    )
    assert _row(text, "| refresh, incremental after a small change").endswith(
        "| 0.31 s (1, 1, 40) | 0.31 s (1, 1, 40) |"
    )


@override_settings(ROOT_URLCONF="kindveilig.scale.bench_urls")
def test_a_run_without_the_monitor_says_so(tmp_path: Path) -> None:
    root = tmp_path / "run"
    _size(root, 10_000, {"start": 10, "detail": 10}, sql_ms=0.5)
    (root / "10000" / "monitor.json").write_text("null")  # bench_monitor failed
    text = render_block("bench", root)
    assert _row(text, "| monitor dashboard, slowest").endswith("| not measured |")
    assert (
        _row(text, "| refresh, nothing changed") == "| refresh, nothing changed | – |"
    )


def test_the_youth_assets_leave_room_for_the_html() -> None:
    assert youth_asset_bytes() < YOUTH_MAX_BYTES - 6 * 1024


def _row(text: str, prefix: str) -> str:
    rows = [line for line in text.splitlines() if line.startswith(prefix)]
    assert len(rows) == 1, (prefix, rows)
    return rows[0]


def test_the_audit_writer_curve_has_both_modes_per_writer_count(
    tmp_path: Path,
) -> None:
    root = tmp_path / "run"
    _size(root, 10_000, {"start": 10, "detail": 10}, sql_ms=0.5)
    runs = [
        {"writers": n, "same_organisation": same, "writes_per_second": rate,
         "p95_ms": p95, "median_ms": 1.0, "writes": 1, "seconds": 5.0}
        for n, same, rate, p95 in (
            (1, False, 400.0, 3.0), (8, False, 1500.4, 9.0),
            (1, True, 410.0, 3.1), (8, True, 420.0, 40.25),
        )
    ]  # fmt: skip
    (root / "audit_writers.json").write_text(json.dumps(runs))
    with override_settings(ROOT_URLCONF="kindveilig.scale.bench_urls"):
        text = render_block("bench", root)
    assert _row(text, "| 8 |") == "| 8 | 1500 | 9.0 | 420 | 40.2 |"
    assert _row(text, "| 1 |") == "| 1 | 400 | 3.0 | 410 | 3.1 |"


def test_capacity_is_the_last_step_within_twice_the_lowest_p95(tmp_path: Path) -> None:
    root = tmp_path / "run"
    _size(root, 10_000, {"start": 10, "detail": 10}, sql_ms=0.5)
    size_dir = root / "10000"
    for users, rps, p95, failures in (
        (20, 4.0, 90, 0),  # a few requests, one slow: not the unloaded p95
        (50, 10.0, 40, 0),
        (100, 20.0, 60, 0),
        (200, 38.5, 80, 0),  # exactly twice the first p95: still within
        (300, 45.0, 150, 0),  # beyond: the p95 has doubled
        (400, 50.0, 70, 3),  # failures do not count
    ):
        (size_dir / f"capacity-{users}_stats.csv").write_text(
            HEADER
            + f"GET,start page,10,0,20,22,10,40,9000,{rps},0,20,21,22,23,30,{p95}\n"
            + f",Aggregated,100,{failures},20,22,10,40,9000,{rps},0,20,21,22,23,30,"
            f"{p95}\n"
        )
    steps = capacity_steps(size_dir)
    assert [users for users, _m in steps] == [20, 50, 100, 200, 300, 400]
    assert sustained_capacity(steps) == 38.5
    with override_settings(ROOT_URLCONF="kindveilig.scale.bench_urls"):
        text = render_block("bench", root)
    assert "**38.5 req/s**" in text
    assert _row(text, "| 300 |") == "| 300 | 45.0 | 20 ms | 150 ms | 0 | no |"


def test_the_signal_registration_miss_names_its_statements_and_their_time(
    tmp_path: Path,
) -> None:
    root = tmp_path / "run"
    _size(root, 10_000, {"start": 10, "detail": 10}, sql_ms=0.5)
    (root / "10000" / "signals.json").write_text(
        json.dumps(
            {
                "count": 200,
                "without_match_median_ms": 6.0,
                "without_match_p95_ms": 7.0,
                "with_match_median_ms": 9.5,
                "with_match_p95_ms": 11.0,
                "with_match_statements": 12,
                "with_match_sql_median_ms": 4.25,
            }
        )
    )
    with override_settings(ROOT_URLCONF="kindveilig.scale.bench_urls"):
        text = render_block("bench", root)
    assert "| 9.5 ms | 11.0 ms |" in text
    assert (
        "sends 12 statements; they take 4.2 ms of its 9.5 ms median in the database "
        "driver, the other 5.2 ms are Python" in text
    )
