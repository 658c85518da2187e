from collections.abc import Callable

import pytest
from conftest import Persona

from kindveilig.access.actor import Actor
from kindveilig.access.roles import Role
from kindveilig.organisations.models import Organisation, OrganisationType
from kindveilig.organisations.tests.factories import OrganisationFactory


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
def jgz(db: None) -> Organisation:
    return OrganisationFactory.create(name="JGZ (test)", type=OrganisationType.JGZ)


@pytest.fixture
def jgz_nurse(make_persona: Callable[..., Persona], jgz: Organisation) -> Persona:
    return make_persona(Role.PROFESSIONAL, jgz)
