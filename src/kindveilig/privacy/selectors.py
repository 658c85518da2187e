"""Reads for the privacy pages: the legal holds of the actor's organisation."""

import uuid
from dataclasses import dataclass

from django.http import Http404

from kindveilig.access.actor import Actor
from kindveilig.audit.models import AuditAction
from kindveilig.audit.services import AuditItem, audit_record_many
from kindveilig.core.retention import PERSON_KIND
from kindveilig.persons.models import Person

from .models import LegalHold

__all__ = [
    "HeldRecord",
    "legal_hold_active_for_person",
    "legal_hold_get_for",
    "legal_holds_for",
]


@dataclass(frozen=True)
class HeldRecord:
    hold: LegalHold
    person: Person | None  # the person held, when the hold is on a person


def legal_holds_for(*, actor: Actor) -> list[HeldRecord]:
    """Every hold placed in the actor's organisation, active ones first, with
    the person they keep (one audited read of the names shown)."""
    holds = list(
        LegalHold.objects.filter(organisation_id=actor.organisation_id)
        .select_related("placed_by", "lifted_by")
        .order_by("lifted_at", "-placed_at", "-pk")
    )
    ids = {h.object_id for h in holds if h.record_kind == PERSON_KIND}
    persons = {
        p.public_id: p
        for p in Person.objects.filter(
            public_id__in=ids, registered_by_id=actor.organisation_id
        )
    }
    audit_record_many(
        actor=actor,
        action=AuditAction.READ,
        items=[AuditItem(obj=p, person_id=p.public_id) for p in persons.values()],
        reason="legal hold list",
    )
    return [HeldRecord(hold=h, person=persons.get(h.object_id)) for h in holds]


def legal_hold_active_for_person(
    *, actor: Actor, public_id: uuid.UUID
) -> LegalHold | None:
    return (
        LegalHold.objects.filter(
            organisation_id=actor.organisation_id,
            record_kind=PERSON_KIND,
            object_id=public_id,
            lifted_at__isnull=True,
        )
        .order_by("-placed_at")
        .first()
    )


def legal_hold_get_for(*, actor: Actor, hold_id: int) -> LegalHold:
    """A hold placed in the actor's organisation; 404 for any other."""
    hold = LegalHold.objects.filter(
        pk=hold_id, organisation_id=actor.organisation_id
    ).first()
    if hold is None:
        raise Http404
    return hold
