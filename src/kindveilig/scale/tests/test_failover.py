"""The verdict of `make bench-ha` (two nodes, one killed): how write attempts are
crossed with the database, what fails the run, and how the keys are found.
HAProxy and gunicorn are not needed: the rules are pure functions over what the
load generator recorded."""

import datetime as dt
from pathlib import Path
from typing import Any

from django.utils import timezone

import pytest
from conftest import Persona

from kindveilig.scale.failover import (
    NO_ANSWER,
    OK,
    PROXY_ERROR,
    REFUSED,
    Attempt,
    WriteCounts,
    classify_writes,
    failures,
    free_keys,
    present_keys,
    proxy_retries,
    summarise,
    write_block,
)
from kindveilig.verwijsindex.services import ChildSignalInput, signal_register_for_child

ATTEMPTS = [
    Attempt("999900011", OK, 201),
    Attempt("999900023", OK, 201),
    Attempt("999900035", REFUSED, 400),
    Attempt("999900047", PROXY_ERROR, 502),
    Attempt("999900059", NO_ANSWER),
    Attempt("999900060", PROXY_ERROR, 502),
]


def _clean(**changes: int) -> WriteCounts:
    counts = {
        "attempts": 6,
        "answered_present": 2,
        "answered_absent": 0,
        "refused_present": 0,
        "refused_absent": 1,
        "lost_present": 0,
        "lost_absent": 3,
        "duplicate_keys": 0,
    }
    return WriteCounts(**{**counts, **changes})


def test_every_outcome_is_crossed_with_presence() -> None:
    present = {"999900011": 1, "999900023": 1, "999900060": 1}
    assert classify_writes(ATTEMPTS, present) == _clean(lost_present=1, lost_absent=2)


def test_a_write_answered_2xx_but_missing_is_counted_and_fails_the_run() -> None:
    writes = classify_writes(ATTEMPTS, {"999900011"})
    assert writes.answered_absent == 1
    assert failures(writes, sessions_lost=0, audit_intact=True) == [
        "1 write(s) answered 2xx are missing"
    ]


def test_a_commit_whose_answer_died_with_the_node_does_not_fail_the_run() -> None:
    writes = classify_writes(ATTEMPTS, {"999900011", "999900023", "999900047"})
    assert (writes.lost_present, writes.lost_absent) == (1, 2)
    assert failures(writes, sessions_lost=0, audit_intact=True) == []


def test_a_write_refused_by_a_node_but_stored_fails_the_run() -> None:
    writes = classify_writes(ATTEMPTS, {"999900011", "999900023", "999900035"})
    assert writes.refused_present == 1
    assert failures(writes, sessions_lost=0, audit_intact=True) == [
        "1 write(s) refused by a node are in the database"
    ]


def test_a_key_sent_twice_or_stored_twice_fails_the_run() -> None:
    twice = [*ATTEMPTS, Attempt("999900011", OK, 201)]
    assert classify_writes(twice, {"999900011", "999900023"}).duplicate_keys == 1
    stored_twice = classify_writes(ATTEMPTS, {"999900011": 2, "999900023": 1})
    assert stored_twice.duplicate_keys == 1
    assert failures(stored_twice, sessions_lost=0, audit_intact=True) == [
        "1 key(s) sent or stored more than once"
    ]


def test_a_lost_session_a_broken_chain_no_write_or_no_kill_fail_the_run() -> None:
    assert failures(_clean(), sessions_lost=0, audit_intact=True) == []
    assert failures(_clean(), sessions_lost=2, audit_intact=False) == [
        "2 request(s) found their session lost",
        "the audit chain does not verify",
    ]
    assert failures(classify_writes([], set()), sessions_lost=0, audit_intact=True) == [
        "no write was attempted"
    ]
    assert failures(
        _clean(), sessions_lost=0, audit_intact=True, node_killed=False
    ) == ["no node was killed"]


def test_an_unknown_outcome_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown outcome"):
        classify_writes([Attempt("999900011", "maybe")], set())


def _request(
    t: float, user: int, node: str | None, outcome: str = OK, **extra: Any
) -> dict[str, Any]:
    return {
        "t": t,
        "end": t + 0.1,
        "user": user,
        "kind": "read",
        "node": node,
        "outcome": outcome,
        "status": 200 if outcome == OK else extra.pop("status", 502),
        "ms": 100,
        "session_lost": False,
        **extra,
    }


def test_the_summary_counts_errors_after_the_kill_and_users_moved() -> None:
    requests = [
        _request(1, 0, "node1"),
        _request(2, 1, "node2"),
        _request(9.95, 1, None, PROXY_ERROR),  # in flight at the kill
        _request(11, 0, "node2"),
        _request(11.5, 1, "node2"),
        _request(12, 2, "node2", REFUSED, status=302, session_lost=True),
        _request(13, 0, None, NO_ANSWER),
    ]
    summary = summarise(requests, killed_at=10.0, killed_node="node1")
    assert summary.user_visible_errors == 3
    assert summary.sessions_lost == 1
    assert summary.errors_after_kill == 3
    assert summary.first_error_after_kill == pytest.approx(0.05)
    assert summary.last_error_after_kill == pytest.approx(3.1)
    # User 0 was on node1 before the kill and on node2 after it; user 1 never
    # reached node1.
    assert summary.users_moved == 1
    assert summary.nodes_after == {"node2": 3, "none": 1}
    assert summary.errors_by_kind == {
        "502 from the proxy": 1,
        "session lost": 1,
        "no answer (connection broken or timed out)": 1,
    }


def test_proxy_retries_counts_retried_posts_only(tmp_path: Path) -> None:
    log = tmp_path / "haproxy.log"
    log.write_text(
        "bench-ha GET 1 200 node2 12 -\n"
        "bench-ha POST 0 201 node1 30 7\n"
        "bench-ha POST +1 201 node2 31 8\n"
        "[WARNING] a line of something else\n"
    )
    assert proxy_retries(log) == {"posts": 2, "retried": 1}


def test_the_block_is_replaced_and_the_text_around_it_stays(tmp_path: Path) -> None:
    doc = tmp_path / "performance.md"
    doc.write_text(
        "# P\n\nBefore.\n<!-- bench-ha:start -->\nold\n<!-- bench-ha:end -->\nAfter.\n"
    )
    write_block(name="bench-ha", body="new\n", target=doc)
    assert doc.read_text() == (
        "# P\n\nBefore.\n<!-- bench-ha:start -->\nnew\n<!-- bench-ha:end -->\nAfter.\n"
    )


@pytest.mark.django_db
def test_keys_are_free_fictitious_bsns_and_found_by_blind_index(
    professional: Persona,
) -> None:
    first, second, *_ = free_keys(3)
    chosen_at = timezone.now() - dt.timedelta(seconds=1)
    signal_register_for_child(
        actor=professional.actor,
        data=ChildSignalInput(given_name="Failover", family_name="Kind", bsn=first),
    )
    assert present_keys([first, second], since=chosen_at) == {first: 1}
    assert present_keys([first], since=timezone.now()) == {}
    # A key a signal (and its person) already carries is never handed out again.
    assert first not in free_keys(3)
    assert second in free_keys(3)
