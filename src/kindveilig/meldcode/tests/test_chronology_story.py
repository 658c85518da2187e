"""The chronology reads as a story in Dutch: every event translated, attributed to
whoever did it, in the order it happened."""

from collections.abc import Callable

from django.test import Client
from django.urls import reverse

import pytest
from conftest import Persona

from kindveilig.access.actor import Actor
from kindveilig.meldcode import scenarios
from kindveilig.meldcode.models.choices import EventKind

Login = Callable[[Client, Persona], Client]
pytestmark = [pytest.mark.django_db]


def _chronology(client: Client, public_id: object) -> str:
    url = reverse("meldcode:trajectory-chronology", args=[public_id])
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def test_every_event_is_a_dutch_sentence_not_a_code(
    client: Client,
    login: Login,
    professional: Persona,
    prof: Actor,
    af: Actor,
) -> None:
    trajectory = scenarios.decided_melden(prof, af).trajectory
    login(client, professional)
    page = _chronology(client, trajectory.public_id)
    for code in ("started", "step_advanced", "decision_proposed", "decision_cosigned"):
        assert f">{code}<" not in page
        assert f": {code}" not in page
    assert "Traject gestart" in page  # the catalogue is wired: literal Dutch
    assert str(EventKind.DECISION_COSIGNED.label) in page


def test_the_co_sign_is_attributed_to_the_co_signer_after_the_proposal(
    client: Client,
    login: Login,
    professional: Persona,
    aandachtsfunctionaris: Persona,
    prof: Actor,
    af: Actor,
) -> None:
    trajectory = scenarios.decided_melden(prof, af).trajectory
    login(client, professional)
    page = _chronology(client, trajectory.public_id)
    proposed = page.index("Besluit voorgesteld")
    cosigned = page.index(str(EventKind.DECISION_COSIGNED.label))
    assert proposed < cosigned
    cosign_line = page[cosigned : page.index("</li>", cosigned)]
    assert aandachtsfunctionaris.user.full_name in cosign_line
    assert professional.user.full_name not in cosign_line


def test_dates_are_written_out_in_dutch(
    client: Client, login: Login, professional: Persona, prof: Actor
) -> None:
    trajectory = scenarios.at_step_2(prof)
    login(client, professional)
    page = _chronology(client, trajectory.public_id)
    months = [
        "januari",
        "februari",
        "maart",
        "april",
        "mei",
        "juni",
        "juli",
        "augustus",
        "september",
        "oktober",
        "november",
        "december",
    ]
    assert any(f" {month} " in page for month in months)
