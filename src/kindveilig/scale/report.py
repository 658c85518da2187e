"""Turn a benchmark run (locust CSVs, EXPLAIN timings, generation output) into the
tables of docs/performance.md. Only the block between the run's markers is
replaced, so the hand-written text around it stays."""

import csv
import json
import math
import os
import platform
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from .serverlog import server_times

__all__ = ["Measurement", "render_block", "write_report"]

FLOOR = "floor: bare Django view + base template"
PROFESSIONAL_PAGES = (
    "start page",
    "trajectory list",
    "trajectory detail",
    "trajectory chronology",
    "person list",
    "search a child",
    "household timeline",
    "access log",
    "API trajectory list",
    "API detail",
    "add observation (GET form)",
    "add observation (POST)",
    "KS: the nurse's follow-up list",
    "KS: signal detail",
    "KS: record a contact moment (GET form)",
    "KS: record a contact moment (POST)",
)
YOUTH_PAGES = ("youth: start page", "youth: help lines")
PROFESSIONAL_P95_MS = 100
# Issue 17: median and p95 each at most twice the floor's (issue 7: three times the p95).
FLOOR_FACTOR = 2
YOUTH_P95_MS = 20
# A youth page with its CSS and script, uncompressed (docs/frontend.md, "Page weight").
YOUTH_MAX_BYTES = 20 * 1024
# What the benched youth pages (the start page and the help lines: the default
# page group of templates/public/base.html) load besides their HTML.
YOUTH_ASSETS = ("vendor/nlds/nlds-public.css", "css/public.css", "js/quick-exit.js")
STATIC_DIR = Path(__file__).resolve().parent.parent / "static"
# Signal registration with a match, p95 (issue 17; issue 7 had 10 ms).
SIGNAL_MS = 5
# The monitor (issue 15): any dashboard filter, and a raadsinformatiebrief.
DASHBOARD_MS = 500
LETTER_SECONDS = 10
# Differences below these are noise on a shared two-core machine, not growth.
SLACK_MS = 5.0
SQL_SLACK_MS = 1.0
# Generated rows shown next to the sizes (labels as generate_population prints them).
GENERATED = (
    ("households.household", "Households"),
    ("youthmessages.youthconversation", "Youth conversations"),
    ("chain.signal", "Signals"),
)


@dataclass(frozen=True)
class Measurement:
    name: str
    requests: int
    failures: int
    median_ms: float
    p95_ms: float
    rps: float
    avg_bytes: float


def read_locust(path: Path) -> dict[str, Measurement]:
    result: dict[str, Measurement] = {}
    if not path.exists():
        return result
    with path.open(newline="") as handle:
        for row in csv.DictReader(handle):
            name = "all requests" if row["Name"] == "Aggregated" else row["Name"]
            result[name] = Measurement(
                name=name,
                requests=int(row["Request Count"]),
                failures=int(row["Failure Count"]),
                median_ms=float(row["Median Response Time"] or 0),
                p95_ms=float(row["95%"] or 0),
                rps=float(row["Requests/s"] or 0),
                avg_bytes=float(row["Average Content Size"] or 0),
            )
    return result


def _generated(path: Path) -> dict[str, int]:
    """The rows per table that ``generate_population`` printed for one step."""
    counts: dict[str, int] = {}
    if path.exists():
        for line in path.read_text().splitlines():
            label, _tab, count = line.partition("\t")
            if count.strip().isdigit():
                counts[label] = int(count)
    return counts


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        for line in cpuinfo.read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    memory = ""
    meminfo = Path("/proc/meminfo")
    if meminfo.exists():
        kib = int(meminfo.read_text().split()[1])
        memory = f"{kib / 1024 / 1024:.0f} GiB RAM"
    return (
        f"{os.cpu_count()} cores ({cpu}), {memory}, Python {platform.python_version()}"
    )


def _ok(met: bool) -> str:
    return "met" if met else "**missed**"


def _size_label(meta: dict[str, Any]) -> str:
    return f"{meta.get('trajectories', 0):,} trajectories"


def log_bound(smallest: int, largest: int) -> float:
    """How much a cost of c·log(n) grows from the smallest to the largest size."""
    if smallest <= 1 or largest <= smallest:
        return 1.0
    return math.log(largest) / math.log(smallest)


