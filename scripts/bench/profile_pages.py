"""Where a professional page spends its time, in-process (issue 17, item 1).

For each page of the benchmark's mix: the median time through Django's test
client with a real session, the statements it sends and their time in the
database driver, and cProfile's split of the exclusive time by package (ORM,
SQL compiler, driver, templates, ...). The floor view comes first; every page's
median is also given as a multiple of it.

Needs a generated population and the sessions of `bench_sessions`:

    DJANGO_SETTINGS_MODULE=kindveilig.settings.bench STATIC_ROOT=... \\
      python scripts/bench/profile_pages.py USERS_JSON [REQUESTS_PER_PAGE]

(with the environment `scripts/bench.sh` sets, and `collectstatic` run once).
A measuring tool, not part of the app: docs/performance.md, item 18.
"""

import cProfile
import json
import pstats
import statistics
import sys
import time
from pathlib import Path
from typing import Any

import django

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "src"))
django.setup()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402

# Exclusive time by where the function lives; "orm" excludes the SQL compiler.
AREAS = {
    "template": "django/template",
    "orm": "django/db/models",
    "sql compiler": "django/db/models/sql",
    "driver": "psycopg",
    "decryption": "cryptography",
    "drf": "rest_framework",
    "audit": "kindveilig/audit",
}


class StatementClock:
    def __init__(self) -> None:
        self.count = 0
        self.seconds = 0.0

    def __call__(
        self, execute: Any, sql: str, params: Any, many: bool, ctx: Any
    ) -> Any:
        started = time.perf_counter()
        try:
            return execute(sql, params, many, ctx)
        finally:
            self.count += 1
            self.seconds += time.perf_counter() - started


def pages_of(me: dict[str, Any]) -> list[tuple[str, str]]:
    trajectory = me["trajectory"]
    pages = [
        ("floor", "/bench/floor/"),
        ("start page", "/"),
        ("trajectory list", "/trajecten/"),
        ("trajectory detail", f"/trajecten/{trajectory}/"),
        ("chronology", f"/trajecten/{trajectory}/chronologie/"),
        ("person list", "/personen/"),
        ("API list", "/api/v1/trajectories/"),
        ("API detail", f"/api/v1/trajectories/{trajectory}/"),
    ]
    if me.get("household"):
        pages.append(
            ("household timeline", f"/huishoudens/{me['household']}/tijdlijn/")
        )
    if me["role"] == "aandachtsfunctionaris":
        pages.append(("access log", f"/personen/{me['person']}/inzage/"))
    if me.get("open_trajectory"):
        url = f"/trajecten/{me['open_trajectory']}/signalen/nieuw/"
        pages.append(("observation form", url))
    if me.get("ks_signal"):
        pages.append(("KS follow-up list", "/kansrijke-start/te-volgen/"))
        pages.append(
            ("KS signal detail", f"/kansrijke-start/signalen/{me['ks_signal']}/")
        )
    return pages


def split(stats: pstats.Stats) -> dict[str, float]:
    table = stats.stats  # type: ignore[attr-defined]
    shares = {
        area: sum(row[2] for key, row in table.items() if part in key[0])
        for area, part in AREAS.items()
    }
    shares["orm"] -= shares["sql compiler"]
    total = stats.total_tt  # type: ignore[attr-defined]
    return {area: 100 * seconds / total for area, seconds in shares.items()}


def main(users_file: str, repeat: int) -> None:
    users = json.loads(Path(users_file).read_text())
    chosen = users[:20] + [user for user in users if user.get("ks_signal")]
    requests: dict[str, list[tuple[Client, str]]] = {}
    for me in chosen:
        client = Client()
        client.cookies["sessionid"] = me["session"]
        for name, url in pages_of(me):
            assert client.get(url).status_code == 200, (name, url)  # warm, and valid
            requests.setdefault(name, []).append((client, url))
    sys.stdout.write(
        "page | median ms | x floor | statements | driver ms | python ms | "
        + " | ".join(AREAS)
        + "\n"
    )
    floor = 0.0
    for name, pairs in requests.items():
        times, counts, driver = [], [], []
        for i in range(repeat):
            client, url = pairs[i % len(pairs)]
            clock = StatementClock()
            with connection.execute_wrapper(clock):
                started = time.perf_counter()
                client.get(url)
                times.append(time.perf_counter() - started)
            counts.append(clock.count)
            driver.append(clock.seconds)
        profile = cProfile.Profile()
        profile.enable()
        for i in range(repeat):
            client, url = pairs[i % len(pairs)]
            client.get(url)
        profile.disable()
        median_ms = 1000 * statistics.median(times)
        driver_ms = 1000 * statistics.median(driver)
        floor = floor or median_ms
        shares = " | ".join(
            f"{share:.0f}%" for share in split(pstats.Stats(profile)).values()
        )
        sys.stdout.write(
            f"{name} | {median_ms:.1f} | {median_ms / floor:.1f} | "
            f"{statistics.median(counts):.0f} | {driver_ms:.1f} | "
            f"{median_ms - driver_ms:.1f} | {shares}\n"
        )


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 40)
