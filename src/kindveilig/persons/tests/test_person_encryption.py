import datetime

from django.db import connection

import pytest

from kindveilig.organisations.tests.factories import OrganisationFactory
from kindveilig.persons.models import Person
from kindveilig.persons.name_index import name_tokens
from kindveilig.persons.selectors import name_search_ids
from kindveilig.persons.services import person_create

pytestmark = [pytest.mark.django_db]


def _raw(sql: str) -> str:
    with connection.cursor() as cursor:
        cursor.execute(sql)
        return repr(cursor.fetchall())


def test_names_and_birth_date_are_not_readable_in_the_table() -> None:
    person = person_create(
        actor=None,
        organisation=OrganisationFactory.create(),
        given_name="Zoë",
        family_name="Geheimhouders",
        date_of_birth=datetime.date(2015, 6, 1),
    )
    raw = _raw("SELECT * FROM persons_person") + _raw(
        "SELECT * FROM persons_personnametoken"
    )
    for readable in ("Zoë", "Geheimhouders", "geheim", "2015-06-01", "2015"):
        assert readable not in raw
    stored = Person.objects.get(pk=person.pk)
    assert (stored.given_name, stored.family_name) == ("Zoë", "Geheimhouders")
    assert stored.date_of_birth == datetime.date(2015, 6, 1)


def test_tokens_fold_case_and_accents_and_split_names() -> None:
    assert name_tokens("Zoë", "van den Berg-Öztürk") == [
        "zoe",
        "van",
        "den",
        "berg",
        "ozturk",
    ]


def test_a_name_is_found_by_a_prefix_of_any_token_without_accents() -> None:
    organisation = OrganisationFactory.create()
    person = person_create(
        actor=None,
        organisation=organisation,
        given_name="Zoë",
        family_name="van den Berg",
    )
    visible = Person.objects.filter(registered_by=organisation)
    org = organisation.pk
    for query in ("zoe", "ZO", "berg zoë", "be", "van zo"):
        found = name_search_ids(visible, query, organisation_id=org)
        assert list(found) == [person.pk], query
    for query in ("oe", "bergen", "erg"):
        assert list(name_search_ids(visible, query, organisation_id=org)) == [], query
    # The index is read for the searching organisation only.
    other = OrganisationFactory.create().pk
    everyone = Person.objects.all()
    assert list(name_search_ids(everyone, "zoe", organisation_id=other)) == []
