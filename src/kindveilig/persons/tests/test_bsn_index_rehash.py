"""The migration that moved stored BSN indexes to keyed_hash's scheme: a person
indexed under the old scheme is found by BSN again once it has run."""

import importlib
from collections.abc import Callable

from django.apps import apps
from django.test import Client
from django.urls import reverse

import pytest
from conftest import Persona

from kindveilig.core.crypto import blind_index
from kindveilig.core.tests.legacy_hashes import old_blind_index
from kindveilig.persons.models import Person
from kindveilig.persons.tests.factories import PersonFactory

pytestmark = [pytest.mark.django_db]

rehash = importlib.import_module("kindveilig.persons.migrations.0004_rehash_bsn_index")
BSN = "111222333"


def stored_index(person: Person) -> str:
    return Person.objects.values_list("bsn_index", flat=True).get(pk=person.pk)


def test_the_migration_computes_what_the_app_computes() -> None:
    key = "test-only-blind-index-key"
    for bsn in (BSN, "1112 22 333", "999990019"):
        assert rehash.new_index(bsn, key) == blind_index(bsn)
        assert rehash.old_index(bsn, key) == old_blind_index(bsn)


def test_an_old_index_is_re_hashed_and_found_again(
    client: Client, login: Callable[[Client, Persona], Client], professional: Persona
) -> None:
    person = PersonFactory.create(
        registered_by=professional.organisation,
        bsn=BSN,
        given_name="Sara",
        family_name="Oudindex",
    )
    Person.objects.filter(pk=person.pk).update(bsn_index=old_blind_index(BSN))
    without_bsn = PersonFactory.create(bsn="", bsn_index="")
    login(client, professional)
    search = reverse("persons:person-list")
    assert "Oudindex" not in client.post(search, {"q": BSN}).content.decode()

    rehash.forwards(apps, None)

    assert stored_index(person) == blind_index(BSN)
    assert stored_index(without_bsn) == ""
    assert "Oudindex" in client.post(search, {"q": BSN}).content.decode()


def test_the_migration_can_run_twice_and_be_reversed() -> None:
    old = PersonFactory.create(bsn=BSN)
    Person.objects.filter(pk=old.pk).update(bsn_index=old_blind_index(BSN))
    current = PersonFactory.create(bsn="999990019")  # written by the new code
    rehash.forwards(apps, None)
    rehash.forwards(apps, None)
    assert stored_index(old) == blind_index(BSN)
    assert stored_index(current) == blind_index("999990019")
    rehash.backwards(apps, None)
    assert stored_index(old) == old_blind_index(BSN)
    assert stored_index(current) == old_blind_index("999990019")


def test_an_empty_table_needs_no_key(settings: object) -> None:
    settings.KINDVEILIG_BLIND_INDEX_KEY = ""  # type: ignore[attr-defined]
    rehash.forwards(apps, None)
