"""The kindcheck pages: who may use them, and the way on to a trajectory."""

from collections.abc import Callable

from django.test import Client
from django.urls import reverse

import pytest
from conftest import Persona

from kindveilig.access.actor import Actor
from kindveilig.access.roles import Role
from kindveilig.audit.models import AuditAction, AuditEvent
from kindveilig.meldcode.models import Kindcheck, KindcheckMoment, Trajectory
from kindveilig.meldcode.models.choices import Origin
from kindveilig.meldcode.services.kindcheck import KindcheckInput, kindcheck_record
from kindveilig.organisations.models import Organisation, OrganisationType
from kindveilig.organisations.tests.factories import OrganisationFactory

Login = Callable[[Client, Persona], Client]
pytestmark = [pytest.mark.django_db]

NOTES = "Vader drinkt dagelijks en is dan onvoorspelbaar boos."
START_TEXT = "Start een meldcode-traject voor de kinderen"


def record(actor: Actor, *, with_worry: bool = True) -> Kindcheck:
    return kindcheck_record(
        actor=actor,
        data=KindcheckInput(
            moment=KindcheckMoment.INTAKE,
            client_has_children=True,
            number_of_children=2,
            children_ages="3 en 9",
            worry=with_worry,
            notes=NOTES,
        ),
    )


def detail(kindcheck: Kindcheck) -> str:
    return reverse("meldcode:kindcheck-detail", args=[kindcheck.public_id])


def test_a_professional_records_a_kindcheck_with_a_worry(
    client: Client, login: Login, professional: Persona
) -> None:
    login(client, professional)
    response = client.post(
        reverse("meldcode:kindcheck-record"),
        {
            "moment": "intake",
            "client_has_children": "yes",
            "number_of_children": "2",
            "children_ages": "3 en 9",
            "worry": "yes",
            "notes": NOTES,
        },
        follow=True,
    )
    kindcheck = Kindcheck.objects.get()
    assert response.redirect_chain[-1][0] == detail(kindcheck)
    content = response.content.decode()
    assert START_TEXT in content
    assert kindcheck.worry
    assert kindcheck.number_of_children == 2


def test_the_form_keeps_the_input_and_says_what_is_missing(
    client: Client, login: Login, professional: Persona
) -> None:
    login(client, professional)
    response = client.post(
        reverse("meldcode:kindcheck-record"),
        {"moment": "intake", "client_has_children": "yes", "worry": "yes", "notes": ""},
    )
    assert response.status_code == 200
    content = response.content.decode()
    assert "Zeg voor hoeveel kinderen de cliënt zorgt" in content
    assert not Kindcheck.objects.exists()


def test_without_a_worry_there_is_no_start_button(
    client: Client, login: Login, professional: Persona, prof: Actor
) -> None:
    kindcheck = record(prof, with_worry=False)
    login(client, professional)
    response = client.get(detail(kindcheck))
    assert response.status_code == 200
    assert START_TEXT not in response.content.decode()


def test_another_organisation_gets_404_and_a_colleague_too(
    client: Client,
    login: Login,
    outsider: Persona,
    make_persona: Callable[..., Persona],
    organisation: Organisation,
    prof: Actor,
) -> None:
    kindcheck = record(prof)
    colleague = make_persona(Role.PROFESSIONAL, organisation)
    for persona in (outsider, colleague):
        login(client, persona)
        assert client.get(detail(kindcheck)).status_code == 404
        start = reverse("meldcode:trajectory-start")
        assert client.get(f"{start}?kindcheck={kindcheck.public_id}").status_code == 404
        assert (
            NOTES not in client.get(reverse("meldcode:kindcheck-list")).content.decode()
        )
        client.logout()


def test_the_aandachtsfunctionaris_sees_the_organisations_kindchecks(
    client: Client, login: Login, aandachtsfunctionaris: Persona, prof: Actor
) -> None:
    kindcheck = record(prof)
    login(client, aandachtsfunctionaris)
    listing = client.get(reverse("meldcode:kindcheck-list"))
    assert detail(kindcheck) in listing.content.decode()
    assert client.get(detail(kindcheck)).status_code == 200
    assert AuditEvent.objects.filter(
        action=AuditAction.READ,
        object_id=str(kindcheck.public_id),
        actor_user=aandachtsfunctionaris.user,
    ).exists()


@pytest.mark.parametrize("persona", ["lokaal_team_medewerker", "gemeente_analist"])
def test_other_roles_are_refused(
    client: Client, login: Login, persona: str, request: pytest.FixtureRequest
) -> None:
    login(client, request.getfixturevalue(persona))
    assert client.get(reverse("meldcode:kindcheck-record")).status_code == 403


def test_the_start_form_is_prefilled_and_links_the_trajectory(
    client: Client, login: Login, professional: Persona, prof: Actor
) -> None:
    kindcheck = record(prof)
    login(client, professional)
    url = f"{reverse('meldcode:trajectory-start')}?kindcheck={kindcheck.public_id}"
    page = client.get(url)
    content = page.content.decode()
    assert NOTES in content
    form = page.context["form"]
    assert form.initial["origin"] == Origin.KINDCHECK
    assert NOTES in form.initial["kindcheck_notes"]
    response = client.post(
        url,
        {
            "colleague_suspicion": "no",
            "origin": "kindcheck",
            "worry": "De kinderen zijn vaak alleen thuis.",
            "forms_of_violence": ["neglect_physical"],
            "kindcheck_notes": form.initial["kindcheck_notes"],
            "kind-TOTAL_FORMS": "1",
            "kind-INITIAL_FORMS": "0",
            "kind-0-given_name": "Proef (test)",
            "kind-0-family_name": "Testerink",
            "betrokkene-TOTAL_FORMS": "0",
            "betrokkene-INITIAL_FORMS": "0",
        },
    )
    assert response.status_code == 302, response.context["form"].errors
    trajectory = Trajectory.objects.get()
    assert trajectory.origin == Origin.KINDCHECK
    assert NOTES in trajectory.kindcheck_notes
    kindcheck.refresh_from_db()
    assert kindcheck.trajectory == trajectory
    assert START_TEXT not in client.get(detail(kindcheck)).content.decode()


def test_adult_services_find_the_kindcheck_in_the_menu(
    client: Client, login: Login, make_persona: Callable[..., Persona]
) -> None:
    ggz = OrganisationFactory.create(name="GGZ (test)", type=OrganisationType.GGZ)
    login(client, make_persona(Role.PROFESSIONAL, ggz))
    response = client.get(reverse("meldcode:trajectory-list"))
    nav = [item.url for item in response.context["nav_items"]]
    assert reverse("meldcode:kindcheck-list") in nav


def test_a_school_finds_the_kindcheck_on_the_meldcode_page_not_in_the_menu(
    client: Client, login: Login, professional: Persona
) -> None:
    login(client, professional)
    response = client.get(reverse("meldcode:trajectory-list"))
    nav = [item.url for item in response.context["nav_items"]]
    assert reverse("meldcode:kindcheck-list") not in nav
    assert reverse("meldcode:kindcheck-list") in response.content.decode()
