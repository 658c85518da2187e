"""COPY into the tables, and the small helpers the generator draws with."""

import bisect
import dataclasses
import itertools
import random
import uuid
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from operator import attrgetter
from typing import Any, ClassVar

from django.db import connection, models

__all__ = [
    "GenerationResult",
    "Loader",
    "Org",
    "Row",
    "columns",
    "scaled",
    "uuid4_from",
    "weighted_picker",
]


@dataclass
class GenerationResult:
    counts: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0

    def add(self, name: str, number: int) -> None:
        self.counts[name] = self.counts.get(name, 0) + number

    @property
    def rows(self) -> int:
        return sum(self.counts.values())


@dataclass
class Org:
    id: int
    type: str
    framework_id: int
    professionals: list[int]
    aandachtsfunctionarissen: list[int]
    # (person id, public id, BSN blind index) of the children it registered.
    children: list[tuple[int, uuid.UUID, str]] = field(default_factory=list)
    municipality: int = 0


@dataclass(frozen=True, slots=True)
class Row:
    """A row to COPY into ``MODEL``'s table. A subclass's fields, in order, are the
    columns it fills (model field names): the row and its column list are one."""

    MODEL: ClassVar[type[models.Model]]


def columns(table: type[Row]) -> tuple[str, ...]:
    """The model fields a row type fills, in COPY order."""
    return tuple(column.name for column in dataclasses.fields(table))


class Loader:
    """COPY rows into a model's table; explicit ids where rows are referenced."""

    def __init__(self, result: GenerationResult) -> None:
        self.result = result
        connection.ensure_connection()
        self.cursor: Any = connection.connection.cursor()  # psycopg 3 cursor

    def next_id(self, model: type[models.Model]) -> int:
        self.cursor.execute(
            f"SELECT COALESCE(MAX(id), 0) + 1 FROM {model._meta.db_table}"  # noqa: S608  # table name from the model
        )
        value = self.cursor.fetchone()[0]
        assert isinstance(value, int)
        return value

    def copy(self, table: type[Row], rows: Iterable[Row]) -> None:
        """COPY ``rows`` (all of type ``table``) into ``table.MODEL``'s table."""
        meta = table.MODEL._meta
        names = columns(table)
        targets = ", ".join(_column(meta.get_field(name)) for name in names)
        values = attrgetter(*names)
        count = 0
        with self.cursor.copy(f"COPY {meta.db_table} ({targets}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(values(row))
                count += 1
        self.result.add(meta.label_lower, count)

    def reset_sequence(self, model: type[models.Model]) -> None:
        table = model._meta.db_table
        self.cursor.execute(
            f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "  # noqa: S608  # table name from the model
            f"(SELECT COALESCE(MAX(id), 1) FROM {table}))"
        )


def _column(model_field: object) -> str:
    assert isinstance(model_field, models.Field)
    assert model_field.column is not None
    return model_field.column


def weighted_picker(
    rng: random.Random, items: Sequence[Any], weights: Sequence[float]
) -> Callable[[], Any]:
    cumulative = list(itertools.accumulate(weights))
    total = cumulative[-1]

    def pick() -> Any:
        return items[bisect.bisect_right(cumulative, rng.random() * total)]

    return pick


def uuid4_from(rng: random.Random) -> uuid.UUID:
    return uuid.UUID(int=rng.getrandbits(128), version=4)


def scaled(national: int, fraction: float) -> int:
    return max(1, round(national * fraction))
