"""When qualifications stop counting: pure date arithmetic, and the computed
end of validity of what the services record (with a frozen clock)."""

from datetime import date

import pytest
import time_machine
from conftest import Persona

from kindveilig.readiness.expiry import (
    ExpiryState,
    add_months,
    add_years,
    computed_expiry,
    expiry_state,
    recent_attention_since,
    reminder_threshold,
)
from kindveilig.readiness.models import Qualification

from .factories import add_course, add_register, add_vog, designate

TODAY = date(2026, 6, 15)


def test_a_vog_counts_for_two_years_and_a_course_for_three() -> None:
    assert computed_expiry(kind="vog", obtained_on=date(2025, 3, 1)) == date(2027, 3, 1)
    assert computed_expiry(kind="course", obtained_on=date(2025, 3, 1)) == date(
        2028, 3, 1
    )
    assert computed_expiry(kind="register", obtained_on=date(2025, 3, 1)) is None


def test_29_february_becomes_28_february_in_a_common_year() -> None:
    assert add_years(date(2024, 2, 29), 2) == date(2026, 2, 28)
    assert add_years(date(2024, 2, 29), 4) == date(2028, 2, 29)


def test_months_are_capped_at_the_end_of_the_month() -> None:
    assert add_months(date(2026, 3, 31), -1) == date(2026, 2, 28)
    assert add_months(date(2026, 1, 15), -12) == date(2025, 1, 15)
    assert add_months(date(2025, 12, 1), 1) == date(2026, 1, 1)


def test_recent_attention_reaches_back_to_the_same_day_a_year_earlier() -> None:
    assert recent_attention_since(TODAY) == date(2025, 6, 15)


@pytest.mark.parametrize(
    ("expires_on", "state", "days_left"),
    [
        (date(2026, 6, 14), ExpiryState.EXPIRED, -1),
        (date(2026, 6, 15), ExpiryState.EXPIRING, 0),
        (date(2026, 9, 13), ExpiryState.EXPIRING, 90),
        (date(2026, 9, 14), ExpiryState.VALID, 91),
        (None, ExpiryState.MISSING, None),
    ],
)
def test_expiry_state_on_the_last_valid_day_and_around_it(
    expires_on: date | None, state: ExpiryState, days_left: int | None
) -> None:
    expiry = expiry_state(expires_on=expires_on, today=TODAY)
    assert expiry.state == state
    assert expiry.days_left == days_left
    assert expiry.counts == (state in (ExpiryState.VALID, ExpiryState.EXPIRING))


@pytest.mark.parametrize(
    ("days_left", "threshold"),
    [(-1, None), (0, 30), (30, 30), (31, 90), (90, 90), (91, None)],
)
def test_reminder_threshold(days_left: int, threshold: int | None) -> None:
    expires_on = date.fromordinal(TODAY.toordinal() + days_left)
    assert reminder_threshold(expires_on=expires_on, today=TODAY) == threshold


@pytest.mark.django_db
@time_machine.travel("2026-06-15T10:00:00+02:00", tick=False)
def test_the_services_store_the_computed_end_of_validity(
    aandachtsfunctionaris: Persona,
) -> None:
    actor = aandachtsfunctionaris.actor
    designation = designate(actor, since=date(2024, 1, 1))
    course = add_course(actor, designation, date(2024, 2, 29))
    vog = add_vog(actor, designation, date(2025, 6, 15))
    register = add_register(actor, designation, date(2025, 1, 1), date(2026, 12, 31))
    assert Qualification.objects.get(pk=course.pk).expires_on == date(2027, 2, 28)
    assert Qualification.objects.get(pk=vog.pk).expires_on == date(2027, 6, 15)
    assert Qualification.objects.get(pk=register.pk).expires_on == date(2026, 12, 31)


@pytest.mark.django_db
def test_a_vog_of_exactly_two_years_ago_still_counts_until_the_day_after(
    aandachtsfunctionaris: Persona,
) -> None:
    with time_machine.travel("2026-06-15T10:00:00+02:00", tick=False):
        actor = aandachtsfunctionaris.actor
        designation = designate(actor, since=date(2024, 1, 1))
        vog = add_vog(actor, designation, date(2024, 6, 15))
        assert expiry_state(expires_on=vog.expires_on, today=TODAY).counts
    assert not expiry_state(expires_on=vog.expires_on, today=date(2026, 6, 16)).counts
