"""The spread of the page ratios over repeated runs."""

from pathlib import Path

from kindveilig.scale.spread import page_spreads, render_spread

HEADER = (
    "Type,Name,Request Count,Failure Count,Median Response Time,"
    "Average Response Time,Min Response Time,Max Response Time,"
    "Average Content Size,Requests/s,Failures/s,50%,66%,75%,80%,90%,95%\n"
)
FLOOR = "floor: bare Django view + base template"


def _run(
    root: Path, name: str, floor: tuple[int, int], detail: tuple[int, int]
) -> Path:
    """A run with two sizes; only the largest counts."""
    run = root / name
    for size, factor in (("2000", 10), ("30000", 1)):
        (run / size).mkdir(parents=True)
        (run / size / "locust_stats.csv").write_text(
            HEADER
            + f"GET,{FLOOR},10,0,{floor[0] * factor},1,1,1,1,1,0,1,1,1,1,1,{floor[1]}\n"
            + f"GET,trajectory detail,10,0,{detail[0]},1,1,1,1,1,0,1,1,1,1,1,"
            f"{detail[1]}\n"
        )
    return run


def test_each_page_gets_min_median_max_of_its_ratios(tmp_path: Path) -> None:
    runs = [
        _run(tmp_path, "1", floor=(10, 20), detail=(20, 40)),  # ratios 2.0 and 2.0
        _run(tmp_path, "2", floor=(10, 20), detail=(30, 60)),  # ratios 3.0 and 3.0
        _run(tmp_path, "3", floor=(10, 20), detail=(25, 50)),  # ratios 2.5 and 2.5
    ]
    [detail] = [s for s in page_spreads(runs) if s.page == "trajectory detail"]
    assert detail.p95_ratios == [2.0, 3.0, 2.5]
    assert detail.median_ratios == [2.0, 3.0, 2.5]
    text = render_spread(runs)
    assert "| trajectory detail | 2.0× | 2.5× | 3.0× | 2.0× | 2.5× | 3.0× |" in text
    # A page no run measured has dashes, not zeros.
    assert "| access log | – | – | – | – | – | – |" in text
