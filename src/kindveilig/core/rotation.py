"""Key rotation: re-encrypt everything under the current key, re-key the blind
indexes (docs/deploy.md, "Key rotation").

``manage.py rotate_keys`` runs the steps in order: first every
``EncryptedTextField``/``EncryptedDateField`` of every model (found by
introspection), then what apps register in their ``ready()`` with
``register_rotation_step``: encrypted files (meldcode attachments) and, when an
old blind-index key is still configured, the blind indexes (BSN and name tokens).
Each step works in batches by ascending id and skips what is already under the
current key, so an interrupted run is simply started again.
"""

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from django.apps import apps
from django.db import connection, models, transaction

from .crypto import (
    PREFIX,
    EncryptedDateField,
    EncryptedTextField,
    is_current_text,
    rotate_text,
)

__all__ = [
    "RotationStep",
    "encrypted_columns",
    "field_steps",
    "register_rotation_step",
    "registered_steps",
]


@dataclass(frozen=True)
class RotationStep:
    """One thing to rotate. ``count`` says how many items there are (for the
    progress bar); ``run(batch_size)`` does the work and yields, per batch, how
    many items it looked at. ``blind_index`` steps re-key hashes: they run when an
    old blind-index key is configured (or when asked)."""

    name: str
    count: Callable[[], int]
    run: Callable[[int], Iterator[int]]
    blind_index: bool = False


_REGISTRY: list[RotationStep] = []


def register_rotation_step(step: RotationStep) -> None:
    if all(known.name != step.name for known in _REGISTRY):
        _REGISTRY.append(step)


def registered_steps() -> tuple[RotationStep, ...]:
    return tuple(_REGISTRY)


def encrypted_columns() -> list[tuple[type[models.Model], list[str]]]:
    """Every concrete model with encrypted columns, and those columns."""
    found = []
    for model in apps.get_models():
        if model._meta.proxy or not model._meta.managed:
            continue
        columns = [
            field.column
            for field in model._meta.local_concrete_fields
            if isinstance(field, EncryptedTextField | EncryptedDateField)
            and field.column
        ]
        if columns:
            found.append((model, columns))
    return found


def _rotate_table(
    model: type[models.Model], columns: list[str], batch: int
) -> Iterator[int]:
    """Re-encrypt the columns row by row, in batches of ids: raw SQL, so the
    ciphertext is read and written as it is (nothing decrypted in between but to
    re-encrypt), and ``updated_at`` does not change."""
    quote = connection.ops.quote_name
    table = quote(model._meta.db_table)
    pk_field = model._meta.pk
    assert pk_field is not None
    assert pk_field.column is not None
    pk = quote(pk_field.column)
    selected = ", ".join(quote(column) for column in columns)
    last: int | str | None = None
    while True:
        params: list[int | str] = [] if last is None else [last]
        where = "" if last is None else f"WHERE {pk} > %s"
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(
                f"SELECT {pk}, {selected} FROM {table} {where} "  # noqa: S608  # names from the model
                f"ORDER BY {pk} LIMIT %s",
                [*params, batch],
            )
            rows = cursor.fetchall()
            if not rows:
                return
            updates = []
            for row_pk, *values in rows:
                changed = {
                    column: rotate_text(value)
                    for column, value in zip(columns, values, strict=True)
                    if isinstance(value, str)
                    and value.startswith(PREFIX)
                    and not is_current_text(value)
                }
                if changed:
                    updates.append((row_pk, changed))
            for row_pk, changed in updates:
                assignments = ", ".join(f"{quote(c)} = %s" for c in changed)
                cursor.execute(
                    f"UPDATE {table} SET {assignments} WHERE {pk} = %s",  # noqa: S608  # names from the model
                    [*changed.values(), row_pk],
                )
            last = rows[-1][0]
        yield len(rows)


def field_steps() -> list[RotationStep]:
    """One step per model with encrypted columns."""
    return [
        RotationStep(
            name=f"{model._meta.label} ({', '.join(columns)})",
            count=model._base_manager.count,
            run=lambda batch, model=model, columns=columns: _rotate_table(  # type: ignore[misc]
                model, columns, batch
            ),
        )
        for model, columns in encrypted_columns()
    ]
