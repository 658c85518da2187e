"""A household case with the lokaal team, from a contact moment: the nurse asks
(only with consent), the lokaal team accepts and the household opens."""

from collections.abc import Callable

from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse
from django.utils.translation import gettext as _

import pytest
from conftest import Persona

from kindveilig.access.roles import Role
from kindveilig.households.models import Household, MemberRole
from kindveilig.kansrijkestart import scenarios
from kindveilig.kansrijkestart.models import HouseholdRequest, StartSignal
from kindveilig.kansrijkestart.services import (
    contact_moment_start_household_case,
    household_request_accept,
)
from kindveilig.organisations.models import Organisation, OrganisationType
from kindveilig.organisations.tests.factories import OrganisationFactory

Login = Callable[[Client, Persona], Client]
pytestmark = pytest.mark.django_db


@pytest.fixture
def team(db: None) -> Organisation:
    return OrganisationFactory.create(
        name="Lokaal team Escamp (test)", type=OrganisationType.LOKAAL_TEAM
    )


@pytest.fixture
def team_worker(make_persona: Callable[..., Persona], team: Organisation) -> Persona:
    return make_persona(Role.LOKAAL_TEAM_MEDEWERKER, team)


def test_the_nurse_asks_and_the_lokaal_team_opens_the_household(
    nurse: Persona, team_worker: Persona, team: Organisation, signal: StartSignal
) -> None:
    moment = scenarios.prenatal_visit(nurse.actor, signal)
    request = contact_moment_start_household_case(
        actor=nurse.actor, moment=moment, lokaal_team=team, note="Schulden eerst."
    )
    again = contact_moment_start_household_case(
        actor=nurse.actor, moment=moment, lokaal_team=team
    )
    assert again == request
    case = household_request_accept(actor=team_worker.actor, request=request)
    assert case.regievoerder == team_worker.user
    household = Household.objects.get()
    [member] = household.members.select_related("person")
    assert member.role == MemberRole.PARENT
    assert member.person.given_name == "Sanne"
    moment.refresh_from_db()
    assert moment.household_case == case
    # Accepting twice opens nothing more.
    assert household_request_accept(actor=team_worker.actor, request=request) == case
    assert Household.objects.count() == 1


def test_without_consent_nothing_goes_to_the_lokaal_team(
    nurse: Persona, team: Organisation, refused_signal: StartSignal
) -> None:
    moment = scenarios.prenatal_visit(nurse.actor, refused_signal)
    with pytest.raises(ValidationError) as error:
        contact_moment_start_household_case(
            actor=nurse.actor, moment=moment, lokaal_team=team
        )
    assert error.value.code == "no_consent"
    assert not HouseholdRequest.objects.exists()


def test_only_the_follow_up_jgz_asks_and_only_the_asked_team_accepts(
    nurse: Persona,
    other_nurse: Persona,
    team: Organisation,
    make_persona: Callable[..., Persona],
    signal: StartSignal,
) -> None:
    moment = scenarios.prenatal_visit(nurse.actor, signal)
    with pytest.raises(ValidationError) as error:
        contact_moment_start_household_case(
            actor=other_nurse.actor, moment=moment, lokaal_team=team
        )
    assert error.value.code == "forbidden"
    with pytest.raises(ValidationError) as error:
        contact_moment_start_household_case(
            actor=nurse.actor, moment=moment, lokaal_team=nurse.organisation
        )
    assert "lokaal_team" in error.value.message_dict
    request = contact_moment_start_household_case(
        actor=nurse.actor, moment=moment, lokaal_team=team
    )
    elsewhere = make_persona(
        Role.LOKAAL_TEAM_MEDEWERKER,
        OrganisationFactory.create(type=OrganisationType.LOKAAL_TEAM),
    )
    with pytest.raises(ValidationError) as error:
        household_request_accept(actor=elsewhere.actor, request=request)
    assert error.value.code == "forbidden"
    assert not Household.objects.exists()


def test_the_pages_from_the_click_to_the_household(
    client: Client,
    login: Login,
    nurse: Persona,
    team_worker: Persona,
    team: Organisation,
    signal: StartSignal,
) -> None:
    moment = scenarios.prenatal_visit(nurse.actor, signal)
    login(client, nurse)
    url = reverse("kansrijkestart:moment-household", args=[moment.public_id])
    response = client.post(url, {"lokaal_team": str(team.pk), "note": ""})
    assert response.status_code == 302
    request = HouseholdRequest.objects.get()
    login(client, team_worker)
    home = client.get(reverse("portal:home")).content.decode()
    assert (
        _("%(count)s request from the JGZ for a household case") % {"count": 1} in home
    )
    detail = reverse("kansrijkestart:request-detail", args=[request.public_id])
    page = client.get(detail).content.decode()
    assert scenarios.PARENT_WORDS in page  # carried over, never re-typed
    response = client.post(detail)
    household = Household.objects.get()
    assert response["Location"] == reverse(
        "households:household-detail", args=[household.public_id]
    )


def test_the_request_page_is_for_the_asked_team(
    client: Client,
    login: Login,
    nurse: Persona,
    team: Organisation,
    make_persona: Callable[..., Persona],
    signal: StartSignal,
) -> None:
    moment = scenarios.prenatal_visit(nurse.actor, signal)
    request = contact_moment_start_household_case(
        actor=nurse.actor, moment=moment, lokaal_team=team
    )
    elsewhere = make_persona(
        Role.LOKAAL_TEAM_MEDEWERKER,
        OrganisationFactory.create(type=OrganisationType.LOKAAL_TEAM),
    )
    login(client, elsewhere)
    detail = reverse("kansrijkestart:request-detail", args=[request.public_id])
    assert client.get(detail).status_code == 404
    login(client, nurse)
    assert client.get(detail).status_code == 403
