"""Interventions offered to the family, with their start and outcome."""

import datetime as dt

from django.core.exceptions import ValidationError
from django.utils import timezone

import pytest

from kindveilig.kansrijkestart import coalition_services as services
from kindveilig.kansrijkestart.models import (
    InterventionKind,
    InterventionOutcome,
)

from .coalition_world import World, build_world, make_signal

pytestmark = pytest.mark.django_db


@pytest.fixture
def world() -> World:
    return build_world()


def test_an_intervention_is_offered_started_and_ended_with_its_outcome(
    world: World,
) -> None:
    signal = make_signal(world)
    today = timezone.localdate()
    offered = today - dt.timedelta(days=30)
    intervention = services.intervention_offer(
        actor=world.nurse.actor,
        signal=signal,
        kind=InterventionKind.VOORZORG,
        offered_on=offered,
    )
    with pytest.raises(ValidationError) as early:
        services.intervention_start(
            actor=world.nurse.actor,
            intervention=intervention,
            started_on=offered - dt.timedelta(days=1),
        )
    assert "started_on" in early.value.message_dict
    services.intervention_start(
        actor=world.nurse.actor,
        intervention=intervention,
        started_on=offered + dt.timedelta(days=7),
    )
    with pytest.raises(ValidationError) as wrong:
        services.intervention_end(
            actor=world.nurse.actor,
            intervention=intervention,
            ended_on=today,
            outcome=InterventionOutcome.DECLINED,
        )
    assert "outcome" in wrong.value.message_dict
    services.intervention_end(
        actor=world.nurse.actor,
        intervention=intervention,
        ended_on=today,
        outcome=InterventionOutcome.COMPLETED,
    )
    intervention.refresh_from_db()
    assert intervention.started_on == offered + dt.timedelta(days=7)
    assert intervention.outcome == InterventionOutcome.COMPLETED


def test_an_offer_the_family_declined_ends_without_a_start(world: World) -> None:
    signal = make_signal(world)
    intervention = services.intervention_offer(
        actor=world.nurse.actor,
        signal=signal,
        kind=InterventionKind.PARENTING_SUPPORT,
        offered_on=timezone.localdate(),
    )
    with pytest.raises(ValidationError):
        services.intervention_end(
            actor=world.nurse.actor,
            intervention=intervention,
            ended_on=timezone.localdate(),
            outcome=InterventionOutcome.COMPLETED,
        )
    services.intervention_end(
        actor=world.nurse.actor,
        intervention=intervention,
        ended_on=timezone.localdate(),
        outcome=InterventionOutcome.DECLINED,
    )
    assert intervention.started_on is None


def test_only_the_jgz_that_follows_up_records_interventions(world: World) -> None:
    signal = make_signal(world)
    with pytest.raises(ValidationError) as refused:
        services.intervention_offer(
            actor=world.midwife.actor,
            signal=signal,
            kind=InterventionKind.VOORZORG,
            offered_on=timezone.localdate(),
        )
    assert refused.value.code == "forbidden"
