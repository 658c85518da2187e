"""A refused attempt at someone else's existing object leaves a DENIED record."""

import uuid
from typing import Any

import pytest

from kindveilig.audit.models import AuditAction, AuditEvent
from kindveilig.audit.services import audit_denied
from kindveilig.persons.models import Person
from kindveilig.persons.tests.factories import PersonFactory

pytestmark = [pytest.mark.django_db]


def test_an_existing_object_is_recorded_without_its_data(outsider: Any) -> None:
    person = PersonFactory.create()
    assert audit_denied(actor=outsider.actor, model=Person, public_id=person.public_id)
    event = AuditEvent.objects.get()
    assert event.action == AuditAction.DENIED
    assert (event.object_type, event.object_id) == (
        "persons.person",
        str(person.public_id),
    )
    assert event.actor_user_id == outsider.user.pk
    assert event.actor_organisation_id == outsider.organisation.pk
    assert event.person_id is None


def test_a_mistyped_id_is_not_recorded(outsider: Any) -> None:
    assert not audit_denied(actor=outsider.actor, model=Person, public_id=uuid.uuid4())
    assert not AuditEvent.objects.exists()
