"""The change log of the incremental refresh, read by the job.

Database triggers (migration 0004) write a ``MonitorChange`` row for every
statement that may move a count: the organisation (or the municipality and
sector) and the day, in UTC. ``changes_read`` takes what is there; ``scope_of``
turns it into the cells to count again: each day's local month (the day
before and after too, so a UTC day at a month's edge reaches both months),
at the organisation's place. ``changes_consume`` deletes exactly the rows that
were read, so a change committed while the job ran stays for the next run.

A bulk loader that writes with the log switched off (``changes_off``) logs one
"everything" row instead: the next run counts the whole window.
"""

import datetime as dt
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from django.db import connection

from kindveilig.organisations.models import Sector
from kindveilig.readiness.expiry import add_months

from .aggregation import Place, Scope
from .models import MonitorChange, MonitorFinal

__all__ = [
    "Changes",
    "changes_consume",
    "changes_off",
    "changes_read",
    "everything_changed",
    "scope_of",
]

CHUNK = 10_000


@dataclass(frozen=True)
class Changes:
    ids: list[int] = field(default_factory=list)
    everything: bool = False
    # (organisation, municipality, sector, day)
    keys: set[tuple[int | None, int | None, str, dt.date]] = field(default_factory=set)


def changes_read() -> Changes:
    ids: list[int] = []
    keys: set[tuple[int | None, int | None, str, dt.date]] = set()
    everything = False
    for (
        pk,
        organisation,
        municipality,
        sector,
        day,
        all_of_it,
    ) in MonitorChange.objects.order_by("pk").values_list(
        "pk", "organisation_id", "municipality_id", "sector", "day", "everything"
    ):
        ids.append(pk)
        if all_of_it:
            everything = True
        elif day is not None:
            keys.add((organisation, municipality, sector, day))
    return Changes(ids=ids, everything=everything, keys=keys)


def changes_consume(changes: Changes) -> None:
    for start in range(0, len(changes.ids), CHUNK):
        MonitorChange.objects.filter(pk__in=changes.ids[start : start + CHUNK]).delete()


def _months_of(day: dt.date) -> set[dt.date]:
    return {(day + dt.timedelta(days=shift)).replace(day=1) for shift in (-1, 0, 1)}


def _place(
    key: tuple[int | None, int | None, str, dt.date], places: dict[int, Place]
) -> Place | None:
    organisation, municipality, sector, _day = key
    if organisation is not None:
        known = places.get(organisation)
        if known is None:
            return None  # gone: its deletion logged "everything"
        return (known[0] if municipality is None else municipality, known[1])
    if municipality is not None and sector in Sector.values:
        return (municipality, sector)
    return None


def scope_of(
    changes: Changes,
    *,
    window: tuple[dt.date, dt.date],
    covered: tuple[dt.date, dt.date],
    places: dict[int, Place],
) -> Scope:
    """The cells to count again: every place of a month of ``window`` that the
    last run did not count (``covered``: its first and last month), and the
    places and months the changes name."""
    first, last = window
    months: dict[dt.date, frozenset[Place] | None] = {}
    month = first
    while month <= last:
        if not covered[0] <= month <= covered[1]:
            months[month] = None
        month = add_months(month, 1)
    named: dict[dt.date, set[Place]] = defaultdict(set)
    for key in changes.keys:
        place = _place(key, places)
        if place is None:
            continue
        for month in _months_of(key[3]):
            if first <= month <= last and month not in months:
                named[month].add(place)
    months.update({month: frozenset(found) for month, found in named.items()})
    return Scope(months)


def everything_changed() -> None:
    """Ask the next run to count the whole window (after a bulk load), final
    months included: the load may have written rows into them, and only a
    bulk loader (the generated population) calls this."""
    MonitorFinal.objects.all().delete()
    MonitorChange.objects.create(everything=True)


@contextmanager
def changes_off() -> Iterator[None]:
    """Switch the change log off inside a transaction (a bulk loader, which
    also calls ``everything_changed``), and on again after it, should the
    transaction go on (an outer one, as in a test)."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT set_config('kindveilig.monitor_changes', 'off', true)")
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT set_config('kindveilig.monitor_changes', 'on', true)"
            )
