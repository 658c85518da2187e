from collections.abc import Callable

from django.db import connection
from django.test import Client
from django.urls import reverse

import pytest
from conftest import Persona

from kindveilig.access.actor import Actor
from kindveilig.meldcode import scenarios
from kindveilig.meldcode.models import FormDraft, Observation

Login = Callable[[Client, Persona], Client]
pytestmark = [pytest.mark.django_db]


def test_a_draft_keeps_the_typed_text_encrypted_and_fills_the_form_again(
    client: Client, login: Login, professional: Persona, prof: Actor
) -> None:
    trajectory = scenarios.at_step_2(prof)
    login(client, professional)
    url = reverse("meldcode:consultation-add", args=[trajectory.public_id])
    response = client.post(
        url,
        {"save_draft": "1", "question": "Halve vraag over de plekken", "advice": ""},
    )
    assert response.status_code == 302
    assert trajectory.consultations.count() == 0  # nothing saved as a consultation
    with connection.cursor() as cursor:
        cursor.execute("SELECT data FROM meldcode_formdraft")
        (stored,) = cursor.fetchone()
    assert "Halve vraag" not in stored
    page = client.get(url).content.decode()
    assert "Halve vraag over de plekken" in page
    assert "Uw concept is ingevuld" in page


def test_saving_for_real_discards_the_draft(
    client: Client, login: Login, professional: Persona, prof: Actor
) -> None:
    trajectory = scenarios.at_step_2(prof)
    login(client, professional)
    url = reverse("meldcode:consultation-add", args=[trajectory.public_id])
    client.post(url, {"save_draft": "1", "question": "Concept"})
    client.post(
        url,
        {
            "party": "colleague",
            "consulted_name": "Collega (test)",
            "consulted_on": "2026-11-01",
            "question": "Wat vind jij?",
            "advice": "Praat met de ouders.",
        },
    )
    assert not FormDraft.objects.exists()


def test_drafts_are_per_user(
    client: Client,
    login: Login,
    aandachtsfunctionaris: Persona,
    professional: Persona,
    prof: Actor,
) -> None:
    trajectory = scenarios.at_step_2(prof)
    login(client, professional)
    url = reverse("meldcode:consultation-add", args=[trajectory.public_id])
    client.post(url, {"save_draft": "1", "question": "Alleen van mij"})
    client.logout()
    login(client, aandachtsfunctionaris)
    assert "Alleen van mij" not in client.get(url).content.decode()


def test_body_map_shows_each_mark_with_its_words(
    client: Client, login: Login, professional: Persona, prof: Actor
) -> None:
    trajectory = scenarios.at_step_2(prof)
    login(client, professional)
    content = client.get(
        reverse("meldcode:trajectory-detail", args=[trajectory.public_id])
    ).content.decode()
    observation = Observation.objects.get(trajectory=trajectory)
    assert 'class="kv-body-map"' in content
    assert "<title>1. Linkerarm: Drie blauwe plekken, ca. 2 cm</title>" in content
    assert f'id="marks-{observation.public_id}"' in content
