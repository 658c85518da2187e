"""The registry of record kinds that retention applies to (docs/retention.md).

Each app registers its own kinds in its ``AppConfig.ready()``, as it registers its
daily tasks: the engine (``kindveilig.privacy``) sits on the top domain floor and
runs them all, so no app below it ever imports it. A kind knows which of its
records have passed their term and how to delete them (with their files and the
audit records); the engine brings the terms, the legal holds, the batches and the
record of the run.

Terms are in days, per organisation sector where the law differs per sector
(``"default"`` for the rest): ``settings.KINDVEILIG_RETENTION_TERMS`` overrides
them per kind.
"""

import datetime as dt
import uuid
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

from django.db import models, transaction
from django.utils.functional import Promise

__all__ = [
    "DEFAULT_TERM",
    "PERSON_KIND",
    "RecordKind",
    "RetentionContext",
    "active_holds",
    "purge_in_batches",
    "record_kinds",
    "register_hold_source",
    "register_record_kind",
]

DEFAULT_TERM = "default"
# A hold on a person also keeps the records about them in other kinds.
PERSON_KIND = "persons.person"


@dataclass(frozen=True)
class RetentionContext:
    """One kind's share of a run."""

    now: dt.datetime
    # Days per sector (and "default"), defaults merged with the setting.
    terms: Mapping[str, int]
    # Public ids under an active legal hold, per kind key ("persons.person", ...).
    holds: Mapping[str, frozenset[uuid.UUID]] = field(default_factory=dict)
    dry_run: bool = False
    batch_size: int = 500

    def held(self, kind: str) -> frozenset[uuid.UUID]:
        return self.holds.get(kind, frozenset())

    def cutoff(self, sector: str = DEFAULT_TERM) -> dt.datetime:
        """Records that ended before this moment have passed their term."""
        days = self.terms.get(sector, self.terms[DEFAULT_TERM])
        return self.now - dt.timedelta(days=days)


class Apply(Protocol):
    def __call__(self, ctx: RetentionContext) -> int: ...


@dataclass(frozen=True)
class RecordKind:
    key: str  # "<app label>.<model>", the key of the settings and of legal holds
    label: str | Promise
    default_terms: Mapping[str, int]  # days; must hold DEFAULT_TERM
    # What the term counts from, and the source: shown in docs/retention.md.
    counts_from: str
    apply: Apply  # deletes (or, dry, counts) what has passed; returns the number
    # Lower runs first: persons last, once nothing refers to them any more.
    order: int = 100

    def __post_init__(self) -> None:
        if DEFAULT_TERM not in self.default_terms:
            raise ValueError(f"{self.key}: a default term is required.")


_KINDS: dict[str, RecordKind] = {}


def register_record_kind(kind: RecordKind) -> None:
    """Called from an ``AppConfig.ready()``; registering a key again replaces it."""
    _KINDS[kind.key] = kind


def record_kinds() -> list[RecordKind]:
    return sorted(_KINDS.values(), key=lambda kind: (kind.order, kind.key))


HoldSource = Callable[[], Mapping[str, frozenset[uuid.UUID]]]
_HOLD_SOURCES: list[HoldSource] = []


def register_hold_source(source: HoldSource) -> None:
    """Called from the engine's ``AppConfig.ready()`` (``kindveilig.privacy``, which
    owns the legal holds): where the active holds are read."""
    _HOLD_SOURCES[:] = [source]


def active_holds() -> Mapping[str, frozenset[uuid.UUID]]:
    """Public ids under an active legal hold, per kind key: the same snapshot the
    engine reads. For a purge that runs outside the engine (an app's own command
    or task), so it keeps exactly what a run of the engine would keep. Without a
    registered source it refuses: better no purge than one that ignores holds."""
    if not _HOLD_SOURCES:
        raise RuntimeError("No source of legal holds is registered.")
    return _HOLD_SOURCES[0]()


def purge_in_batches[M: models.Model](
    queryset: "models.QuerySet[M]",
    *,
    ctx: RetentionContext,
    delete: Callable[[Sequence[M]], Any],
) -> int:
    """Delete what ``queryset`` selects, ``ctx.batch_size`` rows per transaction,
    through ``delete`` (which writes the audit records and removes files). A dry
    run only counts. Keyset batches (pk order), so a row ``delete`` leaves in
    place is never read twice."""
    if ctx.dry_run:
        return queryset.count()
    removed = 0
    last_pk: Any = 0
    while True:
        with transaction.atomic():
            batch = list(
                queryset.filter(pk__gt=last_pk).order_by("pk")[: ctx.batch_size]
            )
            if not batch:
                return removed
            delete(batch)
        removed += len(batch)
        last_pk = batch[-1].pk
