"""Schemathesis against the app's own OpenAPI description of /api/v1/: no 5xx,
and every answer conforms to the schema (problem+json errors included).
Derandomized, a few examples per operation; each case runs once as generated
and once against a real object of its collection (a trajectory of the
aandachtsfunctionaris's organisation; a household, handover or signal of the
lokaal team worker)."""

from collections.abc import Callable, Iterator
from typing import Any

from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections

import pytest
import schemathesis
from conftest import Persona
from drf_spectacular.generators import SchemaGenerator
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import response_schema_conformance

from kindveilig.api.services import api_token_create
from kindveilig.households.services import handover_create_for_case, household_create
from kindveilig.meldcode import scenarios
from kindveilig.verwijsindex.services import (
    ChildSignalInput,
    signal_register_for_child,
)

# Per collection (the path's first word): the token to call with and the object.
Actors = dict[str, tuple[str, str]]


def _schema() -> dict[str, Any]:
    generated = SchemaGenerator(patterns=None).get_schema(request=None, public=True)
    assert isinstance(generated, dict)
    return generated


schema = schemathesis.openapi.from_dict(_schema())
schema.app = get_wsgi_application()  # type: ignore[attr-defined]  # WSGI transport


@pytest.fixture(autouse=True)
def _keep_the_test_connection() -> Iterator[None]:
    """The WSGI handler closes the database connection after each request; the
    test client avoids that, and so must we (the test runs in a transaction)."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def api_actor(
    aandachtsfunctionaris: Persona,
    professional: Persona,
    lokaal_team_medewerker: Persona,
) -> Actors:
    """The aandachtsfunctionaris may use every trajectory endpoint; the trajectory
    is one of the organisation's, at step 5 with a decision. The lokaal team
    worker directs a household, offered to the school, and has a signal."""
    trajectory = scenarios.at_step_5_melden(professional.actor)
    _, af_token = api_token_create(
        membership=aandachtsfunctionaris.membership, name="t"
    )
    lt = lokaal_team_medewerker.actor
    _, lt_token = api_token_create(
        membership=lokaal_team_medewerker.membership, name="t"
    )
    household = household_create(actor=lt, label="Huishouden (demo)")
    handover = handover_create_for_case(
        actor=lt,
        case=household.cases.get(),
        to_organisation=professional.organisation,
        note="Overdracht (test).",
    )
    signal = signal_register_for_child(
        actor=lt,
        data=ChildSignalInput(given_name="Sam", family_name="Demo", bsn="111222333"),
    )
    return {
        "trajectories": (af_token, str(trajectory.public_id)),
        "households": (lt_token, str(household.public_id)),
        "handovers": (lt_token, str(handover.public_id)),
        "signals": (lt_token, str(signal.public_id)),
        "matches": (lt_token, ""),
    }


@pytest.mark.django_db
@schema.parametrize()
@settings(
    max_examples=3,
    derandomize=True,
    deadline=None,
    database=None,
    suppress_health_check=list(HealthCheck),
)
def test_the_api_answers_as_its_schema_says(
    case: schemathesis.Case,  # type: ignore[type-arg]  # generic in v4
    api_actor: Actors,
) -> None:
    collection = case.path.removeprefix("/api/v1/").split("/")[0]
    token, public_id = api_actor[collection]
    headers = {"Authorization": f"Token {token}"}
    checks: list[Callable[..., Any]] = [not_a_server_error, response_schema_conformance]
    case.call_and_validate(headers=headers, checks=checks)
    if "public_id" in (case.path_parameters or {}):
        case.path_parameters["public_id"] = public_id  # type: ignore[index]  # set above
        case.call_and_validate(headers=headers, checks=checks)
