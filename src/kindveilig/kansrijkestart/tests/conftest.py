from collections.abc import Callable

import pytest
from conftest import Persona

from kindveilig.access.roles import Role
from kindveilig.kansrijkestart import scenarios
from kindveilig.kansrijkestart.models import ConsentStatus, StartSignal
from kindveilig.organisations.models import Organisation, OrganisationType
from kindveilig.organisations.tests.factories import OrganisationFactory


@pytest.fixture
def midwives(db: None) -> Organisation:
    return OrganisationFactory.create(
        name="Verloskundigenpraktijk De Wieg (test)",
        type=OrganisationType.VERLOSKUNDIGENPRAKTIJK,
    )


@pytest.fixture
def jgz(db: None) -> Organisation:
    return OrganisationFactory.create(
        name="JGZ Zuid-Holland West (test)", type=OrganisationType.JGZ
    )


@pytest.fixture
def other_jgz(db: None) -> Organisation:
    return OrganisationFactory.create(
        name="CJG Den Haag (test)", type=OrganisationType.CJG
    )


@pytest.fixture
def midwife(make_persona: Callable[..., Persona], midwives: Organisation) -> Persona:
    return make_persona(Role.PROFESSIONAL, midwives)


@pytest.fixture
def nurse(make_persona: Callable[..., Persona], jgz: Organisation) -> Persona:
    return make_persona(Role.PROFESSIONAL, jgz)


@pytest.fixture
def colleague_nurse(make_persona: Callable[..., Persona], jgz: Organisation) -> Persona:
    return make_persona(Role.PROFESSIONAL, jgz)


@pytest.fixture
def other_nurse(
    make_persona: Callable[..., Persona], other_jgz: Organisation
) -> Persona:
    return make_persona(Role.PROFESSIONAL, other_jgz)


@pytest.fixture
def signal(midwife: Persona, jgz: Organisation) -> StartSignal:
    return scenarios.pregnancy_signal(midwife.actor, jgz)


@pytest.fixture
def refused_signal(midwife: Persona, jgz: Organisation) -> StartSignal:
    return scenarios.pregnancy_signal(
        midwife.actor, jgz, consent=ConsentStatus.REFUSED, family_name="Bakker"
    )
