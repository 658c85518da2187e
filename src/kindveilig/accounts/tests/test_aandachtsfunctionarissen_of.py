"""Who counts as an organisation's aandachtsfunctionaris: one selector for every
alert, reminder and default choice."""

from collections.abc import Callable

import pytest
from conftest import Persona

from kindveilig.access.roles import Role
from kindveilig.accounts.selectors import (
    aandachtsfunctionarissen_of,
    aandachtsfunctionarissen_of_organisations,
)
from kindveilig.organisations.models import Organisation

pytestmark = [pytest.mark.django_db]


def test_only_the_active_aandachtsfunctionarissen_of_the_organisation_count(
    aandachtsfunctionaris: Persona,
    professional: Persona,
    functioneel_beheerder: Persona,
    outsider: Persona,
    make_persona: Callable[..., Persona],
    organisation: Organisation,
    other_organisation: Organisation,
    retire: Callable[[Persona], Persona],
) -> None:
    retire(make_persona(Role.AANDACHTSFUNCTIONARIS, organisation))
    second = make_persona(Role.AANDACHTSFUNCTIONARIS, organisation)
    make_persona(Role.AANDACHTSFUNCTIONARIS, other_organisation)

    found = aandachtsfunctionarissen_of(organisation_id=organisation.pk)

    assert list(found) == [aandachtsfunctionaris.membership, second.membership]


def test_a_closed_organisation_has_no_aandachtsfunctionarissen(
    aandachtsfunctionaris: Persona, organisation: Organisation
) -> None:
    Organisation.objects.filter(pk=organisation.pk).update(is_active=False)
    assert not aandachtsfunctionarissen_of(organisation_id=organisation.pk).exists()


def test_several_organisations_at_once(
    make_persona: Callable[..., Persona],
    organisation: Organisation,
    other_organisation: Organisation,
) -> None:
    here = make_persona(Role.AANDACHTSFUNCTIONARIS, organisation)
    there = make_persona(Role.AANDACHTSFUNCTIONARIS, other_organisation)
    found = aandachtsfunctionarissen_of_organisations(
        organisation_ids={organisation.pk, other_organisation.pk}
    ).values_list("user__email", "organisation_id")
    assert list(found) == [
        (here.user.email, organisation.pk),
        (there.user.email, other_organisation.pk),
    ]
