"""The region's beheerder lists, adds, changes, deactivates and reactivates
organisations; nobody else may."""

from collections.abc import Callable

from django.test import Client
from django.urls import reverse
from django.utils.translation import gettext as _

import pytest
from conftest import Persona

from kindveilig.access.roles import Role
from kindveilig.audit.models import AuditAction, AuditEvent
from kindveilig.organisations.models import (
    Municipality,
    Organisation,
    OrganisationType,
    Region,
)
from kindveilig.organisations.tests.factories import OrganisationFactory

pytestmark = [pytest.mark.django_db]

Login = Callable[[Client, Persona], Client]


@pytest.fixture
def regio_beheerder(make_persona: Callable[..., Persona]) -> Persona:
    gemeente = OrganisationFactory.create(
        name="Gemeente Regio (test)", type=OrganisationType.GEMEENTE
    )
    persona: Persona = make_persona(Role.FUNCTIONEEL_BEHEERDER, gemeente)
    return persona


@pytest.fixture
def client_(regio_beheerder: Persona, login: Login) -> Client:
    return login(Client(), regio_beheerder)


def is_active(organisation: Organisation) -> bool:
    organisation.refresh_from_db()
    return organisation.is_active


def delft() -> Municipality:
    return Municipality.objects.get(cbs_code="GM0503")


def test_the_beheerder_adds_an_organisation_and_it_is_audited(
    client_: Client,
) -> None:
    response = client_.post(
        reverse("regionadmin:organisation-create"),
        {
            "name": "Sportclub De Bal (fictief)",
            "type": OrganisationType.SPORT_CULTURE_CLUB,
            "municipality": delft().pk,
            "external_code": "KVK99999999",
            "address": "Veldweg 1, 2611 ZZ Delft",
        },
    )
    assert response.status_code == 302
    club = Organisation.objects.get(external_code="KVK99999999")
    assert club.address == "Veldweg 1, 2611 ZZ Delft"
    assert AuditEvent.objects.filter(
        object_id=str(club.public_id), action=AuditAction.CREATE
    ).exists()


def test_a_taken_code_is_an_error_next_to_the_field_and_the_input_stays(
    client_: Client,
) -> None:
    OrganisationFactory.create(external_code="KVK11111111")
    response = client_.post(
        reverse("regionadmin:organisation-create"),
        {
            "name": "Dubbele code (fictief)",
            "type": OrganisationType.SPORT_CULTURE_CLUB,
            "municipality": delft().pk,
            "external_code": "KVK11111111",
        },
    )
    assert response.status_code == 200
    form = response.context["form"]
    assert form.errors["external_code"]
    assert 'value="Dubbele code (fictief)"' in response.content.decode()


def test_the_beheerder_changes_an_organisation(client_: Client) -> None:
    school = OrganisationFactory.create(name="Oude naam (fictief)")
    url = reverse("regionadmin:organisation-edit", args=[school.public_id])
    page = client_.get(url).content.decode()
    assert 'value="Oude naam (fictief)"' in page
    client_.post(
        url,
        {
            "name": "Nieuwe naam (fictief)",
            "type": school.type,
            "municipality": delft().pk,
            "external_code": school.external_code,
        },
    )
    school.refresh_from_db()
    assert (school.name, school.municipality) == ("Nieuwe naam (fictief)", delft())
    assert AuditEvent.objects.filter(
        object_id=str(school.public_id), action=AuditAction.UPDATE
    ).exists()


def test_deactivate_and_reactivate_keep_the_organisation(client_: Client) -> None:
    school = OrganisationFactory.create(name="School Weg (fictief)")
    url = reverse("regionadmin:organisation-active", args=[school.public_id])
    client_.post(url, {"actief": "0"})
    assert not is_active(school)
    listed = client_.get(reverse("regionadmin:organisation-list") + "?inactief=1")
    assert "School Weg (fictief)" in listed.content.decode()
    client_.post(url, {"actief": "1"})
    assert is_active(school)
    assert (
        AuditEvent.objects.filter(
            object_id=str(school.public_id), action=AuditAction.UPDATE
        ).count()
        == 2
    )


def test_an_organisation_of_another_region_is_not_found(client_: Client) -> None:
    region = Region.objects.create(name="Elders", code="elders")
    elsewhere = Municipality.objects.create(
        name="Amsterdam", cbs_code="GM0363", region=region
    )
    far = OrganisationFactory.create(municipality=elsewhere)
    url = reverse("regionadmin:organisation-edit", args=[far.public_id])
    assert client_.get(url).status_code == 404
    active = reverse("regionadmin:organisation-active", args=[far.public_id])
    assert client_.post(active, {"actief": "0"}).status_code == 404
    far.refresh_from_db()
    assert far.is_active
    assert (
        "Amsterdam"
        not in client_.get(reverse("regionadmin:organisation-create")).content.decode()
    )


@pytest.mark.parametrize(
    "persona",
    [
        "functioneel_beheerder",  # of a school, not of the gemeente
        "gemeente_analist",
        "aandachtsfunctionaris",
        "professional",
        "outsider",
    ],
)
def test_only_the_gemeentes_beheerder_manages_organisations(
    persona: str, request: pytest.FixtureRequest, client: Client, login: Login
) -> None:
    login(client, request.getfixturevalue(persona))
    school = OrganisationFactory.create()
    for name in ("organisation-list", "organisation-create", "import-upload"):
        assert client.get(reverse(f"regionadmin:{name}")).status_code == 403
    edit = reverse("regionadmin:organisation-edit", args=[school.public_id])
    assert client.get(edit).status_code in {403, 404}
    active = reverse("regionadmin:organisation-active", args=[school.public_id])
    assert client.post(active, {"actief": "0"}).status_code in {403, 404}
    school.refresh_from_db()
    assert school.is_active


def test_the_list_has_a_fixed_query_budget(
    client_: Client, django_assert_max_num_queries: Callable[..., object]
) -> None:
    url = reverse("regionadmin:organisation-list")
    client_.get(url)
    with django_assert_max_num_queries(14) as few:  # type: ignore[operator]
        client_.get(url)
    OrganisationFactory.create_batch(30)
    with django_assert_max_num_queries(len(few.captured_queries)):  # type: ignore[operator,union-attr]
        content = client_.get(url).content.decode()
    assert "Testschool" in content
    assert _("Manage organisations") in content


def test_the_menu_offers_the_pages_to_the_gemeentes_beheerder_only(
    client_: Client, functioneel_beheerder: Persona, login: Login
) -> None:
    url = reverse("regionadmin:organisation-list")
    assert f'href="{url}"' in client_.get(reverse("portal:home")).content.decode()
    school = login(Client(), functioneel_beheerder)
    assert f'href="{url}"' not in school.get(reverse("portal:home")).content.decode()
