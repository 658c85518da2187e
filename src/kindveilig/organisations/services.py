from collections.abc import Callable, Sequence
from dataclasses import dataclass

from django.db import transaction

from .importing import OrganisationRow
from .models import Organisation

__all__ = ["ImportResult", "organisations_import"]


@dataclass(frozen=True)
class ImportResult:
    created: int
    updated: int
    unchanged: int


@transaction.atomic
def organisations_import(
    *,
    rows: Sequence[OrganisationRow],
    progress: Callable[[int], None] | None = None,
    batch_size: int = 500,
) -> ImportResult:
    """Create or update organisations by their external code, all or nothing.

    Idempotent: running the same file twice changes nothing the second time.
    """
    created = updated = unchanged = 0
    for start in range(0, len(rows), batch_size):
        batch = rows[start : start + batch_size]
        existing = {
            org.external_code: org
            for org in Organisation.objects.filter(
                external_code__in=[row.external_code for row in batch]
            )
        }
        to_create: list[Organisation] = []
        to_update: list[Organisation] = []
        for row in batch:
            org = existing.get(row.external_code)
            if org is None:
                to_create.append(
                    Organisation(
                        external_code=row.external_code,
                        name=row.name,
                        type=row.type,
                        municipality_id=row.municipality_id,
                    )
                )
            elif (org.name, org.type, org.municipality_id) != (
                row.name,
                row.type,
                row.municipality_id,
            ):
                org.name, org.type, org.municipality_id = (
                    row.name,
                    row.type,
                    row.municipality_id,
                )
                to_update.append(org)
            else:
                unchanged += 1
        Organisation.objects.bulk_create(to_create)
        Organisation.objects.bulk_update(to_update, ["name", "type", "municipality"])
        created += len(to_create)
        updated += len(to_update)
        if progress is not None:
            progress(len(batch))
    return ImportResult(created=created, updated=updated, unchanged=unchanged)