def _growth(first: float, last: float, bound: float, slack: float) -> str:
    """'ratio | verdict': faster than log only if beyond the bound and the noise."""
    ratio = last / first if first else 0.0
    faster = last > first * bound + slack
    return f"{ratio:.1f}× | {'**no**' if faster else 'yes'}"


def _server(server: dict[str, dict[str, float]], name: str) -> str:
    own = server.get(name)
    return f"{own['median_ms']:.0f} / {own['p95_ms']:.0f} ms" if own else "–"


@dataclass(frozen=True)
class _Run:
    """A benchmark run's files, one entry per size, smallest first."""

    sizes: list[Path]
    metas: list[dict[str, Any]]
    stats: list[dict[str, Measurement]]
    servers: list[dict[str, dict[str, float]]]
    explains: list[dict[str, Any]]
    monitors: list[dict[str, Any] | None]

    @property
    def bound(self) -> float:
        """How much a logarithmic cost may grow from the smallest size to the
        largest."""
        return log_bound(
            self.metas[0].get("trajectories", 1), self.metas[-1].get("trajectories", 1)
        )


def _read_run(run_dir: Path) -> _Run:
    sizes = sorted(
        (p for p in run_dir.iterdir() if (p / "meta.json").exists()),
        key=lambda p: json.loads((p / "meta.json").read_text())["trajectories"],
    )
    return _Run(
        sizes=sizes,
        metas=[json.loads((p / "meta.json").read_text()) for p in sizes],
        stats=[read_locust(p / "locust_stats.csv") for p in sizes],
        servers=[server_times(p / "access.log") for p in sizes],
        explains=[
            json.loads((p / "explain.json").read_text())
            if (p / "explain.json").exists()
            else {"queries": []}
            for p in sizes
        ],
        monitors=[
            json.loads((p / "monitor.json").read_text())
            if (p / "monitor.json").exists()
            else None
            for p in sizes
        ],
    )


def render_block(profile: str, run_dir: Path) -> str:
    run = _read_run(run_dir)
    lines = [
        *_header(profile, run.metas[-1]),
        *_sizes_table(run),
        *_targets_table(run),
        *_cost_curve(run),
        *_server_curve(run),
        *_monitor_table(run),
        *_queries_table(run),
        *_youth_weights_table(run_dir / "youth_weights.json"),
        *_audit_writers_table(run_dir / "audit_writers.json"),
        *_capacity_table(run.sizes[-1] if run.sizes else run_dir),
    ]
    return "\n".join(lines) + "\n"


def capacity_steps(size_dir: Path) -> list[tuple[int, Measurement]]:
    """(users, all requests) of each capacity step, fewest users first."""
    steps = []
    for stats in size_dir.glob("capacity-*_stats.csv"):
        users = stats.name.removeprefix("capacity-").removesuffix("_stats.csv")
        total = read_locust(stats).get("all requests")
        if users.isdigit() and total is not None:
            steps.append((int(users), total))
    return sorted(steps, key=lambda step: step[0])


def capacity_limit_ms(steps: list[tuple[int, Measurement]]) -> float:
    """Twice the unloaded p95: the lowest p95 of the steps (the first step's
    alone rests on a few hundred requests, and one slow page moves it)."""
    return 2 * min(m.p95_ms for _users, m in steps)


def sustained_capacity(steps: list[tuple[int, Measurement]]) -> float:
    """The most requests per second of a step whose p95 stayed within twice the
    unloaded p95 and that failed nothing: what the machine sustains."""
    if not steps:
        return 0.0
    limit = capacity_limit_ms(steps)
    return max(
        (m.rps for _users, m in steps if m.p95_ms <= limit and not m.failures),
        default=0.0,
    )


