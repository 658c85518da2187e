from datetime import date

from django.db import transaction

from kindveilig.access.actor import Actor
from kindveilig.audit.models import AuditAction
from kindveilig.audit.services import audit_record
from kindveilig.core.crypto import blind_index
from kindveilig.core.validators import (
    check_fields,
    validate_birth_date,
    validate_no_hidden_characters,
)
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
    check_fields(
        {
            "given_name": (validate_no_hidden_characters, given_name),
            "family_name": (validate_no_hidden_characters, family_name),
            "date_of_birth": (validate_birth_date, date_of_birth),
        }
    )
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
