"""Actors for the household tests: the personas of the root conftest, plus a
school trajectory shared with the lokaal team (the usual start of a household)."""

from collections.abc import Callable

import pytest
from conftest import Persona

from kindveilig.access.actor import Actor
from kindveilig.access.roles import Role
from kindveilig.households.models import Household
from kindveilig.households.services import household_create_from_trajectory
from kindveilig.meldcode import scenarios
from kindveilig.meldcode.models import LegalBasis, Trajectory
from kindveilig.meldcode.services import share_create
from kindveilig.organisations.models import Organisation, OrganisationType
from kindveilig.organisations.tests.factories import OrganisationFactory

CHILD_BSN = "111222333"


@pytest.fixture
def prof(professional: Persona) -> Actor:
    return professional.actor


@pytest.fixture
def af(aandachtsfunctionaris: Persona) -> Actor:
    return aandachtsfunctionaris.actor


@pytest.fixture
def lt(lokaal_team_medewerker: Persona) -> Actor:
    return lokaal_team_medewerker.actor


@pytest.fixture
def other_prof(outsider: Persona) -> Actor:
    return outsider.actor


@pytest.fixture
def jeugdbescherming(db: None) -> Organisation:
    return OrganisationFactory.create(
        name="Jeugdbescherming (test)", type=OrganisationType.JEUGDBESCHERMING
    )


@pytest.fixture
def jb_worker(
    make_persona: Callable[..., Persona], jeugdbescherming: Organisation
) -> Actor:
    return make_persona(Role.PROFESSIONAL, jeugdbescherming).actor


@pytest.fixture
def lt_colleague(
    make_persona: Callable[..., Persona], lokaal_team_medewerker: Persona
) -> Actor:
    return make_persona(
        Role.LOKAAL_TEAM_MEDEWERKER, lokaal_team_medewerker.organisation
    ).actor


def share_with(prof: Actor, trajectory: Trajectory, receiver: Actor) -> None:
    share_create(
        actor=prof,
        trajectory=trajectory,
        to_organisation=receiver.organisation,
        legal_basis=LegalBasis.CONSENT_PARENTS,
        consent_given_by="Moeder (met gezag)",
        consent_given_on=trajectory.created_at.date(),
    )


@pytest.fixture
def shared_trajectory(prof: Actor, lt: Actor) -> Trajectory:
    trajectory = scenarios.at_step_2(prof, bsn=CHILD_BSN)
    share_with(prof, trajectory, lt)
    return trajectory


@pytest.fixture
def household(lt: Actor, shared_trajectory: Trajectory) -> Household:
    return household_create_from_trajectory(actor=lt, trajectory=shared_trajectory)
