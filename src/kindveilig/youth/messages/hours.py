"""When a person at the school or club reads messages: pure functions of the
hours and a moment, in Dutch time.

Hours are ``(weekday, opens, closes)`` triples; a channel without rows of its
own has ``DEFAULT_HOURS`` (school days, Monday to Friday 08:00-17:00). Public
holidays are closed, from the one working-day calendar (``core.calendar``);
school holidays are not known, so an organisation that closes for weeks sets
its channel to closed for messages.
"""

import datetime as dt
from collections.abc import Iterator, Sequence
from zoneinfo import ZoneInfo

from kindveilig.core.calendar import dutch_public_holidays

__all__ = [
    "AMSTERDAM",
    "DEFAULT_HOURS",
    "Hours",
    "add_open_minutes",
    "is_open",
    "next_opening",
]

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
Hours = Sequence[tuple[int, dt.time, dt.time]]
DEFAULT_HOURS: Hours = tuple((day, dt.time(8), dt.time(17)) for day in range(5))
# Look this many days ahead at most (Christmas and New Year fit easily).
HORIZON_DAYS = 31


def _spans_on(hours: Hours, day: dt.date) -> list[tuple[dt.datetime, dt.datetime]]:
    if day in dutch_public_holidays(day.year):
        return []
    return sorted(
        (
            dt.datetime.combine(day, opens, tzinfo=AMSTERDAM),
            dt.datetime.combine(day, closes, tzinfo=AMSTERDAM),
        )
        for weekday, opens, closes in hours
        if weekday == day.weekday() and closes > opens
    )


def _spans_from(
    hours: Hours, at: dt.datetime
) -> Iterator[tuple[dt.datetime, dt.datetime]]:
    """The open spans that end after ``at``, in order, within the horizon."""
    first = at.astimezone(AMSTERDAM).date()
    for offset in range(HORIZON_DAYS + 1):
        for opens, closes in _spans_on(hours, first + dt.timedelta(days=offset)):
            if closes > at:
                yield opens, closes


def is_open(hours: Hours, at: dt.datetime) -> bool:
    return any(
        opens <= at < closes
        for opens, closes in _spans_on(hours, at.astimezone(AMSTERDAM).date())
    )


def next_opening(hours: Hours, at: dt.datetime) -> dt.datetime | None:
    """When a person next reads messages: None while open now (or when the
    hours have no open time within a month)."""
    for opens, _closes in _spans_from(hours, at):
        return None if opens <= at else opens
    return None


def add_open_minutes(hours: Hours, start: dt.datetime, minutes: int) -> dt.datetime:
    """The moment when ``minutes`` of open time have passed since ``start``;
    ``start`` plus the minutes when the hours have no open time ahead."""
    left = dt.timedelta(minutes=minutes)
    for opens, closes in _spans_from(hours, start):
        begin = max(opens, start)
        if begin + left <= closes:
            return begin + left
        left -= closes - begin
    return start + dt.timedelta(minutes=minutes)
