"""Who may see a person's data, and that every look is in the audit log."""

from collections.abc import Callable

from django.test import Client
from django.urls import reverse
from django.utils.html import escape
from django.utils.translation import gettext

import pytest
from conftest import Persona

from kindveilig.audit.models import AuditAction, AuditEvent
from kindveilig.audit.services import audit_record
from kindveilig.persons.models import Person
from kindveilig.persons.tests.factories import PersonFactory

Login = Callable[[Client, Persona], Client]
pytestmark = [pytest.mark.django_db]


@pytest.fixture
def child(organisation: object) -> Person:
    return PersonFactory.create(
        registered_by=organisation, given_name="Testkind", family_name="Proefmans"
    )


def detail_url(person: Person) -> str:
    return reverse("persons:person-detail", args=[person.public_id])


@pytest.mark.parametrize("persona", ["professional", "aandachtsfunctionaris"])
def test_case_workers_of_the_organisation_see_the_person(
    persona: str,
    request: pytest.FixtureRequest,
    client: Client,
    login: Login,
    child: Person,
) -> None:
    actor: Persona = request.getfixturevalue(persona)
    login(client, actor)
    response = client.get(detail_url(child))
    assert response.status_code == 200
    assert "Testkind Proefmans" in response.content.decode()
    event = AuditEvent.objects.get(person_id=child.public_id, action=AuditAction.READ)
    assert event.actor_user_id == actor.user.pk
    assert event.actor_organisation_id == actor.organisation.pk
    assert event.actor_role == actor.membership.role
    assert event.request_id


def test_outsider_gets_404_and_nothing_is_logged_as_read(
    client: Client, login: Login, outsider: Persona, child: Person
) -> None:
    login(client, outsider)
    assert client.get(detail_url(child)).status_code == 404
    assert not AuditEvent.objects.filter(person_id=child.public_id).exists()


@pytest.mark.parametrize("persona", ["gemeente_analist", "functioneel_beheerder"])
def test_roles_without_case_access_cannot_open_the_person(
    persona: str,
    request: pytest.FixtureRequest,
    client: Client,
    login: Login,
    child: Person,
) -> None:
    login(client, request.getfixturevalue(persona))
    assert client.get(detail_url(child)).status_code == 403


def test_lokaal_team_of_another_organisation_does_not_see_the_person(
    client: Client, login: Login, lokaal_team_medewerker: Persona, child: Person
) -> None:
    login(client, lokaal_team_medewerker)
    assert client.get(detail_url(child)).status_code == 404


def test_bsn_is_masked_on_the_page(
    client: Client, login: Login, professional: Persona, child: Person
) -> None:
    login(client, professional)
    content = client.get(detail_url(child)).content.decode()
    assert child.bsn not in content
    assert child.bsn[5:] in content


def test_gemeente_analist_never_sees_the_person_list(
    client: Client, login: Login, gemeente_analist: Persona, child: Person
) -> None:
    login(client, gemeente_analist)
    assert client.get(reverse("persons:person-list")).status_code == 403


def test_person_list_shows_only_own_organisation_and_audits_each_row(
    client: Client, login: Login, professional: Persona, other_organisation: object
) -> None:
    mine = PersonFactory.create_batch(3, registered_by=professional.organisation)
    theirs = PersonFactory.create(
        registered_by=other_organisation, family_name="Elderszoon"
    )
    login(client, professional)
    content = client.get(reverse("persons:person-list")).content.decode()
    for person in mine:
        assert escape(person.family_name) in content
    assert "Elderszoon" not in content
    logged = set(
        AuditEvent.objects.filter(action=AuditAction.READ).values_list(
            "person_id", flat=True
        )
    )
    assert logged == {person.public_id for person in mine}
    assert theirs.public_id not in logged


