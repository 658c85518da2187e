from datetime import date

from django.db import transaction

from kindveilig.access.actor import Actor
from kindveilig.audit.models import AuditAction
from kindveilig.audit.services import audit_record
from kindveilig.core.crypto import blind_index
from kindveilig.organisations.models import Organisation

from .models import Person

__all__ = ["person_create"]


@transaction.atomic
def person_create(
    *,
    actor: Actor | None,
    organisation: Organisation,
    given_name: str,
    family_name: str,
    date_of_birth: date | None = None,
    bsn: str = "",
) -> Person:
    person = Person(
        given_name=given_name.strip(),
        family_name=family_name.strip(),
        date_of_birth=date_of_birth,
        bsn=bsn,
        bsn_index=blind_index(bsn) if bsn else "",
        registered_by=organisation,
    )
    person.full_clean()
    person.save()
    audit_record(
        actor=actor, action=AuditAction.CREATE, obj=person, person_id=person.public_id
    )
    return person