def _capacity_table(size_dir: Path) -> list[str]:
    steps = capacity_steps(size_dir)
    if not steps:
        return []
    limit = capacity_limit_ms(steps)
    lines = [
        "",
        "#### Capacity: the same mix with more users (at the largest size)",
        "",
        "Each step runs the professional and youth mix with more users (think time "
        "unchanged); the load generator shares the two cores. Capacity is the most "
        f"requests per second of a step whose p95 stayed within twice the lowest "
        f"step's p95 ({limit:.0f} ms) without failures: "
        f"**{sustained_capacity(steps):.1f} req/s**.",
        "",
        "| Users | req/s | median | p95 | failures | within 2× the lowest p95? |",
        "|---:|---:|---:|---:|---:|---|",
    ]
    for users, m in steps:
        within = m.p95_ms <= limit and not m.failures
        lines.append(
            f"| {users} | {m.rps:.1f} | {m.median_ms:.0f} ms | {m.p95_ms:.0f} ms | "
            f"{m.failures} | {'yes' if within else 'no'} |"
        )
    return lines


def _audit_writers_table(writers_file: Path) -> list[str]:
    """Audited writes per second by parallel writers, each in its own
    organisation (its own chain) and all in one (``scale.audit_writers``)."""
    if not writers_file.exists():
        return []
    runs = json.loads(writers_file.read_text())
    by_mode = {(run["writers"], run["same_organisation"]): run for run in runs}
    counts = sorted({run["writers"] for run in runs})
    lines = [
        "",
        "#### Audited writes per second by parallel writers (at the largest size)",
        "",
        "One audit record per transaction, each writer on its own connection "
        "(`manage.py bench_audit_writers`). *Different organisations*: every "
        "writer appends to its own chain; *one organisation*: all queue on one "
        "chain head, as every writer did before the chains were split.",
        "",
        "| Writers | different organisations: writes/s | p95 ms "
        "| one organisation: writes/s | p95 ms |",
        "|---:|---:|---:|---:|---:|",
    ]
    for count in counts:
        cells = []
        for same in (False, True):
            run = by_mode.get((count, same))
            cells += (
                [f"{run['writes_per_second']:.0f}", f"{run['p95_ms']:.1f}"]
                if run
                else ["–", "–"]
            )
        lines.append(f"| {count} | " + " | ".join(cells) + " |")
    return lines


def _youth_weights_table(weights_file: Path) -> list[str]:
    """Every children's page in every language: HTML + CSS + script in KB,
    uncompressed, against the 20 KB budget (``scale.youth_weights``)."""
    if not weights_file.exists():
        return []
    rows = json.loads(weights_file.read_text())
    languages = list(dict.fromkeys(row["language"] for row in rows))
    pages = list(dict.fromkeys(row["page"] for row in rows))
    total = {
        (row["page"], row["language"]): row["html_bytes"] + row["asset_bytes"]
        for row in rows
    }
    lines = [
        "",
        "#### Children's pages: weight per language (HTML + CSS + script, KB)",
        "",
        f"Empty cache, uncompressed; the budget is {YOUTH_MAX_BYTES // 1024} KB "
        "for every page in every language (`manage.py youth_page_weights`).",
        "",
        "| Page | " + " | ".join(languages) + " | Within budget? |",
        "|---|" + "---:|" * len(languages) + "---|",
    ]
    for page in pages:
        sizes = [total.get((page, language)) for language in languages]
        cells = [f"{size / 1024:.1f}" if size is not None else "–" for size in sizes]
        met = all(size is not None and size < YOUTH_MAX_BYTES for size in sizes)
        lines.append(f"| {page} | " + " | ".join(cells) + f" | {_ok(met)} |")
    return lines


def _header(profile: str, last: dict[str, Any]) -> list[str]:
    """When, on what, under which load, and how long the whole run took."""
    return [
        f"### Run `make {profile}`",
        "",
        f"- Date: {datetime.now(UTC):%Y-%m-%d %H:%M} UTC",
        f"- Machine: {machine()}; PostgreSQL, gunicorn and locust share it.",
        f"- Load: locust headless, {last.get('users', 50)} users "
        f"(professionals and anonymous children, 4:1), spawn rate 10/s, "
        f"{last.get('duration', '60s')} per size, think time {last.get('think', '2,8')} s; gunicorn "
        f"{last.get('workers', 4)} sync workers on 127.0.0.1, "
        "settings `kindveilig.settings.bench` (= production `base` + floor URL).",
        f"- Whole run took {last.get('run_seconds', 0) / 60:.1f} minutes.",
    ]


