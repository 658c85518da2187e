from django.http import QueryDict

import pytest

from kindveilig.core.forms import small_int, with_one_more_form


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("3", 3),
        ("000000007", 7),
        (None, None),
        ("", None),
        ("1.5", None),
        ("²", None),  # a digit to str.isdigit, not to int()
        ("١", None),  # Arabic-Indic one
        (" 3", None),
        ("-1", None),
        ("1234567890", None),  # past a PostgreSQL integer's reach
    ],
)
def test_small_int_takes_only_plain_short_numbers(
    value: str | None, expected: int | None
) -> None:
    assert small_int(value) == expected


def test_one_more_form_counts_up_and_leaves_a_non_number_to_the_formset() -> None:
    assert with_one_more_form(QueryDict("k-TOTAL_FORMS=2"), "k")["k-TOTAL_FORMS"] == "3"
    assert with_one_more_form(QueryDict(""), "k")["k-TOTAL_FORMS"] == "1"
    odd = with_one_more_form(QueryDict("k-TOTAL_FORMS=%E2%80%AE"), "k")
    assert odd["k-TOTAL_FORMS"] == "\u202e"
