"""Two nodes, one killed (``make bench-ha``): what the load generator saw, what
the database holds, and the verdict.

``scripts/bench/failover.py`` drives two gunicorn nodes behind HAProxy and kills
one of them with SIGKILL under load. It records every request and every write
attempt with a client-side key: a fictitious BSN (9999 test range) that no
person or signal carried before the run. A write is a Verwijsindex signal
registered through the API (``POST /api/v1/signals/``, the browser session with
its CSRF token), and the signal can be found afterwards through the BSN's blind
index without knowing what the server answered.

The classification and the verdict are pure functions over the recorded
attempts and the set of keys found in the database (``classify_writes``,
``summarise``, ``failures``), so their rules are tested in ``make test``
without HAProxy. ``free_keys`` and ``present_keys`` are the two database reads.
"""

import datetime as dt
import statistics
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kindveilig.core.crypto import blind_index
from kindveilig.core.validators import is_valid_bsn
from kindveilig.persons.models import Person
from kindveilig.verwijsindex.models import Signal

from .report import machine

__all__ = [
    "NO_ANSWER",
    "OK",
    "PROXY_ERROR",
    "REFUSED",
    "Attempt",
    "RunSummary",
    "WriteCounts",
    "classify_writes",
    "failures",
    "free_keys",
    "present_keys",
    "proxy_retries",
    "render_block",
    "summarise",
    "write_block",
]

# What a request came back with (the load generator decides, per request):
OK = "ok"  # a 2xx from a node
REFUSED = "refused"  # a node answered something else (4xx, 5xx, a redirect)
PROXY_ERROR = "proxy_error"  # HAProxy answered itself (502/503/504): no node did
NO_ANSWER = "no_answer"  # the connection broke or timed out: no answer at all
OUTCOMES = (OK, REFUSED, PROXY_ERROR, NO_ANSWER)
# The answer is lost: the write may or may not have been committed.
LOST = frozenset({PROXY_ERROR, NO_ANSWER})


@dataclass(frozen=True)
class Attempt:
    """One write the client sent: its key and what came back."""

    key: str
    outcome: str
    status: int | None = None


@dataclass(frozen=True)
class WriteCounts:
    attempts: int
    # Answered 2xx: must all be in the database.
    answered_present: int
    answered_absent: int
    # A node answered with an error: must all be absent (the service's
    # transaction rolled back).
    refused_present: int
    refused_absent: int
    # No answer from a node (the proxy's 502/503/504, a broken connection): absent
    # is the normal case; present means the commit happened and the answer died
    # with the node.
    lost_present: int
    lost_absent: int
    # A key sent more than once by the client, or found more than once in the
    # database: the check itself would be unsound.
    duplicate_keys: int


def classify_writes(
    attempts: Sequence[Attempt], present: Mapping[str, int] | Iterable[str]
) -> WriteCounts:
    """Cross every attempt's outcome with whether its key is in the database.

    ``present`` is the keys found (a mapping of key to the number of rows found
    for it, or just the keys)."""
    found = Counter(present) if not isinstance(present, Mapping) else present
    sent = Counter(attempt.key for attempt in attempts)
    counts: Counter[str] = Counter()
    for attempt in attempts:
        if attempt.outcome not in OUTCOMES:
            raise ValueError(f"unknown outcome {attempt.outcome!r}")
        group = "lost" if attempt.outcome in LOST else attempt.outcome
        group = "answered" if group == OK else group
        counts[f"{group}_{'present' if found.get(attempt.key) else 'absent'}"] += 1
    duplicates = {key for key, n in sent.items() if n > 1} | {
        key for key, n in found.items() if n > 1
    }
    return WriteCounts(
        attempts=len(attempts),
        answered_present=counts["answered_present"],
        answered_absent=counts["answered_absent"],
        refused_present=counts["refused_present"],
        refused_absent=counts["refused_absent"],
        lost_present=counts["lost_present"],
        lost_absent=counts["lost_absent"],
        duplicate_keys=len(duplicates),
    )


