"""A look at the demo database: no child's or parent's name, date of birth or
household label is readable in any table (issue 13, "Done when")."""

import re

from django.db import connection

import pytest

from kindveilig.households.models import Household
from kindveilig.persons.models import Person

pytestmark = [pytest.mark.django_db]


def _every_table_as_text() -> dict[str, str]:
    tables = {}
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names(cursor):
            cursor.execute(f'SELECT * FROM "{table}"')  # noqa: S608  # names from the catalogue
            tables[table] = repr(cursor.fetchall())
    return tables


def _secrets() -> list[re.Pattern[str]]:
    """Every demo person's full name, family name and date of birth (ISO and
    Dutch), and every household label, as whole words."""
    words: set[str] = set()
    for person in Person.objects.all():
        words.add(f"{person.given_name} {person.family_name}")
        words.add(person.family_name)
        if person.date_of_birth:
            words.add(person.date_of_birth.isoformat())
            words.add(person.date_of_birth.strftime("%d-%m-%Y"))
    words.update(household.label for household in Household.objects.all())
    return [re.compile(rf"(?<!\w){re.escape(word)}(?!\w)") for word in words if word]


def test_no_name_birth_date_or_label_is_readable_in_any_table(
    demo: None,
) -> None:
    secrets = _secrets()
    assert len(secrets) > 20, "the demo has persons and households to look for"
    found = [
        (table, secret.pattern)
        for table, text in _every_table_as_text().items()
        for secret in secrets
        if secret.search(text)
    ]
    assert found == []


def test_the_search_would_see_a_readable_name(demo: None) -> None:
    """The check above can fail: a name stored readable is found."""
    person = Person.objects.first()
    assert person is not None
    with connection.cursor() as cursor:
        cursor.execute(
            "CREATE TABLE leak_probe (note text); INSERT INTO leak_probe VALUES (%s)",
            [f"genoemd: {person.family_name}"],
        )
    tables = _every_table_as_text()
    assert any(s.search(tables["leak_probe"]) for s in _secrets())
