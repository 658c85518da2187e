"""The pages around the routes: who acts next on the list, the co-signer named
on the trajectory, the acute decision form, the close form's reason."""

from collections.abc import Callable

from django.test import Client
from django.urls import reverse

import pytest
from conftest import Persona

from kindveilig.access.actor import Actor
from kindveilig.meldcode import scenarios, services
from kindveilig.meldcode.models import Trajectory
from kindveilig.meldcode.services.decisions import DecisionInput

pytestmark = pytest.mark.django_db

Login = Callable[[Client, Persona], None]


def _propose(prof: Actor, trajectory: Trajectory) -> None:
    trajectory.refresh_from_db()
    services.decision_propose(
        actor=prof,
        trajectory=trajectory,
        data=DecisionInput(
            melden=True,
            melden_rationale="Structureel onveilig: melden.",
            help_possible=False,
            help_rationale="Veilig Thuis neemt het over.",
        ),
        expected_version=trajectory.version,
    )


def _next_actions(client: Client) -> str:
    response = client.get(reverse("meldcode:trajectory-list"))
    assert response.status_code == 200
    return response.content.decode()


def test_the_list_says_who_acts_next(
    client: Client,
    login: Login,
    professional: Persona,
    aandachtsfunctionaris: Persona,
    prof: Actor,
    af: Actor,
) -> None:
    trajectory = scenarios.at_step_5_melden(prof)
    login(client, aandachtsfunctionaris)
    page = _next_actions(client)
    assert f"{professional.user.full_name}: Stap 5: beslissen" in page
    _propose(prof, trajectory)
    page = _next_actions(client)
    assert (
        f"{aandachtsfunctionaris.user.full_name}: het besluit medeondertekenen" in page
    )
    decision = trajectory.decisions.get()
    trajectory.refresh_from_db()
    services.decision_cosign(
        actor=af, decision=decision, expected_version=trajectory.version
    )
    assert f"{professional.user.full_name}: de melding doen" in _next_actions(client)


def test_the_list_costs_the_same_for_one_or_many_rows(
    client: Client,
    login: Login,
    aandachtsfunctionaris: Persona,
    prof: Actor,
    django_assert_max_num_queries: Callable[..., object],
) -> None:
    login(client, aandachtsfunctionaris)
    scenarios.start(prof)
    with django_assert_max_num_queries(20) as one:  # type: ignore[operator]
        _next_actions(client)
    for _ in range(5):
        _propose(prof, scenarios.at_step_5_melden(prof))
    with django_assert_max_num_queries(len(one)):  # type: ignore[operator, attr-defined]
        _next_actions(client)


def test_the_trajectory_names_its_co_signer(
    client: Client,
    login: Login,
    professional: Persona,
    aandachtsfunctionaris: Persona,
    prof: Actor,
) -> None:
    trajectory = scenarios.start(prof)
    login(client, professional)
    response = client.get(
        reverse("meldcode:trajectory-detail", args=[trajectory.public_id])
    )
    content = response.content.decode()
    assert "Ondertekent mee als aandachtsfunctionaris" in content
    assert aandachtsfunctionaris.user.full_name in content


def test_the_acute_decision_form_says_melden_now_by_phone(
    client: Client, login: Login, professional: Persona, prof: Actor
) -> None:
    trajectory = scenarios.acute(prof)
    login(client, professional)
    response = client.get(
        reverse("meldcode:decision-propose", args=[trajectory.public_id])
    )
    content = response.content.decode()
    assert "acuut gevaar: meld nu telefonisch" in content.lower()
    assert "0800-2000" in content
    assert "beantwoord afweging 1" not in content.lower()


def test_a_refused_close_keeps_what_was_typed(
    client: Client, login: Login, professional: Persona, prof: Actor
) -> None:
    trajectory = scenarios.start(prof)
    login(client, professional)
    response = client.post(
        reverse("meldcode:trajectory-close", args=[trajectory.public_id]),
        {
            "outcome": "other",
            "agreements": "Geen tijd.",
            "reason": "",
            "version": trajectory.version,
        },
    )
    assert response.status_code == 200
    content = response.content.decode()
    assert "Geen tijd." in content
    assert "vraagt een reden" in content
    trajectory.refresh_from_db()
    assert not trajectory.is_closed
