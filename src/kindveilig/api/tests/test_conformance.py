"""The NLGov API Design Rules, checked on every endpoint under /api/v1/.

The endpoints come from the URL resolver, so a new one is checked without
anyone adding it here:

- every answer carries ``API-Version`` (success and error);
- every error is ``application/problem+json`` with ``type``, ``title``,
  ``status``, ``detail`` and ``instance`` (the path, never the query string);
- anonymous: 401 with ``WWW-Authenticate: Token``; a role outside the rule: 403;
  an unknown object: 404; a method the endpoint lacks: 405 (with ``Allow``);
- the public OpenAPI document lists exactly the endpoints the resolver has;
- a list answers with page links (``_links``);
- paths carry only UUIDs, so no name or BSN can be in a URL.
"""

import re
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from django.http.response import HttpResponseBase
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, include, path

import pytest
from conftest import Persona
from rest_framework import exceptions
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.test import APIClient

from kindveilig.access.decorators import get_rule
from kindveilig.access.roles import ALL_ROLES, Role
from kindveilig.api.problems import PROBLEM_BASE
from kindveilig.api.rules import api_endpoint
from kindveilig.api.version import API_VERSION

from .conftest import token_for

pytestmark = [pytest.mark.django_db]

PREFIX = "api/v1/"
PROBLEM = "application/problem+json"
METHODS = ("get", "post", "put", "patch", "delete")
# Reviewed: the document does not describe itself, nor its old address.
UNDOCUMENTED = {"api/v1/openapi.json", "api/v1/schema/"}
# Lists without pages, reviewed: one trajectory's entries (bounded by the
# trajectory; the page shows them all too).
UNPAGED_LISTS = {"api/v1/trajectories/<uuid:public_id>/chronology/"}
PARAMETER = re.compile(r"<(?:(?P<converter>\w+):)?(?P<name>\w+)>")
PERSONA_OF = {
    Role.PROFESSIONAL: "professional",
    Role.AANDACHTSFUNCTIONARIS: "aandachtsfunctionaris",
    Role.LOKAAL_TEAM_MEDEWERKER: "lokaal_team_medewerker",
    Role.GEMEENTE_ANALIST: "gemeente_analist",
    Role.FUNCTIONEEL_BEHEERDER: "functioneel_beheerder",
}


@dataclass(frozen=True)
class Endpoint:
    route: str
    callback: Callable[..., Any]

    @property
    def parameters(self) -> list[tuple[str, str]]:
        return [
            (m["converter"] or "str", m["name"]) for m in PARAMETER.finditer(self.route)
        ]

    @property
    def is_drf(self) -> bool:
        return hasattr(self.callback, "cls")

    @property
    def methods(self) -> set[str]:
        cls = getattr(self.callback, "cls", None)
        if cls is None:
            return {"get"}
        return {m for m in METHODS if m in cls.http_method_names and hasattr(cls, m)}

    @property
    def roles(self) -> frozenset[Role]:
        rule = get_rule(self.callback)
        return rule.roles if rule is not None and rule.kind == "role" else frozenset()

    @property
    def openapi_path(self) -> str:
        return "/" + PARAMETER.sub(lambda m: "{" + m["name"] + "}", self.route)

    def url(self, **values: object) -> str:
        return "/" + PARAMETER.sub(
            lambda m: str(values.get(m["name"], uuid.uuid4())), self.route
        )


def _walk(
    patterns: list[URLPattern | URLResolver], prefix: str = ""
) -> Iterator[Endpoint]:
    for pattern in patterns:
        route = prefix + str(pattern.pattern)
        if isinstance(pattern, URLResolver):
            yield from _walk(pattern.url_patterns, route)
        elif route.startswith(PREFIX):
            yield Endpoint(route=route, callback=pattern.callback)


def api_endpoints() -> list[Endpoint]:
    return sorted(_walk(get_resolver().url_patterns), key=lambda e: e.route)


ENDPOINTS = api_endpoints()
ROLE_ENDPOINTS = [e for e in ENDPOINTS if e.roles]


def by_route(endpoints: list[Endpoint]) -> dict[str, Any]:
    return {"argvalues": endpoints, "ids": [e.route for e in endpoints]}


def assert_problem(
    response: HttpResponseBase, status: int, kind: str | None = None
) -> dict[str, Any]:
    """An error answer as the rules want it; returns its body."""
    assert response.status_code == status, (response.status_code, response.content)
    assert response.get("API-Version") == API_VERSION, "no API-Version header"
    assert response.get("Content-Type") == PROBLEM, (
        f"not a problem: {response.get('Content-Type')}"
    )
    body: dict[str, Any] = response.json()  # type: ignore[attr-defined]  # test client
    assert {"type", "title", "status", "detail", "instance"} <= body.keys(), body
    assert body["status"] == status
    assert body["type"].startswith(PROBLEM_BASE)
    assert body["title"]
    assert body["detail"]
    if kind is not None:
        assert body["type"] == PROBLEM_BASE + kind
    return body


