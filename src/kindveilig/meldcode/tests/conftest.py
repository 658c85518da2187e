import pytest
from conftest import Persona

from kindveilig.access.actor import Actor


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
