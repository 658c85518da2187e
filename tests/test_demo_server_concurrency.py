"""The ``make run`` demo under parallel users.

Starts what ``make run`` starts, on a fresh SQLite file with the dev settings:
``migrate``, ``createcachetable``, a small seed (tests/demo_server_data.py),
then ``runserver`` and ``db_worker`` side by side. Twenty clients, each logged in
through a session made directly (no TOTP screens), go through a few rounds at
the same moment: open their trajectory (a read that writes an audit record), add
an observation, and, as a child on the public pages, send an urgent message.
Every request must succeed and every write must be in the database afterwards,
with the audit chain intact and the urgent alert sent by the worker.

It needs no PostgreSQL; it runs with the e2e tests (one at a time), because it
keeps two servers busy for up to a minute. docs/decisions.md, "The SQLite
demo under parallel users", says why the dev settings make this pass.
"""

import http.client
import json
import os
import secrets
import socket
import string
import subprocess
import sys
import threading
import time
import uuid
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import pytest

pytestmark = pytest.mark.e2e

ROOT = Path(__file__).resolve().parent.parent
CLIENTS = 20
ROUNDS = 3
# Danger words: the message is urgent, so the worker sends an alert.
URGENT_WORDS = "Mijn vader slaat mij als hij boos is. Ik durf niet naar huis."
# What the environment may pass on; the rest (the test settings' own variables,
# a DATABASE_URL for PostgreSQL) stays out, so the dev settings choose as in
# `make run`.
PASSED_ON = ("PATH", "HOME", "LANG", "LC_ALL", "TMPDIR", "PYTHONDONTWRITEBYTECODE")


@dataclass(frozen=True)
class Demo:
    env: dict[str, str]
    port: int
    logs: Path
    seed: dict[str, Any]


@dataclass(frozen=True)
class Outcome:
    what: str
    status: int
    body: str


def _manage(env: dict[str, str], *args: str) -> str:
    completed = subprocess.run(  # our own manage.py
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    assert completed.returncode == 0, completed.stderr[-3000:]
    return completed.stdout


def _shell(env: dict[str, str], code: str) -> dict[str, Any]:
    """Run ``code`` in ``manage.py shell``; it prints one line of JSON last."""
    out = _manage(env, "shell", "--no-imports", "-c", code)
    data = json.loads(out.strip().splitlines()[-1])
    assert isinstance(data, dict)
    return data


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
        assert isinstance(port, int)
        return port


def _start(env: dict[str, str], logs: Path, name: str, *args: str) -> Any:
    """Start ``manage.py`` with its output in ``<name>.out`` and ``<name>.err``."""
    with (
        (logs / f"{name}.out").open("wb") as out,
        (logs / f"{name}.err").open("wb") as err,
    ):
        return subprocess.Popen(
            [sys.executable, "manage.py", *args],
            cwd=ROOT,
            env=env,
            stdout=out,
            stderr=err,
        )


def _stop(process: Any) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)


def _wait_until_up(port: int, processes: list[Any], timeout: float = 90) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        for process in processes:
            assert process.poll() is None, "a demo process stopped while starting"
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            connection.request("GET", "/healthz")
            if connection.getresponse().status == 200:
                return
        except OSError:
            pass
        time.sleep(0.3)
    raise AssertionError("runserver did not answer /healthz in time")


@pytest.fixture
def demo(tmp_path: Path) -> Iterator[Demo]:
    """A fresh demo database with runserver and db_worker on it, as `make run`."""
    env = {key: os.environ[key] for key in PASSED_ON if key in os.environ}
    env |= {
        "DJANGO_SETTINGS_MODULE": "kindveilig.settings.dev",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'demo.sqlite3'}",
        # Twenty children on twenty networks: the per-client rate limit of the
        # youth pages reads X-Forwarded-For instead of the one loopback address.
        "KINDVEILIG_TRUSTED_PROXY_COUNT": "1",
        "PYTHONUNBUFFERED": "1",
    }
    # The system checks are not what this test is about; skipping them saves time.
    _manage(env, "migrate", "--verbosity", "0", "--skip-checks")
    _manage(env, "createcachetable")
    seed = _shell(env, f"from tests.demo_server_data import seed; seed({CLIENTS})")
    port = _free_port()
    processes = [
        _start(
            env,
            tmp_path,
            "runserver",
            "runserver",
            "--noreload",
            "--skip-checks",
            f"127.0.0.1:{port}",
        ),
        _start(env, tmp_path, "db_worker", "db_worker", "--interval", "1"),
    ]
    try:
        _wait_until_up(port, processes)
        yield Demo(env=env, port=port, logs=tmp_path, seed=seed)
    finally:
        for process in processes:
            _stop(process)


