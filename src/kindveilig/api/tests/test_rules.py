"""The building blocks: every API view declares its rule; without one, nothing passes."""

import pytest
from conftest import Persona
from rest_framework.test import APIRequestFactory
from rest_framework.views import APIView

from kindveilig.access.decorators import get_rule
from kindveilig.access.roles import CASE_ROLES, Role
from kindveilig.api.meldcode import views
from kindveilig.api.permissions import ActorHasRole
from kindveilig.api.rules import role_rule
from kindveilig.api.services import api_token_authenticate, api_token_create


def test_an_api_rule_needs_roles_and_a_relation() -> None:
    with pytest.raises(ValueError, match="role"):
        role_rule(relation="own trajectories")
    with pytest.raises(ValueError, match="relation"):
        role_rule(Role.PROFESSIONAL, relation="")


def test_the_api_views_carry_the_case_roles() -> None:
    rule = get_rule(views.trajectory_detail)
    assert rule is not None
    assert rule.kind == "role"
    assert rule.roles == CASE_ROLES
    assert "trajectory_get_for" in rule.relation
    cosign = get_rule(views.decision_cosign)
    assert cosign is not None
    assert cosign.roles == {Role.AANDACHTSFUNCTIONARIS}


def test_the_schema_rule_is_not_attached_to_drf_spectaculars_own_view() -> None:
    from drf_spectacular.views import SpectacularAPIView

    assert not hasattr(SpectacularAPIView, "access_rule")


@pytest.mark.django_db
def test_a_view_without_a_rule_is_refused_even_for_a_valid_actor(
    professional: Persona,
) -> None:
    request = APIRequestFactory().get("/")
    request.auth = professional.actor  # type: ignore[attr-defined]
    assert not ActorHasRole().has_permission(request, APIView())  # type: ignore[arg-type]


@pytest.mark.django_db
def test_a_token_of_another_shape_is_not_looked_up(professional: Persona) -> None:
    api_token, token = api_token_create(membership=professional.membership, name="X")
    assert str(api_token) == "X"
    assert not api_token.is_revoked
    assert api_token_authenticate(token.removeprefix("kv_")) is None
    assert api_token_authenticate(token + "x" * 200) is None
    assert api_token_authenticate(token) == professional.actor


@pytest.mark.django_db
def test_a_token_header_that_is_not_ascii_is_refused(professional: Persona) -> None:
    from rest_framework.test import APIClient

    from .conftest import url

    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION="Token kv_tökén".encode().decode("latin-1"))
    assert client.get(url("trajectory-list")).status_code == 401
