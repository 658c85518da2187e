"""Guessing pick-up codes: a guesser is stopped, the children behind the same
school network are not, and a refusal never tells whether a code was right.
No address is used: the limits are about what is guessed (guessing.py)."""

import datetime as dt
import secrets
from html import unescape

from django.test import Client
from django.urls import reverse
from django.utils.translation import gettext

import pytest
import time_machine

from kindveilig.access.actor import Actor
from kindveilig.youth.messages.codes import NUMBER_MAX, NUMBER_MIN, PickupCode
from kindveilig.youth.messages.guessing import REGION_BUDGETS, WINDOW_SECONDS
from kindveilig.youth.messages.models import PublicChannel
from kindveilig.youth.messages.services import conversation_start, staff_answer
from kindveilig.youth.messages.wordlist import WORDS

pytestmark = [pytest.mark.django_db]

SCHOOL = "192.0.2.10"  # one address for a whole school network
START = dt.datetime(2026, 11, 23, 10, 0, 30, tzinfo=dt.UTC)


def _read(client: Client, code: str, address: str = SCHOOL) -> tuple[int, str]:
    response = client.post(
        reverse("youth:message-read"),
        {"code": code},
        REMOTE_ADDR=address,
        follow=True,  # a right code redirects to the conversation, shown once
    )
    return response.status_code, unescape(response.content.decode())


def _answered(channel: PublicChannel, af: Actor, count: int) -> list[PickupCode]:
    codes = []
    for n in range(count):
        result = conversation_start(channel=channel, body=f"Hoi, ik ben kind {n}")
        assert result.code is not None
        staff_answer(
            actor=af, conversation=result.conversation, body=f"Antwoord voor {n}"
        )
        codes.append(result.code)
    return codes


def _random_code() -> str:
    words = [secrets.choice(WORDS) for _ in range(4)]
    return " ".join([*words, str(secrets.choice(range(NUMBER_MIN, NUMBER_MAX)))])


def _other_numbers(code: PickupCode) -> list[str]:
    return [
        " ".join([*code.words, str(number)])
        for number in range(NUMBER_MIN, NUMBER_MAX + 1)
        if number != code.number
    ]


def test_children_behind_one_address_read_their_answers_while_a_guesser_is_stopped(
    channel: PublicChannel, af: Actor
) -> None:
    codes = _answered(channel, af, 25)
    target, others = codes[0], codes[1:]
    guesser, children = Client(), Client()
    with time_machine.travel(START, tick=False):
        # Random codes, many more than the old limit of twenty per address.
        for _ in range(60):
            status, _page = _read(guesser, _random_code())
            assert status == 200
        # Somebody saw the four words of one child's code and tries numbers.
        statuses = [_read(guesser, typed)[0] for typed in _other_numbers(target)[:20]]
        assert statuses[: REGION_BUDGETS["words"]] == [200] * REGION_BUDGETS["words"]
        assert set(statuses[REGION_BUDGETS["words"] :]) == {429}
        # Every other child on the same network reads the answer.
        for n, code in enumerate(others, start=1):
            status, page = _read(children, code.text)
            assert status == 200
            assert f"Antwoord voor {n}" in page
        # The child under attack waits a short time and sees the helplines.
        status, page = _read(children, target.text)
        assert status == 429
        assert "0800-0432" in page
        assert "tel:112" in page
        assert "Antwoord voor 0" not in page
    with time_machine.travel(START + dt.timedelta(seconds=WINDOW_SECONDS), tick=False):
        status, page = _read(children, target.text)
        assert status == 200
        assert "Antwoord voor 0" in page


def test_a_refusal_is_the_same_for_a_right_and_a_wrong_code(
    channel: PublicChannel, af: Actor
) -> None:
    [code] = _answered(channel, af, 1)
    client = Client()
    with time_machine.travel(START, tick=False):
        for typed in _other_numbers(code)[: REGION_BUDGETS["words"]]:
            _read(client, typed)
        right_status, right = _read(client, code.text)
        wrong_status, wrong = _read(client, _other_numbers(code)[-1])
    assert right_status == wrong_status == 429
    assert right == wrong


def test_guessing_the_last_words_and_number_is_stopped(
    channel: PublicChannel, af: Actor
) -> None:
    [code] = _answered(channel, af, 1)
    tail = [code.words[2], code.words[3], str(code.number)]
    guesses = [
        " ".join([first, second, *tail])
        for first in WORDS[:10]
        for second in WORDS[10:12]
        if [first, second] != list(code.words[:2])
    ]
    client = Client()
    with time_machine.travel(START, tick=False):
        statuses = [_read(client, typed)[0] for typed in guesses[:15]]
        assert statuses.count(200) == REGION_BUDGETS["end"]
        assert _read(client, code.text)[0] == 429


def test_the_global_budget_stops_every_guess_until_the_window_ends(
    channel: PublicChannel, af: Actor, settings: object
) -> None:
    settings.KINDVEILIG_YOUTH_GUESS_BUDGET = 8  # type: ignore[attr-defined]
    [code] = _answered(channel, af, 1)
    client = Client()
    with time_machine.travel(START, tick=False):
        statuses = [
            _read(client, _random_code(), f"203.0.113.{n}")[0] for n in range(10)
        ]
        assert statuses[:8] == [200] * 8
        assert statuses[8:] == [429, 429]
        status, page = _read(client, code.text, "198.51.100.1")
        assert status == 429
        assert gettext("Please wait a little") in page
    with time_machine.travel(START + dt.timedelta(seconds=WINDOW_SECONDS), tick=False):
        assert _read(client, code.text, "198.51.100.1")[0] == 200


def test_a_right_code_and_unreadable_input_are_never_counted(
    channel: PublicChannel, af: Actor, settings: object
) -> None:
    settings.KINDVEILIG_YOUTH_GUESS_BUDGET = 1  # type: ignore[attr-defined]
    [code] = _answered(channel, af, 1)
    client = Client()
    with time_machine.travel(START, tick=False):
        for _ in range(30):
            assert _read(client, code.text)[0] == 200
            assert _read(client, "hallo ik weet het niet meer")[0] == 200
        assert _read(client, code.text)[0] == 200
        assert _read(client, _random_code())[0] == 200
        assert _read(client, code.text)[0] == 429