@dataclass(frozen=True)
class RunSummary:
    requests: int
    reads: int
    writes: int
    user_visible_errors: int
    errors_by_kind: dict[str, int]
    sessions_lost: int
    # User-visible errors that came back after the kill, and the seconds from
    # the kill to the first and the last of them.
    errors_after_kill: int
    first_error_after_kill: float | None
    last_error_after_kill: float | None
    # Users answered by the killed node before the kill and by another node after
    # it, with their session (every later request of theirs in that count).
    users_moved: int
    users: int
    nodes_before: dict[str, int]
    nodes_after: dict[str, int]
    median_ms_before: float | None
    p95_ms_before: float | None
    median_ms_after: float | None
    p95_ms_after: float | None


def _error_kind(request: Mapping[str, Any]) -> str:
    if request.get("session_lost"):
        return "session lost"
    if request["outcome"] == NO_ANSWER:
        return "no answer (connection broken or timed out)"
    if request["outcome"] == PROXY_ERROR:
        return f"{request['status']} from the proxy"
    return f"{request['status']} from a node"


def _p95(values: list[float]) -> float | None:
    if not values:
        return None
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def summarise(
    requests: Sequence[Mapping[str, Any]],
    *,
    killed_at: float | None,
    killed_node: str | None,
) -> RunSummary:
    """Counts over every request of the run (``t`` in seconds from the start)."""
    errors = [r for r in requests if r["outcome"] != OK]

    def is_after(request: Mapping[str, Any]) -> bool:
        return killed_at is not None and request["t"] >= killed_at

    before_kill = [r for r in requests if not is_after(r)]
    after_kill = [r for r in requests if is_after(r)]
    by_user: dict[Any, list[Mapping[str, Any]]] = {}
    for request in requests:
        by_user.setdefault(request["user"], []).append(request)
    moved = 0
    for own in by_user.values():
        on_killed = any(
            r["node"] == killed_node and r["outcome"] == OK
            for r in own
            if not is_after(r)
        )
        later = [r for r in own if is_after(r)]
        elsewhere = any(
            r["node"] not in (None, killed_node) and r["outcome"] == OK for r in later
        )
        if on_killed and elsewhere and not any(r.get("session_lost") for r in later):
            moved += 1

    def times(group: list[Mapping[str, Any]]) -> list[float]:
        return [float(r["ms"]) for r in group if r["outcome"] == OK]

    # An error belongs to the kill when it came back after it (a request in
    # flight at the kill started before it).
    after = [
        r.get("end", r["t"]) - killed_at
        for r in errors
        if killed_at is not None and r.get("end", r["t"]) >= killed_at
    ]
    return RunSummary(
        requests=len(requests),
        reads=sum(1 for r in requests if r["kind"] == "read"),
        writes=sum(1 for r in requests if r["kind"] == "write"),
        user_visible_errors=len(errors),
        errors_by_kind=dict(Counter(_error_kind(r) for r in errors).most_common()),
        sessions_lost=sum(1 for r in requests if r.get("session_lost")),
        errors_after_kill=len(after),
        first_error_after_kill=min(after) if after else None,
        last_error_after_kill=max(after) if after else None,
        users_moved=moved,
        users=len(by_user),
        nodes_before=dict(Counter(r["node"] or "none" for r in before_kill)),
        nodes_after=dict(Counter(r["node"] or "none" for r in after_kill)),
        median_ms_before=(
            statistics.median(times(before_kill)) if times(before_kill) else None
        ),
        p95_ms_before=_p95(times(before_kill)),
        median_ms_after=(
            statistics.median(times(after_kill)) if times(after_kill) else None
        ),
        p95_ms_after=_p95(times(after_kill)),
    )


