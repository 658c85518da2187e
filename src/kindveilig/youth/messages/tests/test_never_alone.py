"""A child is never left alone: outside the school's hours the receipt says
when an adult reads the message and shows the helplines; a failure while
sending keeps the text and shows the helplines; the lost-code page names De
Kindertelefoon."""

import datetime as dt
from html import unescape
from zoneinfo import ZoneInfo

from django.test import Client
from django.urls import reverse
from django.utils.translation import gettext

import pytest
import time_machine

from kindveilig.youth.messages.hours import (
    DEFAULT_HOURS,
    add_open_minutes,
    next_opening,
)
from kindveilig.youth.messages.models import (
    ChannelHours,
    PublicChannel,
    YouthConversation,
)
from kindveilig.youth.messages.selectors import channel_next_opening
from kindveilig.youth.messages.services import conversation_start

pytestmark = [pytest.mark.django_db]

# The children's pages (youth.public) call the services through these names.
VIEWS = "kindveilig.youth.public.views.messages"

AMS = ZoneInfo("Europe/Amsterdam")
SATURDAY = dt.datetime(2026, 11, 21, 14, 0, tzinfo=AMS)
MONDAY_10 = dt.datetime(2026, 11, 23, 10, 0, tzinfo=AMS)


def _write(client: Client, body: str, at: dt.datetime) -> tuple[int, str]:
    with time_machine.travel(at, tick=False):
        response = client.post(
            reverse("youth:message-write"),
            {"channel": "PROEF", "submission": f"s-{at:%H%M%S}", "body": body},
            follow=True,  # to the receipt, shown once
        )
    return response.status_code, unescape(response.content.decode())


def test_outside_hours_the_receipt_names_the_next_opening_and_the_helplines(
    child_client: Client, channel: PublicChannel
) -> None:
    status, page = _write(child_client, "Ik word gepest", SATURDAY)
    assert status == 200
    assert 'data-testid="next-open"' in page
    assert "maandag 23 november" in page
    assert "08:00" in page
    for number in ("tel:112", "0800-0432", "0800-0113"):
        assert number in page
    assert "11:00–21:00" in page  # De Kindertelefoon's hours


def test_within_hours_the_receipt_promises_nothing_and_shows_no_helplines(
    child_client: Client, channel: PublicChannel
) -> None:
    status, page = _write(child_client, "Ik word gepest", MONDAY_10)
    assert status == 200
    assert 'data-testid="next-open"' not in page
    assert "0800-0432" not in page


def test_an_urgent_message_outside_hours_shows_the_help_and_the_next_opening(
    child_client: Client, channel: PublicChannel
) -> None:
    status, page = _write(child_client, "Papa slaat mij", SATURDAY)
    assert status == 200
    assert 'data-testid="urgent-help"' in page
    assert "maandag 23 november" in page
    assert "08:00" in page
    assert page.count("0800-0432") >= 1


def test_the_organisations_own_hours_and_public_holidays_count(
    channel: PublicChannel,
) -> None:
    ChannelHours.objects.create(
        channel=channel, weekday=5, opens=dt.time(10), closes=dt.time(12)
    )
    friday_evening = dt.datetime(2026, 11, 20, 18, 0, tzinfo=AMS)
    assert channel_next_opening(channel, friday_evening) == dt.datetime(
        2026, 11, 21, 10, 0, tzinfo=AMS
    )
    # Christmas Eve evening: Christmas Day (a Friday) is closed, so Monday.
    christmas_eve = dt.datetime(2026, 12, 24, 18, 0, tzinfo=AMS)
    assert next_opening(DEFAULT_HOURS, christmas_eve) == dt.datetime(
        2026, 12, 28, 8, 0, tzinfo=AMS
    )
    assert next_opening(DEFAULT_HOURS, MONDAY_10) is None


def test_open_minutes_skip_the_night_and_the_weekend() -> None:
    friday = dt.datetime(2026, 11, 20, 16, 45, tzinfo=AMS)
    assert add_open_minutes(DEFAULT_HOURS, friday, 30) == dt.datetime(
        2026, 11, 23, 8, 15, tzinfo=AMS
    )
    assert add_open_minutes(DEFAULT_HOURS, MONDAY_10, 30) == MONDAY_10 + dt.timedelta(
        minutes=30
    )
    assert add_open_minutes(DEFAULT_HOURS, SATURDAY, 30) == dt.datetime(
        2026, 11, 23, 8, 30, tzinfo=AMS
    )


def _boom(**kwargs: object) -> None:
    raise RuntimeError("the database is gone")


def test_a_failure_while_sending_keeps_the_text_and_shows_the_helplines(
    child_client: Client, channel: PublicChannel, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(f"{VIEWS}.conversation_start", _boom)
    words = "Mijn stiefvader doet me pijn"
    response = child_client.post(
        reverse("youth:message-write"),
        {"channel": "PROEF", "submission": "s-fail", "body": words},
    )
    page = unescape(response.content.decode())
    assert response.status_code == 503
    assert 'data-testid="send-failed"' in page
    assert gettext("Your message was not sent") in page
    assert f"{words}</textarea>" in page  # still in the form
    assert words not in response.get("Location", "")
    for number in ("tel:112", "0800-0432", "0800-0113"):
        assert number in page
    assert not YouthConversation.objects.exists()
    # Trying again (the same form) works once the failure is gone.
    monkeypatch.undo()
    again = child_client.post(
        reverse("youth:message-write"),
        {"channel": "PROEF", "submission": "s-fail", "body": words},
        follow=True,
    )
    assert again.status_code == 200
    assert 'data-testid="pickup-code"' in again.content.decode()


def test_a_failure_while_writing_back_keeps_the_text_and_shows_the_helplines(
    child_client: Client, channel: PublicChannel, monkeypatch: pytest.MonkeyPatch
) -> None:
    result = conversation_start(channel=channel, body="Hoi")
    assert result.code is not None
    monkeypatch.setattr(f"{VIEWS}.child_message_add", _boom)
    response = child_client.post(
        reverse("youth:message-read"),
        {"code": result.code.text, "body": "Het is weer gebeurd"},
    )
    page = unescape(response.content.decode())
    assert response.status_code == 503
    assert 'data-testid="send-failed"' in page
    assert "Het is weer gebeurd</textarea>" in page
    assert "0800-0432" in page


def test_the_lost_code_page_names_de_kindertelefoon(child_client: Client) -> None:
    page = unescape(child_client.get(reverse("youth:message-read")).content.decode())
    assert 'data-testid="lost-code-kindertelefoon"' in page
    assert "Kindertelefoon" in page
    assert 'href="tel:08000432"' in page
