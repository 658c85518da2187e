"""Casusreflectie sessions: plan, pick anonymised reflections, agree actions."""

import re
from collections.abc import Callable
from datetime import date, timedelta

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

import pytest
from conftest import Persona

from kindveilig.access.actor import Actor
from kindveilig.access.roles import Role
from kindveilig.learning.models import ImprovementAction, LearningSession, Reflection
from kindveilig.learning.selectors import (
    OpenImprovementAction,
    open_improvement_actions_for_municipality,
)
from kindveilig.learning.services import action_add, action_complete, session_create
from kindveilig.organisations.models import Municipality, Sector

from .factories import LESSON, reflect

Login = Callable[[Client, Persona], Client]
pytestmark = [pytest.mark.django_db]


@pytest.fixture
def session(af: Actor) -> LearningSession:
    return session_create(actor=af, title="Casusreflectie K2", held_on=date(2026, 6, 1))


def url(name: str, obj: object) -> str:
    return reverse(f"learning:{name}", args=[obj.public_id])


def test_the_aandachtsfunctionaris_plans_a_session(
    client: Client, login: Login, aandachtsfunctionaris: Persona
) -> None:
    login(client, aandachtsfunctionaris)
    response = client.post(
        reverse("learning:session-create"),
        {"title": "Casusreflectie onderwijs", "held_on": "2026-06-01"},
    )
    session = LearningSession.objects.get()
    assert response["Location"] == url("session-detail", session)
    assert session.organisation == aandachtsfunctionaris.organisation
    assert session.municipality == aandachtsfunctionaris.organisation.municipality
    assert session.facilitator == aandachtsfunctionaris.user
    response = client.get(reverse("learning:session-list"))
    assert "Casusreflectie onderwijs" in response.content.decode()


def test_the_gemeente_analist_plans_a_session_too(
    client: Client, login: Login, gemeente_analist: Persona
) -> None:
    login(client, gemeente_analist)
    response = client.post(
        reverse("learning:session-create"),
        {"title": "Regionale casusreflectie", "held_on": "2026-06-01"},
    )
    assert response.status_code == 302
    assert LearningSession.objects.get().facilitator == gemeente_analist.user


def test_the_session_form_keeps_the_input_and_says_what_is_wrong(
    client: Client, login: Login, aandachtsfunctionaris: Persona
) -> None:
    login(client, aandachtsfunctionaris)
    response = client.post(
        reverse("learning:session-create"), {"title": "Zonder datum", "held_on": ""}
    )
    assert response.status_code == 200
    content = response.content.decode()
    assert 'value="Zonder datum"' in content
    assert 'id="id_held_on_error"' in content
    assert not LearningSession.objects.exists()


def test_fewer_than_5_reflections_are_not_shown_one_by_one(
    client: Client,
    login: Login,
    aandachtsfunctionaris: Persona,
    prof: Actor,
    session: LearningSession,
) -> None:
    for _index in range(4):
        reflect(prof)
    login(client, aandachtsfunctionaris)
    response = client.get(url("session-reflections", session))
    content = response.content.decode()
    assert response.context["too_few"] is True
    assert LESSON not in content
    assert (
        _(
            "There are fewer than 5 reflections with a lesson here. They are not "
            "shown one by one, so no case can be recognised."
        )
        in content
    )


def test_the_facilitator_picks_anonymised_reflections(
    client: Client,
    login: Login,
    aandachtsfunctionaris: Persona,
    prof: Actor,
    session: LearningSession,
) -> None:
    reflections = [reflect(prof, lesson=f"{LESSON} Punt {n}.") for n in range(5)]
    reflect(prof, skipped=True)
    reflect(prof, lesson="")
    elsewhere = reflect(
        prof, municipality=Municipality.objects.get(name="Delft"), lesson="Les elders."
    )
    login(client, aandachtsfunctionaris)
    response = client.get(url("session-reflections", session))
    content = response.content.decode()
    assert content.count(LESSON) == 5  # only completed reflections with a lesson
    assert "Les elders." not in content
    assert str(Sector.ONDERWIJS.label) in content
    picked = [str(reflections[0].public_id), str(reflections[3].public_id)]
    response = client.post(url("session-reflections", session), {"reflections": picked})
    assert response["Location"] == url("session-detail", session) + "#reflecties"
    assert set(session.reflections.all()) == {reflections[0], reflections[3]}
    response = client.get(url("session-detail", session))
    assert response.content.decode().count(LESSON) == 2
    # A reflection from another municipality cannot be picked.
    response = client.post(
        url("session-reflections", session), {"reflections": [str(elsewhere.public_id)]}
    )
    assert response.status_code == 200
    assert set(session.reflections.all()) == {reflections[0], reflections[3]}


