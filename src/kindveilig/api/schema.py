"""The OpenAPI document: its public view at ``/api/v1/openapi.json``, how
drf-spectacular describes our authentication classes in it, and the hook that
declares the rules every operation keeps (the ``API-Version`` header, the
problem answers).

The document is public (NLGov API Design Rules: publish the OpenAPI document at
a standard location in JSON): it describes the API's shape and holds no
personal data. It is generated once per language and kept in memory, so an
anonymous caller cannot make the server regenerate it on every request.
"""

import functools
import json
from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponsePermanentRedirect
from django.urls import reverse
from django.utils import translation

from drf_spectacular.extensions import OpenApiAuthenticationExtension
from drf_spectacular.generators import SchemaGenerator
from drf_spectacular.plumbing import build_bearer_security_scheme_object
from drf_spectacular.renderers import OpenApiJsonRenderer, OpenApiJsonRenderer2
from drf_spectacular.utils import extend_schema
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from kindveilig.access.decorators import AccessRule

from .problems import PROBLEM_CONTENT_TYPE, PROBLEMS
from .rules import declare
from .version import API_VERSION, API_VERSION_HEADER

__all__ = [
    "PUBLIC_RULE",
    "openapi_document",
    "postprocess",
    "schema",
    "schema_redirect",
]

PUBLIC_RULE = AccessRule(
    kind="public",
    relation="none: the description of the API (NLGov: a public OpenAPI "
    "document in JSON); no personal data",
)


class ApiTokenScheme(OpenApiAuthenticationExtension):  # type: ignore[no-untyped-call]  # untyped __init_subclass__
    target_class = "kindveilig.api.authentication.ApiTokenAuthentication"
    name = "tokenAuth"

    def get_security_definition(self, auto_schema: Any) -> dict[str, Any]:
        definition: dict[str, Any] = build_bearer_security_scheme_object(
            header_name="Authorization",
            token_prefix="Token",  # noqa: S106  # the header's keyword, not a secret
        )
        definition["description"] = (
            "A token made with `manage.py create_api_token`; it acts in one "
            "organisation and role."
        )
        return definition


class VerifiedSessionScheme(OpenApiAuthenticationExtension):  # type: ignore[no-untyped-call]  # untyped __init_subclass__
    target_class = "kindveilig.api.authentication.VerifiedSessionAuthentication"
    name = "cookieAuth"

    def get_security_definition(self, auto_schema: Any) -> dict[str, Any]:
        return {
            "type": "apiKey",
            "in": "cookie",
            "name": settings.SESSION_COOKIE_NAME,
            "description": "The browser's session, after the second factor and "
            "with an organisation and role chosen. Writes need the CSRF token "
            "in the X-CSRFToken header.",
        }


# ---- The rules every operation keeps ------------------------------------------

PROBLEM_SCHEMA: dict[str, Any] = {
    "type": "object",
    "description": "An error, as RFC 9457 describes it (application/problem+json).",
    "required": ["type", "title", "status", "detail", "instance"],
    "properties": {
        "type": {
            "type": "string",
            "format": "uri",
            "description": "A stable URI per kind of problem.",
            "enum": sorted({problem.type for problem in PROBLEMS.values()}),
        },
        "title": {"type": "string", "description": "The kind, in Dutch."},
        "status": {"type": "integer", "minimum": 400, "maximum": 599},
        "detail": {
            "type": "string",
            "description": "What went wrong, in Dutch: the service's own message.",
        },
        "instance": {
            "type": "string",
            "description": "The request's path (only UUIDs, never names).",
        },
        "invalidParams": {
            "type": "array",
            "description": "For invalid input: one entry per message.",
            "items": {
                "type": "object",
                "required": ["name", "code", "reason"],
                "properties": {
                    "name": {
                        "type": "string",
                        "description": "The field (nested: `children.0.bsn`), "
                        "or `non_field_errors`.",
                    },
                    "code": {"type": "string"},
                    "reason": {"type": "string"},
                },
            },
        },
    },
}
API_VERSION_SCHEMA: dict[str, Any] = {
    "description": "The full semantic version of the API (the major version is "
    "in the URL).",
    "required": True,
    "schema": {"type": "string", "example": API_VERSION},
}
STANDARD_ERRORS: dict[str, str] = {
    "401": "Not authenticated: no or an invalid token, or a session without the "
    "second factor or a chosen role (`WWW-Authenticate: Token`).",
    "403": "The actor's role may not use this endpoint, or the service refuses "
    "the action (code `forbidden`).",
    "406": "The request asks for another format than JSON.",
    "500": "A server error; nothing was changed.",
}
OBJECT_ERRORS = {
    "404": "Not found, or not visible to the actor (it is not revealed which)."
}
WRITE_ERRORS = {
    "400": "Invalid input (`invalidParams`), or refused by the service. Nothing "
    "was changed.",
    "415": "The body is not application/json.",
}
PROBLEM_REF = {"$ref": "#/components/schemas/Problem"}
VERSION_HEADER_REF = {"$ref": f"#/components/headers/{API_VERSION_HEADER}"}


