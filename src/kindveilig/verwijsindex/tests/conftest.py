from collections.abc import Callable

import pytest
from conftest import Persona

from kindveilig.access.actor import Actor
from kindveilig.access.roles import Role
from kindveilig.organisations.models import Organisation, OrganisationType
from kindveilig.organisations.tests.factories import OrganisationFactory


def actor_of(persona: Persona) -> Actor:
    return Actor(user=persona.user, membership=persona.membership)


@pytest.fixture
def prof(professional: Persona) -> Actor:
    return actor_of(professional)


@pytest.fixture
def af(aandachtsfunctionaris: Persona) -> Actor:
    return actor_of(aandachtsfunctionaris)


@pytest.fixture
def lt(lokaal_team_medewerker: Persona) -> Actor:
    return actor_of(lokaal_team_medewerker)


@pytest.fixture
def other_prof(outsider: Persona) -> Actor:
    return actor_of(outsider)


@pytest.fixture
def jgz(db: None) -> Organisation:
    return OrganisationFactory.create(name="JGZ (test)", type=OrganisationType.JGZ)


@pytest.fixture
def jgz_nurse(make_persona: Callable[..., Persona], jgz: Organisation) -> Persona:
    return make_persona(Role.PROFESSIONAL, jgz)