def _sizes_table(run: _Run) -> list[str]:
    """The data at each size: what the generator wrote, how fast, and how long
    the audit check of the new records took."""
    lines = [
        "",
        "#### Data sizes",
        "",
        "| Size | Trajectories | "
        + " | ".join(title for _label, title in GENERATED)
        + " | Rows generated (this step) | Audit records | Generation | Rows/s "
        "| Audit check (new records) |",
        "|---|---:|" + "---:|" * len(GENERATED) + "---:|---:|---:|---:|---:|",
    ]
    totals = dict.fromkeys((label for label, _title in GENERATED), 0)
    for meta, size_dir in zip(run.metas, run.sizes, strict=True):
        rows = meta.get("rows", 0)
        seconds = meta.get("generate_seconds", 0) or 1
        step = _generated(size_dir / "generate.txt")
        for label in totals:
            totals[label] += step.get(label, 0)
        lines.append(
            f"| {_size_label(meta)} | {meta.get('trajectories', 0):,} | "
            + "".join(f"{count:,} | " for count in totals.values())
            + f"{rows:,} | {meta.get('audit_records', 0):,} | {seconds:.0f} s | "
            f"{rows / seconds:,.0f} | {meta.get('verify_seconds', 0):.0f} s |"
        )
    return lines


def _targets_table(run: _Run) -> list[str]:
    """Each page against its target at the largest size, then the signal
    registration and the throughput."""
    largest, server = run.stats[-1], run.servers[-1]
    floor = largest.get(FLOOR)
    floor_p95 = floor.p95_ms if floor else 0.0
    lines = [
        "",
        f"#### Targets at the largest size ({_size_label(run.metas[-1])})",
        "",
        f"Floor (bare Django view, same middleware, session and base template): "
        f"median {floor.median_ms if floor else 0:.0f} ms, p95 {floor_p95:.0f} ms.",
        "",
        "Median and p95 are what locust waited for (the user's view, including "
        "queueing for CPU behind the load generator); *server* is gunicorn's own "
        "time for the same requests (its access log). The professional target is "
        "judged on the user's p95, the youth pages' on server time, as the issue "
        "words them.",
        "",
        "| Page | Target | Median | p95 | Server median / p95 | Floor p95 | "
        "p95 / floor | median / floor median | req/s | Failures | Target met? |",
        "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---|",
    ]
    lines += [
        _professional_row(name, largest, server, floor) for name in PROFESSIONAL_PAGES
    ]
    lines += [_youth_row(name, largest, server) for name in YOUTH_PAGES]
    lines += _signal_rows(run.sizes[-1] / "signals.json")
    lines += _monitor_rows(run.monitors[-1])
    total = largest.get("all requests")
    if total:
        last = run.metas[-1]
        lines += [
            "",
            f"Throughput over all requests: {total.rps:.1f} req/s, "
            f"{total.failures} failures of {total.requests}. Load average before and "
            f"after the load: {last.get('loadavg_before', '?')} / "
            f"{last.get('loadavg_after', '?')} (2 cores: above 2 the run "
            "waited for CPU that other processes held).",
        ]
    lines += signal_breakdown(run.sizes[-1] / "signals.json")
    return lines


def _professional_row(
    name: str,
    largest: dict[str, Measurement],
    server: dict[str, dict[str, float]],
    floor: Measurement | None,
) -> str:
    m = largest.get(name)
    if m is None:
        return (
            f"| {name} | {_professional_target()} | – | – | – | – | – | – | – | – "
            "| not measured |"
        )
    floor_p95 = floor.p95_ms if floor else 0.0
    ratio = m.p95_ms / floor_p95 if floor_p95 else 0.0
    floor_median = floor.median_ms if floor else 0.0
    median_ratio = m.median_ms / floor_median if floor_median else 0.0
    met = (
        m.p95_ms < PROFESSIONAL_P95_MS
        and ratio <= FLOOR_FACTOR
        and median_ratio <= FLOOR_FACTOR
        and not m.failures
    )
    return (
        f"| {name} | {_professional_target()} | "
        f"{m.median_ms:.0f} ms | {m.p95_ms:.0f} ms | {_server(server, name)} | "
        f"{floor_p95:.0f} ms | "
        f"{ratio:.1f}× | {median_ratio:.1f}× | {m.rps:.1f} | {m.failures} | "
        f"{_ok(met)} |"
    )


