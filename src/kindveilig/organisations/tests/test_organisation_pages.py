from collections.abc import Callable

from django.test import Client
from django.urls import reverse

import pytest
from conftest import Persona

from kindveilig.organisations.tests.factories import OrganisationFactory

Login = Callable[[Client, Persona], Client]
pytestmark = [pytest.mark.django_db]


def test_organisation_list_has_a_fixed_query_budget(
    client: Client,
    login: Login,
    functioneel_beheerder: Persona,
    django_assert_max_num_queries: Callable[..., object],
) -> None:
    login(client, functioneel_beheerder)
    client.get(reverse("organisations:organisation-list"))
    with django_assert_max_num_queries(14) as few:  # type: ignore[operator]
        client.get(reverse("organisations:organisation-list"))
    OrganisationFactory.create_batch(30)
    with django_assert_max_num_queries(len(few.captured_queries)):  # type: ignore[operator,union-attr]
        response = client.get(reverse("organisations:organisation-list"))
    assert "Testschool" in response.content.decode()


@pytest.mark.parametrize(
    "persona", ["professional", "outsider", "lokaal_team_medewerker"]
)
def test_case_workers_do_not_manage_organisations(
    persona: str, request: pytest.FixtureRequest, client: Client, login: Login
) -> None:
    login(client, request.getfixturevalue(persona))
    assert client.get(reverse("organisations:organisation-list")).status_code == 403
    assert client.get(reverse("accounts:member-list")).status_code == 403


def test_staff_list_shows_own_organisation_only(
    client: Client,
    login: Login,
    functioneel_beheerder: Persona,
    professional: Persona,
    outsider: Persona,
    django_assert_max_num_queries: Callable[..., object],
) -> None:
    login(client, functioneel_beheerder)
    with django_assert_max_num_queries(14):  # type: ignore[operator]
        content = client.get(reverse("accounts:member-list")).content.decode()
    assert professional.user.email in content
    assert outsider.user.email not in content


def test_gemeente_analist_sees_counts_not_people(
    client: Client, login: Login, gemeente_analist: Persona, professional: Persona
) -> None:
    login(client, gemeente_analist)
    content = client.get(reverse("portal:home")).content.decode()
    assert "Den Haag" in content
    assert professional.user.full_name not in content
