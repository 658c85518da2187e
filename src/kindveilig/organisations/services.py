from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from django.db import transaction

from .importing import OrganisationRow
from .models import Organisation, Register

__all__ = [
    "ImportPlan",
    "ImportResult",
    "import_plan",
    "missing_from_register",
    "organisations_deactivate",
    "organisations_import",
]

# The fields a register row sets, with what the preview calls them.
COMPARED = ("name", "type", "municipality_id", "address", "register", "is_active")


@dataclass
class ImportPlan:
    """What an import would do, before it does it (the preview shows this)."""

    created: list[OrganisationRow] = field(default_factory=list)
    updated: list[tuple[OrganisationRow, Organisation, list[str]]] = field(
        default_factory=list
    )
    unchanged: int = 0
    deactivated: list[Organisation] = field(default_factory=list)


@dataclass(frozen=True)
class ImportResult:
    created: int
    updated: int
    unchanged: int
    deactivated: int = 0
    # The rows written, for the caller's audit records.
    changed: tuple[tuple[str, Organisation], ...] = ()


def _wanted(
    row: OrganisationRow, register: str, current: Organisation | None
) -> dict[str, object]:
    """The values a row gives an organisation. Kindveilig's own format has no
    address: it keeps the one a register gave."""
    address = row.address
    if register == Register.OWN and current is not None:
        address = current.address
    return {
        "name": row.name,
        "type": row.type,
        "municipality_id": row.municipality_id,
        "address": address,
        "register": register,
        "is_active": True,
    }


def import_plan(
    *,
    rows: Sequence[OrganisationRow],
    register: str = Register.OWN,
    codes_in_file: frozenset[str] | set[str] | None = None,
) -> ImportPlan:
    """Compare the rows with the organisations by external code.

    A register (DUO, LRK) lists every location: an active organisation from the
    same register in a municipality of the file whose code is not in the file
    (valid line or not) has disappeared and is deactivated. Kindveilig's own
    format is a partial list and deactivates nothing.
    """
    plan = ImportPlan()
    existing: dict[str, Organisation] = {}
    codes = [row.external_code for row in rows]
    for start in range(0, len(codes), 1000):
        for found in Organisation.objects.filter(
            external_code__in=codes[start : start + 1000]
        ):
            assert found.external_code is not None
            existing[found.external_code] = found
    for row in rows:
        current = existing.get(row.external_code)
        if current is None:
            plan.created.append(row)
            continue
        wanted = _wanted(row, register, current)
        changes = [k for k, value in wanted.items() if getattr(current, k) != value]
        if changes:
            plan.updated.append((row, current, changes))
        else:
            plan.unchanged += 1
    if codes_in_file is not None:
        plan.deactivated = missing_from_register(
            register=register,
            codes_in_file=codes_in_file,
            municipality_ids={row.municipality_id for row in rows},
        )
    return plan


def missing_from_register(
    *,
    register: str,
    codes_in_file: frozenset[str] | set[str],
    municipality_ids: set[int],
) -> list[Organisation]:
    """The active locations of a register, in the file's municipalities, that
    the file no longer lists. Kindveilig's own format is a partial list: none."""
    if register == Register.OWN:
        return []
    return list(
        Organisation.objects.filter(
            register=register, is_active=True, municipality_id__in=municipality_ids
        )
        .exclude(external_code__in=codes_in_file)
        .order_by("name", "pk")
    )


@transaction.atomic
def organisations_deactivate(
    organisations: Sequence[Organisation],
) -> list[Organisation]:
    """Mark these organisations inactive; never deleted, their history stays."""
    for org in organisations:
        org.is_active = False
    Organisation.objects.bulk_update(organisations, ["is_active"], batch_size=500)
    return list(organisations)


@transaction.atomic
def organisations_import(
    *,
    rows: Sequence[OrganisationRow],
    register: str = Register.OWN,
    codes_in_file: frozenset[str] | set[str] | None = None,
    progress: Callable[[int], None] | None = None,
    batch_size: int = 500,
) -> ImportResult:
    """Create or update organisations by their external code, and deactivate
    the locations a register no longer lists (never deleted: their history
    stays), all or nothing. ``progress`` is called with the number of rows
    handled in each batch.

    Idempotent: running the same file twice changes nothing the second time.
    """
    plan = import_plan(rows=rows, register=register, codes_in_file=codes_in_file)
    changed: list[tuple[str, Organisation]] = []
    for start in range(0, len(plan.created), batch_size):
        batch = plan.created[start : start + batch_size]
        created = Organisation.objects.bulk_create(
            [
                Organisation(
                    external_code=row.external_code, **_wanted(row, register, None)
                )
                for row in batch
            ]
        )
        changed.extend(("create", org) for org in created)
        if progress is not None:
            progress(len(batch))
    for start in range(0, len(plan.updated), batch_size):
        updates = plan.updated[start : start + batch_size]
        orgs = []
        for row, org, _changes in updates:
            for key, value in _wanted(row, register, org).items():
                setattr(org, key, value)
            orgs.append(org)
        Organisation.objects.bulk_update(
            orgs, ["name", "type", "municipality", "address", "register", "is_active"]
        )
        changed.extend(("update", org) for org in orgs)
        if progress is not None:
            progress(len(updates))
    organisations_deactivate(plan.deactivated)
    changed.extend(("deactivate", org) for org in plan.deactivated)
    if progress is not None and plan.unchanged:
        progress(plan.unchanged)
    return ImportResult(
        created=len(plan.created),
        updated=len(plan.updated),
        unchanged=plan.unchanged,
        deactivated=len(plan.deactivated),
        changed=tuple(changed),
    )