def test_person_list_query_count_does_not_grow_with_rows(
    client: Client,
    login: Login,
    professional: Persona,
    django_assert_max_num_queries: Callable[..., object],
) -> None:
    login(client, professional)
    PersonFactory.create_batch(2, registered_by=professional.organisation)
    client.get(reverse("persons:person-list"))  # warm the session
    with django_assert_max_num_queries(16) as small:  # type: ignore[operator]
        client.get(reverse("persons:person-list"))
    PersonFactory.create_batch(40, registered_by=professional.organisation)
    with django_assert_max_num_queries(len(small.captured_queries)):  # type: ignore[operator,union-attr]
        response = client.get(reverse("persons:person-list"))
    assert response.status_code == 200
    assert AuditEvent.objects.filter(action=AuditAction.READ).count() == 2 + 2 + 42


def test_access_log_shows_who_looked(
    client: Client,
    login: Login,
    professional: Persona,
    aandachtsfunctionaris: Persona,
    child: Person,
    django_assert_max_num_queries: Callable[..., object],
) -> None:
    login(client, professional)
    client.get(detail_url(child))
    client.logout()
    login(client, aandachtsfunctionaris)
    url = reverse("persons:person-access-log", args=[child.public_id])
    response = client.get(url)
    assert response.status_code == 200
    content = response.content.decode()
    assert professional.user.full_name in content
    # Reading the access log is itself recorded.
    assert AuditEvent.objects.filter(
        person_id=child.public_id,
        object_type="audit.accesslog",
        actor_user=aandachtsfunctionaris.user,
    ).exists()
    for _ in range(20):
        client.get(detail_url(child))
    with django_assert_max_num_queries(20):  # type: ignore[operator]
        client.get(url)


def test_professional_cannot_open_the_access_log(
    client: Client, login: Login, professional: Persona, child: Person
) -> None:
    login(client, professional)
    response = client.get(reverse("persons:person-access-log", args=[child.public_id]))
    assert response.status_code == 403


def test_functioneel_beheerder_opens_the_access_log_of_own_organisation_only(
    client: Client,
    login: Login,
    functioneel_beheerder: Persona,
    child: Person,
    other_organisation: object,
) -> None:
    login(client, functioneel_beheerder)
    assert (
        client.get(
            reverse("persons:person-access-log", args=[child.public_id])
        ).status_code
        == 200
    )
    stranger = PersonFactory.create(registered_by=other_organisation)
    assert (
        client.get(
            reverse("persons:person-access-log", args=[stranger.public_id])
        ).status_code
        == 404
    )


def test_outsiders_attempt_is_audited_as_denied_without_the_persons_data(
    client: Client, login: Login, outsider: Persona, child: Person
) -> None:
    login(client, outsider)
    response = client.get(detail_url(child))
    assert response.status_code == 404
    assert "Proefmans" not in response.content.decode()
    event = AuditEvent.objects.get()
    assert event.action == AuditAction.DENIED
    assert (event.object_type, event.object_id) == (
        "persons.person",
        str(child.public_id),
    )
    assert (event.actor_user_id, event.actor_organisation_id) == (
        outsider.user.pk,
        outsider.organisation.pk,
    )


def test_the_access_log_rows_are_escaped_and_complete(
    client: Client,
    login: Login,
    aandachtsfunctionaris: Persona,
    child: Person,
) -> None:
    """The rows are written by the view (not a template loop): what a user typed
    (a break-the-glass reason) is escaped, and a record without a user or
    organisation says so."""
    audit_record(
        actor=None,
        action=AuditAction.READ,
        object_type="test.thing",
        person_id=child.public_id,
        reason='<script>alert("x")</script> & meer',
    )
    login(client, aandachtsfunctionaris)
    url = reverse("persons:person-access-log", args=[child.public_id])
    content = client.get(url).content.decode()
    assert "<script>alert" not in content
    assert escape('<script>alert("x")</script> & meer') in content
    assert (
        f'<td class="utrecht-table__cell">{escape(gettext("the system"))}</td>'
        '<td class="utrecht-table__cell">–</td>'
    ) in content
