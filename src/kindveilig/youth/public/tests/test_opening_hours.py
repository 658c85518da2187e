"""Whether a help service is open now: Dutch time, holidays, and midnight."""

import datetime as dt

from django.utils import timezone

import pytest
import time_machine

from kindveilig.youth.public.models import Channel, HelpService, OpeningHours
from kindveilig.youth.public.selectors import (
    AMSTERDAM,
    OpenStatus,
    channel_status,
    helplines_for_urgent,
    holidays_around,
    hours_text,
    is_open_now,
    service_cards,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("help_services")]


def at(year: int, month: int, day: int, hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime(year, month, day, hour, minute, tzinfo=AMSTERDAM)


def service(slug: str) -> HelpService:
    return HelpService.objects.prefetch_related("opening_hours").get(slug=slug)


@pytest.mark.parametrize(
    ("moment", "expected"),
    [
        (at(2026, 3, 4, 10, 59), False),
        (at(2026, 3, 4, 11, 0), True),
        (at(2026, 3, 4, 20, 59), True),
        (at(2026, 3, 4, 21, 0), False),
        (at(2026, 3, 8, 12, 0), True),  # a Sunday
        (at(2026, 4, 27, 12, 0), True),  # King's Day: open on holidays
    ],
)
def test_de_kindertelefoon_is_open_every_day_from_11_to_21(
    moment: dt.datetime, expected: bool
) -> None:
    with time_machine.travel(moment, tick=False):
        assert is_open_now(service("kindertelefoon")) is expected


def test_the_clock_is_dutch_whatever_the_time_zone_of_now() -> None:
    kindertelefoon = service("kindertelefoon")
    # 10:30 UTC in winter is 11:30 in Amsterdam.
    utc = dt.datetime(2026, 1, 6, 10, 30, tzinfo=dt.UTC)
    assert is_open_now(kindertelefoon, utc) is True
    # 20:30 UTC in summer is 22:30 in Amsterdam.
    summer = dt.datetime(2026, 7, 6, 19, 30, tzinfo=dt.UTC)
    assert is_open_now(kindertelefoon, summer) is False


def test_veilig_thuis_phone_is_always_open_and_its_chat_on_working_days() -> None:
    veilig_thuis = service("veilig-thuis")
    tuesday = at(2026, 3, 3, 10)
    saturday = at(2026, 3, 7, 10)
    assert channel_status(veilig_thuis, Channel.PHONE, saturday) == OpenStatus.OPEN
    assert channel_status(veilig_thuis, Channel.CHAT, tuesday) == OpenStatus.OPEN
    assert channel_status(veilig_thuis, Channel.CHAT, saturday) == OpenStatus.CLOSED
    assert channel_status(veilig_thuis, Channel.CHAT, at(2026, 3, 3, 17)) == (
        OpenStatus.CLOSED
    )


def test_the_chat_is_closed_on_a_public_holiday_but_the_phone_is_not() -> None:
    veilig_thuis = service("veilig-thuis")
    kings_day = at(2026, 4, 27, 10)  # a Monday
    with time_machine.travel(kings_day, tick=False):
        holidays = holidays_around(timezone.now())
        assert dt.date(2026, 4, 27) in holidays
        assert channel_status(veilig_thuis, Channel.CHAT, timezone.now(), holidays) == (
            OpenStatus.CLOSED
        )
        assert channel_status(
            veilig_thuis, Channel.PHONE, timezone.now(), holidays
        ) == (OpenStatus.OPEN)
        assert is_open_now(veilig_thuis) is True
    with time_machine.travel(at(2026, 4, 28, 10), tick=False):
        assert (
            channel_status(
                veilig_thuis,
                Channel.CHAT,
                timezone.now(),
                holidays_around(timezone.now()),
            )
            == OpenStatus.OPEN
        )


@pytest.fixture
def night_line() -> HelpService:
    line = HelpService.objects.create(
        slug="nachtlijn",
        name="Nachtlijn (test)",
        description_nl="Test.",
        phone="0800-1234",
        closed_on_holidays=True,
    )
    # Friday 22:00 until Saturday 02:00; Saturday 20:00 until midnight.
    OpeningHours.objects.create(
        service=line, weekday=4, opens=dt.time(22), closes=dt.time(2)
    )
    OpeningHours.objects.create(
        service=line, weekday=5, opens=dt.time(20), closes=dt.time(0)
    )
    return HelpService.objects.prefetch_related("opening_hours").get(pk=line.pk)


@pytest.mark.parametrize(
    ("moment", "expected"),
    [
        (at(2026, 3, 6, 21, 59), False),  # Friday
        (at(2026, 3, 6, 22, 0), True),
        (at(2026, 3, 6, 23, 59), True),
        (at(2026, 3, 7, 0, 0), True),  # Saturday, past midnight
        (at(2026, 3, 7, 1, 59), True),
        (at(2026, 3, 7, 2, 0), False),
        (at(2026, 3, 7, 19, 59), False),
        (at(2026, 3, 7, 23, 59), True),  # closes 00:00: until the end of the day
        (at(2026, 3, 8, 0, 0), False),  # Sunday
        (at(2026, 3, 8, 0, 30), False),
    ],
)
def test_hours_past_midnight_belong_to_the_day_they_start(
    night_line: HelpService, moment: dt.datetime, expected: bool
) -> None:
    with time_machine.travel(moment, tick=False):
        assert is_open_now(night_line) is expected


def test_a_holiday_closes_the_night_that_starts_on_it_not_the_one_before(
    night_line: HelpService,
) -> None:
    # Christmas Day 2026 is a Friday: its night is closed, also after midnight.
    with time_machine.travel(at(2026, 12, 25, 23), tick=False):
        assert is_open_now(night_line) is False
    with time_machine.travel(at(2026, 12, 26, 1), tick=False):
        assert is_open_now(night_line) is False
    # Boxing Day is the Saturday: its evening is closed too.
    with time_machine.travel(at(2026, 12, 26, 21), tick=False):
        assert is_open_now(night_line) is False
    # Christmas Day 2027 is a Saturday: Friday night (no holiday) runs into it.
    with time_machine.travel(at(2027, 12, 25, 1), tick=False):
        assert is_open_now(night_line) is True
    with time_machine.travel(at(2027, 12, 25, 21), tick=False):
        assert is_open_now(night_line) is False


def test_a_service_without_hours_that_is_not_always_open_has_unknown_hours() -> None:
    chris = service("chris")
    assert channel_status(chris, Channel.CHAT, at(2026, 3, 3, 12)) == OpenStatus.UNKNOWN
    assert is_open_now(chris, at(2026, 3, 3, 12), frozenset()) is False


# Each time range is isolated left to right (U+2066 ... U+2069), so that it
# does not turn round on the Arabic pages.
LRI, PDI = "\u2066", "\u2069"


def test_the_hours_read_as_words() -> None:
    assert (
        hours_text(service("kindertelefoon"), Channel.PHONE)
        == f"Elke dag {LRI}11:00–21:00{PDI}"
    )
    assert hours_text(service("veilig-thuis"), Channel.CHAT) == (
        f"maandag tot en met vrijdag {LRI}09:00–17:00{PDI}. Op feestdagen dicht."
    )
    assert hours_text(service("112"), Channel.PHONE) == "Dag en nacht"


def test_the_urgent_helplines_are_112_kindertelefoon_and_113_with_their_status() -> (
    None
):
    with time_machine.travel(at(2026, 3, 4, 23), tick=False):
        cards = helplines_for_urgent()
    assert [card.slug for card in cards] == ["112", "kindertelefoon", "113"]
    assert [card.open_now for card in cards] == [True, False, True]
    assert cards[1].service.phone == "0800-0432"
    assert cards[2].service.tel == "08000113"


def test_inactive_services_are_not_shown() -> None:
    HelpService.objects.filter(slug="chris").update(active=False)
    slugs = [card.slug for card in service_cards(now=at(2026, 3, 4, 12))]
    assert "chris" not in slugs
    assert slugs[0] == "112"
