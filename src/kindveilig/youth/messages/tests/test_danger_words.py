import pytest
from conftest import Persona

from kindveilig.youth.messages.danger import (
    compile_pattern,
    find_categories,
    languages_for,
    normalise,
)
from kindveilig.youth.messages.evaluation import compile_rows
from kindveilig.youth.messages.models import DangerPattern, PublicChannel
from kindveilig.youth.messages.seed_data import DANGER_PATTERNS, seed_danger_patterns
from kindveilig.youth.messages.services import (
    danger_categories_for,
    danger_pattern_save,
)

from .danger_table import DANGER_TABLE

SEEDED = compile_rows(DANGER_PATTERNS)


def test_the_table_has_at_least_thirty_realistic_messages() -> None:
    assert len(DANGER_TABLE) >= 30
    assert sum(1 for _, expected in DANGER_TABLE if expected) >= 20
    assert sum(1 for _, expected in DANGER_TABLE if not expected) >= 10


def test_every_seeded_pattern_compiles_and_fits_the_field() -> None:
    assert len(SEEDED) == len(DANGER_PATTERNS)
    assert all(len(pattern) <= 200 for _, pattern, _ in DANGER_PATTERNS)


@pytest.mark.parametrize(("message", "expected"), DANGER_TABLE)
def test_the_code_list_finds_what_the_table_expects(
    message: str, expected: list[str]
) -> None:
    assert find_categories(message, SEEDED) == sorted(expected)


@pytest.mark.django_db
@pytest.mark.parametrize(("message", "expected"), DANGER_TABLE)
def test_the_seeded_database_list_finds_the_same(
    channel: PublicChannel, message: str, expected: list[str]
) -> None:
    assert danger_categories_for(
        organisation_id=channel.organisation_id, text=message
    ) == sorted(expected)


@pytest.mark.parametrize(
    ("text", "plain"),
    [
        ("IK WIL DOOOOD", "ik wil dod"),
        ("ik w1l d00d", "ik wil dod"),
        ("m4ma sl44t m3", "mama slat me"),
        ("k wil nie meer leve", "ik wil niet mer leven"),
        ("papa slaat m'n moeder", "papa slat mijn moeder"),
        ("Ik ben één keer geslagen", "ik ben en ker geslagen"),
        ("kwil ff weg", "ik wil even weg"),
    ],
)
def test_normalising_makes_chat_language_plain(text: str, plain: str) -> None:
    assert normalise(text) == plain


def test_an_exception_is_cut_out_before_the_others_are_checked() -> None:
    dood = compile_pattern("wil .. dood", "self_harm")
    graag = compile_pattern("dood graag", "harmless", is_exception=True)
    assert dood
    assert graag
    assert find_categories("ik wil dood graag naar de film", [dood]) == ["self_harm"]
    assert find_categories("ik wil dood graag naar de film", [dood, graag]) == []
    assert find_categories("ik wil dood", [dood, graag]) == ["self_harm"]


def test_the_gap_allows_three_words_and_no_more() -> None:
    pattern = compile_pattern("slaat .. moeder", "violence")
    assert pattern
    assert find_categories("hij slaat mijn lieve arme moeder", [pattern]) == [
        "violence"
    ]
    assert find_categories("hij slaat de bal en niet mijn moeder", [pattern]) == []


def test_a_pattern_without_words_is_refused() -> None:
    assert compile_pattern(" .. ", "violence") is None


@pytest.mark.django_db
def test_an_organisations_own_words_apply_to_its_messages_only(
    channel: PublicChannel,
    other_channel: PublicChannel,
    functioneel_beheerder: Persona,
) -> None:
    actor = functioneel_beheerder.actor
    danger_pattern_save(
        actor=actor,
        pattern=None,
        text="onder de trap .. kamer",
        category="unsafe_home",
        is_active=True,
    )
    text = "ik moet onder de trap in een kamer slapen"
    assert danger_categories_for(
        organisation_id=channel.organisation_id, text=text
    ) == ["unsafe_home"]
    assert (
        danger_categories_for(organisation_id=other_channel.organisation_id, text=text)
        == []
    )


@pytest.mark.django_db
def test_an_inactive_pattern_does_not_count(channel: PublicChannel) -> None:
    DangerPattern.objects.filter(pattern="wil .. dood").update(is_active=False)
    assert (
        danger_categories_for(
            organisation_id=channel.organisation_id, text="ik wil dood"
        )
        == []
    )


@pytest.mark.django_db
def test_seeding_again_after_a_flush_creates_nothing_twice(seeded: None) -> None:
    count = DangerPattern.objects.count()
    assert count == len(DANGER_PATTERNS)
    assert seed_danger_patterns(DangerPattern) == 0
    DangerPattern.objects.all().delete()
    assert seed_danger_patterns(DangerPattern) == count


