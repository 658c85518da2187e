import importlib
from types import SimpleNamespace

from django.conf import settings
from django.db import connection

import pytest

from kindveilig.persons.models import PersonNameToken
from kindveilig.persons.name_index import name_digests
from kindveilig.persons.tests.factories import PersonFactory

encrypting = importlib.import_module(
    "kindveilig.persons.migrations.0007_encrypt_existing_names"
)
compacting = importlib.import_module(
    "kindveilig.persons.migrations.0008_compact_name_index"
)
NAMES = [
    ("Zoë", "van den Berg-Öztürk"),
    ("Sam (demo)", "Voorbeeldmans"),
    ("A", "O'Brien"),
    ("Maximiliaan-Alexander", "Hoogenboom-Vandersteenhoven"),
]


def test_the_frozen_token_scheme_shortened_equals_the_name_index() -> None:
    for given, family in NAMES:
        hex_digests = encrypting.digests(
            given, family, settings.KINDVEILIG_BLIND_INDEX_KEY
        )
        assert {bytes.fromhex(d[:32]) for d in hex_digests} == name_digests(
            given, family
        )


@pytest.mark.django_db
def test_the_compacting_migration_copies_every_entry_with_its_organisation() -> None:
    """0008 reads the old table of 64-character digests (built here as 0007 left
    it, in batches smaller than the data) and writes what the app would."""
    persons = [
        PersonFactory.create(given_name=given, family_name=family)
        for given, family in NAMES
    ]
    PersonNameToken.objects.all().delete()
    key = settings.KINDVEILIG_BLIND_INDEX_KEY
    with connection.cursor() as cursor:
        cursor.execute(
            "CREATE TABLE persons_personnametoken_legacy "
            "(id bigserial PRIMARY KEY, person_id bigint, digest varchar(64))"
        )
        cursor.executemany(
            "INSERT INTO persons_personnametoken_legacy (person_id, digest) "
            "VALUES (%s, %s)",
            [
                (person.pk, digest)
                for person in persons
                for digest in encrypting.digests(
                    person.given_name, person.family_name, key
                )
            ],
        )
    old_batch = compacting.BATCH
    compacting.BATCH = 7  # several batches, one splitting a person's entries
    try:
        compacting.forwards(None, SimpleNamespace(connection=connection))
    finally:
        compacting.BATCH = old_batch
    for person in persons:
        stored = PersonNameToken.objects.filter(person=person)
        assert {bytes(t.digest) for t in stored} == name_digests(
            person.given_name, person.family_name
        )
        assert {t.organisation_id for t in stored} == {person.registered_by_id}
