import pytest
from conftest import Persona

from kindveilig.youth.messages.danger import compile_pattern, find_categories, normalise
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
