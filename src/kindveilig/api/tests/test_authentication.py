"""Who may call the API: a token for systems, a verified session for the browser."""

from collections.abc import Callable
from datetime import timedelta
from io import StringIO

from django.core.management import CommandError, call_command
from django.test import Client
from django.utils import timezone
from django.utils.translation import gettext

import pytest
from conftest import Persona
from django_otp import DEVICE_ID_SESSION_KEY
from pytest_django import Settings
from rest_framework.test import APIClient

from kindveilig.accounts.middleware import ACTIVE_MEMBERSHIP_SESSION_KEY
from kindveilig.api.models import ApiToken
from kindveilig.api.services import api_token_create, api_token_revoke, token_hash
from kindveilig.meldcode import scenarios

from .conftest import Login, url

pytestmark = [pytest.mark.django_db]
TokenClient = Callable[[Persona], APIClient]


def test_a_token_acts_in_its_membership(professional: Persona) -> None:
    trajectory = scenarios.start(professional.actor)
    api_token, token = api_token_create(membership=professional.membership, name="LVS")
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {token}")
    response = client.get(url("trajectory-list"))
    assert response.status_code == 200
    assert [row["public_id"] for row in response.json()["results"]] == [
        str(trajectory.public_id)
    ]
    api_token.refresh_from_db()
    assert api_token.last_used_at is not None


def test_only_a_keyed_hash_of_the_token_is_stored(professional: Persona) -> None:
    api_token, token = api_token_create(membership=professional.membership, name="LVS")
    assert token.startswith("kv_")
    assert len(token) > 40
    assert api_token.token_hash == token_hash(token)
    assert token not in api_token.token_hash
    assert not ApiToken.objects.filter(token_hash=token).exists()


def test_a_revoked_token_is_refused(professional: Persona) -> None:
    api_token, token = api_token_create(membership=professional.membership, name="LVS")
    api_token_revoke(api_token=api_token)
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {token}")
    response = client.get(url("trajectory-list"))
    assert response.status_code == 401
    assert response["WWW-Authenticate"] == "Token"


def test_an_unknown_token_is_refused(professional: Persona) -> None:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION="Token kv_not-a-real-token")
    assert client.get(url("trajectory-list")).status_code == 401
    client.credentials(HTTP_AUTHORIZATION="Token")
    assert client.get(url("trajectory-list")).status_code == 401


def test_a_token_dies_with_its_membership(professional: Persona) -> None:
    _, token = api_token_create(membership=professional.membership, name="LVS")
    professional.membership.is_active = False
    professional.membership.save()
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {token}")
    assert client.get(url("trajectory-list")).status_code == 401


def test_a_token_hashed_under_the_previous_secret_key_still_works(
    professional: Persona, settings: Settings
) -> None:
    api_token, token = api_token_create(membership=professional.membership, name="LVS")
    old_key = settings.SECRET_KEY
    settings.SECRET_KEY = "a-new-secret-key-for-this-test-only"
    settings.SECRET_KEY_FALLBACKS = [old_key]
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {token}")
    assert client.get(url("trajectory-list")).status_code == 200
    api_token.refresh_from_db()
    assert api_token.token_hash == token_hash(token)  # re-hashed with the new key


def test_a_session_without_the_second_factor_is_refused(
    client: Client, professional: Persona
) -> None:
    client.force_login(professional.user)
    session = client.session
    session[ACTIVE_MEMBERSHIP_SESSION_KEY] = professional.membership.pk
    session.save()
    response = client.get(url("trajectory-list"))
    assert response.status_code == 401
    assert response["Content-Type"] == "application/problem+json"
    body = response.json()
    assert body["type"] == "https://kindveilig.nl/problemen/niet-geauthenticeerd"
    assert body["detail"] == gettext("Finish logging in with your second factor first.")


def test_a_session_without_a_chosen_role_is_refused(
    client: Client, professional: Persona
) -> None:
    client.force_login(professional.user)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = professional.device.persistent_id
    session.save()
    assert client.get(url("trajectory-list")).status_code == 401


def test_an_anonymous_call_is_refused(client: Client) -> None:
    response = client.get(url("trajectory-list"))
    assert response.status_code == 401
    assert response["WWW-Authenticate"] == "Token"


def test_a_verified_session_works_and_writes_need_the_csrf_token(
    login: Login, professional: Persona
) -> None:
    client = login(Client(enforce_csrf_checks=True), professional)
    assert client.get(url("trajectory-list")).status_code == 200
    trajectory = scenarios.start(professional.actor)
    response = client.post(
        url("trajectory-acute", trajectory.public_id),
        {"note": "Kind durft niet naar huis."},
        content_type="application/json",
    )
    assert response.status_code == 403
    trajectory.refresh_from_db()
    assert not trajectory.is_acute


def test_create_api_token_prints_the_token_once(professional: Persona) -> None:
    out = StringIO()
    call_command(
        "create_api_token",
        email=professional.user.email,
        organisation_code=professional.organisation.external_code,
        role=professional.membership.role,
        name="Leerlingvolgsysteem",
        stdout=out,
    )
    token = out.getvalue().strip().splitlines()[-1]
    api_token = ApiToken.objects.get()
    assert api_token.token_hash == token_hash(token)
    assert api_token.membership == professional.membership
    assert api_token.user == professional.user
    assert api_token.name == "Leerlingvolgsysteem"
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {token}")
    assert client.get(url("trajectory-list")).status_code == 200


def test_create_api_token_refuses_an_unknown_membership(professional: Persona) -> None:
    with pytest.raises(CommandError):
        call_command(
            "create_api_token",
            email=professional.user.email,
            organisation_code=professional.organisation.external_code,
            role="aandachtsfunctionaris",
            name="LVS",
            stdout=StringIO(),
        )
    assert not ApiToken.objects.exists()


def test_revoke_api_token_refuses_the_token_from_then_on(professional: Persona) -> None:
    api_token, token = api_token_create(membership=professional.membership, name="LVS")
    call_command("revoke_api_token", token_id=api_token.pk, stdout=StringIO())
    api_token.refresh_from_db()
    assert api_token.revoked_at is not None
    assert api_token.revoked_at <= timezone.now() + timedelta(seconds=1)
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {token}")
    assert client.get(url("trajectory-list")).status_code == 401
    with pytest.raises(CommandError):
        call_command("revoke_api_token", token_id=api_token.pk + 1000)
