"""A child's age in words, wherever children are listed."""

import datetime as dt

from django.utils import translation

import pytest

from kindveilig.persons.models import Person

TODAY = dt.date(2026, 12, 3)


@pytest.mark.parametrize(
    ("born", "expected"),
    [
        (dt.date(2026, 7, 3), "5 maanden"),
        (dt.date(2026, 11, 4), "0 maanden"),
        (dt.date(2025, 1, 3), "23 maanden"),
        (dt.date(2024, 12, 3), "2 jaar"),
        (dt.date(2019, 12, 4), "6 jaar"),
        (dt.date(2019, 12, 3), "7 jaar"),
    ],
)
def test_the_age_is_in_months_until_two_and_in_years_after(
    born: dt.date, expected: str
) -> None:
    with translation.override("nl"):
        assert Person(date_of_birth=born).age_on(TODAY) == expected


def test_without_a_date_of_birth_there_is_no_age_and_the_name_stands_alone() -> None:
    person = Person(given_name="Sam", family_name="Demo")
    assert person.age_on(TODAY) == ""
    assert person.name_with_age == "Sam Demo"


def test_the_name_carries_the_age_today() -> None:
    person = Person(
        given_name="Sam", family_name="Demo", date_of_birth=dt.date(2020, 1, 1)
    )
    with translation.override("nl"):
        assert person.name_with_age.startswith("Sam Demo (")
        assert person.name_with_age.endswith(" jaar)")
