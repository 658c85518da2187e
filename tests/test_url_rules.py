"""Every URL pattern of the project leads to a view that declares who may use it."""

from collections.abc import Callable, Iterator
from typing import Any

from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, include, path

import pytest

from kindveilig.access.decorators import AccessRule, get_rule
from kindveilig.access.roles import ALL_ROLES

# Reviewed exceptions: none. Static files are served by WhiteNoise before routing.
ALLOWLIST: set[str] = set()
# The API's only views without a role rule: its description, public by the NLGov
# API Design Rules (no personal data), and the old address redirecting there.
PUBLIC_API_VIEWS = {"api/v1/openapi.json", "api/v1/schema/"}


def _walk(
    patterns: list[URLPattern | URLResolver], prefix: str = ""
) -> Iterator[tuple[str, Callable[..., Any]]]:
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            yield from _walk(pattern.url_patterns, prefix + str(pattern.pattern))
        else:
            yield prefix + str(pattern.pattern), pattern.callback


def all_views() -> list[tuple[str, Callable[..., Any]]]:
    return list(_walk(get_resolver().url_patterns))


def test_the_project_has_views_to_check() -> None:
    assert len(all_views()) >= 10


@pytest.mark.parametrize(
    ("route", "view"), all_views(), ids=[route or "/" for route, _ in all_views()]
)
def test_every_view_declares_an_access_rule(
    route: str, view: Callable[..., Any]
) -> None:
    if route in ALLOWLIST:
        return
    rule = get_rule(view)
    assert isinstance(rule, AccessRule), (
        f"{route} ({view.__qualname__}) has no access rule"
    )
    if rule.kind == "role":
        assert rule.roles, f"{route} allows no role at all"
        assert rule.roles <= ALL_ROLES
        assert rule.relation, (
            f"{route} does not say which relation to the data it needs"
        )


def test_the_api_is_public_only_for_its_description() -> None:
    public = {
        route
        for route, view in all_views()
        if route.startswith("api/")
        and (rule := get_rule(view)) is not None
        and rule.kind != "role"
    }
    assert public == PUBLIC_API_VIEWS, (
        "a view under /api/ without a role rule: review it and list it here"
    )


def _undeclared_view(request: Any) -> Any:
    from django.http import HttpResponse

    return HttpResponse("should never be served")


urlpatterns = [
    path("undeclared/", _undeclared_view),
    path("", include("kindveilig.urls")),
]


@pytest.mark.django_db
@pytest.mark.urls("tests.test_url_rules")
def test_a_view_without_a_rule_is_refused_at_runtime(client: Client) -> None:
    response = client.get("/undeclared/")
    assert response.status_code == 403
    assert b"should never be served" not in response.content