def failures(
    writes: WriteCounts,
    *,
    sessions_lost: int,
    audit_intact: bool,
    node_killed: bool = True,
) -> list[str]:
    """What makes the run fail. A write committed whose answer was lost with the
    node (``lost_present``) is not a failure: the client was never told it
    succeeded, so it was never promised."""
    found = []
    if not node_killed:
        found.append("no node was killed")
    if writes.attempts == 0:
        found.append("no write was attempted")
    if writes.answered_absent:
        found.append(f"{writes.answered_absent} write(s) answered 2xx are missing")
    if writes.refused_present:
        found.append(
            f"{writes.refused_present} write(s) refused by a node are in the database"
        )
    if writes.duplicate_keys:
        found.append(f"{writes.duplicate_keys} key(s) sent or stored more than once")
    if sessions_lost:
        found.append(f"{sessions_lost} request(s) found their session lost")
    if not audit_intact:
        found.append("the audit chain does not verify")
    return found


# ---- the database -----------------------------------------------------------


def free_keys(count: int) -> list[str]:
    """Fictitious BSNs that no person and no signal carries yet (by blind index):
    a signal found afterwards under one of them was made by this run."""
    taken = set(
        Person.objects.exclude(bsn_index="").values_list("bsn_index", flat=True)
    ) | set(Signal.objects.exclude(bsn_index="").values_list("bsn_index", flat=True))
    keys: list[str] = []
    # The 9999 range of fictitious BSNs (as the generator's BsnPool).
    for bsn in (f"9999{n:05d}" for n in range(100_000)):
        if len(keys) >= count:
            break
        if is_valid_bsn(bsn) and blind_index(bsn) not in taken:
            keys.append(bsn)
    return keys


def present_keys(keys: Iterable[str], *, since: dt.datetime) -> Counter[str]:
    """How many signals registered since ``since`` carry each key's blind index."""
    by_index = {blind_index(key): key for key in keys}
    found: Counter[str] = Counter()
    indexes = list(by_index)
    for start in range(0, len(indexes), 1000):
        for index in Signal.objects.filter(
            bsn_index__in=indexes[start : start + 1000], created_at__gte=since
        ).values_list("bsn_index", flat=True):
            found[by_index[index]] += 1
    return found


# ---- HAProxy's log ----------------------------------------------------------


def proxy_retries(log: Path) -> dict[str, int]:
    """POSTs in HAProxy's log (scripts/bench_ha.sh's ``log-format``: method, then
    retries, then status): how many, and how many it retried. HAProxy retries
    only on a connection failure (``retry-on conn-failure``), before a byte of
    the request reached a node, so a retried POST was still sent once."""
    posts = retried = 0
    if log.exists():
        for line in log.read_text().splitlines():
            fields = line.split()
            if len(fields) < 4 or fields[0] != "bench-ha":
                continue
            _tag, method, retries, _status, *_rest = fields
            if method != "POST":
                continue
            posts += 1
            if retries.lstrip("+").isdigit() and int(retries.lstrip("+")) > 0:
                retried += 1
    return {"posts": posts, "retried": retried}


# ---- docs/performance.md ----------------------------------------------------


def _ms(value: float | None) -> str:
    return "–" if value is None else f"{value:.0f}"


def _seconds(value: float | None) -> str:
    return "–" if value is None else f"+{value:.1f} s"