def client_for(persona: Persona) -> APIClient:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {token_for(persona)}")
    return client


def persona(request: pytest.FixtureRequest, role: Role) -> Persona:
    found = request.getfixturevalue(PERSONA_OF[role])
    assert isinstance(found, Persona)
    return found


def allowed_role(endpoint: Endpoint) -> Role:
    """The lokaal team where it may (every household endpoint), else the
    aandachtsfunctionaris (the co-signing endpoints)."""
    for role in (Role.LOKAAL_TEAM_MEDEWERKER, Role.AANDACHTSFUNCTIONARIS):
        if role in endpoint.roles:
            return role
    return sorted(endpoint.roles)[0]


# ---- The inventory --------------------------------------------------------------


def test_the_api_has_endpoints_to_check() -> None:
    assert len(ROLE_ENDPOINTS) >= 30
    assert all(e.is_drf for e in ROLE_ENDPOINTS)


@pytest.mark.parametrize("endpoint", **by_route(ENDPOINTS))
def test_paths_carry_only_uuids(endpoint: Endpoint) -> None:
    """Path words are fixed lowercase words; every variable part is a UUID, so a
    path can hold no name, BSN or free text."""
    for converter, name in endpoint.parameters:
        assert converter == "uuid", f"{endpoint.route}: <{converter}:{name}>"
    literal = PARAMETER.sub("", endpoint.route)
    assert re.fullmatch(r"[a-z0-9./-]*", literal), endpoint.route


def test_the_document_lists_every_endpoint_and_nothing_else(client: Client) -> None:
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    document = response.json()
    documented = {
        (path, method)
        for path, operations in document["paths"].items()
        for method in operations
    }
    served = {
        (endpoint.openapi_path, method)
        for endpoint in ENDPOINTS
        if endpoint.route not in UNDOCUMENTED
        for method in endpoint.methods
    }
    assert served - documented == set(), "served, not in the OpenAPI document"
    assert documented - served == set(), "in the OpenAPI document, not served"


# ---- Every endpoint, every rule -----------------------------------------------------


@pytest.mark.parametrize("endpoint", **by_route(ROLE_ENDPOINTS))
def test_anonymous_gets_a_401_problem(endpoint: Endpoint) -> None:
    client = APIClient()
    for method in sorted(endpoint.methods):
        url = endpoint.url()
        response = getattr(client, method)(url, {}, format="json")
        body = assert_problem(response, 401, "niet-geauthenticeerd")
        assert response["WWW-Authenticate"] == "Token"
        assert body["instance"] == url


@pytest.mark.parametrize("endpoint", **by_route(ROLE_ENDPOINTS))
def test_a_role_outside_the_rule_gets_a_403_problem(
    endpoint: Endpoint, request: pytest.FixtureRequest
) -> None:
    outside = sorted(set(PERSONA_OF) - endpoint.roles)
    assert outside, f"{endpoint.route} allows every role"
    client = client_for(persona(request, outside[0]))
    for method in sorted(endpoint.methods):
        response = getattr(client, method)(endpoint.url(), {}, format="json")
        assert_problem(response, 403, "geen-toegang")


@pytest.mark.parametrize("endpoint", **by_route(ROLE_ENDPOINTS))
def test_the_allowed_role_gets_the_rules_on_success_and_error(
    endpoint: Endpoint, request: pytest.FixtureRequest
) -> None:
    """Unknown objects: 404. A collection: 200 with page links for a list, and a
    400 problem with ``invalidParams`` for an empty POST. A method the endpoint
    lacks: 405 with ``Allow``."""
    client = client_for(persona(request, allowed_role(endpoint)))
    url = endpoint.url()
    for method in sorted(endpoint.methods):
        response = getattr(client, method)(url, {}, format="json")
        if endpoint.parameters:
            body = assert_problem(response, 404, "niet-gevonden")
            assert body["instance"] == url
        elif method == "get":
            assert response.status_code == 200
            assert response.get("API-Version") == API_VERSION, "no API-Version header"
            assert response["Content-Type"] == "application/json"
            if "results" in response.json():
                links = response.json()["_links"]
                assert {"self", "first", "last"} <= links.keys()
                assert links["first"]["href"].startswith("http")
        else:
            body = assert_problem(response, 400, "validatie")
            assert body["invalidParams"], body
            assert {"name", "code", "reason"} <= body["invalidParams"][0].keys()
    missing = [m for m in METHODS if m not in endpoint.methods]
    response = getattr(client, missing[-1])(url, {}, format="json")
    assert_problem(response, 405, "methode-niet-toegestaan")
    assert response.has_header("Allow")


