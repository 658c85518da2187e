from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.test import Client
from django.urls import include, path, reverse

import pytest
from conftest import Persona

from kindveilig.access.decorators import login_step, public, rule, verified_only
from kindveilig.access.roles import Role
from kindveilig.accounts.middleware import ACTIVE_MEMBERSHIP_SESSION_KEY

Login = Callable[[Client, Persona], Client]


@rule(Role.AANDACHTSFUNCTIONARIS, relation="test only")
def af_only(request: HttpRequest) -> HttpResponse:
    return HttpResponse("af page")


@login_step
def step_page(request: HttpRequest) -> HttpResponse:
    return HttpResponse("step page")


@verified_only
def verified_page(request: HttpRequest) -> HttpResponse:
    return HttpResponse("verified page")


@public
def open_page(request: HttpRequest) -> HttpResponse:
    return HttpResponse("open page")


urlpatterns = [
    path("af/", af_only),
    path("step/", step_page),
    path("verified/", verified_page),
    path("open/", open_page),
    path("", include("kindveilig.urls")),
]
pytestmark = [pytest.mark.django_db]


def test_rule_refuses_a_rule_without_roles_or_relation() -> None:
    with pytest.raises(ValueError, match="role"):
        rule(relation="x")
    with pytest.raises(ValueError, match="relation"):
        rule(Role.PROFESSIONAL, relation="")


@pytest.mark.urls("kindveilig.access.tests.test_rule")
def test_anonymous_visitor_is_sent_to_login(client: Client) -> None:
    response = client.get("/af/")
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))
    assert "next=%2Faf%2F" in response["Location"]


def test_password_only_user_is_sent_to_second_factor(
    client: Client, aandachtsfunctionaris: Persona, settings: object
) -> None:
    client.force_login(aandachtsfunctionaris.user)
    response = client.get(reverse("portal:home"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:otp-verify"))


def test_verified_user_without_active_role_must_choose_one(
    client: Client, aandachtsfunctionaris: Persona, login: Login
) -> None:
    login(client, aandachtsfunctionaris)
    session = client.session
    del session[ACTIVE_MEMBERSHIP_SESSION_KEY]
    session.save()
    response = client.get(reverse("portal:home"))
    assert response["Location"].startswith(reverse("accounts:choose-organisation"))


@pytest.mark.urls("kindveilig.access.tests.test_rule")
def test_wrong_role_gets_403(
    client: Client, professional: Persona, login: Login
) -> None:
    login(client, professional)
    assert client.get("/af/").status_code == 403


@pytest.mark.urls("kindveilig.access.tests.test_rule")
def test_right_role_passes(
    client: Client, aandachtsfunctionaris: Persona, login: Login
) -> None:
    login(client, aandachtsfunctionaris)
    response = client.get("/af/")
    assert response.status_code == 200
    assert response.content == b"af page"


@pytest.mark.urls("kindveilig.access.tests.test_rule")
def test_deactivated_membership_no_longer_acts(
    client: Client, aandachtsfunctionaris: Persona, login: Login
) -> None:
    login(client, aandachtsfunctionaris)
    aandachtsfunctionaris.membership.is_active = False
    aandachtsfunctionaris.membership.save()
    response = client.get("/af/")
    assert response.status_code == 302


@pytest.mark.urls("kindveilig.access.tests.test_rule")
def test_login_step_and_verified_pages(
    client: Client, professional: Persona, login: Login
) -> None:
    assert client.get("/step/").status_code == 302
    assert client.get("/verified/").status_code == 302
    assert client.get("/open/").status_code == 200
    client.force_login(professional.user)
    assert client.get("/step/").status_code == 200
    assert client.get("/verified/").status_code == 302
    login(client, professional)
    assert client.get("/verified/").status_code == 200