def _professional_target() -> str:
    return (
        f"p95 < {PROFESSIONAL_P95_MS} ms; median and p95 ≤ {FLOOR_FACTOR}× the floor's"
    )


def youth_asset_bytes() -> int:
    """The CSS and script that a benched youth page loads, in bytes."""
    return sum((STATIC_DIR / asset).stat().st_size for asset in YOUTH_ASSETS)


def _youth_row(
    name: str, largest: dict[str, Measurement], server: dict[str, dict[str, float]]
) -> str:
    """Judged on the server's own time and the page weight (HTML, CSS, script)."""
    limit = f"p95 < {YOUTH_P95_MS} ms, < {YOUTH_MAX_BYTES // 1024} KB"
    m = largest.get(name)
    if m is None:
        return f"| {name} | {limit} | – | – | – | – | – | – | – | – | not measured |"
    own = server.get(name)
    assets = youth_asset_bytes()
    weight = m.avg_bytes + assets
    met = own is not None and own["p95_ms"] < YOUTH_P95_MS and weight < YOUTH_MAX_BYTES
    return (
        f"| {name} | {limit} server time (this page: {m.avg_bytes / 1024:.1f} KB HTML "
        f"+ {assets / 1024:.1f} KB CSS and script = {weight / 1024:.1f} KB "
        "uncompressed) | "
        f"{m.median_ms:.0f} ms | {m.p95_ms:.0f} ms | {_server(server, name)} | "
        f"– | – | – | {m.rps:.1f} | "
        f"{m.failures} | {_ok(met)} |"
    )


def _signal_rows(signals_file: Path) -> list[str]:
    """The in-process signal registration, with and without a match."""
    signals = json.loads(signals_file.read_text()) if signals_file.exists() else None
    name = "signal registration with a match (in-process, `signal_register`)"
    if not signals:
        return [
            f"| {name} | < {SIGNAL_MS} ms | – | – | – | – | – | – | – | – | "
            "not built yet |"
        ]
    p95 = signals["with_match_p95_ms"]
    return [
        f"| {name} | < {SIGNAL_MS} ms | {signals['with_match_median_ms']:.1f} ms | "
        f"{p95:.1f} ms | – | – | – | – | – | 0 | {_ok(p95 < SIGNAL_MS)} |",
        f"| signal registration without a match (same) | – | "
        f"{signals['without_match_median_ms']:.1f} ms | "
        f"{signals['without_match_p95_ms']:.1f} ms | – | – | – | – | – | 0 | – |",
    ]


def signal_breakdown(signals_file: Path) -> list[str]:
    """Where a registration with a match spends its median: a sentence under the
    targets (issue 17 asks for a miss to be explained by its measured cause)."""
    signals = json.loads(signals_file.read_text()) if signals_file.exists() else None
    if not signals or not signals.get("with_match_statements"):
        return []
    median = signals["with_match_median_ms"]
    sql = signals["with_match_sql_median_ms"]
    return [
        "",
        f"Signal registration with a match sends {signals['with_match_statements']} "
        f"statements; they take {sql:.1f} ms of its {median:.1f} ms median in the "
        f"database driver, the other {median - sql:.1f} ms are Python, BEGIN and the "
        "durable COMMIT.",
    ]


def _slowest_filter(monitor: dict[str, Any]) -> tuple[str, dict[str, float]] | None:
    dashboard: dict[str, dict[str, float]] = monitor.get("dashboard") or {}
    if not dashboard:
        return None
    return max(dashboard.items(), key=lambda item: item[1]["p95_ms"])


