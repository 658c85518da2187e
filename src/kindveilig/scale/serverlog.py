"""Server time per page, from gunicorn's access log.

Locust measures what a user waits for, and on two shared cores that includes
waiting for the load generator itself. Gunicorn's own request time (``%(M)s``:
from reading the request to the last byte written) is the server's part alone,
which is what the targets "under 20 ms server time" speak of. The benchmark
writes the log with ``ACCESS_LOG_FORMAT``; this module groups it per page with
the same names the locustfile uses.
"""

import statistics
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path

from django.urls import Resolver404, resolve

__all__ = ["ACCESS_LOG_FORMAT", "LABELS", "server_times"]

# Method, path, status, milliseconds, response bytes; separated by tabs.
ACCESS_LOG_FORMAT = "%(m)s\t%(U)s\t%(s)s\t%(M)s\t%(B)s"

# (method, view name) -> the locustfile's name for that request.
LABELS: dict[tuple[str, str], str] = {
    ("GET", "portal:home"): "start page",
    ("GET", "meldcode:trajectory-list"): "trajectory list",
    ("GET", "meldcode:trajectory-detail"): "trajectory detail",
    ("GET", "meldcode:trajectory-chronology"): "trajectory chronology",
    ("GET", "persons:person-list"): "person list",
    ("POST", "persons:person-list"): "search a child",
    ("GET", "persons:person-access-log"): "access log",
    ("GET", "api:trajectory-list"): "API trajectory list",
    ("GET", "api:trajectory-detail"): "API detail",
    ("GET", "meldcode:observation-add"): "add observation (GET form)",
    ("POST", "meldcode:observation-add"): "add observation (POST)",
    ("GET", "households:chronology"): "household timeline",
    ("GET", "bench-floor"): "floor: bare Django view + base template",
    ("GET", "youth:start"): "youth: start page",
    ("GET", "youth:help-list"): "youth: help lines",
}


def _p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def _label(method: str, path: str) -> str | None:
    try:
        view_name = resolve(path).view_name
    except Resolver404:
        return None
    return LABELS.get((method, view_name))


def summarise(lines: Iterable[str]) -> dict[str, dict[str, float]]:
    times: dict[str, list[float]] = defaultdict(list)
    sizes: dict[str, list[int]] = defaultdict(list)
    for line in lines:
        parts = line.rstrip("\n").split("\t")
        if len(parts) != 5 or not parts[3].isdigit():
            continue
        method, path, _status, millis, size = parts
        label = _label(method, path)
        if label is None:
            continue
        times[label].append(float(millis))
        sizes[label].append(int(size) if size.isdigit() else 0)
    return {
        label: {
            "count": len(values),
            "median_ms": statistics.median(values),
            "p95_ms": _p95(values),
            "median_bytes": statistics.median(sizes[label]),
        }
        for label, values in times.items()
    }


def server_times(path: Path) -> dict[str, dict[str, float]]:
    """Median and p95 server time (ms) and median size per page name."""
    if not path.exists():
        return {}
    with path.open(encoding="utf-8", errors="replace") as log:
        return summarise(log)
