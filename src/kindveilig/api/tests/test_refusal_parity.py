"""What the page's service refuses, the API refuses with the same message, and the
refusal changes nothing in the database."""

from collections.abc import Callable
from typing import Any

from django.core.exceptions import ValidationError
from django.db.models import Model
from django.test import Client
from django.utils import timezone
from django.utils.translation import gettext

import pytest
from conftest import Persona

from kindveilig.audit.models import AuditAction, AuditEvent
from kindveilig.meldcode import scenarios, services
from kindveilig.meldcode.afwegingskader import Answer
from kindveilig.meldcode.models import (
    AfwegingAnswer,
    Consultation,
    Conversation,
    ConversationSkip,
    Decision,
    Melding,
    Observation,
    Trajectory,
    TrajectoryEvent,
    VeiligThuisFeedback,
)
from kindveilig.meldcode.models.choices import ConversationWith, Source, Step
from kindveilig.meldcode.services.decisions import DecisionInput, MeldingInput
from kindveilig.meldcode.services.entries import ConversationInput, ObservationInput

from .conftest import Login, fields_of, messages_for, messages_of, url

pytestmark = [pytest.mark.django_db]

ENTRY_MODELS: list[type[Model]] = [
    Observation,
    Consultation,
    Conversation,
    ConversationSkip,
    AfwegingAnswer,
    Decision,
    Melding,
    VeiligThuisFeedback,
    TrajectoryEvent,
]


def state(trajectory: Trajectory) -> dict[str, Any]:
    """Everything a refused write could have changed."""
    current = Trajectory.objects.get(pk=trajectory.pk)
    return {
        "trajectory": (
            current.version,
            current.step,
            current.status,
            current.is_acute,
            current.updated_at,
        ),
        "decisions": list(
            Decision.objects.filter(trajectory=trajectory)
            .order_by("pk")
            .values_list("cosign_status", "cosigned_by_id")
        ),
        **{
            model.__name__: model._default_manager.filter(  # type: ignore[misc]
                trajectory=trajectory
            ).count()
            for model in ENTRY_MODELS
        },
        "writes": AuditEvent.objects.exclude(action=AuditAction.READ).count(),
    }


def service_refusal(call: Callable[[], object]) -> ValidationError:
    with pytest.raises(ValidationError) as refused:
        call()
    return refused.value


def fresh(trajectory: Trajectory) -> Trajectory:
    return Trajectory.objects.get(pk=trajectory.pk)


def post(client: Client, path: str, data: dict[str, Any]) -> Any:
    return client.post(path, data, content_type="application/json")


def test_step_2_is_refused_without_an_observation(
    client: Client, login: Login, professional: Persona
) -> None:
    trajectory = scenarios.start(professional.actor)
    before = state(trajectory)
    refused = service_refusal(
        lambda: services.step_advance(
            actor=professional.actor,
            trajectory=fresh(trajectory),
            to_step=Step.OVERLEGGEN,
            expected_version=trajectory.version,
        )
    )
    login(client, professional)
    response = post(
        client,
        url("step-advance", trajectory.public_id),
        {"to_step": 2, "expected_version": trajectory.version},
    )
    assert response.status_code == 400
    assert messages_of(response.json()) == refused.messages
    assert (
        "Stap 1: leg ten minste één signaal vast."
        in messages_for(response.json(), "non_field_errors")[0]
    )
    assert state(trajectory) == before


def test_step_5_is_refused_without_child_conversation_or_reason(
    client: Client, login: Login, professional: Persona
) -> None:
    me = professional.actor
    trajectory = scenarios.at_step_3(me)
    services.conversation_add(
        actor=me,
        trajectory=trajectory,
        data=ConversationInput(
            with_whom=ConversationWith.PARENTS,
            held_on=timezone.localdate(),
            what_was_said="Vader zegt dat Sam van de trap viel.",
        ),
    )
    trajectory = services.step_advance(
        actor=me,
        trajectory=trajectory,
        to_step=Step.WEGEN,
        expected_version=trajectory.version,
    )
    trajectory = scenarios.weigh(me, trajectory, [Answer.YES, Answer.YES])
    before = state(trajectory)
    refused = service_refusal(
        lambda: services.step_advance(
            actor=me,
            trajectory=fresh(trajectory),
            to_step=Step.BESLISSEN,
            expected_version=trajectory.version,
        )
    )
    login(client, professional)
    path = url("step-advance", trajectory.public_id)
    response = post(
        client, path, {"to_step": 5, "expected_version": trajectory.version}
    )
    assert response.status_code == 400
    assert messages_of(response.json()) == refused.messages
    assert "Sam (demo)" in messages_for(response.json(), "non_field_errors")[0]
    assert state(trajectory) == before

    # With the reason why the child was not spoken to, the same call passes.
    scenarios.skipped_child_conversation(me, fresh(trajectory))
    response = post(
        client, path, {"to_step": 5, "expected_version": trajectory.version}
    )
    assert response.status_code == 200
    assert response.json()["step"] == 5
    assert response.json()["version"] == trajectory.version + 1


def _propose(persona: Persona, trajectory: Trajectory) -> Decision:
    return services.decision_propose(
        actor=persona.actor,
        trajectory=fresh(trajectory),
        data=DecisionInput(
            melden=True,
            melden_rationale="Structurele onveiligheid: herhaald letsel thuis.",
            help_possible=False,
            help_rationale="Hulp van school alleen is niet genoeg.",
        ),
        expected_version=fresh(trajectory).version,
    )


