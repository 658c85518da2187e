"""The load of `make bench-ha`: virtual professionals read and write through
HAProxy while one of the two gunicorn nodes is killed with SIGKILL.

Usage (scripts/bench_ha.sh runs it with var/bench-venv's python, for requests):
  failover.py --base URL --users users.json --keys keys.json --kill-pid PID \
      --kill-node NAME --duration S --out run.json

Every virtual professional takes one logged-in session from users.json (written
by `manage.py bench_sessions`), opens pages and registers Verwijsindex signals
through the API (POST /api/v1/signals/, the session and its CSRF token). Each
write carries a key of its own, a fictitious BSN from keys.json
(`manage.py bench_failover_keys`), so `manage.py bench_failover_check` finds
it afterwards through the blind index, whatever the answer was. The attempt is
recorded before it is sent: every write the client tried is in run.json.

Nothing is ever sent twice: a request that fails is recorded and not retried.
At a third of the run the node's whole process group (gunicorn's master and
its workers) gets SIGKILL. Which node answered comes from HAProxy's
X-Bench-Node header.
"""

import argparse
import json
import os
import random
import signal
import sys
import threading
import time
from typing import Any

import requests

LOGIN_PATH = "/inloggen/"
# HAProxy's own answers: no node answered (their pages carry no X-Bench-Node).
PROXY_STATUSES = {502, 503, 504}

parser = argparse.ArgumentParser()
parser.add_argument("--base", required=True)
parser.add_argument("--users", required=True)
parser.add_argument("--keys", required=True)
parser.add_argument("--kill-pid", type=int, required=True)
parser.add_argument("--kill-node", required=True)
parser.add_argument("--duration", type=float, default=60)
parser.add_argument("--kill-at", type=float, default=None)
parser.add_argument("--think", default="0.3,1.5")
parser.add_argument("--write-share", type=float, default=0.25)
parser.add_argument("--out", required=True)
args = parser.parse_args()

with open(args.users) as handle:
    USERS: list[dict[str, Any]] = json.load(handle)
with open(args.keys) as handle:
    KEYS: list[str] = json.load(handle)["keys"]
THINK = tuple(float(x) for x in args.think.split(","))
KILL_AT = args.duration / 3 if args.kill_at is None else args.kill_at

lock = threading.Lock()
key_iter = iter(KEYS)
attempt_numbers = iter(range(1, 10**9))
requests_seen: list[dict[str, Any]] = []
writes: list[dict[str, Any]] = []
state: dict[str, Any] = {"killed_at": None, "keys_exhausted": 0}
started = time.monotonic()


def now() -> float:
    return round(time.monotonic() - started, 3)


def record(
    user: int,
    kind: str,
    name: str,
    t: float,
    response: requests.Response | None,
    attempt: int | None = None,
) -> dict[str, Any]:
    """One request: what came back, from which node, in how many ms."""
    entry: dict[str, Any] = {
        "t": t,
        "user": user,
        "kind": kind,
        "name": name,
        "end": now(),
        "ms": round((now() - t) * 1000, 1),
        "attempt": attempt,
        "status": None,
        "node": None,
        "outcome": "no_answer",
        "session_lost": False,
    }
    if response is not None:
        node = response.headers.get("X-Bench-Node")
        entry["status"] = response.status_code
        entry["node"] = node
        if 200 <= response.status_code < 300:
            entry["outcome"] = "ok"
        elif response.status_code in PROXY_STATUSES and not node:
            entry["outcome"] = "proxy_error"
        else:
            entry["outcome"] = "refused"
        # A page answers 200 to a logged-in user; a redirect (to the login or
        # the second factor) or the API's 401 means the session was not found.
        location = response.headers.get("Location", "")
        if response.status_code == 401 or (
            response.status_code == 302 and (LOGIN_PATH in location or kind == "read")
        ):
            entry["session_lost"] = True
    with lock:
        requests_seen.append(entry)
    return entry


