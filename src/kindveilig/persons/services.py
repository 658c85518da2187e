from datetime import date

from django.db import transaction

from kindveilig.access.actor import Actor
from kindveilig.audit.models import AuditAction
from kindveilig.audit.services import audit_record
from kindveilig.core.crypto import blind_index
from kindveilig.organisations.models import Organisation

from .models import Person, PersonNameToken
from .name_index import name_digests

__all__ = ["person_create", "person_index_names"]


def person_index_names(person: Person, *, secret: str | None = None) -> None:
    """Store the blind index of the person's names (replacing what was there),
    under the current blind-index key or ``secret``."""
    PersonNameToken.objects.filter(person=person).delete()
    PersonNameToken.objects.bulk_create(
        PersonNameToken(person=person, digest=digest)
        for digest in sorted(
            name_digests(person.given_name, person.family_name, secret=secret)
        )
    )


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
    person_index_names(person)
    audit_record(
        actor=actor, action=AuditAction.CREATE, obj=person, person_id=person.public_id
    )
    return person
