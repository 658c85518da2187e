"""The OpenAPI 3 document: valid, complete, public at /api/v1/openapi.json
(NLGov API Design Rules), with the problem answers and the API-Version header."""

import re
from io import StringIO

from django.core.management import call_command
from django.test import Client

import pytest
from conftest import Persona
from drf_spectacular.validation import validate_schema

from kindveilig.api.version import API_VERSION

from .conftest import url

pytestmark = [pytest.mark.django_db]


def test_the_document_is_public_json_and_a_valid_openapi_3_document(
    client: Client,
) -> None:
    response = client.get(url("openapi"))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    assert response["API-Version"] == API_VERSION
    document = response.json()
    assert document["openapi"].startswith("3.")
    assert document["info"]["version"] == API_VERSION
    validate_schema(document)
    paths = document["paths"]
    assert "/api/v1/trajectories/" in paths
    assert "/api/v1/trajectories/{public_id}/step/" in paths
    assert "/api/v1/trajectories/{public_id}/decisions/{decision_id}/cosign/" in paths
    assert "/api/v1/households/{public_id}/plan/" in paths
    assert "/api/v1/signals/" in paths
    assert set(document["components"]["securitySchemes"]) == {"tokenAuth", "cookieAuth"}


def test_the_document_declares_problems_and_the_version_header(client: Client) -> None:
    document = client.get(url("openapi")).json()
    assert "Problem" in document["components"]["schemas"]
    assert "API-Version" in document["components"]["headers"]
    for path, operations in document["paths"].items():
        for method, operation in operations.items():
            for status, response in operation["responses"].items():
                where = f"{method.upper()} {path} {status}"
                assert "API-Version" in response.get("headers", {}), where
                if status.startswith(("4", "5")):
                    assert list(response["content"]) == ["application/problem+json"], (
                        where
                    )
            assert {"401", "403", "500"} <= operation["responses"].keys()


def test_the_document_holds_no_personal_data(
    client: Client, professional: Persona
) -> None:
    text = client.get(url("openapi")).content.decode()
    assert not re.search(r"(?<!\d)\d{9}(?!\d)", text), "a BSN-like number"
    assert professional.user.email not in text
    assert professional.user.full_name not in text


def test_the_old_address_redirects_to_the_public_document(client: Client) -> None:
    response = client.get(url("schema"))
    assert response.status_code == 301
    assert response["Location"] == url("openapi")
    assert response["API-Version"] == API_VERSION


def test_the_schema_generates_without_warnings() -> None:
    out = StringIO()
    call_command("spectacular", "--validate", "--fail-on-warn", stdout=out)
    assert "openapi: 3.0" in out.getvalue()