@pytest.mark.parametrize("endpoint", **by_route(ROLE_ENDPOINTS))
def test_a_list_is_paged_with_links(
    endpoint: Endpoint, request: pytest.FixtureRequest
) -> None:
    """A GET whose answer is a JSON array is a list without pages: not allowed,
    unless reviewed in UNPAGED_LISTS."""
    if "get" not in endpoint.methods or endpoint.route in UNPAGED_LISTS:
        return
    document = request.getfixturevalue("client").get("/api/v1/openapi.json").json()
    operation = document["paths"][endpoint.openapi_path]["get"]
    schema = operation["responses"]["200"]["content"]["application/json"]["schema"]
    assert schema.get("type") != "array", f"{endpoint.route} answers an unpaged list"
    name = schema.get("$ref", "").rsplit("/", 1)[-1]
    component = document["components"]["schemas"].get(name, {})
    if "results" in component.get("properties", {}):
        assert "_links" in component["properties"], f"{name} has no _links"


# ---- Errors outside the API's views -------------------------------------------------


@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/does-not-exist/",
        "/api/v2/trajectories/",
        "/api/v1/households/not-a-uuid/",
        "/api/",
    ],
)
def test_an_unknown_url_under_the_api_is_a_404_problem(url: str) -> None:
    response = APIClient().get(url)
    body = assert_problem(response, 404, "niet-gevonden")
    assert body["instance"] == url
    # The headers the middleware below set stay: only the body is replaced.
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Cache-Control"].startswith("no-store")
    assert response.has_header("X-Request-ID")


def test_a_request_refused_before_any_view_is_a_400_problem() -> None:
    """Django refuses an unknown Host before routing (400): a refused request,
    not invalid input."""
    response = APIClient().get("/api/v1/households/", HTTP_HOST="elders.example")
    body = assert_problem(response, 400, "verzoek-geweigerd")
    assert "invalidParams" not in body


def test_the_instance_is_the_path_without_the_query(
    lokaal_team_medewerker: Persona,
) -> None:
    url = f"/api/v1/households/{uuid.uuid4()}/"
    response = client_for(lokaal_team_medewerker).get(url, {"naam": "Jan Jansen"})
    body = assert_problem(response, 404)
    assert body["instance"] == url
    assert "Jansen" not in response.content.decode()


def test_a_body_that_is_not_json_is_a_415_or_400_problem(
    lokaal_team_medewerker: Persona,
) -> None:
    client = client_for(lokaal_team_medewerker)
    response = client.post("/api/v1/households/", "label=X", content_type="text/plain")
    assert_problem(response, 415, "mediatype-niet-ondersteund")
    response = client.post(
        "/api/v1/households/", "{not json", content_type="application/json"
    )
    assert_problem(response, 400, "onleesbaar-verzoek")


def test_asking_for_html_is_a_406_problem(lokaal_team_medewerker: Persona) -> None:
    response = client_for(lokaal_team_medewerker).get(
        "/api/v1/households/", HTTP_ACCEPT="text/html"
    )
    assert_problem(response, 406, "niet-aanvaardbaar")


# A server error and a throttled request, through views of this test's own.
@api_endpoint(["GET"], *ALL_ROLES, relation="none: a test view")
def _boom(request: Request) -> Response:
    raise RuntimeError("boom: Jan Jansen 123456782")


@api_endpoint(["GET"], *ALL_ROLES, relation="none: a test view")
def _throttled(request: Request) -> Response:
    raise exceptions.Throttled(wait=30)


urlpatterns = [
    path("api/v1/boom/", _boom),
    path("api/v1/throttled/", _throttled),
    path("", include("kindveilig.urls")),
]


@pytest.mark.urls("kindveilig.api.tests.test_conformance")
def test_a_server_error_is_a_500_problem_without_the_exception(
    professional: Persona,
) -> None:
    client = client_for(professional)
    client.raise_request_exception = False
    response = client.get("/api/v1/boom/")
    assert_problem(response, 500, "serverfout")
    assert "Jansen" not in response.content.decode()
    assert "123456782" not in response.content.decode()


@pytest.mark.urls("kindveilig.api.tests.test_conformance")
def test_too_many_requests_is_a_429_problem(professional: Persona) -> None:
    response = client_for(professional).get("/api/v1/throttled/")
    assert_problem(response, 429, "te-veel-verzoeken")
    assert response["Retry-After"] == "30"


def test_pages_outside_the_api_keep_their_html_and_no_version(client: Client) -> None:
    response = client.get("/bestaat-niet/")
    assert response.status_code == 404
    assert response["Content-Type"].startswith("text/html")
    assert not response.has_header("API-Version")