def render_block(result: Mapping[str, Any]) -> str:
    """The generated part of the section "Two nodes, one killed"."""
    w: dict[str, int] = result["writes"]
    s: dict[str, Any] = result["summary"]
    setup: dict[str, Any] = result["setup"]
    found: list[str] = result["failures"]
    share = 100 * s["user_visible_errors"] / s["requests"] if s["requests"] else 0.0
    verdict = (
        "**passed**: every write answered 2xx is in the database, none refused "
        "is, no session was lost, the audit chain verifies."
        if not found
        else "**FAILED**: " + "; ".join(found) + "."
    )
    errors = ", ".join(f"{kind} × {n}" for kind, n in s["errors_by_kind"].items())
    retries = result.get("proxy") or {}
    lines = [
        "### Run `make bench-ha`",
        "",
        f"- Date: {result['date']}",
        f"- Machine: {result.get('machine') or machine()}; PostgreSQL, both nodes, "
        "HAProxy and the load generator share it.",
        f"- Setup: {setup['trajectories']:,} trajectories "
        "(`generate_population`); two gunicorn nodes of "
        f"{setup['workers']} sync workers (`--preload`, same settings and secrets) "
        f"behind HAProxy {setup['haproxy']} (Debian) on 127.0.0.1, one PostgreSQL "
        "(`PG_PROFILE=production`); sessions and cache in the database.",
        f"- Load: {setup['users']} virtual professionals for {setup['duration']} s "
        f"(think time {setup['think'].replace(',', '–')} s, {setup['write_share']:.0%} writes: "
        "`POST /api/v1/signals/` with the session and its CSRF token; reads: "
        "start page, trajectory list and detail, person list, the API's "
        f"trajectory list). `{setup['killed_node']}` (master and workers, its "
        f"process group) killed with SIGKILL at {_seconds(setup['killed_at'])}.",
        f"- Result: {verdict}",
        f"- Whole run took {setup['run_minutes']:.1f} minutes.",
        "",
        "| | Count |",
        "|---|---|",
        f"| Requests (reads / writes) | {s['requests']:,} ({s['reads']:,} / "
        f"{s['writes']:,}) |",
        f"| Writes answered 2xx, in the database | {w['answered_present']:,} |",
        f"| Writes answered 2xx, **not** in the database (must be 0) | "
        f"{w['answered_absent']} |",
        f"| Writes refused by a node, not in the database | {w['refused_absent']} |",
        f"| Writes refused by a node, in the database (must be 0) | "
        f"{w['refused_present']} |",
        f"| Writes without an answer (proxy error, broken connection), not in the "
        f"database | {w['lost_absent']} |",
        f"| Writes without an answer, but in the database (committed; the answer "
        f"died with the node) | {w['lost_present']} |",
        f"| Keys sent or stored twice (must be 0) | {w['duplicate_keys']} |",
        f"| POSTs HAProxy retried (connection refused: not sent before), of the "
        f"POSTs in its log | "
        f"{retries.get('retried', '–')} of {retries.get('posts', '–')} |",
        f"| Sessions lost (must be 0) | {s['sessions_lost']} |",
        f"| Users answered by `{setup['killed_node']}` before the kill and by the "
        f"other node after it, still logged in | {s['users_moved']} of "
        f"{s['users']} |",
        f"| User-visible errors | {s['user_visible_errors']} ({share:.2f}% of "
        "requests) |",
        f"| … of them after the kill; the first and the last | "
        f"{s['errors_after_kill']}; {_seconds(s['first_error_after_kill'])}, "
        f"{_seconds(s['last_error_after_kill'])} |",
        f"| Answers per node before / after the kill | "
        f"{_nodes(s['nodes_before'])} / {_nodes(s['nodes_after'])} |",
        f"| Median (p95) ms before / after the kill | {_ms(s['median_ms_before'])} "
        f"({_ms(s['p95_ms_before'])}) / {_ms(s['median_ms_after'])} "
        f"({_ms(s['p95_ms_after'])}) |",
        f"| Audit chain (`verify_audit_log --full`) | {result['audit']} |",
        "",
        f"User-visible errors by kind: {errors or 'none'}.",
        "",
    ]
    return "\n".join(lines)


def _nodes(counts: Mapping[str, int]) -> str:
    return ", ".join(f"{node} {n:,}" for node, n in sorted(counts.items())) or "–"


def write_block(*, name: str, body: str, target: Path) -> None:
    """Replace the block between ``<!-- name:start -->`` and ``<!-- name:end -->``
    in ``target`` (or append it): the hand-written text around it stays."""
    start, end = f"<!-- {name}:start -->", f"<!-- {name}:end -->"
    block = f"{start}\n{body}{end}"
    text = target.read_text() if target.exists() else "# Performance\n"
    if start in text and end in text:
        before, rest = text.split(start, 1)
        text = before + block + rest.split(end, 1)[1]
    else:
        text = text.rstrip("\n") + "\n\n" + block + "\n"
    target.write_text(text)
