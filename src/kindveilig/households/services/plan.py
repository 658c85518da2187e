"""The veiligheidsplan: versions of safety conditions and agreements, and
checking them (status and evidence)."""

import uuid
from dataclasses import dataclass
from datetime import date

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kindveilig.access.actor import Actor
from kindveilig.audit.models import AuditAction
from kindveilig.core.validators import validate_planned_date, validation_message
from kindveilig.households.models import (
    ItemKind,
    ItemStatus,
    PlanItem,
    PlanVersion,
    SafetyCase,
)

from . import alerts
from .common import (
    ConflictError,
    audit_household,
    refuse,
    refuse_all,
    require_open,
    require_regie_of,
)

__all__ = ["ItemInput", "current_plan", "plan_item_update", "plan_version_create"]


@dataclass(frozen=True)
class ItemInput:
    kind: str
    what: str
    who: str
    due_on: date | None = None
    how_checked: str = ""
    child_text: str = ""
    set_by: str = ""
    partner: uuid.UUID | None = None
    lineage: uuid.UUID | None = None


def current_plan(case: SafetyCase) -> PlanVersion | None:
    return case.plan_versions.order_by("-number").first()


def _check(index: int, item: ItemInput, partners: set[uuid.UUID]) -> dict[str, object]:
    errors: dict[str, object] = {}
    key = f"item_{index}"
    if item.kind not in ItemKind.values:
        errors[key] = _("Choose condition or agreement.")
    elif not item.what.strip():
        errors[key] = _("Say what is agreed.")
    elif not item.who.strip():
        errors[key] = _("Say who does it.")
    elif item.kind == ItemKind.AGREEMENT and item.due_on is None:
        errors[key] = _("An agreement needs a date by when.")
    elif message := validation_message(validate_planned_date, item.due_on):
        errors[key] = message
    elif item.kind == ItemKind.AGREEMENT and not item.how_checked.strip():
        errors[key] = _("Say how the agreement is checked.")
    elif item.partner is not None and item.partner not in partners:
        errors[key] = _("Choose a partner of this case.")
    return errors


@transaction.atomic
def plan_version_create(
    *,
    actor: Actor,
    case: SafetyCase,
    items: list[ItemInput],
    note: str,
    based_on: int,
) -> PlanVersion:
    """A new version with exactly these items. ``based_on`` is the version number
    the form showed (0 for the first): if someone made a newer version since,
    this is a conflict. Items that continue (same ``lineage``) keep their
    status and evidence."""
    require_regie_of(actor, case)
    require_open(case)
    SafetyCase.objects.select_for_update().filter(pk=case.pk).first()
    latest = current_plan(case)
    if (latest.number if latest else 0) != based_on:
        raise ConflictError
    partners = {
        partner.public_id: partner
        for partner in case.partners.filter(ended_at__isnull=True)
    }
    errors: dict[str, object] = {}
    if not items:
        errors["items"] = _("A plan needs at least one condition or agreement.")
    for index, item in enumerate(items):
        errors.update(_check(index, item, set(partners)))
    if latest is not None and not note.strip():
        errors["note"] = _("Say what changed in this version.")
    if errors:
        raise refuse_all(errors)
    previous = {item.lineage: item for item in (latest.items.all() if latest else [])}
    version = PlanVersion.objects.create(
        case=case,
        number=(latest.number if latest else 0) + 1,
        note=note.strip(),
        created_by=actor.user,
    )
    rows = []
    for item in items:
        before = previous.get(item.lineage) if item.lineage else None
        rows.append(
            PlanItem(
                version=version,
                lineage=before.lineage if before else uuid.uuid4(),
                kind=item.kind,
                what=item.what.strip(),
                child_text=item.child_text.strip(),
                who=item.who.strip(),
                partner=partners.get(item.partner) if item.partner else None,
                due_on=item.due_on,
                how_checked=item.how_checked.strip(),
                set_by=item.set_by.strip(),
                status=before.status if before else ItemStatus.OPEN,
                evidence=before.evidence if before else "",
                status_changed_at=before.status_changed_at if before else None,
            )
        )
    PlanItem.objects.bulk_create(rows)
    audit_household(actor, case.household, version, AuditAction.CREATE)
    alerts.plan_published(version, actor)
    return version


@transaction.atomic
def plan_item_update(
    *,
    actor: Actor,
    item: PlanItem,
    status: str,
    evidence: str,
    expected_lock_version: int | None,
) -> PlanItem:
    """Check a condition or agreement: its status and the evidence. Only in the
    current version; an older version is history."""
    case = item.version.case
    require_regie_of(actor, case)
    require_open(case)
    latest = current_plan(case)
    if latest is None or latest.pk != item.version_id:
        raise refuse(_("This is an older version of the plan."), code="old")
    if status not in ItemStatus.values:
        raise refuse(_("Choose a status."), field="status")
    if status in (ItemStatus.KEPT, ItemStatus.NOT_KEPT) and not evidence.strip():
        raise refuse(_("Say what shows this (the evidence)."), field="evidence")
    query = PlanItem.objects.filter(pk=item.pk)
    if expected_lock_version is not None:
        query = query.filter(lock_version=expected_lock_version)
    from django.db.models import F

    if not query.update(
        status=status,
        evidence=evidence.strip(),
        status_changed_at=timezone.now(),
        lock_version=F("lock_version") + 1,
    ):
        raise ConflictError
    item.refresh_from_db()
    audit_household(actor, case.household, item, AuditAction.UPDATE, reason="checked")
    return item
