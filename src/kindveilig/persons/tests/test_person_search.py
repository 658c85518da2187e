from collections.abc import Callable

from django.test import Client
from django.urls import reverse

import pytest
from conftest import Persona

from kindveilig.audit.models import AuditAction, AuditEvent
from kindveilig.persons.tests.factories import PersonFactory

Login = Callable[[Client, Persona], Client]
pytestmark = [pytest.mark.django_db]


def search(client: Client, q: str) -> str:
    response = client.post(reverse("persons:person-list"), {"q": q})
    assert response.status_code == 200
    return response.content.decode()


def test_search_by_part_of_the_name_within_the_own_organisation(
    client: Client, login: Login, professional: Persona, other_organisation: object
) -> None:
    PersonFactory.create(
        registered_by=professional.organisation,
        given_name="Noor",
        family_name="Zoekvelt",
    )
    PersonFactory.create(
        registered_by=professional.organisation, given_name="Daan", family_name="Anders"
    )
    PersonFactory.create(
        registered_by=other_organisation,
        given_name="Noor",
        family_name="Zoekvelt-Elders",
    )
    login(client, professional)
    content = search(client, "noor zoek")
    assert "Noor Zoekvelt" in content
    assert "Daan Anders" not in content
    assert "Zoekvelt-Elders" not in content
    events = AuditEvent.objects.filter(action=AuditAction.READ, reason="search")
    assert events.count() == 1


def test_search_by_bsn_uses_the_blind_index(
    client: Client, login: Login, professional: Persona
) -> None:
    PersonFactory.create(
        registered_by=professional.organisation,
        bsn="111222333",
        given_name="Sara",
        family_name="Bsnvinder",
    )
    login(client, professional)
    assert "Sara Bsnvinder" in search(client, "1112 22 333")
    assert "Sara Bsnvinder" not in search(client, "123456789")  # fails the elfproef


def test_search_needs_two_characters_and_keeps_the_input(
    client: Client, login: Login, professional: Persona
) -> None:
    login(client, professional)
    content = search(client, "a")
    assert "Typ minstens twee tekens." in content
    assert 'value="a"' in content


def test_the_search_never_enters_the_url(
    client: Client, login: Login, professional: Persona
) -> None:
    login(client, professional)
    response = client.get(reverse("persons:person-list"), {"q": "Noor"})
    assert "Zoekresultaten" not in response.content.decode()
    assert 'method="post"' in response.content.decode()


def test_search_query_count_does_not_grow_with_results(
    client: Client,
    login: Login,
    professional: Persona,
    django_assert_max_num_queries: Callable[..., object],
) -> None:
    login(client, professional)
    search(client, "Niemand")  # the first request after logging in renews the session
    PersonFactory.create_batch(
        2, registered_by=professional.organisation, family_name="Telling"
    )
    with django_assert_max_num_queries(16) as few:  # type: ignore[operator]
        search(client, "Telling")
    PersonFactory.create_batch(
        30, registered_by=professional.organisation, family_name="Telling"
    )
    with django_assert_max_num_queries(len(few.captured_queries)):  # type: ignore[operator,union-attr]
        search(client, "Telling")


def test_name_search_takes_the_first_matches_of_the_index_and_every_word(
    professional: Persona, other_organisation: object
) -> None:
    """More matches than a page: the first 50 by registration, each matching every
    word; a person matching one word only, or of another organisation, never."""
    from kindveilig.persons.models import Person
    from kindveilig.persons.selectors import SEARCH_LIMIT, name_search_ids

    organisation = professional.organisation
    # Registered first: in the first 50 if one word were enough.
    PersonFactory.create(
        registered_by=organisation, given_name="Noor", family_name="Anders"
    )
    daan = PersonFactory.create(
        registered_by=organisation, given_name="Daan", family_name="Veeltal"
    ).pk
    PersonFactory.create(
        registered_by=other_organisation, given_name="Noor", family_name="Veeltal"
    )
    both = [
        PersonFactory.create(
            registered_by=organisation, given_name="Noor", family_name="Veeltal"
        ).pk
        for _ in range(SEARCH_LIMIT + 3)
    ]
    visible = Person.objects.filter(registered_by=organisation)

    def found(query: str) -> list[int]:
        return list(name_search_ids(visible, query, organisation_id=organisation.pk))

    assert found("noor veel") == sorted(both)[:SEARCH_LIMIT]
    assert found("veeltal") == sorted([daan, *both])[:SEARCH_LIMIT]
