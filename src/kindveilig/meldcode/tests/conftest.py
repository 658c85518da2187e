import pytest
from conftest import Persona

from kindveilig.access.actor import Actor


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
