"""The seed: the national helplines and the holidays, re-creatable from code."""

import datetime as dt

import pytest

from kindveilig.core.calendar import dutch_public_holidays
from kindveilig.youth.public.models import HelpService, Holiday, OpeningHours
from kindveilig.youth.public.seed_data import (
    HOLIDAY_YEARS,
    dutch_holidays,
    ensure_default_services,
)

pytestmark = [pytest.mark.django_db]


def test_the_seed_is_idempotent_and_keeps_the_beheerders_changes() -> None:
    ensure_default_services()
    HelpService.objects.filter(slug="kindertelefoon").update(phone="0800 0433")
    counts = (
        HelpService.objects.count(),
        OpeningHours.objects.count(),
        Holiday.objects.count(),
    )
    ensure_default_services()
    assert counts == (
        HelpService.objects.count(),
        OpeningHours.objects.count(),
        Holiday.objects.count(),
    )
    assert HelpService.objects.get(slug="kindertelefoon").phone == "0800 0433"
    assert set(HelpService.objects.values_list("slug", flat=True)) >= {
        "112",
        "kindertelefoon",
        "veilig-thuis",
        "villa-pinedo",
        "chris",
        "113",
    }


def test_the_seeded_holidays_are_meldcodes_working_day_calendar() -> None:
    ensure_default_services()
    for year in HOLIDAY_YEARS:
        seeded = set(
            Holiday.objects.filter(date__year=year).values_list("date", flat=True)
        )
        assert seeded == dutch_public_holidays(year)
    assert dutch_holidays(2026)[dt.date(2026, 4, 27)] == "Koningsdag"
    assert dutch_holidays(2027)[dt.date(2027, 5, 6)] == "Hemelvaartsdag"
