from django.test import override_settings

from kindveilig.scale.serverlog import LABELS, summarise

ID = "2f1d4a60-0d6f-4a53-9d4b-7f2b1b0a9c11"
DETAIL = f"/trajecten/{ID}/"

# One real path per page of the benchmark, as the locustfile requests it.
SAMPLES = {
    ("GET", "/"): "start page",
    ("GET", "/trajecten/"): "trajectory list",
    ("GET", DETAIL): "trajectory detail",
    ("GET", f"{DETAIL}chronologie/"): "trajectory chronology",
    ("GET", "/personen/"): "person list",
    ("POST", "/personen/"): "search a child",
    ("GET", f"/personen/{ID}/inzage/"): "access log",
    ("GET", "/api/v1/trajectories/"): "API trajectory list",
    ("GET", f"/api/v1/trajectories/{ID}/"): "API detail",
    ("GET", f"{DETAIL}signalen/nieuw/"): "add observation (GET form)",
    ("POST", f"{DETAIL}signalen/nieuw/"): "add observation (POST)",
    ("GET", f"/huishoudens/{ID}/tijdlijn/"): "household timeline",
    ("GET", "/bench/floor/"): "floor: bare Django view + base template",
    ("GET", "/praat/nl/"): "youth: start page",
    ("GET", "/praat/nl/hulplijnen/"): "youth: help lines",
}


@override_settings(ROOT_URLCONF="kindveilig.scale.bench_urls")
def test_every_page_of_the_benchmark_is_recognised_in_the_log() -> None:
    lines = [
        f"{method}\t{path}\t200\t{n}\t100\n"
        for n, (method, path) in enumerate(SAMPLES, start=1)
    ]
    result = summarise(lines)
    assert set(result) == set(SAMPLES.values()) == set(LABELS.values())
    for n, label in enumerate(SAMPLES.values(), start=1):
        assert result[label]["median_ms"] == n


@override_settings(ROOT_URLCONF="kindveilig.scale.bench_urls")
def test_summarise_groups_server_time_per_page() -> None:
    lines = [
        f"GET\t{DETAIL}\t200\t40\t9000\n",
        f"GET\t{DETAIL}\t200\t60\t9100\n",
        f"GET\t{DETAIL}\t200\t50\t9200\n",
        "GET\t/bestaat-niet/\t404\t1\t100\n",  # not a page of the benchmark
        "GET\t/healthz\t200\t1\t2\n",  # a page, but not one the benchmark times
        "a line that is not from the access log\n",
    ]
    result = summarise(lines)
    assert result == {
        "trajectory detail": {
            "count": 3,
            "median_ms": 50,
            "p95_ms": 60,
            "median_bytes": 9100,
        }
    }
