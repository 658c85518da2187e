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
def analist(gemeente_analist: Persona) -> Actor:
    return gemeente_analist.actor
