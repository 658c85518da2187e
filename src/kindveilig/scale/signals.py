"""Signal registration with a match (the verwijsindex of the chain app), timed
in-process: there is one service call per registration and its cost is the
database work, so it is measured without HTTP in front of it."""

import statistics
import time
from dataclasses import dataclass
from typing import Any

from django.db import connection
from django.urls import reverse

from kindveilig.access.actor import Actor
from kindveilig.access.roles import Role
from kindveilig.accounts.models import Membership
from kindveilig.core.crypto import blind_index
from kindveilig.organisations.models import Organisation
from kindveilig.persons.models import Person
from kindveilig.persons.services import person_create
from kindveilig.verwijsindex.models import Signal, SignalStatus
from kindveilig.verwijsindex.services import signal_register

from .pools import RESERVED_BSNS, SYNTH

__all__ = ["SignalTimings", "time_signal_registration"]


@dataclass(frozen=True)
class SignalTimings:
    count: int
    without_match_median_ms: float
    without_match_p95_ms: float
    with_match_median_ms: float
    with_match_p95_ms: float
    # Where a registration with a match spends its time: how many statements it
    # sends and how long they take in the database driver (median); the rest is
    # Python, BEGIN and the durable COMMIT.
    with_match_statements: int = 0
    with_match_sql_median_ms: float = 0.0

    def as_dict(self) -> dict[str, Any]:
        return self.__dict__.copy()


class _StatementClock:
    """A database execute wrapper: counts the statements and their time."""

    def __init__(self) -> None:
        self.count = 0
        self.ms = 0.0

    def __call__(
        self, execute: Any, sql: str, params: Any, many: bool, context: Any
    ) -> Any:
        started = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            self.count += 1
            self.ms += (time.perf_counter() - started) * 1000


def _p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def _fresh_children(organisation_id: int, count: int) -> list[Person]:
    """Children of organisation A with a reserved BSN that no active signal has:
    the first registration then matches nothing and the second exactly one."""
    taken = set(
        Signal.objects.filter(status=SignalStatus.ACTIVE).values_list(
            "bsn_index", flat=True
        )
    )
    children: list[Person] = []
    for bsn in RESERVED_BSNS:
        if len(children) >= count:
            break
        if blind_index(bsn) in taken:
            continue
        children.append(
            person_create(
                actor=None,
                organisation=Organisation.objects.get(pk=organisation_id),
                given_name="Benchmark",
                family_name="Kind" + SYNTH,
                bsn=bsn,
            )
        )
    return children


def time_signal_registration(*, count: int) -> SignalTimings | None:
    """The aandachtsfunctionaris of organisation A registers a child (no match
    yet); then the one of organisation B registers the same child: one match.
    ``None`` when there are not two organisations or no reserved BSN is left."""
    afs = list(
        Membership.objects.filter(role=Role.AANDACHTSFUNCTIONARIS)
        .select_related("user", "organisation")
        .order_by("organisation_id")[:2]
    )
    if len(afs) < 2 or afs[0].organisation_id == afs[1].organisation_id:
        return None
    first, second = (Actor(user=m.user, membership=m) for m in afs)
    children = _fresh_children(afs[0].organisation_id, count)
    if not children:
        return None
    # A match links to the match list: load the URLconf first, as a served
    # process has, so the first registration does not pay for its import.
    reverse("verwijsindex:match-list")
    without, with_match, sql_ms, statements = [], [], [], 0
    for child in children:
        started = time.perf_counter()
        signal_register(actor=first, person=child)
        without.append((time.perf_counter() - started) * 1000)
        clock = _StatementClock()
        with connection.execute_wrapper(clock):
            started = time.perf_counter()
            signal_register(actor=second, person=child)
            with_match.append((time.perf_counter() - started) * 1000)
        sql_ms.append(clock.ms)
        statements = clock.count
    return SignalTimings(
        count=len(children),
        without_match_median_ms=round(statistics.median(without), 2),
        without_match_p95_ms=round(_p95(without), 2),
        with_match_median_ms=round(statistics.median(with_match), 2),
        with_match_p95_ms=round(_p95(with_match), 2),
        with_match_statements=statements,
        with_match_sql_median_ms=round(statistics.median(sql_ms), 2),
    )
