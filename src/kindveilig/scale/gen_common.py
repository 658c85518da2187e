"""What the generator's parts share: the audit row, the facts of one generated
trajectory that households and signals build on, and the rows of one chunk."""

import random
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db import models

from .loading import Loader, Org, Row

__all__ = [
    "AuditRow",
    "ChildRef",
    "Ids",
    "ParentRef",
    "Rows",
    "TrajectoryFacts",
    "moment",
]

# (occurred_at, actor user, actor organisation, actor role, action, person public
# id, object type, object id): extended into the hash chain by Generator._chain.
AuditRow = tuple[datetime, int | None, int | None, str, str, uuid.UUID | None, str, str]
# A child: person id, public id, BSN blind index.
ChildRef = tuple[int, uuid.UUID, str]
# A parent in the trajectory: person id, public id, holds gezag.
ParentRef = tuple[int, uuid.UUID, bool]


@dataclass(slots=True)
class TrajectoryFacts:
    """One generated trajectory, as the other parts need it."""

    id: int
    public_id: uuid.UUID
    org: Org
    owner: int
    owner_role: str
    created: datetime
    decided: datetime | None  # the co-signed decision of step 5, if any
    outcome: str  # "no_suspicion", "help" or "melding"
    kids: list[ChildRef]
    parents: list[ParentRef]


class Rows:
    """The rows of one chunk per table, COPYed in the order the tables are given."""

    def __init__(self, tables: Iterable[type[Row]]) -> None:
        self.by_table: dict[type[Row], list[Row]] = {table: [] for table in tables}

    def add(self, row: Row) -> None:
        """Keep ``row`` for its table (one of the tables given)."""
        self.by_table[type(row)].append(row)

    def flush(self, load: Loader) -> None:
        for table, rows in self.by_table.items():
            load.copy(table, rows)
            rows.clear()


class Ids:
    """The next free id of each of some models, read once from their tables."""

    def __init__(self, load: Loader, tables: Iterable[type[models.Model]]) -> None:
        self.next: dict[type[models.Model], int] = {
            model: load.next_id(model) for model in tables
        }

    def __call__(self, model: type[models.Model]) -> int:
        value = self.next[model]
        self.next[model] += 1
        return value


def moment(rng: random.Random, now: datetime, start: datetime, days: float) -> datetime:
    """``days`` after ``start``, at a random time in the next eight hours, but not
    after ``now``."""
    return min(now, start + timedelta(days=days, seconds=rng.randint(0, 28800)))