class Client:
    """One browser: a professional's session, and a child's own network."""

    def __init__(self, demo: Demo, index: int) -> None:
        seed = demo.seed
        self.port = demo.port
        self.row = seed["clients"][index]
        self.channel = seed["channel"]
        self.youth_write = seed["youth_write"]
        self.csrf = "".join(
            secrets.choice(string.ascii_letters + string.digits) for _ in range(32)
        )
        self.cookie = (
            f"{seed['session_cookie']}={self.row['session']}; "
            f"{seed['csrf_cookie']}={self.csrf}"
        )
        self.address = f"10.0.{index // 250}.{index % 250 + 1}"
        self._location = ""

    def _request(
        self, method: str, path: str, headers: dict[str, str], body: str = ""
    ) -> tuple[int, str]:
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=90)
        try:
            connection.request(method, path, body=body or None, headers=headers)
            response = connection.getresponse()
            self._location = response.getheader("Location") or ""
            return response.status, response.read().decode(errors="replace")
        finally:
            connection.close()

    def round(self, number: int) -> list[Outcome]:
        staff = {"Cookie": self.cookie}
        outcomes = []
        status, body = self._request("GET", self.row["detail"], staff)
        outcomes.append(Outcome("trajectory detail", status, body))
        status, body = self._request(
            "POST",
            self.row["observation"],
            staff
            | {
                "X-CSRFToken": self.csrf,
                "Content-Type": "application/x-www-form-urlencoded",
            },
            urlencode(
                {
                    "observed_on": time.strftime("%Y-%m-%d"),
                    "observed_by": "Load (demo)",
                    "source": "own",
                    "facts": f"Round {number}: stil in de klas.",
                    "plek-TOTAL_FORMS": "0",
                    "plek-INITIAL_FORMS": "0",
                }
            ),
        )
        outcomes.append(Outcome("observation", status, body))
        status, body = self._request(
            "POST",
            self.youth_write,
            {
                "X-Forwarded-For": self.address,
                "Content-Type": "application/x-www-form-urlencoded",
            },
            urlencode(
                {
                    "channel": self.channel,
                    "submission": uuid.uuid4().hex,
                    "body": URGENT_WORDS,
                    "first_name": "",
                    "contact": "",
                    "homepage": "",
                }
            ),
        )
        if status == 303:  # post-redirect-get: the receipt is behind a token
            status, body = self._request("GET", self._location, {})
        outcomes.append(Outcome("youth message", status, body))
        return outcomes


def _round(barrier: threading.Barrier, number: int, client: Client) -> list[Outcome]:
    barrier.wait(timeout=60)
    return client.round(number)


EXPECTED = {"trajectory detail": 200, "observation": 302, "youth message": 200}


def test_twenty_parallel_users_read_and_write_without_an_error_or_a_lost_write(
    demo: Demo,
) -> None:
    seed = demo.seed
    clients = [Client(demo, index) for index in range(CLIENTS)]
    outcomes: list[Outcome] = []
    with ThreadPoolExecutor(max_workers=CLIENTS) as pool:
        for number in range(ROUNDS):
            # Every client starts the round at the same moment.
            barrier = threading.Barrier(CLIENTS)
            for result in pool.map(partial(_round, barrier, number), clients):
                outcomes.extend(result)
    trajectories = [row["trajectory"] for row in seed["clients"]]
    after = _shell(
        demo.env,
        f"from tests.demo_server_data import counts; counts({trajectories!r})",
    )

    wrong = [
        f"{o.what}: {o.status} {o.body[:300]!r}"
        for o in outcomes
        if o.status != EXPECTED[o.what]
    ]
    assert not wrong, f"{len(wrong)} of {len(outcomes)} requests failed:\n" + (
        "\n".join(wrong[:10])
    )
    logs = "".join(
        (demo.logs / name).read_text(errors="replace")
        for name in ("runserver.err", "db_worker.err")
    )
    assert "database is locked" not in logs
    assert "Traceback" not in logs
    receipts = [o for o in outcomes if o.what == "youth message"]
    assert all('data-testid="pickup-code"' in o.body for o in receipts)

    writes = CLIENTS * ROUNDS
    assert after["observations"] == seed["observations"] + writes
    assert after["conversations"] == seed["conversations"] + writes
    assert after["urgent_conversations"] == seed["urgent_conversations"] + writes
    assert after["child_messages"] == seed["child_messages"] + writes
    assert after["trajectory_reads"] >= seed["trajectory_reads"] + writes
    assert after["audit_chain_problems"] == []
    assert after["audit_chain_checked"] == after["audit_events"]
    # The worker ran every task: the seed's "trajectory started" alerts and one
    # alert per urgent message (urgent ones are never throttled).
    assert after["tasks"] == ["SUCCESSFUL"] * (len(seed["tasks"]) + writes)
