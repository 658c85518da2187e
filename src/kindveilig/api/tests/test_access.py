"""What a page refuses for lack of a role or a relation, the API refuses too."""

from collections.abc import Callable

from django.test import Client

import pytest
from conftest import Persona

from kindveilig.access.roles import Role
from kindveilig.audit.models import AuditAction, AuditEvent
from kindveilig.meldcode import scenarios
from kindveilig.meldcode.models import Trajectory
from kindveilig.meldcode.models.choices import CosignStatus
from kindveilig.meldcode.services import decision_propose
from kindveilig.meldcode.services.decisions import DecisionInput
from kindveilig.organisations.models import Organisation

from .conftest import Login, url

pytestmark = [pytest.mark.django_db]


@pytest.fixture
def trajectory(professional: Persona) -> Trajectory:
    return scenarios.at_step_2(professional.actor)


def test_the_outsider_gets_404_and_changes_nothing(
    client: Client, login: Login, outsider: Persona, trajectory: Trajectory
) -> None:
    login(client, outsider)
    audit_before = AuditEvent.objects.count()
    assert client.get(url("trajectory-detail", trajectory.public_id)).status_code == 404
    assert (
        client.get(url("trajectory-chronology", trajectory.public_id)).status_code
        == 404
    )
    response = client.post(
        url("trajectory-acute", trajectory.public_id),
        {"note": "Kind durft niet naar huis."},
        content_type="application/json",
    )
    assert response.status_code == 404
    listed = client.get(url("trajectory-list")).json()
    assert listed["count"] == 0
    version = trajectory.version
    trajectory.refresh_from_db()
    assert trajectory.version == version
    assert not trajectory.is_acute
    # Only the attempts are audited (DENIED), nothing as read or changed.
    since = AuditEvent.objects.all()[audit_before:]
    assert {event.action for event in since} == {AuditAction.DENIED}


def test_a_colleague_professional_does_not_see_anothers_trajectory(
    client: Client,
    login: Login,
    make_persona: Callable[..., Persona],
    organisation: Organisation,
    trajectory: Trajectory,
) -> None:
    colleague = make_persona(Role.PROFESSIONAL, organisation)
    login(client, colleague)
    assert client.get(url("trajectory-detail", trajectory.public_id)).status_code == 404


def test_the_aandachtsfunctionaris_sees_the_organisations_trajectory(
    client: Client,
    login: Login,
    aandachtsfunctionaris: Persona,
    trajectory: Trajectory,
) -> None:
    login(client, aandachtsfunctionaris)
    response = client.get(url("trajectory-detail", trajectory.public_id))
    assert response.status_code == 200
    assert response.json()["public_id"] == str(trajectory.public_id)


@pytest.mark.parametrize("persona", ["gemeente_analist", "functioneel_beheerder"])
def test_roles_without_case_access_get_403(
    persona: str,
    request: pytest.FixtureRequest,
    client: Client,
    login: Login,
    trajectory: Trajectory,
) -> None:
    login(client, request.getfixturevalue(persona))
    audit_before = AuditEvent.objects.count()
    assert client.get(url("trajectory-list")).status_code == 403
    assert client.get(url("trajectory-detail", trajectory.public_id)).status_code == 403
    response = client.post(
        url("trajectory-list"),
        {"worry": "Zorg", "children": [{"given_name": "A", "family_name": "B"}]},
        content_type="application/json",
    )
    assert response.status_code == 403
    response = client.post(
        url("step-advance", trajectory.public_id),
        {"to_step": 3, "expected_version": trajectory.version},
        content_type="application/json",
    )
    assert response.status_code == 403
    assert Trajectory.objects.count() == 1
    assert AuditEvent.objects.count() == audit_before


def test_a_professional_cannot_reach_the_cosign_endpoint(
    client: Client,
    login: Login,
    professional: Persona,
    aandachtsfunctionaris: Persona,
) -> None:
    trajectory = scenarios.at_step_5_melden(professional.actor)
    decision = decision_propose(
        actor=professional.actor,
        trajectory=trajectory,
        data=DecisionInput(
            melden=True,
            melden_rationale="Structurele onveiligheid thuis.",
            help_possible=False,
            help_rationale="Hulp alleen is niet genoeg.",
        ),
        expected_version=trajectory.version,
    )
    trajectory.refresh_from_db()
    login(client, professional)
    response = client.post(
        url("decision-cosign", trajectory.public_id, decision.public_id),
        {"expected_version": trajectory.version},
        content_type="application/json",
    )
    assert response.status_code == 403
    decision.refresh_from_db()
    assert decision.cosign_status == CosignStatus.PENDING


def test_the_lokaal_team_of_another_organisation_gets_404(
    client: Client,
    login: Login,
    lokaal_team_medewerker: Persona,
    trajectory: Trajectory,
) -> None:
    login(client, lokaal_team_medewerker)
    assert client.get(url("trajectory-detail", trajectory.public_id)).status_code == 404
