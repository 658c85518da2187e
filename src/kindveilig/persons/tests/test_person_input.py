"""A person record refuses hidden characters in names and implausible birth dates,
whichever app creates it."""

import datetime as dt

from django.core.exceptions import ValidationError

import pytest
from conftest import Persona

from kindveilig.persons.models import Person
from kindveilig.persons.services import person_create

pytestmark = [pytest.mark.django_db]


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"given_name": "Sam\u202e"}, "given_name"),
        ({"family_name": "Jan\x00sen"}, "family_name"),
        ({"family_name": "\u2067Jansen\u2069"}, "family_name"),
        ({"date_of_birth": dt.date(1, 1, 1)}, "date_of_birth"),
        ({"date_of_birth": dt.date(2999, 1, 1)}, "date_of_birth"),
    ],
)
def test_hidden_characters_and_implausible_birth_dates_are_refused(
    professional: Persona, kwargs: dict[str, object], field: str
) -> None:
    values: dict[str, object] = {"given_name": "Sam", "family_name": "Jansen"}
    values.update(kwargs)
    with pytest.raises(ValidationError) as error:
        person_create(
            actor=professional.actor,
            organisation=professional.organisation,
            **values,  # type: ignore[arg-type]  # the parametrised fields
        )
    assert field in error.value.message_dict
    assert not Person.objects.filter(family_name__startswith="Jan").exists()


def test_an_ordinary_name_and_birth_date_are_accepted(professional: Persona) -> None:
    person = person_create(
        actor=professional.actor,
        organisation=professional.organisation,
        given_name="Zoë",
        family_name="O'Brien-de Vries",
        date_of_birth=dt.date(1900, 1, 1),
    )
    assert person.full_name == "Zoë O'Brien-de Vries"