def test_the_sector_filter_narrows_the_list(
    client: Client,
    login: Login,
    aandachtsfunctionaris: Persona,
    prof: Actor,
    session: LearningSession,
) -> None:
    for _index in range(5):
        reflect(prof, lesson="Les uit het onderwijs.")
    for _index in range(5):
        reflect(prof, sector=Sector.JGZ, lesson="Les uit de jeugdgezondheidszorg.")
    login(client, aandachtsfunctionaris)
    content = client.get(
        url("session-reflections", session), {"sector": Sector.JGZ}
    ).content.decode()
    assert "Les uit de jeugdgezondheidszorg." in content
    assert "Les uit het onderwijs." not in content


def test_actions_are_recorded_and_leave_the_coverage_list_when_done(
    client: Client,
    login: Login,
    aandachtsfunctionaris: Persona,
    session: LearningSession,
) -> None:
    login(client, aandachtsfunctionaris)
    response = client.post(
        url("action-add", session),
        {
            "description": "Bespreek elke twijfel binnen een week met de aandachtsfunctionaris.",
            "owner": "Intern begeleider",
            "follow_up_on": "2026-09-01",
        },
    )
    assert response["Location"] == url("session-detail", session) + "#acties"
    action = ImprovementAction.objects.get()
    municipality_id = session.municipality_id
    (listed,) = open_improvement_actions_for_municipality(municipality_id)
    assert isinstance(listed, OpenImprovementAction)
    assert listed.owner == "Intern begeleider"
    assert listed.session_title == "Casusreflectie K2"
    assert client.get(url("action-done", action)).status_code == 405
    response = client.post(url("action-done", action))
    assert response.status_code == 302
    action.refresh_from_db()
    assert action.done_on == timezone.localdate()
    assert open_improvement_actions_for_municipality(municipality_id) == []


def test_an_action_with_personal_data_is_refused_with_the_text_kept(
    client: Client,
    login: Login,
    aandachtsfunctionaris: Persona,
    session: LearningSession,
) -> None:
    login(client, aandachtsfunctionaris)
    text = "Bel de moeder van Ahmed op 06-12345678."
    response = client.post(
        url("action-add", session),
        {"description": text, "owner": "Mentor", "follow_up_on": "2026-09-01"},
    )
    assert response.status_code == 200
    content = response.content.decode()
    assert text in content
    assert "“Ahmed”" in content
    assert "“06-12345678”" in content
    assert not ImprovementAction.objects.exists()


def test_a_follow_up_before_the_session_is_refused(
    af: Actor, session: LearningSession
) -> None:
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError) as caught:
        action_add(
            actor=af,
            session=session,
            description="Iets verbeteren.",
            owner="Team",
            follow_up_on=session.held_on - timedelta(days=1),
        )
    assert "follow_up_on" in caught.value.message_dict


def test_open_actions_for_a_municipality_are_sorted_and_flag_overdue(
    af: Actor, session: LearningSession, make_persona: Callable[..., Persona]
) -> None:
    late = action_add(
        actor=af,
        session=session,
        description="Later.",
        owner="Team",
        follow_up_on=date(2026, 12, 1),
    )
    early = action_add(
        actor=af,
        session=session,
        description="Eerst.",
        owner="Team",
        follow_up_on=date(2026, 6, 2),
    )
    done = action_add(
        actor=af,
        session=session,
        description="Klaar.",
        owner="Team",
        follow_up_on=date(2026, 6, 3),
    )
    action_complete(actor=af, action=done)
    rows = open_improvement_actions_for_municipality(session.municipality_id)
    assert [row.public_id for row in rows] == [early.public_id, late.public_id]
    today = timezone.localdate()
    assert rows[0].is_overdue == (early.follow_up_on < today)
    delft = Municipality.objects.get(name="Delft")
    assert open_improvement_actions_for_municipality(delft.pk) == []


