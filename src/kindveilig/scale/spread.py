"""How much the page ratios move between identical runs (issue 17, item 6).

``make bench-spread`` runs ``make bench-quick`` several times; this module
reads each run's largest size and reports, per professional page, the minimum,
median and maximum of its p95 / floor p95 and median / floor median, so a
reader knows which differences between runs are noise."""

import statistics
from dataclasses import dataclass
from pathlib import Path

from .report import FLOOR, PROFESSIONAL_PAGES, Measurement, machine, read_locust

__all__ = ["PageSpread", "page_spreads", "render_spread", "write_spread"]


@dataclass(frozen=True)
class PageSpread:
    page: str
    p95_ratios: list[float]
    median_ratios: list[float]


def _largest_stats(run_dir: Path) -> dict[str, Measurement]:
    """The locust figures of a run's largest size (the one with most data)."""
    sizes = sorted(
        (p for p in run_dir.iterdir() if (p / "locust_stats.csv").exists()),
        key=lambda p: int(p.name) if p.name.isdigit() else 0,
    )
    return read_locust(sizes[-1] / "locust_stats.csv") if sizes else {}


def page_spreads(run_dirs: list[Path]) -> list[PageSpread]:
    """Per page, its ratios to the floor in every run that measured both."""
    runs = [_largest_stats(run_dir) for run_dir in run_dirs]
    spreads = []
    for page in PROFESSIONAL_PAGES:
        p95s, medians = [], []
        for stats in runs:
            floor, own = stats.get(FLOOR), stats.get(page)
            if floor is None or own is None or not floor.p95_ms or not floor.median_ms:
                continue
            p95s.append(own.p95_ms / floor.p95_ms)
            medians.append(own.median_ms / floor.median_ms)
        spreads.append(PageSpread(page=page, p95_ratios=p95s, median_ratios=medians))
    return spreads


def _cell(values: list[float]) -> str:
    if not values:
        return "– | – | –"
    return f"{min(values):.1f}× | {statistics.median(values):.1f}× | {max(values):.1f}×"


def render_spread(run_dirs: list[Path]) -> str:
    lines = [
        f"### Spread over {len(run_dirs)} runs of `make bench-quick`",
        "",
        f"- Machine: {machine()}. Each run from an empty database; the figures are "
        "the largest size of each run. Reproduce: `make bench-spread`.",
        "- A difference between two runs smaller than a page's max − min here is "
        "noise.",
        "",
        "| Page | p95 / floor: min | median | max | median / floor: min | median "
        "| max |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for spread in page_spreads(run_dirs):
        lines.append(
            f"| {spread.page} | {_cell(spread.p95_ratios)} | "
            f"{_cell(spread.median_ratios)} |"
        )
    return "\n".join(lines) + "\n"


def write_spread(run_dirs: list[Path], target: Path) -> None:
    start, end = "<!-- bench-spread:start -->", "<!-- bench-spread:end -->"
    block = f"{start}\n{render_spread(run_dirs)}{end}"
    text = target.read_text() if target.exists() else "# Performance\n"
    if start in text and end in text:
        before, rest = text.split(start, 1)
        text = before + block + rest.split(end, 1)[1]
    else:
        text = text.rstrip("\n") + "\n\n" + block + "\n"
    target.write_text(text)