@pytest.mark.parametrize(
    ("text", "language", "plain"),
    [
        ("m1jn v4der sl@@t me", "nl", "mijn vader slat me"),
        ("I'm gonna k1ll u", "en", "i am going to kil you"),
        ("kms", "en", "kil myself"),
        ("ÖLMEK İSTİYOMMM", "tr", "olmek istiyorum"),
        (
            "babam beni dövüyo, okula göndermiyolar",
            "tr",
            "babam beni dovuyor okula gondermiyorlar",
        ),
        ("3ammi kayt9ess lia", "ar", "3ami kayt9es lia"),
        ("بدي موووت", "ar", "بدي موت"),
        ("يهددني", "ar", "يهددني"),
        ("мене зґвалтували", "uk", "мене згвалтували"),
        ("mama gaat me vermoorden 😂", "nl", "mama gat me vermorden haha"),
        ("Chcę umrzeć, ojczym mnie bił", "pl", "chce umrzec ojczym mnie bil"),
        ("тато б'є маму", "uk", "тато бє маму"),
        ("أريد أن أموت", "ar", "اريد ان اموت"),
        ("call 112 now", "en", "cal 112 now"),
    ],
)
def test_normalising_reads_leetspeak_chat_and_other_scripts(
    text: str, language: str, plain: str
) -> None:
    assert normalise(text, language) == plain


def test_a_one_is_read_as_i_and_as_l() -> None:
    leven = compile_pattern("leven", "self_harm")
    wil = compile_pattern("wil", "self_harm")
    assert leven
    assert wil
    assert find_categories("1even", [leven]) == ["self_harm"]
    assert find_categories("w1l", [wil]) == ["self_harm"]


def test_the_end_marker_matches_only_at_the_end() -> None:
    pattern = compile_pattern("wil niet meer $", "self_harm")
    assert pattern
    assert find_categories("ik wil niet meer", [pattern]) == ["self_harm"]
    assert find_categories("ik wil niet meer naar voetbal", [pattern]) == []


def test_the_long_gap_allows_eight_words_and_no_more() -> None:
    pattern = compile_pattern("als ... vermoord*", "threat")
    assert pattern
    assert find_categories("als ik het aan iemand vertel vermoordt hij me", [pattern])
    assert not find_categories("als a b c d e f g h i vermoordt", [pattern])


def test_a_tilde_forgives_one_typing_error_on_long_words_only() -> None:
    long_word = compile_pattern("zelfmoord~", "self_harm")
    short_word = compile_pattern("rape*~", "sexual", language="en")
    assert long_word
    assert short_word
    assert find_categories("ik denk aan zelfmord", [long_word]) == ["self_harm"]
    assert find_categories("ik denk aan zelfmoort", [long_word]) == ["self_harm"]
    assert find_categories("ik denk aan zeldmoorf", [long_word]) == []
    assert find_categories("i must repeat the year", [short_word], ["en"]) == []


def test_a_language_runs_only_when_the_page_or_the_letters_ask_for_it() -> None:
    die = compile_pattern("want to die", "self_harm", language="en")
    assert die
    assert find_categories("i want to die", [die]) == []  # Dutch page
    assert find_categories("i want to die", [die], ["nl", "en"]) == ["self_harm"]
    assert languages_for("тато б'є маму") == ["nl", "uk"]
    assert languages_for("أريد أن أموت", "en") == ["nl", "en", "ar"]
    assert languages_for("Ölmek istiyorum, çok kötüyüm ağlıyorum") == ["nl", "tr"]


def test_an_exception_of_one_language_is_cut_for_every_language() -> None:
    dutch = compile_pattern("suicid*", "self_harm")
    english = compile_pattern("talked about suicide", "harmless", True, "en")
    assert dutch
    assert english
    text = "we talked about suicide in class"
    assert find_categories(text, [dutch], ["nl", "en"]) == ["self_harm"]
    assert find_categories(text, [dutch, english], ["nl", "en"]) == []


def test_a_word_between_stars_matches_every_word_that_contains_it() -> None:
    hit = compile_pattern("*يضرب*", "violence", language="ar")
    assert hit
    for text in ("أبي يضربني", "بابا بيضربني", "كيضربني بابا", "ويضربني أخي"):
        assert find_categories(text, [hit], ["ar"]) == ["violence"], text
    assert find_categories("ضربت الكرة", [hit], ["ar"]) == []


def test_arabizi_is_read_with_digits_as_letters_and_without_vowels() -> None:
    hit = compile_pattern("*darab*", "violence", language="ar")
    assert hit
    for text in ("baba kaydrbni", "bba kayderbni", "baba byedrabni", "drbatni"):
        assert find_categories(text, [hit], ["ar"]) == ["violence"], text
    # Short words keep their vowels: "ma" (not) is no "mama".
    negation = compile_pattern("ma .. *darab*", "harmless", True, "ar")
    assert negation
    assert find_categories("mama kaydrbni", [hit, negation], ["ar"]) == ["violence"]
    assert find_categories("bba ma kaydrbni", [hit, negation], ["ar"]) == []


def test_arabizi_on_a_dutch_page_brings_in_the_arabic_patterns() -> None:
    assert languages_for("3ammi kayt9ess lia") == ["nl", "ar"]
    assert languages_for("ik wil dood") == ["nl"]
