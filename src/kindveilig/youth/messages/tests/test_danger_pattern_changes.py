"""A beheerder's change of a pattern is measured against the corpus first; the
shared patterns are updated without touching anyone's changes."""

from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse

import pytest
from conftest import Persona, login_as

from kindveilig.youth.messages.models import (
    DangerCategory,
    DangerPattern,
    PublicChannel,
)
from kindveilig.youth.messages.seed_data import (
    DANGER_PATTERNS,
    SEED_V1,
    SEED_V2,
    seed_danger_patterns,
)
from kindveilig.youth.messages.services import (
    danger_categories_for,
    danger_pattern_save,
)

pytestmark = pytest.mark.django_db


def test_an_exception_that_hides_suicide_is_refused(
    channel: PublicChannel, functioneel_beheerder: Persona
) -> None:
    with pytest.raises(ValidationError) as caught:
        danger_pattern_save(
            actor=functioneel_beheerder.actor,
            pattern=None,
            text="dood",
            category="harmless",
            is_active=True,
            confirm_drop=True,
        )
    assert "pattern" in caught.value.message_dict
    assert (
        str(DangerCategory.SELF_HARM.label) in caught.value.message_dict["pattern"][0]
    )
    assert not DangerPattern.objects.filter(pattern="dood").exists()


def test_a_drop_above_the_bar_needs_a_confirmation(
    channel: PublicChannel, functioneel_beheerder: Persona
) -> None:
    actor = functioneel_beheerder.actor
    # A broad pattern: more harmless messages become urgent (precision drops).
    with pytest.raises(ValidationError) as caught:
        danger_pattern_save(
            actor=actor,
            pattern=None,
            text="school",
            category="violence",
            is_active=True,
        )
    assert "confirm_drop" in caught.value.message_dict
    saved = danger_pattern_save(
        actor=actor,
        pattern=None,
        text="school",
        category="violence",
        is_active=True,
        confirm_drop=True,
    )
    assert saved.pk


def test_a_change_without_effect_on_the_corpus_is_saved_at_once(
    channel: PublicChannel, functioneel_beheerder: Persona
) -> None:
    saved = danger_pattern_save(
        actor=functioneel_beheerder.actor,
        pattern=None,
        text="onder de trap .. kamer",
        category="confinement",
        is_active=True,
    )
    assert saved.language == "nl"


def test_the_edit_page_shows_the_effect_and_the_refusal(
    client: Client, channel: PublicChannel, functioneel_beheerder: Persona
) -> None:
    login_as(client, functioneel_beheerder)
    url = reverse("youthstaff:danger-patterns")
    preview = client.post(
        url,
        {
            "pattern": "school",
            "category": "violence",
            "language": "nl",
            "is_active": "on",
            "preview": "1",
        },
    ).content.decode()
    assert 'data-testid="pattern-effect"' in preview
    assert "→" in preview
    assert not DangerPattern.objects.filter(pattern="school").exists()
    refused = client.post(
        url,
        {
            "pattern": "dood",
            "category": "harmless",
            "is_active": "on",
            "confirm_drop": "on",
        },
    )
    assert refused.status_code == 200
    assert str(DangerCategory.SELF_HARM.label) in refused.content.decode()
    assert not DangerPattern.objects.filter(pattern="dood").exists()


def test_english_patterns_run_on_a_page_in_english_and_dutch_ones_everywhere(
    channel: PublicChannel,
) -> None:
    org = channel.organisation_id
    text = "my stepdad locks me in the basement"
    assert danger_categories_for(organisation_id=org, text=text, page_language="en")
    assert (
        danger_categories_for(organisation_id=org, text=text, page_language="nl") == []
    )
    assert danger_categories_for(
        organisation_id=org, text="ik word opgesloten", page_language="en"
    ) == ["confinement"]


def test_the_update_replaces_untouched_old_rows_and_keeps_changed_ones(
    seeded: None,
) -> None:
    current = {(lang, p) for lang, p, _ in DANGER_PATTERNS}
    retired = [(p, c) for p, c in SEED_V1 if ("nl", p) not in current]
    assert retired, "the first list had patterns that are no longer shared"
    kept_pattern, kept_category = retired[0]
    gone_pattern, gone_category = retired[1]
    DangerPattern.objects.create(pattern=kept_pattern, category=kept_category)
    DangerPattern.objects.create(pattern=gone_pattern, category=gone_category)
    # Someone's deliberate change on a shared row: another category.
    DangerPattern.objects.filter(pattern=kept_pattern).update(category="threat")
    DangerPattern.objects.filter(language="nl", pattern="wil .. dood").delete()
    assert seed_danger_patterns(DangerPattern) == 1
    assert DangerPattern.objects.filter(pattern=kept_pattern).exists()
    assert not DangerPattern.objects.filter(pattern=gone_pattern).exists()
    assert seed_danger_patterns(DangerPattern) == 0


def test_the_update_retires_rows_of_the_second_list_in_every_language(
    seeded: None,
) -> None:
    current = {(lang, p) for lang, p, _ in DANGER_PATTERNS}
    retired = [row for row in SEED_V2 if (row[0], row[1]) not in current]
    assert {lang for lang, _, _ in retired} == {"tr", "pl", "uk", "ar"}
    (gone_lang, gone, gone_category), (kept_lang, kept, kept_category) = retired[:2]
    DangerPattern.objects.create(
        language=gone_lang, pattern=gone, category=gone_category
    )
    DangerPattern.objects.create(
        language=kept_lang, pattern=kept, category=kept_category
    )
    # Someone's deliberate change on a shared row: another category.
    changed = "violence" if kept_category != "violence" else "threat"
    DangerPattern.objects.filter(pattern=kept).update(category=changed)
    assert seed_danger_patterns(DangerPattern) == 0
    assert not DangerPattern.objects.filter(language=gone_lang, pattern=gone).exists()
    assert DangerPattern.objects.filter(language=kept_lang, pattern=kept).exists()
