"""Signal registration with a match (the verwijsindex of the chain app), timed
in-process: there is one service call per registration and its cost is the
database work, so it is measured without HTTP in front of it."""

import importlib
import statistics
import time
from dataclasses import dataclass
from typing import Any

from django.db.models import Count

from kindveilig.access.actor import Actor
from kindveilig.access.roles import Role
from kindveilig.accounts.models import Membership
from kindveilig.persons.models import Person

__all__ = ["SignalTimings", "time_signal_registration"]


@dataclass(frozen=True)
class SignalTimings:
    count: int
    without_match_median_ms: float
    without_match_p95_ms: float
    with_match_median_ms: float
    with_match_p95_ms: float

    def as_dict(self) -> dict[str, Any]:
        return self.__dict__.copy()


def _p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def time_signal_registration(*, count: int) -> SignalTimings | None:
    """The aandachtsfunctionaris of organisation A registers a child (no match
    yet); then the one of organisation B registers the same child: a match.
    ``None`` when the chain app has no ``signal_register`` (not built yet)."""
    try:
        services = importlib.import_module("kindveilig.chain.services")
    except ImportError:
        return None
    register = getattr(services, "signal_register", None)
    if register is None:
        return None
    afs = list(
        Membership.objects.filter(role=Role.AANDACHTSFUNCTIONARIS)
        .annotate(n=Count("organisation__registered_persons"))
        .filter(n__gt=0)
        .select_related("user", "organisation")
        .order_by("-n")[:2]
    )
    if len(afs) < 2:
        return None
    first, second = (Actor(user=m.user, membership=m) for m in afs)
    seen: set[str] = set()
    children: list[Person] = []
    for person in Person.objects.filter(
        registered_by_id=afs[0].organisation_id
    ).exclude(bsn_index="")[: count * 4]:
        if person.bsn_index not in seen:
            seen.add(person.bsn_index)
            children.append(person)
        if len(children) >= count:
            break
    without, with_match = [], []
    for child in children:
        started = time.perf_counter()
        register(actor=first, person=child)
        without.append((time.perf_counter() - started) * 1000)
        started = time.perf_counter()
        register(actor=second, person=child)
        with_match.append((time.perf_counter() - started) * 1000)
    if not children:
        return None
    return SignalTimings(
        count=len(children),
        without_match_median_ms=round(statistics.median(without), 2),
        without_match_p95_ms=round(_p95(without), 2),
        with_match_median_ms=round(statistics.median(with_match), 2),
        with_match_p95_ms=round(_p95(with_match), 2),
    )