def pages(user: dict[str, Any]) -> list[str]:
    return [
        "/",
        "/trajecten/",
        f"/trajecten/{user['trajectory']}/",
        "/personen/",
        "/api/v1/trajectories/",
    ]


def professional(index: int, deadline: float) -> None:
    user = USERS[index % len(USERS)]
    rng = random.Random(index)  # noqa: S311  # think times and pages, not secrets
    client = requests.Session()
    client.cookies.set("sessionid", user["session"])
    # The signal form sets the CSRF cookie (as the browser gets it); the API's
    # session writes need it.
    t = now()
    try:
        response = client.get(
            args.base + "/keten/signalen/nieuw/", allow_redirects=False, timeout=30
        )
    except requests.RequestException:
        response = None
    record(index, "read", "signal form", t, response)
    while time.monotonic() < deadline:
        if rng.random() < args.write_share and client.cookies.get("csrftoken"):
            write(index, client)
        else:
            read(index, client, rng.choice(pages(user)))
        time.sleep(rng.uniform(*THINK))


def read(index: int, client: requests.Session, path: str) -> None:
    t = now()
    try:
        response = client.get(args.base + path, allow_redirects=False, timeout=30)
    except requests.RequestException:
        response = None
    record(index, "read", path, t, response)


def write(index: int, client: requests.Session) -> None:
    with lock:
        key = next(key_iter, None)
        attempt = next(attempt_numbers)
        if key is None:
            state["keys_exhausted"] += 1
            return
        # Recorded before it is sent: a write that never comes back is counted.
        entry = {"attempt": attempt, "key": key, "user": index, "outcome": None}
        writes.append(entry)
    t = now()
    try:
        response = client.post(
            args.base + "/api/v1/signals/",
            json={
                "given_name": "Failover",
                "family_name": "Kind (synth.)",
                "bsn": key,
                "date_of_birth": "2016-05-01",
                "contact_phone": "",
                "parents_informed": False,
            },
            headers={
                "X-CSRFToken": client.cookies.get("csrftoken") or "",
                # Only a number: no personal data (not even a fictitious BSN)
                # in the proxy's log.
                "X-Bench-Attempt": str(attempt),
            },
            allow_redirects=False,
            timeout=30,
        )
    except requests.RequestException:
        response = None
    seen = record(index, "write", "register a signal (API)", t, response, attempt)
    with lock:
        entry["outcome"] = seen["outcome"]
        entry["status"] = seen["status"]
        entry["node"] = seen["node"]


def kill() -> None:
    """SIGKILL to the node's process group: gunicorn's master and its workers."""
    time.sleep(max(0.0, KILL_AT - (time.monotonic() - started)))
    pgid = os.getpgid(args.kill_pid)
    if pgid != args.kill_pid or pgid == os.getpgid(0):
        sys.stderr.write(f"not a process group of its own: {args.kill_pid}\n")
        return
    os.killpg(pgid, signal.SIGKILL)
    state["killed_at"] = now()
    sys.stderr.write(f"killed {args.kill_node} at +{state['killed_at']} s\n")


deadline = started + args.duration
threads = [
    threading.Thread(target=professional, args=(i, deadline)) for i in range(len(USERS))
]
killer = threading.Thread(target=kill)
for thread in threads:
    thread.start()
    time.sleep(0.05)  # spread the first requests
killer.start()
for thread in [*threads, killer]:
    thread.join()

with open(args.out, "w") as handle:
    json.dump(
        {
            "users": len(USERS),
            "duration": args.duration,
            "think": args.think,
            "write_share": args.write_share,
            "killed_node": args.kill_node,
            "killed_at": state["killed_at"],
            "keys_exhausted": state["keys_exhausted"],
            "requests": requests_seen,
            "writes": writes,
        },
        handle,
    )
errors = sum(1 for r in requests_seen if r["outcome"] != "ok")
sys.stdout.write(
    f"{len(requests_seen)} requests, {len(writes)} writes, {errors} user-visible "
    f"errors; {args.kill_node} killed at +{state['killed_at']} s\n"
)
