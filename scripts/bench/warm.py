"""Wait until gunicorn answers, then warm every worker before locust measures.

Usage: warm.py PORT USERS_JSON WORKERS (standard library only, no curl needed).

Each gunicorn worker compiles templates, loads catalogues and opens its database
connection on first use, which costs a cold worker seconds. Sequential requests
all land on the same idle worker, so the pages are requested from several
threads at once, every page the locustfile opens, for several users.
"""

import json
import sys
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor

port, users_file, workers = sys.argv[1], sys.argv[2], int(sys.argv[3])
base = f"http://127.0.0.1:{port}"
for _ in range(60):
    try:
        with urllib.request.urlopen(f"{base}/healthz", timeout=2):  # noqa: S310  # loopback only
            break
    except (urllib.error.URLError, OSError):
        time.sleep(0.5)
with open(users_file) as handle:
    users = json.load(handle)


def pages(user: dict[str, str]) -> list[str]:
    trajectory = user["trajectory"]
    found = [
        "/",
        "/trajecten/",
        f"/trajecten/{trajectory}/",
        f"/trajecten/{trajectory}/chronologie/",
        "/personen/",
        "/api/v1/trajectories/",
        f"/api/v1/trajectories/{trajectory}/",
        "/bench/floor/",
        "/praat/nl/",
        "/praat/nl/hulplijnen/",
    ]
    if user.get("household"):
        found.append(f"/huishoudens/{user['household']}/tijdlijn/")
    if user.get("open_trajectory"):
        found.append(f"/trajecten/{user['open_trajectory']}/signalen/nieuw/")
    return found


def fetch(job: tuple[str, str]) -> None:
    session, page = job
    request = urllib.request.Request(  # noqa: S310  # loopback only
        base + page, headers={"Cookie": f"sessionid={session}"}
    )
    try:
        with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310
            response.read()
    except urllib.error.URLError:
        pass


# Every user kind (professional, aandachtsfunctionaris, lokaal team) on every page,
# from 2 threads per worker, three rounds: each worker sees each page.
sample = users[: max(6, workers * 2)]
jobs = [(user["session"], page) for user in sample for page in pages(user)] * 3
with ThreadPoolExecutor(max_workers=workers * 2) as pool:
    list(pool.map(fetch, jobs))
