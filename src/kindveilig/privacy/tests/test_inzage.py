import datetime as dt
import json
from collections.abc import Callable

from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse

import pytest
from conftest import Persona

from kindveilig.audit.models import AuditAction, AuditEvent
from kindveilig.audit.services import audit_record
from kindveilig.households.models import Household, HouseholdMember, MemberRole
from kindveilig.households.services.emergency import BREAK_GLASS_PREFIX
from kindveilig.meldcode import scenarios
from kindveilig.persons.models import Person, PersonCorrection
from kindveilig.persons.services import person_correct
from kindveilig.persons.tests.factories import PersonFactory
from kindveilig.privacy.inzage import inzage_export_for

pytestmark = pytest.mark.django_db

REASON = "Verzoek om inzage van de ouder, 3 maart."


@pytest.fixture
def family(professional: Persona) -> dict[str, Person]:
    """A child in a trajectory, with a parent and a sibling in one household."""
    trajectory = scenarios.start(
        professional.actor, given_name="Sam", family_name="Voorbeeldmans"
    )
    child = trajectory.children.get().person
    parent = trajectory.involved.get().person
    sibling = PersonFactory.create(
        given_name="Zusjenaam",
        family_name="Anderenaam",
        date_of_birth=dt.date(2019, 11, 23),
        registered_by=professional.organisation,
    )
    household = Household.objects.create(
        label="Gezin Voorbeeldmans",
        municipality=professional.organisation.municipality,
        registered_by=professional.organisation,
    )
    for person, role in [
        (child, MemberRole.CHILD),
        (parent, MemberRole.PARENT),
        (sibling, MemberRole.CHILD),
    ]:
        HouseholdMember.objects.create(household=household, person=person, role=role)
    return {"child": child, "parent": parent, "sibling": sibling}


def test_the_export_of_one_member_holds_nothing_about_another(
    family: dict[str, Person], functioneel_beheerder: Persona
) -> None:
    export = inzage_export_for(
        actor=functioneel_beheerder.actor,
        public_id=family["child"].public_id,
        reason=REASON,
    )
    text = json.dumps(export, ensure_ascii=False)
    assert "Sam" in text
    assert export["trajectories"][0]["role"]
    assert len(export["households"]) == 1
    for other in (family["parent"], family["sibling"]):
        assert other.given_name not in text
        assert str(other.public_id) not in text
        if other.date_of_birth:
            assert other.date_of_birth.isoformat() not in text
    assert "Anderenaam" not in text
    assert "Gezin Voorbeeldmans" not in text


def test_the_export_shows_who_looked_and_marks_break_the_glass(
    family: dict[str, Person], functioneel_beheerder: Persona, professional: Persona
) -> None:
    audit_record(
        actor=professional.actor,
        action=AuditAction.READ,
        object_type="households.household",
        person_id=family["child"].public_id,
        reason=f"{BREAK_GLASS_PREFIX}: acuut, kind niet opgehaald",
    )
    export = inzage_export_for(
        actor=functioneel_beheerder.actor,
        public_id=family["child"].public_id,
        reason=REASON,
    )
    looks = export["access_log"]
    assert any(row["break_the_glass"] for row in looks)
    assert any(row["who"] == professional.user.full_name for row in looks)
    assert "acuut" not in json.dumps(export)
    exported = AuditEvent.objects.get(action=AuditAction.EXPORT)
    assert exported.person_id == family["child"].public_id
    assert REASON in exported.reason


def test_an_export_needs_a_reason(
    family: dict[str, Person], functioneel_beheerder: Persona
) -> None:
    with pytest.raises(ValidationError):
        inzage_export_for(
            actor=functioneel_beheerder.actor,
            public_id=family["child"].public_id,
            reason="",
        )


def test_a_correction_keeps_the_history_and_shows_in_the_export(
    family: dict[str, Person], functioneel_beheerder: Persona
) -> None:
    child = family["child"]
    old_birth = child.date_of_birth
    person_correct(
        actor=functioneel_beheerder.actor,
        person=child,
        given_name="Samira",
        date_of_birth=dt.date(2016, 4, 14),
        reason="Naam en geboortedatum verkeerd overgenomen.",
    )
    child.refresh_from_db()
    assert child.given_name == "Samira"
    corrections = {c.field: c for c in PersonCorrection.objects.filter(person=child)}
    assert corrections["given_name"].old_value == "Sam"
    assert corrections["given_name"].new_value == "Samira"
    assert corrections["date_of_birth"].old_value == str(old_birth)
    assert (
        AuditEvent.objects.filter(
            action=AuditAction.UPDATE, person_id=child.public_id
        ).count()
        == 2
    )
    export = inzage_export_for(
        actor=functioneel_beheerder.actor, public_id=child.public_id, reason=REASON
    )
    assert {row["new_value"] for row in export["corrections"]} == {
        "Samira",
        "2016-04-14",
    }


def test_a_correction_needs_a_reason_and_a_change(
    family: dict[str, Person], functioneel_beheerder: Persona
) -> None:
    with pytest.raises(ValidationError) as refused:
        person_correct(
            actor=functioneel_beheerder.actor,
            person=family["child"],
            given_name="Sam",
            reason="",
        )
    assert set(refused.value.message_dict) == {"reason", "__all__"}
    assert not PersonCorrection.objects.exists()


def test_another_organisation_cannot_correct(
    family: dict[str, Person], outsider: Persona
) -> None:
    with pytest.raises(ValidationError):
        person_correct(
            actor=outsider.actor,
            person=family["child"],
            given_name="Iemand",
            reason="Poging van buiten de organisatie.",
        )


def _url(person: Person) -> str:
    return reverse("privacy:inzage-export", kwargs={"public_id": person.public_id})


def test_the_functioneel_beheerder_downloads_json_and_pdf(
    client: Client,
    login: Callable[[Client, Persona], Client],
    family: dict[str, Person],
    functioneel_beheerder: Persona,
) -> None:
    login(client, functioneel_beheerder)
    url = _url(family["child"])
    assert client.get(url).status_code == 200
    response = client.post(url, {"reason": REASON, "format": "json"})
    assert response.status_code == 200
    assert json.loads(response.content)["person"]["given_name"] == "Sam"
    response = client.post(url, {"reason": REASON, "format": "pdf"})
    assert response.status_code == 200
    assert response.content.startswith(b"%PDF")
    assert AuditEvent.objects.filter(action=AuditAction.EXPORT).count() == 2


def test_a_functioneel_beheerder_of_another_organisation_gets_404(
    client: Client,
    login: Callable[[Client, Persona], Client],
    family: dict[str, Person],
    make_persona: Callable[..., Persona],
    other_organisation: object,
) -> None:
    from kindveilig.access.roles import Role

    login(client, make_persona(Role.FUNCTIONEEL_BEHEERDER, other_organisation))
    url = _url(family["child"])
    assert client.get(url).status_code == 404
    assert client.post(url, {"reason": REASON, "format": "json"}).status_code == 404
    assert not AuditEvent.objects.filter(action=AuditAction.EXPORT).exists()


def test_a_professional_gets_403(
    client: Client,
    login: Callable[[Client, Persona], Client],
    family: dict[str, Person],
    professional: Persona,
) -> None:
    login(client, professional)
    response = client.post(_url(family["child"]), {"reason": REASON, "format": "json"})
    assert response.status_code == 403
