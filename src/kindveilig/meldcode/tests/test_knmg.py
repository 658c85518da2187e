"""The KNMG meldcode: a physician consults Veilig Thuis and a colleague in step 2."""

from collections.abc import Callable

from django.core.exceptions import ValidationError
from django.utils import timezone

import pytest
from conftest import Persona

from kindveilig.access.actor import Actor
from kindveilig.access.roles import Role
from kindveilig.meldcode import scenarios
from kindveilig.meldcode.models import Trajectory
from kindveilig.meldcode.models.choices import ConsultedParty, Step
from kindveilig.meldcode.services import consultation_add, step_advance
from kindveilig.meldcode.services.entries import ConsultationInput
from kindveilig.meldcode.services.trajectories import step_gate
from kindveilig.organisations.models import OrganisationType
from kindveilig.organisations.tests.factories import OrganisationFactory

pytestmark = [pytest.mark.django_db]


def _physician(make_persona: Callable[..., Persona], org_type: str) -> Actor:
    practice = OrganisationFactory.create(name="Praktijk (test)", type=org_type)
    return make_persona(Role.PROFESSIONAL, practice).actor


def _consult(actor: Actor, trajectory: Trajectory, party: ConsultedParty) -> None:
    consultation_add(
        actor=actor,
        trajectory=trajectory,
        data=ConsultationInput(
            party=party,
            consulted_name="Overlegpartner (test)",
            consulted_on=timezone.localdate(),
            question="Wat weegt hier zwaar?",
            advice="Ga in gesprek met de ouders.",
        ),
    )


def _advance(actor: Actor, trajectory: Trajectory) -> Trajectory:
    trajectory.refresh_from_db()
    return step_advance(
        actor=actor,
        trajectory=trajectory,
        to_step=Step.GESPREK,
        expected_version=trajectory.version,
    )


@pytest.mark.parametrize(
    "org_type", [OrganisationType.HUISARTS, OrganisationType.ZIEKENHUIS]
)
def test_a_physician_cannot_leave_step_2_with_only_a_colleague(
    make_persona: Callable[..., Persona], org_type: str
) -> None:
    doctor = _physician(make_persona, org_type)
    trajectory = scenarios.at_step_2(doctor)
    _consult(doctor, trajectory, ConsultedParty.COLLEAGUE)
    with pytest.raises(ValidationError, match="Veilig Thuis"):
        _advance(doctor, trajectory)
    _consult(doctor, trajectory, ConsultedParty.VEILIG_THUIS)
    assert _advance(doctor, trajectory).step == Step.GESPREK


def test_a_physician_cannot_leave_step_2_with_only_veilig_thuis(
    make_persona: Callable[..., Persona],
) -> None:
    doctor = _physician(make_persona, OrganisationType.HUISARTS)
    trajectory = scenarios.at_step_2(doctor)
    _consult(doctor, trajectory, ConsultedParty.VEILIG_THUIS)
    assert any("collega" in line for line in step_gate(trajectory, Step.GESPREK))
    with pytest.raises(ValidationError):
        _advance(doctor, trajectory)
    _consult(doctor, trajectory, ConsultedParty.AANDACHTSFUNCTIONARIS)
    assert step_gate(trajectory, Step.GESPREK) == []


@pytest.mark.parametrize(
    "org_type", [OrganisationType.GGZ, OrganisationType.PRIMARY_SCHOOL]
)
def test_others_leave_step_2_after_one_consultation(
    make_persona: Callable[..., Persona], org_type: str
) -> None:
    actor = _physician(make_persona, org_type)
    trajectory = scenarios.at_step_2(actor)
    _consult(actor, trajectory, ConsultedParty.COLLEAGUE)
    assert _advance(actor, trajectory).step == Step.GESPREK
