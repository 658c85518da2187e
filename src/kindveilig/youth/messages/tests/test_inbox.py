import datetime as dt

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

import pytest
import time_machine
from conftest import Persona, login_as

from kindveilig.access.actor import Actor
from kindveilig.youth.messages.models import PublicChannel, YouthConversation
from kindveilig.youth.messages.selectors import inbox_for
from kindveilig.youth.messages.services import conversation_start, staff_answer

pytestmark = [pytest.mark.django_db]

T0 = dt.datetime(2026, 11, 2, 9, 0, tzinfo=dt.UTC)


def test_urgent_first_then_oldest_unanswered_then_the_rest(
    channel: PublicChannel, af: Actor
) -> None:
    def start(minutes: int, body: str) -> YouthConversation:
        with time_machine.travel(T0 + dt.timedelta(minutes=minutes), tick=False):
            return conversation_start(channel=channel, body=body).conversation

    answered = start(0, "Hoi")
    old = start(10, "Ik ben gepest")
    newer = start(20, "Mag ik langskomen?")
    urgent = start(30, "ik durf nie naar huis")
    with time_machine.travel(T0 + dt.timedelta(minutes=40), tick=False):
        staff_answer(actor=af, conversation=answered, body="Dag!")
    assert inbox_for(actor=af) == [urgent, old, newer, answered]


def _conversations(channel: PublicChannel, count: int) -> None:
    for n in range(count):
        conversation_start(
            channel=channel,
            body="ik wil dood" if n % 3 == 0 else "hoi",
            first_name=f"Kind {n}",
        )


def test_the_inbox_takes_the_same_number_of_queries_for_2_and_20(
    client: Client, channel: PublicChannel, aandachtsfunctionaris: Persona
) -> None:
    login_as(client, aandachtsfunctionaris)
    url = reverse("youthstaff:inbox")

    def queries_for_inbox(expected_rows: int) -> int:
        client.get(url)  # warm up the session
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        rows = response.content.decode().count('data-testid="inbox-row"')
        assert rows == expected_rows
        return len(queries)

    _conversations(channel, 2)
    with_two = queries_for_inbox(2)
    _conversations(channel, 18)
    assert queries_for_inbox(20) == with_two
    assert with_two <= 14