MELDING = {
    "melder_name": "Juf Test",
    "melder_function": "Leerkracht groep 5",
    "melder_phone": "070-0000000",
    "melder_email": "juf@test.kindveilig.invalid",
    "discussed_with_parents": True,
    "discussed_with_child": True,
}


def test_a_melding_is_refused_without_a_cosigned_decision(
    client: Client,
    login: Login,
    professional: Persona,
    aandachtsfunctionaris: Persona,
) -> None:
    trajectory = scenarios.at_step_5_melden(professional.actor)
    _propose(professional, trajectory)
    version = fresh(trajectory).version
    before = state(trajectory)
    refused = service_refusal(
        lambda: services.melding_create(
            actor=professional.actor,
            trajectory=fresh(trajectory),
            data=MeldingInput(**MELDING),  # type: ignore[arg-type]
            expected_version=version,
        )
    )
    assert refused.code == "not_cosigned"
    login(client, professional)
    response = post(
        client,
        url("melding-create", trajectory.public_id),
        {**MELDING, "expected_version": version},
    )
    assert response.status_code == 400
    assert messages_of(response.json()) == refused.messages
    assert state(trajectory) == before


def test_a_melding_is_refused_without_the_melders_phone(
    client: Client,
    login: Login,
    professional: Persona,
    aandachtsfunctionaris: Persona,
) -> None:
    decision = scenarios.decided_melden(professional.actor, aandachtsfunctionaris.actor)
    trajectory = fresh(decision.trajectory)
    data = {**MELDING, "melder_phone": ""}
    before = state(trajectory)
    refused = service_refusal(
        lambda: services.melding_create(
            actor=professional.actor,
            trajectory=fresh(trajectory),
            data=MeldingInput(**data),  # type: ignore[arg-type]
            expected_version=trajectory.version,
        )
    )
    login(client, professional)
    response = post(
        client,
        url("melding-create", trajectory.public_id),
        {**data, "expected_version": trajectory.version},
    )
    assert response.status_code == 400
    body = response.json()
    assert fields_of(body) == {"melder_phone"}
    assert messages_for(body, "melder_phone") == refused.message_dict["melder_phone"]
    assert messages_for(body, "melder_phone") == [
        gettext("Give a phone number where Veilig Thuis can reach the melder.")
    ]
    assert state(trajectory) == before


def test_cosigning_ones_own_decision_is_refused_with_403(
    client: Client,
    login: Login,
    professional: Persona,
    aandachtsfunctionaris: Persona,
) -> None:
    trajectory = scenarios.at_step_5_melden(professional.actor)
    decision = _propose(aandachtsfunctionaris, trajectory)
    version = fresh(trajectory).version
    before = state(trajectory)
    refused = service_refusal(
        lambda: services.decision_cosign(
            actor=aandachtsfunctionaris.actor,
            decision=Decision.objects.get(pk=decision.pk),
            expected_version=version,
        )
    )
    assert refused.code == "forbidden"
    login(client, aandachtsfunctionaris)
    response = post(
        client,
        url("decision-cosign", trajectory.public_id, decision.public_id),
        {"expected_version": version},
    )
    assert response.status_code == 403
    assert response.json()["detail"] == refused.messages[0]
    assert response.json()["type"] == "https://kindveilig.nl/problemen/geen-toegang"
    assert state(trajectory) == before


def test_a_stale_expected_version_is_a_409_conflict(
    client: Client, login: Login, professional: Persona
) -> None:
    me = professional.actor
    trajectory = scenarios.start(me)
    services.observation_add(
        actor=me,
        trajectory=trajectory,
        data=ObservationInput(
            observed_on=timezone.localdate(),
            observed_by="Juf Test",
            source=Source.OWN,
            facts="Blauwe plekken op de arm.",
        ),
    )
    # Someone else changed the trajectory after this client read version 1.
    services.trajectory_report_acute(
        actor=me, trajectory=fresh(trajectory), note="Kind is bang."
    )
    stale = trajectory.version
    before = state(trajectory)
    refused = service_refusal(
        lambda: services.step_advance(
            actor=me,
            trajectory=fresh(trajectory),
            to_step=Step.OVERLEGGEN,
            expected_version=stale,
        )
    )
    assert isinstance(refused, services.ConflictError)
    login(client, professional)
    response = post(
        client,
        url("step-advance", trajectory.public_id),
        {"to_step": 2, "expected_version": stale},
    )
    assert response.status_code == 409
    assert response.json()["detail"] == refused.messages[0]
    assert response.json()["type"] == "https://kindveilig.nl/problemen/conflict"
    assert state(trajectory) == before


def test_a_shape_error_is_a_400_with_the_field_and_changes_nothing(
    client: Client, login: Login, professional: Persona
) -> None:
    trajectory = scenarios.start(professional.actor)
    before = state(trajectory)
    login(client, professional)
    response = post(
        client,
        url("observation-add", trajectory.public_id),
        {"observed_on": "gisteren", "source": "own", "facts": "Iets"},
    )
    assert response.status_code == 400
    assert fields_of(response.json()) == {"observed_on"}
    assert state(trajectory) == before
