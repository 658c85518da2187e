"""The readiness pages: who sees them, what they show and record, what they cost."""

import datetime as dt
from collections.abc import Callable

from django.test import Client
from django.urls import reverse
from django.utils.translation import gettext, ngettext

import pytest
from conftest import Persona

from kindveilig.access.roles import Role
from kindveilig.audit.models import AuditAction, AuditEvent
from kindveilig.meldcode.services.trajectories import framework_for
from kindveilig.organisations.models import Organisation, OrganisationType
from kindveilig.organisations.tests.factories import OrganisationFactory
from kindveilig.readiness.models import (
    Aandachtsfunctionaris,
    MeldcodeReadiness,
    Qualification,
    QualificationKind,
    StaffBriefing,
)

from .factories import (
    add_course,
    add_register,
    add_vog,
    designate,
    manager_of,
)

Login = Callable[[Client, Persona], Client]
pytestmark = [
    pytest.mark.django_db,
    pytest.mark.time_machine("2026-06-15T10:00:00+02:00", tick=False),
]
URL = "/meldcode-op-orde/"


def test_the_urls_are_named() -> None:
    assert reverse("readiness:readiness") == URL
    assert reverse("readiness:readiness-edit") == URL + "meldcode/"
    assert reverse("readiness:briefing-add") == URL + "onder-de-aandacht/nieuw/"


@pytest.mark.parametrize("role", [Role.PROFESSIONAL, Role.GEMEENTE_ANALIST])
def test_other_roles_are_refused(
    client: Client,
    login: Login,
    make_persona: Callable[..., Persona],
    organisation: Organisation,
    role: Role,
) -> None:
    login(client, make_persona(role, organisation))
    for name in ("readiness:readiness", "readiness:readiness-edit"):
        assert client.get(reverse(name)).status_code == 403


def test_another_organisation_cannot_open_a_designation(
    client: Client,
    login: Login,
    aandachtsfunctionaris: Persona,
    make_persona: Callable[..., Persona],
    other_organisation: Organisation,
) -> None:
    designation = designate(aandachtsfunctionaris.actor, since=dt.date(2026, 1, 1))
    login(client, make_persona(Role.AANDACHTSFUNCTIONARIS, other_organisation))
    for url in (
        reverse("readiness:aandachtsfunctionaris-edit", args=[designation.public_id]),
        reverse("readiness:qualification-add", args=[designation.public_id, "vog"]),
    ):
        assert client.get(url).status_code == 404


def test_the_page_shows_the_aandachtsfunctionarissen_and_audits_each_qualification(
    client: Client,
    login: Login,
    aandachtsfunctionaris: Persona,
    functioneel_beheerder: Persona,
) -> None:
    actor = aandachtsfunctionaris.actor
    designation = designate(actor, since=dt.date(2025, 1, 1), location="Locatie Zuid")
    course = add_course(actor, designation, dt.date(2024, 3, 1))
    vog = add_vog(actor, designation, dt.date(2024, 7, 1))  # until 2026-07-01
    login(client, functioneel_beheerder)
    response = client.get(URL)
    assert response.status_code == 200
    content = response.content.decode()
    assert aandachtsfunctionaris.user.full_name in content
    assert "Locatie Zuid" in content
    assert gettext("Trained") in content
    # The VOG expires in 16 days: listed under "to renew".
    assert 'id="renew-caption"' in content
    assert (
        ngettext("Expires in %(days)s day", "Expires in %(days)s days", 16)
        % {"days": 16}
        in content
    )
    reads = set(
        AuditEvent.objects.filter(action=AuditAction.READ).values_list(
            "object_type", "object_id", "person_id", "actor_user_id"
        )
    )
    assert reads == {
        (
            "registry.qualification",
            str(course.public_id),
            None,
            functioneel_beheerder.user.pk,
        ),
        (
            "registry.qualification",
            str(vog.public_id),
            None,
            functioneel_beheerder.user.pk,
        ),
    }


def test_recording_the_meldcode_keeps_the_input_and_shows_a_dutch_error(
    client: Client, login: Login, aandachtsfunctionaris: Persona
) -> None:
    login(client, aandachtsfunctionaris)
    url = reverse("readiness:readiness-edit")
    page = client.get(url).content.decode()
    assert "0900-1113111" in page  # the vertrouwensinspecteur's number is offered
    response = client.post(
        url,
        {
            "adopted_on": "2026-07-01",
            "meldcode_version": "Versie 3",
            "afwegingskader": "",
            "meldplicht_contact": "Directeur",
            "vertrouwensinspecteur": "0900-1113111",
        },
    )
    assert response.status_code == 200
    content = response.content.decode()
    assert "Deze datum ligt in de toekomst." in content
    assert 'value="Versie 3"' in content
    assert not MeldcodeReadiness.objects.exists()

    framework = framework_for(aandachtsfunctionaris.organisation.sector)
    response = client.post(
        url,
        {
            "adopted_on": "2025-09-01",
            "meldcode_version": "Versie 3",
            "afwegingskader": str(framework.pk),
            "meldplicht_contact": "Directeur",
            "vertrouwensinspecteur": "0900-1113111",
        },
    )
    assert response.status_code == 302
    readiness = MeldcodeReadiness.objects.get()
    assert readiness.adopted_on == dt.date(2025, 9, 1)
    assert readiness.afwegingskader == framework
    assert readiness.meldplicht_contact == "Directeur"


