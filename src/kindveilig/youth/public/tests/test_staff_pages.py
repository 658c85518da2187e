"""The functioneel beheerder keeps the helplines up to date."""

import datetime as dt
from collections.abc import Callable
from typing import Any

from django.test import Client
from django.urls import reverse
from django.utils.translation import gettext

import pytest
from conftest import Persona

from kindveilig.audit.models import AuditAction, AuditEvent
from kindveilig.youth.public.models import HelpService, OpeningHours

Login = Callable[[Client, Persona], Client]
pytestmark = [
    pytest.mark.django_db,
    pytest.mark.usefixtures("help_services"),
]


def test_the_urls_are_under_beheer() -> None:
    assert reverse("youthstaff:service-list") == "/beheer/hulplijnen/"
    assert reverse("youthstaff:service-edit", args=["kindertelefoon"]) == (
        "/beheer/hulplijnen/kindertelefoon/"
    )


def test_the_functioneel_beheerder_sees_the_list(
    client: Client, login: Login, functioneel_beheerder: Persona
) -> None:
    login(client, functioneel_beheerder)
    response = client.get(reverse("youthstaff:service-list"))
    assert response.status_code == 200
    content = response.content.decode()
    assert "De Kindertelefoon" in content
    assert "0800-2000" in content


@pytest.mark.parametrize(
    "persona", ["professional", "aandachtsfunctionaris", "gemeente_analist", "outsider"]
)
def test_other_roles_are_refused(
    client: Client, login: Login, persona: str, request: pytest.FixtureRequest
) -> None:
    login(client, request.getfixturevalue(persona))
    assert client.get(reverse("youthstaff:service-list")).status_code == 403
    url = reverse("youthstaff:service-edit", args=["kindertelefoon"])
    assert client.get(url).status_code == 403
    assert client.post(url, {}).status_code == 403


def test_anonymous_visitors_are_sent_to_the_login(client: Client) -> None:
    response = client.get(reverse("youthstaff:service-list"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


def form_data(service: HelpService, **changes: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "name": service.name,
        "description_nl": service.description_nl,
        "description_en": service.description_en,
        "phone": service.phone,
        "chat_url": service.chat_url,
        "website": service.website,
        "order": service.order,
        "hours-TOTAL_FORMS": "1",
        "hours-INITIAL_FORMS": "0",
        "hours-0-channel": "all",
        "hours-0-weekday": "0",
        "hours-0-opens": "11:00",
        "hours-0-closes": "21:00",
    }
    if service.always_open:
        data["always_open"] = "on"
    if service.active:
        data["active"] = "on"
    data.update(changes)
    return data


def test_the_beheerder_changes_a_number_and_the_hours(
    client: Client, login: Login, functioneel_beheerder: Persona
) -> None:
    service = HelpService.objects.get(slug="kindertelefoon")
    login(client, functioneel_beheerder)
    url = reverse("youthstaff:service-edit", args=["kindertelefoon"])
    assert client.get(url).status_code == 200
    response = client.post(
        url,
        form_data(service, phone="0800 0433", **{"hours-0-closes": "22:00"}),
    )
    assert response.status_code == 302
    service.refresh_from_db()
    assert service.phone == "0800 0433"
    hours = list(OpeningHours.objects.filter(service=service))
    assert [(h.weekday, h.opens, h.closes) for h in hours] == [
        (0, dt.time(11), dt.time(22))
    ]
    event = AuditEvent.objects.get(object_type="youth.helpservice")
    assert event.action == AuditAction.UPDATE
    assert event.actor_user == functioneel_beheerder.user


def test_errors_are_shown_in_dutch_next_to_the_fields(
    client: Client, login: Login, functioneel_beheerder: Persona
) -> None:
    service = HelpService.objects.get(slug="kindertelefoon")
    login(client, functioneel_beheerder)
    url = reverse("youthstaff:service-edit", args=["kindertelefoon"])
    response = client.post(
        url,
        form_data(
            service,
            phone="bel ons",
            chat_url="geen link",
            **{"hours-0-closes": "11:00"},
        ),
    )
    assert response.status_code == 200
    content = response.content.decode()
    assert 'id="id_phone_error"' in content
    assert 'id="id_chat_url_error"' in content
    assert 'id="id_hours-0-closes_error"' in content
    assert gettext("The closing time must differ from the opening time.") in content
    assert "Sluiten moet op een ander tijdstip dan openen." in content
    service.refresh_from_db()
    assert service.phone == "0800-0432"
    assert not AuditEvent.objects.filter(object_type="youth.helpservice").exists()


def test_the_beheerder_adds_a_local_service(
    client: Client, login: Login, functioneel_beheerder: Persona
) -> None:
    login(client, functioneel_beheerder)
    url = reverse("youthstaff:service-create")
    assert client.get(url).status_code == 200
    data = {
        "slug": "jongerenlijn",
        "name": "Jongerenlijn (test)",
        "description_nl": "Voor jongeren in de regio.",
        "website": "https://jongerenlijn.example.nl/",
        "order": "70",
        "active": "on",
        "hours-TOTAL_FORMS": "2",
        "hours-INITIAL_FORMS": "0",
        "hours-0-channel": "all",
        "hours-0-weekday": "2",
        "hours-0-opens": "14:00",
        "hours-0-closes": "17:00",
        "hours-1-channel": "all",
    }
    response = client.post(url, data)
    assert response.status_code == 302
    service = HelpService.objects.get(slug="jongerenlijn")
    assert service.opening_hours.count() == 1
    assert AuditEvent.objects.get(object_type="youth.helpservice").action == (
        AuditAction.CREATE
    )
    # The code is unique.
    response = client.post(url, data)
    assert response.status_code == 200
    assert 'id="id_slug_error"' in response.content.decode()


def test_an_unknown_service_is_not_found(
    client: Client, login: Login, functioneel_beheerder: Persona
) -> None:
    login(client, functioneel_beheerder)
    response = client.get(reverse("youthstaff:service-edit", args=["bestaat-niet"]))
    assert response.status_code == 404