def _monitor_rows(monitor: dict[str, Any] | None) -> list[str]:
    """The analist's dashboard (its slowest filter) and the letter, in-process."""
    dashboard = (
        "monitor dashboard, slowest of its filters (in-process, `bench_monitor`)"
    )
    letter = "raadsinformatiebrief, slowest letter (the task, synchronously)"
    if not monitor:
        return [
            f"| {dashboard} | < {DASHBOARD_MS} ms | – | – | – | – | – | – | – | – "
            "| not measured |",
            f"| {letter} | < {LETTER_SECONDS} s | – | – | – | – | – | – | – | – "
            "| not measured |",
        ]
    rows = []
    slowest = _slowest_filter(monitor)
    if slowest is not None:
        name, times = slowest
        rows.append(
            f"| {dashboard}: {name} | < {DASHBOARD_MS} ms, any filter | "
            f"{times['median_ms']:.0f} ms | {times['p95_ms']:.0f} ms | – | – | – | – "
            f"| – | 0 | {_ok(times['p95_ms'] < DASHBOARD_MS)} |"
        )
    letters: dict[str, float] = monitor.get("letters") or {}
    if letters:
        name, seconds = max(letters.items(), key=lambda item: item[1])
        rows.append(
            f"| {letter}: {name} | < {LETTER_SECONDS} s | {seconds:.1f} s | – | – "
            f"| – | – | – | – | 0 | {_ok(seconds < LETTER_SECONDS)} |"
        )
    return rows


def _monitor_table(run: _Run) -> list[str]:
    """The monitor at every size: the refresh, each dashboard filter, each letter."""
    monitors = run.monitors
    lines = [
        "",
        "#### The monitor per size (`bench_monitor`, in-process)",
        "",
        "The refresh as the daily task runs it (full: the whole window of 13 months; "
        "incremental: after one trajectory of the analist's region reported acute "
        "danger; idle: nothing changed). The dashboard is asked through Django's test "
        f"client as the region's gemeente analist, "
        f"{next((m['repeat'] for m in monitors if m), 20)} times per filter after "
        "two to warm up: the server's own time (middleware, view, template), without "
        "a network. A letter is made by its task, synchronously (figures, HTML, PDF).",
        "",
        "| Measure | " + " | ".join(_size_label(m) for m in run.metas) + " |",
        "|---|" + "---:|" * len(run.metas),
    ]

    def row(label: str, cell: Callable[[dict[str, Any]], str]) -> str:
        cells = [cell(m) if m else "–" for m in monitors]
        return f"| {label} | " + " | ".join(cells) + " |"

    lines += [
        row(
            "region of the analist: municipalities / organisations",
            lambda m: f"{m['region_municipalities']} / {m['region_organisations']:,}",
        ),
        row(
            "trajectories in the window (all regions)",
            lambda m: f"{m['window_trajectories']:,}",
        ),
        row(
            "refresh, full: seconds (counts, figures written)",
            lambda m: (
                f"{m['full_seconds']:.1f} s ({m['full_counts']:,}, "
                f"{m['full_figures']:,})"
            ),
        ),
        row(
            "refresh, incremental after a small change: seconds (cells, counts, figures)",
            lambda m: (
                f"{m['incremental_seconds']:.2f} s ({m['incremental_cells']}, "
                f"{m['incremental_counts']}, {m['incremental_figures']:,})"
            ),
        ),
        row("refresh, nothing changed", lambda m: f"{m['idle_seconds']:.2f} s"),
    ]
    filters = [name for m in monitors if m for name in m.get("dashboard", {})]
    for name in dict.fromkeys(filters):
        lines.append(row(f"dashboard: {name}, p95 (median) ms", _filter_cell(name)))
    letters = [name for m in monitors if m for name in m.get("letters", {})]
    for name in dict.fromkeys(letters):
        lines.append(row(f"letter: {name}, seconds", _letter_cell(name)))
    return lines


def _filter_cell(name: str) -> Callable[[dict[str, Any]], str]:
    def cell(monitor: dict[str, Any]) -> str:
        times = monitor.get("dashboard", {}).get(name)
        return f"{times['p95_ms']:.0f} ({times['median_ms']:.0f})" if times else "–"

    return cell


def _letter_cell(name: str) -> Callable[[dict[str, Any]], str]:
    def cell(monitor: dict[str, Any]) -> str:
        seconds = monitor.get("letters", {}).get(name)
        return f"{seconds:.1f} s" if seconds is not None else "–"

    return cell


