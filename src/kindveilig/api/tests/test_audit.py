"""API reads and writes leave the same audit records as the pages, with the actor."""

from collections.abc import Callable

from django.test import Client
from django.utils import timezone

import pytest
from conftest import Persona
from rest_framework.test import APIClient

from kindveilig.audit.models import AuditAction, AuditEvent
from kindveilig.meldcode import scenarios

from .conftest import Login, fields_of, url

pytestmark = [pytest.mark.django_db]


def _child_id(trajectory: object) -> object:
    return trajectory.children.get().person.public_id  # type: ignore[attr-defined]


def test_reading_a_trajectory_is_recorded_per_child(
    client: Client, login: Login, professional: Persona
) -> None:
    trajectory = scenarios.start(professional.actor)
    child_id = _child_id(trajectory)
    login(client, professional)
    response = client.get(url("trajectory-detail", trajectory.public_id))
    assert response.status_code == 200
    event = AuditEvent.objects.filter(action=AuditAction.READ).get()
    assert event.object_type == "meldcode.trajectory"
    assert event.object_id == str(trajectory.public_id)
    assert event.person_id == child_id
    assert event.actor_user_id == professional.user.pk
    assert event.actor_organisation_id == professional.organisation.pk
    assert event.actor_role == "professional"
    assert event.request_id


def test_the_list_records_a_read_for_every_child_shown(
    client: Client, login: Login, professional: Persona
) -> None:
    first = scenarios.start(professional.actor)
    second = scenarios.start(professional.actor, given_name="Noor (demo)")
    login(client, professional)
    assert client.get(url("trajectory-list")).json()["count"] == 2
    reads = AuditEvent.objects.filter(action=AuditAction.READ)
    assert {e.object_id for e in reads} == {str(first.public_id), str(second.public_id)}
    assert {e.actor_user_id for e in reads} == {professional.user.pk}


def test_a_write_through_a_token_is_recorded_with_the_tokens_actor(
    professional: Persona, token_client: Callable[[Persona], APIClient]
) -> None:
    trajectory = scenarios.start(professional.actor)
    child_id = _child_id(trajectory)
    client = token_client(professional)
    response = client.post(
        url("observation-add", trajectory.public_id),
        {
            "observed_on": timezone.localdate().isoformat(),
            "observed_by": "Juf Test",
            "source": "own",
            "facts": "Blauwe plekken op de arm.",
            "marks": [{"side": "front", "region": "left_arm", "description": "2 cm"}],
        },
        format="json",
    )
    assert response.status_code == 201, response.json()
    assert response.json()["marks"] == [
        {"side": "front", "region": "left_arm", "description": "2 cm"}
    ]
    created = AuditEvent.objects.get(
        action=AuditAction.CREATE, object_type="meldcode.observation"
    )
    assert created.object_id == response.json()["public_id"]
    assert created.person_id == child_id
    assert created.actor_user_id == professional.user.pk
    assert created.actor_organisation_id == professional.organisation.pk
    assert created.actor_role == "professional"
    read = AuditEvent.objects.get(action=AuditAction.READ)
    assert read.request_id == created.request_id


def test_starting_a_trajectory_through_the_api_is_recorded(
    client: Client, login: Login, professional: Persona
) -> None:
    login(client, professional)
    response = client.post(
        url("trajectory-list"),
        {
            "origin": "worry",
            "worry": "Sam is stil en heeft blauwe plekken.",
            "forms_of_violence": ["physical"],
            "children": [
                {
                    "given_name": "Sam (demo)",
                    "family_name": "Voorbeeldmans",
                    "date_of_birth": "2016-03-14",
                }
            ],
            "involved": [
                {
                    "given_name": "Ouder (demo)",
                    "family_name": "Voorbeeldmans",
                    "relation": "father",
                    "has_gezag": True,
                }
            ],
        },
        content_type="application/json",
    )
    assert response.status_code == 201, response.json()
    body = response.json()
    assert body["step"] == 1
    assert body["version"] == 1
    assert [c["given_name"] for c in body["children"]] == ["Sam (demo)"]
    assert body["involved"][0]["relation"] == "father"
    assert body["involved"][0]["child"] == body["children"][0]["public_id"]
    assert body["advice"] == {
        "outcome": "next_question",
        "question": 1,
        "together_with_veilig_thuis": False,
        "melden": False,
    }
    assert AuditEvent.objects.filter(
        action=AuditAction.CREATE,
        object_type="meldcode.trajectory",
        object_id=body["public_id"],
        actor_user=professional.user,
    ).exists()


def test_a_start_without_a_child_is_refused_in_dutch(
    client: Client, login: Login, professional: Persona
) -> None:
    login(client, professional)
    response = client.post(
        url("trajectory-list"), {"worry": ""}, content_type="application/json"
    )
    assert response.status_code == 400
    assert fields_of(response.json()) == {"children", "worry"}
    assert not AuditEvent.objects.exists()
