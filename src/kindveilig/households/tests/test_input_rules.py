"""Households refuse implausible dates and hidden characters in names."""

import datetime as dt

from django.core.exceptions import ValidationError

import pytest

from kindveilig.access.actor import Actor
from kindveilig.households.forms import HouseholdCreateForm, MemberForm
from kindveilig.households.models import Household
from kindveilig.households.models.choices import MemberRole
from kindveilig.households.services import household_create, member_add
from kindveilig.households.services.households import PersonInput

pytestmark = [pytest.mark.django_db]


def test_a_household_label_with_a_direction_override_is_refused(lt: Actor) -> None:
    label = "Huishouden \u202eneSnaJ"
    assert "label" in HouseholdCreateForm(data={"label": label}).errors
    with pytest.raises(ValidationError) as error:
        household_create(actor=lt, label=label)
    assert "label" in error.value.message_dict
    assert not Household.objects.filter(label=label).exists()


@pytest.mark.parametrize(
    ("data", "field"),
    [
        (PersonInput("Kim", "Jansen", date_of_birth=dt.date(1, 1, 1)), "date_of_birth"),
        (PersonInput("Kim\x00", "Jansen"), "given_name"),
        (PersonInput("Kim", "Jan\u202esen"), "family_name"),
    ],
)
def test_a_member_with_an_implausible_birth_date_or_hidden_characters_is_refused(
    lt: Actor, household: Household, data: PersonInput, field: str
) -> None:
    before = household.members.count()
    with pytest.raises(ValidationError) as error:
        member_add(actor=lt, household=household, data=data, role=MemberRole.SIBLING)
    assert field in error.value.message_dict
    assert household.members.count() == before


def test_the_member_form_refuses_a_birth_date_before_1900() -> None:
    form = MemberForm(
        data={
            "given_name": "Kim",
            "family_name": "Jansen",
            "date_of_birth": "1899-01-01",
        },
        children=[],
    )
    form.is_valid()
    assert "date_of_birth" in form.errors
