"""The OpenAPI document: its view, and how drf-spectacular describes our
authentication classes in it."""

from typing import Any

from django.conf import settings

from drf_spectacular.extensions import OpenApiAuthenticationExtension
from drf_spectacular.plumbing import build_bearer_security_scheme_object
from drf_spectacular.views import SpectacularAPIView

from kindveilig.access.roles import ALL_ROLES

from .rules import declare, role_rule


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


class SchemaView(SpectacularAPIView):
    """The OpenAPI 3 document, for any verified role (its own class, so the rule
    is not attached to drf-spectacular's view for everyone)."""


schema = declare(
    SchemaView.as_view(),
    role_rule(
        *sorted(ALL_ROLES),
        relation="none: the description of the API holds no personal data",
    ),
)
