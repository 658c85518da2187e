"""The reflection page, offered right after closing a trajectory."""

from collections.abc import Callable

from django.test import Client
from django.urls import reverse
from django.utils.translation import gettext

import pytest
from conftest import Persona

from kindveilig.access.actor import Actor
from kindveilig.learning.models import (
    Handover,
    Heard,
    OutcomeCategory,
    Reflection,
    ReflectionStatus,
    Theme,
)
from kindveilig.meldcode import scenarios
from kindveilig.meldcode.afwegingskader import Answer
from kindveilig.meldcode.models import Trajectory
from kindveilig.meldcode.models.choices import Outcome

Login = Callable[[Client, Persona], Client]
pytestmark = [pytest.mark.django_db]


def page(trajectory: Trajectory) -> str:
    return reverse("learning:reflection-start", args=[trajectory.public_id])


def detail(trajectory: Trajectory) -> str:
    return reverse("meldcode:trajectory-detail", args=[trajectory.public_id])


@pytest.fixture
def closed(prof: Actor) -> Trajectory:
    return scenarios.closed_no_suspicion(prof, given_name="Dicht (test)")


FILLED = {
    "child_heard": Heard.YES,
    "child_view_counted": Heard.PARTLY,
    "handovers_warm": Handover.NONE,
    "helped": ["talking_child", "consulting_af"],
    "themes": [Theme.CHILD_HEARD, Theme.DOUBT_SHARED],
    "lesson": "Twijfel meteen delen met de aandachtsfunctionaris scheelde weken.",
}


def test_closing_a_trajectory_leads_to_the_reflection(
    client: Client, login: Login, professional: Persona, prof: Actor
) -> None:
    trajectory = scenarios.weigh(prof, scenarios.at_step_4(prof), [Answer.NO])
    login(client, professional)
    response = client.post(
        reverse("meldcode:trajectory-close", args=[trajectory.public_id]),
        {
            "outcome": Outcome.NO_SUSPICION,
            "agreements": "",
            "reason": "Geen vermoeden na het gesprek met de ouders.",
            "version": trajectory.version,
        },
    )
    assert response.status_code == 302
    assert response["Location"] == page(trajectory)
    response = client.get(response["Location"])
    assert response.status_code == 200
    content = response.content.decode()
    assert gettext("Look back on this case") in content
    assert gettext("The trajectory is closed.") in content


def test_the_owner_saves_a_reflection_apart_from_the_case(
    client: Client, login: Login, professional: Persona, closed: Trajectory
) -> None:
    login(client, professional)
    response = client.post(page(closed), FILLED)
    assert response.status_code == 302
    assert response["Location"] == detail(closed)
    reflection = Reflection.objects.get()
    assert reflection.status == ReflectionStatus.COMPLETED
    assert reflection.outcome == OutcomeCategory.NO_CONCERN
    assert reflection.helped == ["consulting_af", "talking_child"]
    assert reflection.lesson == FILLED["lesson"]
    assert str(closed.public_id) not in reflection.source_hash
    # Once reflected, the page sends the owner back to the trajectory.
    response = client.get(page(closed), follow=True)
    assert response.redirect_chain[-1][0] == detail(closed)
    assert gettext("This trajectory already has a reflection.") in (
        response.content.decode()
    )
    assert client.post(page(closed), FILLED).status_code == 302
    assert Reflection.objects.count() == 1


def test_a_lesson_with_personal_data_comes_back_with_the_text_and_the_fragments(
    client: Client, login: Login, professional: Persona, closed: Trajectory
) -> None:
    login(client, professional)
    lesson = "Sanne (geb. 3 maart 2015) vertelde het pas aan de juf; bel 06-12345678."
    response = client.post(page(closed), {**FILLED, "lesson": lesson})
    assert response.status_code == 200
    content = response.content.decode()
    assert lesson in content  # the text is kept in the textarea
    for fragment in ("Sanne", "3 maart 2015", "06-12345678"):
        assert f"“{fragment}”" in content
    assert 'aria-invalid="true"' in content
    assert not Reflection.objects.exists()


def test_the_owner_may_skip_and_the_skip_is_counted(
    client: Client, login: Login, professional: Persona, closed: Trajectory
) -> None:
    login(client, professional)
    response = client.post(page(closed), {"skip": "1"})
    assert response.status_code == 302
    assert response["Location"] == detail(closed)
    assert Reflection.objects.get().status == ReflectionStatus.SKIPPED


def test_the_aandachtsfunctionaris_may_reflect_too(
    client: Client, login: Login, aandachtsfunctionaris: Persona, closed: Trajectory
) -> None:
    login(client, aandachtsfunctionaris)
    assert client.get(page(closed)).status_code == 200


def test_an_open_trajectory_is_refused(
    client: Client, login: Login, professional: Persona, prof: Actor
) -> None:
    trajectory = scenarios.at_step_2(prof)
    login(client, professional)
    response = client.post(page(trajectory), FILLED, follow=True)
    assert response.redirect_chain[-1][0] == detail(trajectory)
    assert gettext("Only a closed trajectory can be reflected on.") in (
        response.content.decode()
    )
    assert not Reflection.objects.exists()


@pytest.mark.parametrize("persona", ["outsider", "lokaal_team_medewerker"])
def test_people_without_a_relation_to_the_trajectory_get_404(
    persona: str,
    request: pytest.FixtureRequest,
    client: Client,
    login: Login,
    closed: Trajectory,
) -> None:
    login(client, request.getfixturevalue(persona))
    assert client.get(page(closed)).status_code == 404
    assert client.post(page(closed), {"skip": "1"}).status_code == 404
    assert not Reflection.objects.exists()


def test_a_colleague_who_does_not_own_it_gets_404(
    client: Client,
    login: Login,
    make_persona: Callable[..., Persona],
    organisation: object,
    closed: Trajectory,
) -> None:
    from kindveilig.access.roles import Role

    login(client, make_persona(Role.PROFESSIONAL, organisation))
    assert client.get(page(closed)).status_code == 404


@pytest.mark.parametrize("persona", ["gemeente_analist", "functioneel_beheerder"])
def test_roles_without_case_work_get_403(
    persona: str,
    request: pytest.FixtureRequest,
    client: Client,
    login: Login,
    closed: Trajectory,
) -> None:
    login(client, request.getfixturevalue(persona))
    assert client.get(page(closed)).status_code == 403
