"""What the generator's parts share: the audit row, the facts of one generated
trajectory that households and signals build on, and the rows of one chunk."""

import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.db import models

from .columns import COLUMNS
from .loading import Loader, Org

__all__ = ["AuditRow", "ChildRef", "ParentRef", "Rows", "TrajectoryFacts"]

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
    """The rows of one chunk per model, in the order ``COLUMNS`` lists them."""

    def __init__(self, tables: Iterable[type[models.Model]]) -> None:
        self.by_model: dict[type[models.Model], list[tuple[Any, ...]]] = {
            model: [] for model in tables
        }

    def __getitem__(self, model: type[models.Model]) -> list[tuple[Any, ...]]:
        return self.by_model[model]

    def flush(self, load: Loader) -> None:
        for model, rows in self.by_model.items():
            load.copy(model, COLUMNS[model], rows)
            rows.clear()
