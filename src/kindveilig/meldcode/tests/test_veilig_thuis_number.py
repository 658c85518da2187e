"""Veilig Thuis's number stands wherever melden or advice is suggested."""

from collections.abc import Callable

from django.test import Client
from django.urls import reverse

import pytest
from conftest import Persona

from kindveilig.access.actor import Actor
from kindveilig.meldcode import scenarios

Login = Callable[[Client, Persona], Client]
pytestmark = [pytest.mark.django_db]
NUMBER = 'data-testid="veilig-thuis-number"'


def _page(client: Client, name: str, public_id: object) -> str:
    response = client.get(reverse(name, args=[public_id]))
    assert response.status_code == 200
    return response.content.decode()


def test_the_melding_form_and_the_advice_give_the_number(
    client: Client, login: Login, professional: Persona, prof: Actor, af: Actor
) -> None:
    trajectory = scenarios.decided_melden(prof, af).trajectory
    login(client, professional)
    page = _page(client, "meldcode:melding-create", trajectory.public_id)
    assert NUMBER in page
    assert "0800-2000" in page
    detail = _page(client, "meldcode:trajectory-detail", trajectory.public_id)
    advice = detail[detail.index('data-testid="advice"') :]
    assert NUMBER in advice[: advice.index("</div>")]


def test_the_handover_form_gives_the_number(
    client: Client, login: Login, professional: Persona, prof: Actor, af: Actor
) -> None:
    trajectory = scenarios.melded(prof, af).trajectory
    login(client, professional)
    assert NUMBER in _page(client, "meldcode:melding-handover", trajectory.public_id)
