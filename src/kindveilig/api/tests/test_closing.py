"""Closing through the API follows the same routes as the pages: an early close
asks for the co-sign, the aandachtsfunctionaris co-signs or returns it."""

from typing import Any

from django.test import Client

import pytest
from conftest import Persona

from kindveilig.meldcode import scenarios
from kindveilig.meldcode.models import Trajectory

from .conftest import Login, messages_of, url

pytestmark = pytest.mark.django_db


def post(client: Client, path: str, data: dict[str, Any]) -> Any:
    return client.post(path, data, content_type="application/json")


def fresh(trajectory: Trajectory) -> Trajectory:
    trajectory.refresh_from_db()
    return trajectory


def _ask_to_close(client: Client, trajectory: Trajectory, reason: str) -> Any:
    return post(
        client,
        url("trajectory-close", trajectory.public_id),
        {
            "outcome": "other",
            "agreements": "School blijft alert.",
            "reason": reason,
            "expected_version": fresh(trajectory).version,
        },
    )


def test_an_early_close_waits_for_the_co_sign_and_closes_with_it(
    client: Client,
    login: Login,
    professional: Persona,
    aandachtsfunctionaris: Persona,
) -> None:
    trajectory = scenarios.start(professional.actor)
    login(client, professional)
    refused = _ask_to_close(client, trajectory, "")
    assert refused.status_code == 400
    assert any("reden" in message for message in messages_of(refused.json()))
    asked = _ask_to_close(
        client, trajectory, "Het gezin is naar het buitenland verhuisd."
    )
    assert asked.status_code == 200
    assert asked.json()["status"] == "open"
    forbidden = post(
        client,
        url("closing-cosign", trajectory.public_id),
        {"expected_version": fresh(trajectory).version},
    )
    assert forbidden.status_code == 403
    login(client, aandachtsfunctionaris)
    cosigned = post(
        client,
        url("closing-cosign", trajectory.public_id),
        {"expected_version": fresh(trajectory).version},
    )
    assert cosigned.status_code == 200
    assert cosigned.json()["status"] == "closed"


def test_a_returned_request_leaves_the_trajectory_open(
    client: Client,
    login: Login,
    professional: Persona,
    aandachtsfunctionaris: Persona,
) -> None:
    trajectory = scenarios.start(professional.actor)
    login(client, professional)
    _ask_to_close(client, trajectory, "Het gezin is naar het buitenland verhuisd.")
    login(client, aandachtsfunctionaris)
    returned = post(
        client,
        url("closing-return", trajectory.public_id),
        {
            "comment": "Eerst navragen bij de nieuwe school.",
            "expected_version": fresh(trajectory).version,
        },
    )
    assert returned.status_code == 200
    assert returned.json()["status"] == "open"
    again = post(
        client,
        url("closing-cosign", trajectory.public_id),
        {"expected_version": fresh(trajectory).version},
    )
    assert again.status_code == 404