def _problem_response(description: str) -> dict[str, Any]:
    return {
        "description": description,
        "content": {PROBLEM_CONTENT_TYPE: {"schema": PROBLEM_REF}},
    }


def _describe_operation(path: str, method: str, operation: dict[str, Any]) -> None:
    responses: dict[str, Any] = operation.setdefault("responses", {})
    wanted = dict(STANDARD_ERRORS)
    if "{" in path:
        wanted.update(OBJECT_ERRORS)
    if method in ("post", "put", "patch"):
        wanted.update(WRITE_ERRORS)
    for status, description in wanted.items():
        responses.setdefault(status, {"description": description})
    for status, response in responses.items():
        if status.startswith(("4", "5")):
            response.update(_problem_response(response.get("description", "")))
        response.setdefault("headers", {})[API_VERSION_HEADER] = VERSION_HEADER_REF


def postprocess(
    result: dict[str, Any], generator: Any, request: Any, public: bool
) -> dict[str, Any]:
    """drf-spectacular's postprocessing hook (``SPECTACULAR_SETTINGS``): every
    operation answers with ``API-Version``, and its errors are problems."""
    components = result.setdefault("components", {})
    components.setdefault("schemas", {})["Problem"] = PROBLEM_SCHEMA
    components.setdefault("headers", {})[API_VERSION_HEADER] = API_VERSION_SCHEMA
    for path, operations in result.get("paths", {}).items():
        for method, operation in operations.items():
            _describe_operation(path, method, operation)
    return result


# ---- The public document ------------------------------------------------------


@functools.cache
def _document_json(language: str) -> str:
    with translation.override(language):
        generator = SchemaGenerator()  # type: ignore[no-untyped-call]  # untyped
        document = generator.get_schema(request=None, public=True)  # type: ignore[no-untyped-call]  # untyped
    return json.dumps(document, ensure_ascii=False)


def openapi_document(language: str | None = None) -> dict[str, Any]:
    """The OpenAPI document as the public view serves it."""
    loaded: dict[str, Any] = json.loads(
        _document_json(language or translation.get_language() or "nl")
    )
    return loaded


class OpenApiView(APIView):
    """``GET /api/v1/openapi.json``: public, JSON, from memory after the first call."""

    authentication_classes: list[type] = []
    permission_classes = [AllowAny]
    renderer_classes = [OpenApiJsonRenderer2, OpenApiJsonRenderer]

    @extend_schema(exclude=True)
    def get(self, request: Request) -> Response:
        return Response(openapi_document())


schema = declare(OpenApiView.as_view(), PUBLIC_RULE)


def _schema_redirect(request: HttpRequest) -> HttpResponse:
    """The old address of the document (behind a login until API 1.1)."""
    return HttpResponsePermanentRedirect(reverse("api:openapi"))


schema_redirect = _schema_redirect
schema_redirect.access_rule = AccessRule(  # type: ignore[attr-defined]  # read by get_rule
    kind="public", relation="none: a permanent redirect to the public document"
)