def _cost_curve(run: _Run) -> list[str]:
    """What the user waited for, per page and size."""
    lines = [
        "",
        "#### Cost curve: p95 (median) in ms per size",
        "",
        "| Page | " + " | ".join(_size_label(m) for m in run.metas) + " |",
        "|---|" + "---:|" * len(run.metas),
    ]
    for name in (*PROFESSIONAL_PAGES, FLOOR, *YOUTH_PAGES):
        cells = []
        for size_stats in run.stats:
            m = size_stats.get(name)
            cells.append(f"{m.p95_ms:.0f} ({m.median_ms:.0f})" if m else "–")
        lines.append(f"| {name} | " + " | ".join(cells) + " |")
    return lines


def _server_curve(run: _Run) -> list[str]:
    """The server's own time per page and size, and whether the median grows
    within the logarithm."""
    bound = run.bound
    lines = [
        "",
        "#### Cost curve: server time p95 (median) in ms per size",
        "",
        f"Growth compares the median at the largest size with the smallest; "
        f"logarithmic growth over these sizes would be at most {bound:.2f}×. A "
        f"median that grows faster, by more than {SLACK_MS:.0f} ms (the noise of a "
        "shared machine), is marked: a defect to fix.",
        "",
        "| Page | "
        + " | ".join(_size_label(m) for m in run.metas)
        + " | Growth of the median | Within log? |",
        "|---|" + "---:|" * len(run.metas) + "---:|---|",
    ]
    for name in (*PROFESSIONAL_PAGES, FLOOR, *YOUTH_PAGES):
        cells = []
        for size_server in run.servers:
            own = size_server.get(name)
            cells.append(
                f"{own['p95_ms']:.0f} ({own['median_ms']:.0f})" if own else "–"
            )
        first, last = run.servers[0].get(name), run.servers[-1].get(name)
        growth = (
            _growth(first["median_ms"], last["median_ms"], bound, SLACK_MS)
            if first and last
            else "– | –"
        )
        lines.append(f"| {name} | " + " | ".join(cells) + f" | {growth} |")
    return lines


def _queries_table(run: _Run) -> list[str]:
    """The main queries' execution time per size, and the largest tables."""
    explains = run.explains
    lines = [
        "",
        "#### The main queries in PostgreSQL (EXPLAIN ANALYZE, execution ms)",
        "",
        "As the aandachtsfunctionaris of the busiest organisation "
        f"({explains[-1].get('busiest_organisation_trajectories', 0)} trajectories "
        "at the largest size).",
        "",
        "| Query | "
        + " | ".join(_size_label(m) for m in run.metas)
        + " | Plan (largest) | Growth | Within log? |",
        "|---|" + "---:|" * len(run.metas) + "---|---:|---|",
    ]
    names = [
        q["name"] for q in explains[-1]["queries"] if not q["name"].startswith("table ")
    ]
    lines += [_query_row(name, explains, run.bound) for name in names]
    tables = [q for q in explains[-1]["queries"] if q["name"].startswith("table ")]
    if tables:
        lines += [
            "",
            "Largest tables at the largest size: "
            + "; ".join(f"`{q['name'][6:]}` {q['plan_top']}" for q in tables)
            + ".",
        ]
    return lines


def _query_row(name: str, explains: list[dict[str, Any]], bound: float) -> str:
    cells = []
    for explain in explains:
        match = next((q for q in explain["queries"] if q["name"] == name), None)
        cells.append(f"{match['execution_ms']:.2f}" if match else "–")
    plan = next(q["plan_top"] for q in explains[-1]["queries"] if q["name"] == name)
    first_q = next((q for q in explains[0]["queries"] if q["name"] == name), None)
    last_q = next(q for q in explains[-1]["queries"] if q["name"] == name)
    growth = (
        _growth(first_q["execution_ms"], last_q["execution_ms"], bound, SQL_SLACK_MS)
        if first_q
        else "– | –"
    )
    return f"| {name} | " + " | ".join(cells) + f" | {plan} | {growth} |"


def write_report(*, profile: str, run_dir: Path, target: Path) -> None:
    start, end = f"<!-- {profile}:start -->", f"<!-- {profile}:end -->"
    block = f"{start}\n{render_block(profile, run_dir)}{end}"
    text = target.read_text() if target.exists() else "# Performance\n"
    if start in text and end in text:
        before, rest = text.split(start, 1)
        after = rest.split(end, 1)[1]
        text = before + block + after
    else:
        text = text.rstrip("\n") + "\n\n" + block + "\n"
    target.write_text(text)
