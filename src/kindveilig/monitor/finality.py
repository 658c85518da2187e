"""Final counts: the months whose counts a refresh keeps instead of counting
them again, because the rows they were counted from are deleted early.

The youth channel deletes a conversation, with its messages, once it has had
no activity for ``KINDVEILIG_YOUTH_MESSAGE_RETENTION_DAYS`` (60 by default).
Counted again after that, a month would lose its youth figures. So a source
with a short retention period names the measures counted from its rows, and
a month of those measures becomes *final* just before the first of its rows
can be deleted: every row counted in a month has been active in that month
(created in it, or a message written in it), so none is deleted before the
month's first day plus the retention period. A final month's counts are then
frozen (``MonitorFinal``, one row per month and measure with a digest of the
measure's definition) and no refresh, full or incremental, counts them again,
also not after a change of the scheme (``METHOD_VERSION``, the threshold),
unless that measure's own definition changed (docs/decisions.md, "Final
youth counts").
"""

import datetime as dt
import hashlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from kindveilig.readiness.expiry import add_months
from kindveilig.youth.messages.services import retention_days

from .measures import BUCKETS, MEASURES, Measure

__all__ = [
    "MARGIN_DAYS",
    "SOURCES",
    "Source",
    "final_from",
    "finals_due",
    "measure_digest",
]

# Days before the first possible deletion: a refresh that fails once, and a
# purge that runs earlier in the day than the refresh, still leave a run that
# counts the month whole and freezes it.
MARGIN_DAYS = 3


@dataclass(frozen=True)
class Source:
    """Rows deleted after ``retention_days()`` without activity, and the
    measures counted from them."""

    key: str
    measures: frozenset[str]
    retention_days: Callable[[], int]


SOURCES: tuple[Source, ...] = (
    Source(
        "youth",
        # "started" too: its value "youth" is read from the conversation a
        # trajectory was opened from, which the purge deletes.
        frozenset(
            {
                "youth_conversation",
                "youth_message",
                "youth_answer_hours",
                "youth_escalation",
                "started",
            }
        ),
        retention_days,
    ),
)


def final_from(month: dt.date, source: Source) -> dt.date:
    """The first day on which ``month`` (its first day) is final for
    ``source``: ``MARGIN_DAYS`` before the month's first day plus the retention
    period, and never before the month has ended (with a retention period
    shorter than a month, rows of the month's first days are gone before it
    can be frozen: docs/monitor.md, "Final counts")."""
    first_deletion = month + dt.timedelta(days=source.retention_days())
    return max(
        first_deletion - dt.timedelta(days=MARGIN_DAYS),
        add_months(month, 1) + dt.timedelta(days=1),
    )


def measure_digest(m: Measure) -> str:
    """What a final count of ``m`` depends on: its values, its unit, its
    buckets and its own version. Not the threshold or ``METHOD_VERSION``."""
    parts = [m.key, m.value_keys, m.unit, m.partition, m.version]
    if m.is_duration:
        parts.append(BUCKETS)
    return hashlib.sha256(repr(parts).encode()).hexdigest()


def finals_due(months: Iterable[dt.date], today: dt.date) -> set[tuple[dt.date, str]]:
    """The (month, measure) pairs of ``months`` that are final on ``today``."""
    known = {m.key for m in MEASURES}
    return {
        (month, key)
        for source in SOURCES
        for month in months
        if final_from(month, source) <= today
        for key in source.measures
        if key in known
    }
