from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

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

from .models import CorrectedField, Person, PersonCorrection, PersonNameToken
from .name_index import name_digests

__all__ = ["person_correct", "person_create", "person_index_names"]


def person_index_names(person: Person, *, secret: str | None = None) -> None:
    """Store the blind index of the person's names (replacing what was there),
    under the current blind-index key or ``secret``."""
    PersonNameToken.objects.filter(person=person).delete()
    PersonNameToken.objects.bulk_create(
        PersonNameToken(
            person=person, organisation_id=person.registered_by_id, digest=digest
        )
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
    person_index_names(person)
    audit_record(
        actor=actor, action=AuditAction.CREATE, obj=person, person_id=person.public_id
    )
    return person


MIN_CORRECTION_REASON = 10


@transaction.atomic
def person_correct(
    *,
    actor: Actor,
    person: Person,
    reason: str,
    given_name: str | None = None,
    family_name: str | None = None,
    date_of_birth: date | None = None,
) -> list[PersonCorrection]:
    """Rectificatie (AVG art. 16): correct the name or date of birth of a person
    the actor's organisation registered. Each changed field keeps its old value
    in a ``PersonCorrection``; one audit record (UPDATE) per changed field.

    ``person`` was loaded through ``person_get_for``; a field left ``None`` is
    not changed. Values are compared on the model's attributes, never in SQL, so
    this works whether or not names are encrypted at rest."""
    if person.registered_by_id != actor.organisation_id:
        raise ValidationError(
            _("Only the organisation that registered a person can correct it."),
            code="forbidden",
        )
    errors: dict[str, str] = {}
    if len(reason.strip()) < MIN_CORRECTION_REASON:
        errors["reason"] = _("Say why the data is corrected (at least 10 characters).")
    new_values: dict[str, str | date] = {}
    if given_name is not None and given_name.strip() != person.given_name:
        new_values[CorrectedField.GIVEN_NAME] = given_name.strip()
    if family_name is not None and family_name.strip() != person.family_name:
        new_values[CorrectedField.FAMILY_NAME] = family_name.strip()
    if date_of_birth is not None and date_of_birth != person.date_of_birth:
        new_values[CorrectedField.DATE_OF_BIRTH] = date_of_birth
    if not new_values:
        errors["__all__"] = _("Nothing was changed.")
    if errors:
        raise ValidationError(errors)
    corrections = []
    for field, value in new_values.items():
        old = getattr(person, field)
        corrections.append(
            PersonCorrection(
                person=person,
                field=field,
                old_value="" if old is None else str(old),
                new_value=str(value),
                reason=reason.strip(),
                corrected_by=actor.user,
            )
        )
        setattr(person, field, value)
    person.full_clean()
    person.save()
    if {CorrectedField.GIVEN_NAME, CorrectedField.FAMILY_NAME} & new_values.keys():
        person_index_names(person)
    for correction in corrections:
        correction.full_clean()
        correction.save()
        audit_record(
            actor=actor,
            action=AuditAction.UPDATE,
            obj=person,
            person_id=person.public_id,
            reason=f"rectificatie: {correction.field}",
        )
    return corrections