def test_an_adopted_meldcode_without_afwegingskader_is_refused_next_to_the_field(
    client: Client, login: Login, aandachtsfunctionaris: Persona
) -> None:
    login(client, aandachtsfunctionaris)
    response = client.post(
        reverse("readiness:readiness-edit"),
        {"adopted_on": "2025-09-01", "meldcode_version": "", "afwegingskader": ""},
    )
    assert response.status_code == 200
    content = response.content.decode()
    assert 'id="id_afwegingskader_error"' in content


def test_a_sport_club_is_not_asked_for_the_meldplicht_route(
    client: Client, login: Login, make_persona: Callable[..., Persona]
) -> None:
    club = OrganisationFactory.create(type=OrganisationType.SPORT_CULTURE_CLUB)
    login(client, make_persona(Role.FUNCTIONEEL_BEHEERDER, club))
    content = client.get(reverse("readiness:readiness-edit")).content.decode()
    assert "meldplicht_contact" not in content
    assert "vertrouwensinspecteur" not in content


def test_designating_and_recording_each_kind_of_qualification(
    client: Client,
    login: Login,
    aandachtsfunctionaris: Persona,
    professional: Persona,
) -> None:
    login(client, aandachtsfunctionaris)
    response = client.post(
        reverse("readiness:aandachtsfunctionaris-add"),
        {
            "person": str(professional.user.pk),
            "location": "Hoofdgebouw",
            "hours_per_week": "2.5",
            "since": "2026-01-01",
        },
    )
    assert response.status_code == 302, response.content.decode()
    designation = Aandachtsfunctionaris.objects.get()
    assert designation.person == professional.user
    assert str(designation.hours_per_week) == "2.5"

    posts = {
        "cursus": {
            "name": "Basistraining",
            "provider": "Opleider",
            "certified": "on",
            "obtained_on": "2025-11-01",
            "hours": "20",
        },
        "register": {
            "registration_number": "AF-42",
            "obtained_on": "2025-01-01",
            "valid_until": "2027-01-01",
        },
        "vog": {"obtained_on": "2026-02-01"},
    }
    for slug, data in posts.items():
        url = reverse("readiness:qualification-add", args=[designation.public_id, slug])
        assert client.post(url, data).status_code == 302
    assert dict(Qualification.objects.values_list("kind", "expires_on")) == {
        QualificationKind.COURSE: dt.date(2028, 11, 1),
        QualificationKind.REGISTER: dt.date(2027, 1, 1),
        QualificationKind.VOG: dt.date(2028, 2, 1),
    }
    unknown = reverse(
        "readiness:qualification-add", args=[designation.public_id, "diploma"]
    )
    assert client.get(unknown).status_code == 404
    page = client.get(URL).content.decode()
    assert gettext("Trained") in page


def test_ending_a_designation_and_removing_a_qualification(
    client: Client, login: Login, aandachtsfunctionaris: Persona
) -> None:
    actor = aandachtsfunctionaris.actor
    designation = designate(actor, since=dt.date(2025, 1, 1))
    vog = add_vog(actor, designation, dt.date(2025, 1, 1))
    login(client, aandachtsfunctionaris)
    delete_url = reverse("readiness:qualification-delete", args=[vog.public_id])
    assert client.get(delete_url).status_code == 200
    assert client.post(delete_url).status_code == 302
    assert not Qualification.objects.exists()
    edit_url = reverse(
        "readiness:aandachtsfunctionaris-edit", args=[designation.public_id]
    )
    response = client.post(
        edit_url,
        {
            "location": "",
            "hours_per_week": "2",
            "since": "2025-01-01",
            "until": "2024-01-01",
        },
    )
    assert response.status_code == 200
    assert 'id="id_until_error"' in response.content.decode()
    response = client.post(
        edit_url,
        {
            "location": "",
            "hours_per_week": "2",
            "since": "2025-01-01",
            "until": "2026-06-01",
        },
    )
    assert response.status_code == 302
    # An ended designation is no longer on the page.
    page = client.get(URL).content.decode()
    assert f'id="af-{designation.public_id}"' not in page


def test_recording_staff_attention(
    client: Client, login: Login, functioneel_beheerder: Persona
) -> None:
    login(client, functioneel_beheerder)
    response = client.post(
        reverse("readiness:briefing-add"),
        {"held_on": "2026-05-20", "kind": "team_meeting", "topic": "Afwegingskader"},
    )
    assert response.status_code == 302
    assert StaffBriefing.objects.get().topic == "Afwegingskader"
    assert "Afwegingskader" in client.get(URL).content.decode()


def test_the_readiness_page_costs_the_same_with_few_or_many_aandachtsfunctionarissen(
    client: Client,
    login: Login,
    organisation: Organisation,
    functioneel_beheerder: Persona,
    django_assert_max_num_queries: Callable[..., object],
) -> None:
    def add_one() -> None:
        actor = manager_of(organisation)
        designation = designate(actor, since=dt.date(2025, 1, 1))
        add_course(actor, designation, dt.date(2025, 2, 1))
        add_vog(actor, designation, dt.date(2025, 2, 1))
        add_register(actor, designation, dt.date(2025, 2, 1), dt.date(2026, 8, 1))

    add_one()
    login(client, functioneel_beheerder)
    with django_assert_max_num_queries(25) as few:  # type: ignore[operator]
        assert client.get(URL).status_code == 200
    for _ in range(6):
        add_one()
    with django_assert_max_num_queries(len(few.captured_queries)):  # type: ignore[operator,union-attr]
        assert client.get(URL).status_code == 200
