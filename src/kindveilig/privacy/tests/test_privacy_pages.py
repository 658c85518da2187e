"""The functioneel beheerder's pages for the rights of a person: rectificatie
and legal holds (the inzage export has its own tests)."""

import datetime as dt
from collections.abc import Callable

from django.test import Client
from django.urls import reverse

import pytest
from conftest import Persona

from kindveilig.access.roles import Role
from kindveilig.audit.models import AuditAction, AuditEvent
from kindveilig.meldcode import scenarios
from kindveilig.organisations.models import Organisation
from kindveilig.persons.models import Person, PersonCorrection
from kindveilig.persons.selectors import person_search_for
from kindveilig.privacy.models import LegalHold

pytestmark = pytest.mark.django_db

Login = Callable[[Client, Persona], Client]


@pytest.fixture
def child(professional: Persona) -> Person:
    trajectory = scenarios.start(
        professional.actor, given_name="Sam", family_name="Verkeerdgespeld"
    )
    return trajectory.children.get().person


def _correct_url(person: Person) -> str:
    return reverse("privacy:person-correct", args=[person.public_id])


def test_a_correction_through_the_page_keeps_the_old_name_and_finds_the_new(
    client: Client, login: Login, functioneel_beheerder: Persona, child: Person
) -> None:
    login(client, functioneel_beheerder)
    page = client.get(_correct_url(child))
    assert page.status_code == 200
    assert "Verkeerdgespeld" in page.content.decode()  # the stored name, prefilled
    response = client.post(
        _correct_url(child),
        {
            "given_name": "Sam",
            "family_name": "Goedgespeld",
            "date_of_birth": "",
            "reason": "Achternaam verkeerd overgenomen uit het dossier.",
        },
    )
    assert response.status_code == 302
    child.refresh_from_db()
    assert child.family_name == "Goedgespeld"
    correction = PersonCorrection.objects.get(person=child)
    assert (correction.old_value, correction.new_value) == (
        "Verkeerdgespeld",
        "Goedgespeld",
    )
    actor = functioneel_beheerder.actor
    assert [p.pk for p in person_search_for(actor=actor, query="goedge")] == [child.pk]
    old_name = person_search_for(actor=actor, query="Verkeerdgespeld")
    assert child.pk not in [p.pk for p in old_name]  # the parent keeps that name
    assert AuditEvent.objects.filter(
        action=AuditAction.UPDATE, person_id=child.public_id
    ).exists()


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("reason", "kort", "ten minste 10 tekens"),
        ("date_of_birth", "0001-01-01", "1900"),
        ("family_name", "Naam\u202emoorkeerd", "onzichtbare"),
    ],
)
def test_bad_input_is_named_next_to_its_field_and_the_typing_is_kept(
    client: Client,
    login: Login,
    functioneel_beheerder: Persona,
    child: Person,
    field: str,
    value: str,
    message: str,
) -> None:
    login(client, functioneel_beheerder)
    data = {
        "given_name": "Samuel",
        "family_name": "Verkeerdgespeld",
        "date_of_birth": "",
        "reason": "Voornaam verkeerd overgenomen uit het dossier.",
        field: value,
    }
    response = client.post(_correct_url(child), data)
    assert response.status_code == 200
    form = response.context["form"]
    assert message in " ".join(form.errors[field])
    assert 'value="Samuel"' in response.content.decode()
    child.refresh_from_db()
    assert child.given_name == "Sam"
    assert not PersonCorrection.objects.exists()


def test_a_legal_hold_is_placed_listed_and_lifted(
    client: Client, login: Login, functioneel_beheerder: Persona, child: Person
) -> None:
    login(client, functioneel_beheerder)
    place = reverse("privacy:legal-hold-place", args=[child.public_id])
    refused = client.post(place, {"reason": "kort"})
    assert refused.status_code == 200
    assert not LegalHold.objects.exists()
    response = client.post(place, {"reason": "Klacht bij de rechter, zaak 2026/17."})
    assert response.status_code == 302
    hold = LegalHold.objects.get()
    assert hold.organisation_id == functioneel_beheerder.organisation.pk
    assert hold.object_id == child.public_id
    listing = client.get(reverse("privacy:legal-hold-list")).content.decode()
    assert "Verkeerdgespeld" in listing
    assert "zaak 2026/17" in listing
    # A second hold on the same person is not placed twice.
    again = client.post(place, {"reason": "Nog een keer, zaak 2026/18."})
    assert again.status_code == 200
    assert LegalHold.objects.count() == 1
    lifted = client.post(reverse("privacy:legal-hold-lift", args=[hold.pk]))
    assert lifted.status_code == 302
    hold.refresh_from_db()
    assert hold.lifted_at is not None
    assert hold.lifted_by_id == functioneel_beheerder.user.pk


def test_another_organisations_beheerder_cannot_lift_a_hold(
    client: Client,
    login: Login,
    functioneel_beheerder: Persona,
    make_persona: Callable[..., Persona],
    other_organisation: Organisation,
    child: Person,
) -> None:
    login(client, functioneel_beheerder)
    client.post(
        reverse("privacy:legal-hold-place", args=[child.public_id]),
        {"reason": "Klacht bij de rechter, zaak 2026/17."},
    )
    hold = LegalHold.objects.get()
    stranger = make_persona(Role.FUNCTIONEEL_BEHEERDER, other_organisation)
    other = Client()
    login(other, stranger)
    assert (
        other.post(reverse("privacy:legal-hold-lift", args=[hold.pk])).status_code
        == 404
    )
    assert (
        "Verkeerdgespeld"
        not in other.get(reverse("privacy:legal-hold-list")).content.decode()
    )
    hold.refresh_from_db()
    assert hold.lifted_at is None


def test_the_access_log_page_links_the_rights_for_the_beheerder_only(
    client: Client,
    login: Login,
    functioneel_beheerder: Persona,
    aandachtsfunctionaris: Persona,
    child: Person,
) -> None:
    url = reverse("persons:person-access-log", args=[child.public_id])
    login(client, functioneel_beheerder)
    page = client.get(url).content.decode()
    for name in ("inzage-export", "person-correct", "legal-hold-place"):
        assert reverse(f"privacy:{name}", args=[child.public_id]) in page
    other = Client()
    login(other, aandachtsfunctionaris)
    assert 'data-testid="person-rights"' not in other.get(url).content.decode()


def test_a_birth_date_can_be_corrected(
    client: Client, login: Login, functioneel_beheerder: Persona, child: Person
) -> None:
    login(client, functioneel_beheerder)
    client.post(
        _correct_url(child),
        {
            "given_name": "Sam",
            "family_name": "Verkeerdgespeld",
            "date_of_birth": "2016-04-14",
            "reason": "Geboortedatum verkeerd overgenomen.",
        },
    )
    child.refresh_from_db()
    assert child.date_of_birth == dt.date(2016, 4, 14)
