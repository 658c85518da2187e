"""Every URL x every role (and anonymous) x an object of the actor's own side and
of another organisation: the exact answer, none of the other side's names in the
body, never a 500. One test loops over the matrix and lists every wrong cell.
See docs/testing.md, "Tests that try to break in"."""

from collections.abc import Iterator

from django.db import transaction
from django.http.response import HttpResponseBase
from django.test import Client
from django.urls import reverse

import pytest
from conftest import login_as

from kindveilig.access.roles import Role

from .matrix import (
    KWARGS,
    NOT_ROLE,
    OWN,
    POST_ONLY,
    POST_ONLY_AFTER_RULE,
    SAME_FOR_BOTH_SIDES,
    Route,
    _none,
    all_routes,
)
from .rows import row_counts
from .world import Side, World, build_world

ROLES = tuple(Role)
READ_ONLY_API = {
    "api:trajectory-detail",
    "api:trajectory-chronology",
    "api:household-detail",
    "api:handover-detail",
}
LOGIN = "/inloggen/"


@pytest.fixture(scope="module")
def world(
    django_db_setup: None,
    django_db_blocker: object,
) -> Iterator[World]:
    """Built once for the module, rolled back at its end."""
    unblock = django_db_blocker.unblock  # type: ignore[attr-defined]  # pytest-django
    with unblock(), transaction.atomic():
        yield build_world()
        transaction.set_rollback(True)


def clients_for(world: World) -> dict[Role | None, Client]:
    clients: dict[Role | None, Client] = {None: Client()}
    for role in ROLES:
        clients[role] = login_as(Client(), world.own.personas[role])
    return clients


def url_for(route: Route, side: Side, who: Role | None) -> str:
    return reverse(
        route.name, kwargs=KWARGS[route.name](side, who or Role.PROFESSIONAL)
    )


def has_object(route: Route) -> bool:
    return KWARGS[route.name] is not _none and route.name not in SAME_FOR_BOTH_SIDES


def expected_get(route: Route, who: Role | None, side: str) -> int:
    """The answer to a GET, from the declared rule and the tables in matrix.py."""
    assert route.rule is not None
    if route.rule.kind != "role":
        anonymous, logged_in = NOT_ROLE[route.name]
        return anonymous if who is None else logged_in
    api = route.name.startswith("api:")
    if route.name in POST_ONLY:
        return 405
    if who is None:
        return 401 if api else 302
    if who not in route.rule.roles:
        return 403
    if route.name in POST_ONLY_AFTER_RULE:
        return 405
    if side == "other":
        return 404
    return OWN.get(route.name, {}).get(who, 200)


def leaks(response: HttpResponseBase, other: Side) -> list[str]:
    raw = (
        b"".join(response.streaming_content)  # type: ignore[arg-type]  # bytes
        if response.streaming
        else response.content
    )
    body = raw.decode(errors="replace")
    return [secret for secret in other.secrets if secret in body]


def test_every_url_is_in_the_matrix() -> None:
    missing = sorted({r.name for r in all_routes()} - KWARGS.keys())
    assert not missing, f"add these URLs to tests/security/matrix.py: {missing}"


@pytest.mark.django_db
def test_every_role_gets_exactly_the_expected_answer(world: World) -> None:
    clients = clients_for(world)
    wrong: list[str] = []
    cells = 0
    for route in sorted(all_routes(), key=lambda r: r.name):
        if route.name not in KWARGS:
            continue  # reported by test_every_url_is_in_the_matrix
        for who, client in clients.items():
            allowed = route.rule is not None and (
                route.rule.kind != "role" or who in route.rule.roles
            )
            sides = ["own"]
            # A refused visitor is refused before any object is loaded; the
            # anonymous cell with the other side's object proves it once more.
            if has_object(route) and (allowed or who is None):
                sides.append("other")
            for side in sides:
                cells += 1
                url = url_for(route, getattr(world, side), who)
                response = client.get(url)
                expected = expected_get(route, who, side)
                name = who.value if who else "anonymous"
                cell = f"{route.name} {name} {side}: "
                if response.status_code != expected:
                    wrong.append(f"{cell}{response.status_code}, expected {expected}")
                if leaks(response, world.other):
                    wrong.append(f"{cell}shows {leaks(response, world.other)}")
                if (
                    who is None
                    and expected == 302
                    and route.rule is not None
                    and route.rule.kind != "public"
                    and not response["Location"].startswith(LOGIN)
                ):
                    wrong.append(f"{cell}redirects to {response['Location']}")
    assert cells > 500
    assert not wrong, f"{len(wrong)} of {cells} cells are wrong:\n" + "\n".join(wrong)


@pytest.mark.django_db
def test_a_refused_post_is_refused_and_stores_nothing(world: World) -> None:
    """An empty POST: 403 for a role outside the rule, 404 for the other side's
    object (401 or the login page for anonymous), and no row changes."""
    clients = clients_for(world)
    wrong: list[str] = []
    cells = 0
    for route in sorted(all_routes(), key=lambda r: r.name):
        if route.rule is None or route.rule.kind != "role":
            continue
        before = row_counts()
        api = route.name.startswith("api:")
        for who, client in clients.items():
            if who is None:
                cases = [("own", 401 if api else 302)]
            elif who not in route.rule.roles:
                cases = [("own", 403)]
            elif has_object(route):
                # DRF answers a method the endpoint lacks before loading anything.
                cases = [("other", 405 if route.name in READ_ONLY_API else 404)]
            else:
                continue
            for side, expected in cases:
                cells += 1
                url = url_for(route, getattr(world, side), who)
                response = client.post(url, {})
                name = who.value if who else "anonymous"
                if response.status_code != expected:
                    wrong.append(
                        f"POST {route.name} {name} {side}: "
                        f"{response.status_code}, expected {expected}"
                    )
        after = row_counts()
        changed = {t: (before[t], after[t]) for t in before if before[t] != after[t]}
        if changed:
            wrong.append(f"POST {route.name}: refused, yet stored {changed}")
    assert cells > 200
    assert not wrong, f"{len(wrong)} of {cells} cells are wrong:\n" + "\n".join(wrong)
