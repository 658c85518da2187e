"""The OpenAPI 3 document: valid, complete, and only for logged-in roles."""

from io import StringIO

from django.core.management import call_command
from django.test import Client

import pytest
from conftest import Persona
from drf_spectacular.validation import validate_schema

from .conftest import Login, url

pytestmark = [pytest.mark.django_db]


def test_the_schema_is_a_valid_openapi_3_document(
    client: Client, login: Login, professional: Persona
) -> None:
    login(client, professional)
    response = client.get(url("schema"), HTTP_ACCEPT="application/vnd.oai.openapi+json")
    assert response.status_code == 200
    document = response.json()
    assert document["openapi"].startswith("3.")
    validate_schema(document)
    paths = document["paths"]
    assert "/api/v1/trajectories/" in paths
    assert "/api/v1/trajectories/{public_id}/step/" in paths
    assert "/api/v1/trajectories/{public_id}/decisions/{decision_id}/cosign/" in paths
    assert set(document["components"]["securitySchemes"]) == {"tokenAuth", "cookieAuth"}
    as_json = client.get(url("schema"), {"format": "json"})
    assert as_json.json()["paths"] == paths


def test_the_schema_generates_without_warnings() -> None:
    out = StringIO()
    call_command("spectacular", "--validate", "--fail-on-warn", stdout=out)
    assert "openapi: 3.0" in out.getvalue()


def test_the_schema_needs_a_login(client: Client) -> None:
    assert client.get(url("schema")).status_code == 401


def test_every_role_may_read_the_schema(
    client: Client, login: Login, gemeente_analist: Persona
) -> None:
    login(client, gemeente_analist)
    assert client.get(url("schema")).status_code == 200
