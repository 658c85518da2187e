from collections.abc import Callable

from django.core.cache import cache
from django.test import Client

import pytest
from conftest import Persona

from kindveilig.access.actor import Actor
from kindveilig.access.roles import Role
from kindveilig.organisations.models import Organisation
from kindveilig.youth.messages.models import (
    AnswerTemplate,
    DangerPattern,
    PublicChannel,
)
from kindveilig.youth.messages.seed_data import (
    seed_answer_templates,
    seed_danger_patterns,
)


@pytest.fixture(autouse=True)
def _fresh_cache() -> None:
    """Rate-limit counters and e-mail throttles live in the cache."""
    cache.clear()


@pytest.fixture
def seeded(db: None) -> None:
    """The shared danger words and templates (again, after a flush)."""
    seed_danger_patterns(DangerPattern)
    seed_answer_templates(AnswerTemplate)


@pytest.fixture
def channel(seeded: None, organisation: Organisation) -> PublicChannel:
    return PublicChannel.objects.create(
        organisation=organisation,
        public_code="PROEF",
        display_name="Basisschool De Proef (test)",
    )


@pytest.fixture
def other_channel(seeded: None, other_organisation: Organisation) -> PublicChannel:
    return PublicChannel.objects.create(
        organisation=other_organisation,
        public_code="ELDERS",
        display_name="Basisschool Elders (test)",
    )


@pytest.fixture
def af(aandachtsfunctionaris: Persona) -> Actor:
    return aandachtsfunctionaris.actor


@pytest.fixture
def other_af(
    make_persona: Callable[..., Persona], other_organisation: Organisation
) -> Persona:
    return make_persona(Role.AANDACHTSFUNCTIONARIS, other_organisation)


@pytest.fixture
def child_client() -> Client:
    """A phone without cookies, and without a CSRF token, as a child's."""
    return Client(enforce_csrf_checks=True)
