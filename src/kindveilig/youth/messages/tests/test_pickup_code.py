import math
from itertools import combinations

from django.test import Client
from django.urls import reverse

import pytest

from kindveilig.core.tests.legacy_hashes import old_code_hash
from kindveilig.youth.messages.codes import (
    CODE_BITS,
    NUMBER_MAX,
    NUMBER_MIN,
    WORD_COUNT,
    PickupCode,
    code_hash,
    generate_code,
    parse_code,
    sound_key,
)
from kindveilig.youth.messages.models import PublicChannel, YouthConversation
from kindveilig.youth.messages.selectors import conversation_by_code
from kindveilig.youth.messages.services import conversation_open, conversation_start
from kindveilig.youth.messages.wordlist import WORDS


def _distance(a: str, b: str) -> int:
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(
                min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb))
            )
        previous = current
    return previous[-1]


def test_the_code_has_at_least_44_bits_of_entropy() -> None:
    assert len(WORDS) == 512
    assert WORD_COUNT == 4
    assert (NUMBER_MIN, NUMBER_MAX) == (100, 999)
    expected = 4 * math.log2(512) + math.log2(900)
    assert pytest.approx(expected) == CODE_BITS
    assert CODE_BITS >= 44


def test_the_words_are_simple_unique_and_do_not_sound_alike() -> None:
    assert len(set(WORDS)) == len(WORDS)
    assert all(word.isascii() and word.isalpha() and word.islower() for word in WORDS)
    assert all(3 <= len(word) <= 9 for word in WORDS)
    keys = [sound_key(word) for word in WORDS]
    assert len(set(keys)) == len(keys)
    too_close = [(a, b) for a, b in combinations(keys, 2) if _distance(a, b) < 2]
    assert too_close == []


def test_a_generated_code_is_four_words_and_a_three_digit_number() -> None:
    code = generate_code()
    assert len(code.words) == 4
    assert all(word in WORDS for word in code.words)
    assert 100 <= code.number <= 999
    assert code.text == " ".join([*code.words, str(code.number)])
    assert "".join(code.digits) == str(code.number)


def test_codes_differ_each_time() -> None:
    assert len({generate_code().text for _ in range(200)}) == 200


@pytest.mark.parametrize(
    "typed",
    [
        "uil appel brug kat 482",
        "UIL APPEL BRUG KAT 482",
        "Uil-Appel-Brug-Kat-482",
        "  uil,  appel. brug kat   4 8 2 ",
        "uil apel brug kat 482",  # a doubled letter missing
        "uil appel bruch kat 482",  # g written as ch
        "uil appel brug kadt 482",  # d/t
        "uill appel brrug kat 482",
    ],
)
def test_a_code_is_read_back_forgivingly(typed: str) -> None:
    assert parse_code(typed) == PickupCode(
        words=("uil", "appel", "brug", "kat"), number=482
    )


@pytest.mark.parametrize(
    "typed",
    [
        "",
        "uil appel brug 482",  # three words
        "uil appel brug kat",  # no number
        "uil appel brug kat 42",  # number too small
        "uil appel brug kat 1482",
        "uil appel brug xylofonen 482",  # not a word of the list
    ],
)
def test_a_wrong_code_is_refused(typed: str) -> None:
    assert parse_code(typed) is None


def test_only_a_keyed_hash_is_stored_and_it_finds_the_conversation(
    channel: PublicChannel,
) -> None:
    result = conversation_start(channel=channel, body="Ik ben mijn gum kwijt")
    assert result.code is not None
    conversation = YouthConversation.objects.get()
    assert conversation.code_hash == code_hash(result.code)
    assert result.code.text not in conversation.code_hash
    assert len(conversation.code_hash) == 64
    typed = result.code.text.upper().replace(" ", "-")
    assert conversation_by_code(typed) == conversation
    other = PickupCode(words=result.code.words, number=(result.code.number % 899) + 100)
    assert conversation_by_code(other.text) is None


def test_the_hash_depends_on_the_key(settings: object) -> None:
    code = PickupCode(words=("uil", "appel", "brug", "kat"), number=482)
    first = code_hash(code)
    settings.KINDVEILIG_BLIND_INDEX_KEY = "another-key"  # type: ignore[attr-defined]
    assert code_hash(code) != first


def test_a_code_hashed_before_keyed_hash_still_opens_and_is_re_hashed(
    channel: PublicChannel, client: Client
) -> None:
    result = conversation_start(channel=channel, body="Ik ben mijn gum kwijt")
    assert result.code is not None
    YouthConversation.objects.update(code_hash=old_code_hash(result.code.text))

    page = client.post(
        reverse("youth:message-read"), {"code": result.code.text}, follow=True
    )

    assert page.status_code == 200
    assert "Ik ben mijn gum kwijt" in page.content.decode()
    conversation = YouthConversation.objects.get()
    assert conversation.code_hash == code_hash(result.code)
    assert conversation_open(code=result.code) == conversation


def test_opening_a_conversation_with_a_current_code_changes_nothing(
    channel: PublicChannel,
) -> None:
    result = conversation_start(channel=channel, body="Hoi")
    assert result.code is not None
    before = YouthConversation.objects.values_list("code_hash", "updated_at").get()
    assert conversation_open(code=result.code) is not None
    unknown = PickupCode(
        words=result.code.words, number=(result.code.number % 899) + 100
    )
    assert conversation_open(code=unknown) is None
    assert (
        YouthConversation.objects.values_list("code_hash", "updated_at").get() == before
    )