def test_another_organisation_does_not_see_the_session(
    client: Client,
    login: Login,
    make_persona: Callable[..., Persona],
    other_organisation: object,
    session: LearningSession,
) -> None:
    stranger = make_persona(Role.AANDACHTSFUNCTIONARIS, other_organisation)
    action = action_add(
        actor=Actor(
            user=session.facilitator,
            membership=session.facilitator.memberships.get(),
        ),
        session=session,
        description="Iets.",
        owner="Team",
        follow_up_on=date(2026, 7, 1),
    )
    login(client, stranger)
    assert client.get(url("session-detail", session)).status_code == 404
    assert client.get(url("session-reflections", session)).status_code == 404
    assert client.get(url("action-add", session)).status_code == 404
    assert client.post(url("action-done", action)).status_code == 404
    assert (
        "Casusreflectie K2"
        not in client.get(reverse("learning:session-list")).content.decode()
    )


@pytest.mark.parametrize(
    "persona", ["professional", "lokaal_team_medewerker", "functioneel_beheerder"]
)
def test_roles_that_do_not_facilitate_are_refused(
    persona: str,
    request: pytest.FixtureRequest,
    client: Client,
    login: Login,
    session: LearningSession,
) -> None:
    login(client, request.getfixturevalue(persona))
    assert client.get(reverse("learning:session-list")).status_code == 403
    assert client.get(url("session-detail", session)).status_code == 403


def test_the_session_list_costs_the_same_queries_for_few_or_many_sessions(
    client: Client, login: Login, aandachtsfunctionaris: Persona, af: Actor, prof: Actor
) -> None:
    login(client, aandachtsfunctionaris)
    session_create(actor=af, title="Eerste", held_on=date(2026, 1, 1))
    client.get(reverse("learning:session-list"))
    with CaptureQueriesContext(connection) as few:
        client.get(reverse("learning:session-list"))
    reflections = [reflect(prof) for _index in range(5)]
    for number in range(10):
        extra = session_create(
            actor=af, title=f"Sessie {number}", held_on=date(2026, 2, 1)
        )
        extra.reflections.set(reflections[: number % 5])
        action_add(
            actor=af,
            session=extra,
            description="Actie.",
            owner="Team",
            follow_up_on=date(2026, 3, 1),
        )
    with CaptureQueriesContext(connection) as many:
        response = client.get(reverse("learning:session-list"))
    assert len(many) == len(few)
    titles = re.findall(r"Sessie \d\b", response.content.decode())
    assert len(titles) == 10


def test_the_session_detail_and_pick_pages_have_a_fixed_query_count(
    client: Client,
    login: Login,
    aandachtsfunctionaris: Persona,
    af: Actor,
    prof: Actor,
    session: LearningSession,
) -> None:
    login(client, aandachtsfunctionaris)
    reflections = [reflect(prof) for _index in range(5)]
    client.get(url("session-detail", session))
    with CaptureQueriesContext(connection) as few_detail:
        client.get(url("session-detail", session))
    with CaptureQueriesContext(connection) as few_pick:
        client.get(url("session-reflections", session))
    reflections += [reflect(prof) for _index in range(15)]
    session.reflections.set(reflections)
    for _index in range(8):
        action_add(
            actor=af,
            session=session,
            description="Actie.",
            owner="Team",
            follow_up_on=date(2026, 7, 1),
        )
    with CaptureQueriesContext(connection) as many_detail:
        client.get(url("session-detail", session))
    with CaptureQueriesContext(connection) as many_pick:
        client.get(url("session-reflections", session))
    assert len(many_detail) == len(few_detail)
    assert len(many_pick) == len(few_pick)
    assert Reflection.objects.count() == 20
