"""Plausible dates and text without hidden characters: the shared validators."""

import datetime as dt

from django.core.exceptions import ValidationError

import pytest
import time_machine

from kindveilig.core.validators import (
    check_fields,
    hidden_characters,
    validate_birth_date,
    validate_event_date,
    validate_no_hidden_characters,
    validate_planned_date,
)

TODAY = dt.date(2026, 5, 4)


@pytest.fixture(autouse=True)
def _today() -> object:
    with time_machine.travel(dt.datetime(2026, 5, 4, 12, tzinfo=dt.UTC), tick=False):
        yield


@pytest.mark.parametrize(
    "day", [dt.date(1, 1, 1), dt.date(1899, 12, 31), dt.date(2026, 5, 5)]
)
def test_a_birth_date_before_1900_or_in_the_future_is_refused(day: dt.date) -> None:
    with pytest.raises(ValidationError):
        validate_birth_date(day)


@pytest.mark.parametrize("day", [None, dt.date(1900, 1, 1), TODAY])
def test_a_birth_date_from_1900_to_today_is_accepted(day: dt.date | None) -> None:
    validate_birth_date(day)


@pytest.mark.parametrize(
    "day", [dt.date(1, 1, 1), dt.date(1999, 12, 31), dt.date(2026, 5, 5)]
)
def test_an_event_before_2000_or_in_the_future_is_refused(day: dt.date) -> None:
    with pytest.raises(ValidationError):
        validate_event_date(day)


@pytest.mark.parametrize("day", [None, dt.date(2000, 1, 1), TODAY])
def test_an_event_from_2000_to_today_is_accepted(day: dt.date | None) -> None:
    validate_event_date(day)


def test_a_planned_date_may_lie_ahead_but_not_before_2000_or_after_2099() -> None:
    validate_planned_date(dt.date(2026, 8, 4))
    for day in (dt.date(1, 1, 1), dt.date(1999, 12, 31), dt.date(2100, 1, 1)):
        with pytest.raises(ValidationError):
            validate_planned_date(day)


def test_the_date_messages_are_dutch() -> None:
    with pytest.raises(ValidationError) as error:
        validate_event_date(dt.date(2026, 5, 5))
    assert error.value.messages == ["Deze datum ligt in de toekomst."]


@pytest.mark.parametrize(
    "text",
    [
        "Jan\u202efdp.exe",  # right-to-left override
        "Jan\x00",  # NUL
        "\u2066Jan\u2069",  # isolates
        "Jan\u200e",  # left-to-right mark
        "Jan\u200f",  # right-to-left mark
        "Ja\u200bn",  # zero-width space
        "Ja\ufeffn",  # zero-width no-break space (BOM)
        "Jan\tJansen",
        "Jan\x1b[31m",
    ],
)
def test_control_and_direction_characters_are_refused(text: str) -> None:
    with pytest.raises(ValidationError) as error:
        validate_no_hidden_characters(text)
    assert error.value.code == "hidden_characters"


@pytest.mark.parametrize(
    "text", ["", "Zoë", "O'Brien-de Vries", "van der Berg", "Ümit Şahin", "محمد", "李"]
)
def test_ordinary_names_in_any_script_are_accepted(text: str) -> None:
    validate_no_hidden_characters(text)


def test_the_message_names_the_hidden_characters() -> None:
    assert hidden_characters("a\u202eb\x00") == ["U+0000", "U+202E"]
    with pytest.raises(ValidationError) as error:
        validate_no_hidden_characters("a\u202eb")
    assert "U+202E" in error.value.messages[0]


def test_check_fields_keys_each_message_by_its_field() -> None:
    with pytest.raises(ValidationError) as error:
        check_fields(
            {
                "given_name": (validate_no_hidden_characters, "Jan\u202e"),
                "family_name": (validate_no_hidden_characters, "Jansen"),
                "date_of_birth": (validate_birth_date, dt.date(1, 1, 1)),
            }
        )
    assert set(error.value.message_dict) == {"given_name", "date_of_birth"}
