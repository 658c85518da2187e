"""Organisations that signal the same child at the same moment are matched exactly
once per pair, and every contact person hears of it, whatever the timing.

Each thread registers through its own database connection, released at a
barrier so the transactions overlap. Runs against PostgreSQL only (the advisory
lock is PostgreSQL's; the SQLite demo serialises writers on its own).
"""

import datetime as dt
import itertools
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor

from django.db import connection

import pytest
from conftest import Persona

from kindveilig.access.actor import Actor
from kindveilig.access.roles import Role
from kindveilig.core.crypto import blind_index
from kindveilig.notifications.models import Notification, NotificationKind
from kindveilig.organisations.tests.factories import OrganisationFactory
from kindveilig.persons.models import Person
from kindveilig.persons.services import person_create
from kindveilig.verwijsindex.models import Match, MatchNotice, Signal
from kindveilig.verwijsindex.services import (
    ChildSignalInput,
    signal_register,
    signal_register_for_child,
)

pytestmark = [pytest.mark.django_db(transaction=True)]

RUNS = 20


def _bsn(number: int) -> str:
    """A valid BSN (elfproef) for each number: eight digits plus a check digit."""
    for extra in itertools.count():
        head = f"{(10_000_000 + number * 97 + extra) % 100_000_000:08d}"
        total = sum(int(d) * w for d, w in zip(head, range(9, 1, -1), strict=True))
        check = total % 11
        if check < 10 and head != "00000000":
            return head + str(check)
    raise AssertionError  # pragma: no cover


def _at_once(calls: list[Callable[[], object]]) -> None:
    """Run the calls in parallel threads, each on its own connection, starting
    together; re-raise the first error."""
    barrier = threading.Barrier(len(calls))

    def run(call: Callable[[], object]) -> None:
        try:
            barrier.wait(timeout=30)
            call()
        finally:
            connection.close()

    with ThreadPoolExecutor(max_workers=len(calls)) as pool:
        for future in [pool.submit(run, call) for call in calls]:
            future.result(timeout=60)


def _register_new(actor: Actor, bsn: str) -> Callable[[], object]:
    return lambda: signal_register_for_child(
        actor=actor,
        data=ChildSignalInput(
            given_name="Sam", family_name="Proef", bsn=bsn, date_of_birth=None
        ),
    )


def _register_known(actor: Actor, person: Person) -> Callable[[], object]:
    return lambda: signal_register(actor=actor, person=person)


def _assert_every_pair_matched_once(actors: list[Actor], bsn: str) -> None:
    signals = list(Signal.objects.filter(bsn_index=blind_index(bsn)))
    assert len(signals) == len(actors)
    pairs = {
        (min(a.pk, b.pk), max(a.pk, b.pk))
        for a, b in itertools.combinations(signals, 2)
    }
    matches = list(
        Match.objects.filter(first__in=signals).values_list("first_id", "second_id")
    )
    assert sorted(matches) == sorted(pairs)
    for signal in signals:
        # Told once about every other organisation's signal.
        others = sorted(s.pk for s in signals if s.pk != signal.pk)
        told = MatchNotice.objects.filter(
            user_id=signal.contact_user_id, own_signal=signal
        )
        assert sorted(told.values_list("other_signal_id", flat=True)) == others
        notified = Notification.objects.filter(
            user_id=signal.contact_user_id, kind=NotificationKind.MATCH_FOUND
        )
        assert notified.count() == len(others)


@pytest.mark.parametrize("organisations", [2, 3])
@pytest.mark.parametrize("known", [False, True], ids=["new child", "known child"])
def test_simultaneous_signals_match_every_pair_once(
    make_persona: Callable[..., Persona], organisations: int, known: bool
) -> None:
    missed = 0
    for run in range(RUNS):
        actors = [
            make_persona(
                Role.PROFESSIONAL,
                OrganisationFactory.create(name=f"Organisatie {run}-{index} (test)"),
            ).actor
            for index in range(organisations)
        ]
        bsn = _bsn(run * 10 + organisations + (5 if known else 0))
        if known:
            calls = [
                _register_known(
                    actor,
                    person_create(
                        actor=actor,
                        organisation=actor.organisation,
                        given_name="Sam",
                        family_name="Proef",
                        date_of_birth=dt.date(2016, 3, 14),
                        bsn=bsn,
                    ),
                )
                for actor in actors
            ]
        else:
            calls = [_register_new(actor, bsn) for actor in actors]
        _at_once(calls)
        try:
            _assert_every_pair_matched_once(actors, bsn)
        except AssertionError:
            missed += 1
    assert missed == 0, f"{missed} of {RUNS} runs missed a match or a notice"
