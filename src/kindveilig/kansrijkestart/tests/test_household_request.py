"""A household case with the lokaal team, from a contact moment: the nurse asks
(only with consent), the lokaal team accepts and the household opens."""

from collections.abc import Callable
from typing import Any

from django.core.exceptions import ValidationError
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils.html import escape
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
from kindveilig.organisations.models import Municipality, Organisation, OrganisationType
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


def test_the_signal_page_offers_every_team_at_a_fixed_number_of_queries(
    client: Client,
    login: Login,
    nurse: Persona,
    team: Organisation,
    signal: StartSignal,
    django_assert_max_num_queries: Callable[..., Any],
) -> None:
    """Under every contact moment the lokaal team list (a thousand teams
    nationally) comes from one query for the whole page, the first team of the
    signal's municipality chosen: more moments or teams cost no query."""
    home = [
        OrganisationFactory.create(
            type=OrganisationType.LOKAAL_TEAM,
            municipality=signal.municipality,
            name=name,
        )
        for name in ["Escamp Zuid", "Escamp Noord"]  # before "Lokaal team Escamp"
    ]
    login(client, nurse)
    url = reverse("kansrijkestart:signal-detail", args=[signal.public_id])
    scenarios.prenatal_visit(nurse.actor, signal)
    client.get(url)
    with CaptureQueriesContext(connection) as one_moment:
        client.get(url)
    elsewhere = OrganisationFactory.create(
        type=OrganisationType.LOKAAL_TEAM,
        name="Aa en Hunze <team>",
        municipality=Municipality.objects.create(
            cbs_code="GM1680", name="Aa en Hunze", region=signal.municipality.region
        ),
    )
    for _moment in range(3):
        scenarios.prenatal_visit(nurse.actor, signal)
    with django_assert_max_num_queries(len(one_moment.captured_queries)):
        response = client.get(url)
    page = response.content.decode()
    assert page.count('name="lokaal_team"') == 4
    assert page.count(f'<option value="{home[1].pk}" selected>Escamp Noord<') == 4
    for other in [home[0], team, elsewhere]:
        assert page.count(f'<option value="{other.pk}">{escape(other.name)}<') == 4
