"""The pages: who may use them, what they show, and that input is never lost."""

from collections.abc import Callable

from django.test import Client
from django.urls import reverse

import pytest
from conftest import Persona

from kindveilig.access.actor import Actor
from kindveilig.audit.models import AuditAction, AuditEvent
from kindveilig.meldcode import scenarios
from kindveilig.meldcode.models import Trajectory
from kindveilig.meldcode.models.choices import Step

Login = Callable[[Client, Persona], Client]
pytestmark = [pytest.mark.django_db]


def detail(trajectory: Trajectory) -> str:
    return reverse("meldcode:trajectory-detail", args=[trajectory.public_id])


@pytest.fixture
def trajectory(prof: Actor) -> Trajectory:
    return scenarios.at_step_2(prof)


def test_owner_and_aandachtsfunctionaris_see_the_trajectory(
    client: Client,
    login: Login,
    professional: Persona,
    aandachtsfunctionaris: Persona,
    trajectory: Trajectory,
) -> None:
    for persona in (professional, aandachtsfunctionaris):
        login(client, persona)
        response = client.get(detail(trajectory))
        assert response.status_code == 200
        content = response.content.decode()
        assert "Blauwe plekken" in content
        assert "Ik ben gevallen, zegt papa." in content
        client.logout()
    child = trajectory.children.get().person
    readers = set(
        AuditEvent.objects.filter(
            person_id=child.public_id, action=AuditAction.READ
        ).values_list("actor_user", flat=True)
    )
    assert readers == {professional.user.pk, aandachtsfunctionaris.user.pk}


def test_another_professional_of_the_same_organisation_does_not_see_it(
    client: Client,
    login: Login,
    make_persona: Callable[..., Persona],
    organisation: object,
    trajectory: Trajectory,
) -> None:
    from kindveilig.access.roles import Role

    colleague = make_persona(Role.PROFESSIONAL, organisation)
    login(client, colleague)
    assert client.get(detail(trajectory)).status_code == 404


@pytest.mark.parametrize("persona", ["outsider", "lokaal_team_medewerker"])
def test_other_organisations_get_404(
    persona: str,
    request: pytest.FixtureRequest,
    client: Client,
    login: Login,
    trajectory: Trajectory,
) -> None:
    login(client, request.getfixturevalue(persona))
    assert client.get(detail(trajectory)).status_code == 404
    assert (
        client.get(
            reverse("meldcode:trajectory-chronology", args=[trajectory.public_id])
        ).status_code
        == 404
    )


@pytest.mark.parametrize("persona", ["gemeente_analist", "functioneel_beheerder"])
def test_roles_without_case_work_get_403(
    persona: str,
    request: pytest.FixtureRequest,
    client: Client,
    login: Login,
    trajectory: Trajectory,
) -> None:
    login(client, request.getfixturevalue(persona))
    assert client.get(detail(trajectory)).status_code == 403
    assert client.get(reverse("meldcode:trajectory-list")).status_code == 403
    assert client.get(reverse("meldcode:trajectory-start")).status_code == 403


def test_start_form_keeps_what_was_typed_and_shows_dutch_errors(
    client: Client, login: Login, professional: Persona
) -> None:
    login(client, professional)
    response = client.post(
        reverse("meldcode:trajectory-start"),
        {
            "colleague_suspicion": "no",
            "origin": "kindcheck",
            "worry": "Moeder drinkt veel en is vaak afwezig.",
            "kind-TOTAL_FORMS": "1",
            "kind-INITIAL_FORMS": "0",
            "kind-0-given_name": "Testa (test)",
            "kind-0-family_name": "Proefhuis",
            "kind-0-bsn": "123456789",
            "betrokkene-TOTAL_FORMS": "0",
            "betrokkene-INITIAL_FORMS": "0",
        },
    )
    assert response.status_code == 200
    content = response.content.decode()
    assert "Moeder drinkt veel en is vaak afwezig." in content
    assert 'value="Testa (test)"' in content
    assert "elfproef" in content
    assert Trajectory.objects.count() == 0


def test_start_creates_the_trajectory(
    client: Client, login: Login, professional: Persona
) -> None:
    login(client, professional)
    response = client.post(
        reverse("meldcode:trajectory-start"),
        {
            "colleague_suspicion": "no",
            "origin": "worry",
            "worry": "Kind komt vaak hongerig op school.",
            "forms_of_violence": ["neglect_physical"],
            "kind-TOTAL_FORMS": "1",
            "kind-INITIAL_FORMS": "0",
            "kind-0-given_name": "Testa (test)",
            "kind-0-family_name": "Proefhuis",
            "kind-0-bsn": "111222333",
            "betrokkene-TOTAL_FORMS": "1",
            "betrokkene-INITIAL_FORMS": "0",
            "betrokkene-0-given_name": "Moeder (test)",
            "betrokkene-0-family_name": "Proefhuis",
            "betrokkene-0-relation": "mother",
            "betrokkene-0-has_gezag": "on",
        },
    )
    trajectory = Trajectory.objects.get()
    assert response["Location"] == detail(trajectory)
    assert trajectory.forms_of_violence == ["neglect_physical"]
    assert trajectory.involved.get().has_gezag
    assert str(trajectory.children.get().person.public_id) not in response["Location"]


def test_add_child_row_keeps_input(
    client: Client, login: Login, professional: Persona
) -> None:
    login(client, professional)
    response = client.post(
        reverse("meldcode:trajectory-start"),
        {
            "add_child": "1",
            "worry": "Zorg",
            "kind-TOTAL_FORMS": "1",
            "kind-INITIAL_FORMS": "0",
            "kind-0-given_name": "Eerste (test)",
            "kind-0-family_name": "Kind",
            "betrokkene-TOTAL_FORMS": "0",
            "betrokkene-INITIAL_FORMS": "0",
        },
    )
    content = response.content.decode()
    assert 'value="Eerste (test)"' in content
    assert 'name="kind-1-given_name"' in content


def test_colleague_suspicion_leads_to_the_meldplicht_route(
    client: Client, login: Login, professional: Persona
) -> None:
    login(client, professional)
    response = client.post(
        reverse("meldcode:trajectory-start"),
        {
            "colleague_suspicion": "yes",
            "origin": "worry",
            "kind-TOTAL_FORMS": "1",
            "kind-INITIAL_FORMS": "0",
            "betrokkene-TOTAL_FORMS": "0",
            "betrokkene-INITIAL_FORMS": "0",
        },
    )
    assert response["Location"] == reverse("meldcode:meldplicht-start")
    page = client.get(response["Location"]).content.decode()
    assert "vertrouwensinspecteur" in page
    response = client.post(
        reverse("meldcode:meldplicht-start"),
        {"summary": "Een collega tikte een kind hard op het hoofd."},
    )
    assert response.status_code == 302
    assert Trajectory.objects.count() == 0


def test_the_gate_shows_what_is_missing(
    client: Client, login: Login, professional: Persona, prof: Actor
) -> None:
    trajectory = scenarios.start(prof)
    login(client, professional)
    content = client.get(detail(trajectory)).content.decode()
    assert "Stap 1: leg ten minste één signaal vast." in content
    response = client.post(
        reverse("meldcode:step-advance", args=[trajectory.public_id]),
        {"version": trajectory.version},
    )
    assert response.status_code == 302
    trajectory.refresh_from_db()
    assert trajectory.step == Step.SIGNALEN


def test_stale_form_shows_a_conflict_and_keeps_input(
    client: Client, login: Login, professional: Persona, prof: Actor
) -> None:
    trajectory = scenarios.at_step_5_melden(prof)
    stale = trajectory.version
    from kindveilig.meldcode import services

    services.trajectory_report_acute(
        actor=prof, trajectory=trajectory, note="Dreiging thuis"
    )
    login(client, professional)
    response = client.post(
        reverse("meldcode:decision-propose", args=[trajectory.public_id]),
        {
            "version": stale,
            "melden": "yes",
            "melden_rationale": "Structureel onveilig, herhaald letsel.",
            "help_possible": "no",
            "help_rationale": "Eerst veiligheid via Veilig Thuis.",
        },
    )
    content = response.content.decode()
    assert "Iemand anders heeft dit traject gewijzigd" in content
    assert "Structureel onveilig, herhaald letsel." in content
    assert trajectory.decisions.count() == 0


def test_trajectory_list_query_budget(
    client: Client,
    login: Login,
    aandachtsfunctionaris: Persona,
    prof: Actor,
    django_assert_max_num_queries: Callable[..., object],
) -> None:
    scenarios.start(prof)
    login(client, aandachtsfunctionaris)
    client.get(reverse("meldcode:trajectory-list"))
    with django_assert_max_num_queries(16) as few:  # type: ignore[operator]
        client.get(reverse("meldcode:trajectory-list"))
    for n in range(12):
        scenarios.start(prof, given_name=f"Kind{n} (test)")
    with django_assert_max_num_queries(len(few.captured_queries)):  # type: ignore[operator,union-attr]
        response = client.get(reverse("meldcode:trajectory-list"))
    assert "Kind11 (test)" in response.content.decode()


def test_detail_query_count_does_not_grow_with_entries(
    client: Client,
    login: Login,
    professional: Persona,
    prof: Actor,
    django_assert_max_num_queries: Callable[..., object],
) -> None:
    trajectory = scenarios.at_step_4(prof)
    login(client, professional)
    client.get(detail(trajectory))
    with django_assert_max_num_queries(20) as few:  # type: ignore[operator]
        client.get(detail(trajectory))
    from django.utils import timezone

    from kindveilig.meldcode import services
    from kindveilig.meldcode.models.choices import Source
    from kindveilig.meldcode.services.entries import ObservationInput

    for n in range(8):
        services.observation_add(
            actor=prof,
            trajectory=trajectory,
            data=ObservationInput(
                observed_on=timezone.localdate(),
                observed_by="x",
                source=Source.OWN,
                facts=f"Signaal {n}",
            ),
        )
    with django_assert_max_num_queries(len(few.captured_queries)):  # type: ignore[operator,union-attr]
        client.get(detail(trajectory))


def test_a_receiving_organisation_reads_without_the_owners_buttons(
    client: Client, login: Login, lokaal_team_medewerker: Persona, prof: Actor
) -> None:
    from django.utils import timezone

    from kindveilig.meldcode.models import LegalBasis
    from kindveilig.meldcode.services import share_create

    trajectory = scenarios.at_step_2(prof)
    share_create(
        actor=prof,
        trajectory=trajectory,
        to_organisation=lokaal_team_medewerker.organisation,
        legal_basis=LegalBasis.CONSENT_PARENTS,
        consent_given_by="Moeder (met gezag)",
        consent_given_on=timezone.localdate(),
    )
    login(client, lokaal_team_medewerker)
    content = client.get(detail(trajectory)).content.decode()
    assert "Blauwe plekken" in content
    assert (
        reverse("meldcode:observation-add", args=[trajectory.public_id]) not in content
    )
    assert reverse("meldcode:step-advance", args=[trajectory.public_id]) not in content


def test_paging_keeps_the_status_tab(
    client: Client,
    login: Login,
    aandachtsfunctionaris: Persona,
    prof: Actor,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr("kindveilig.meldcode.selectors.PAGE_SIZE", 2)
    for n in range(3):
        scenarios.start(prof, given_name=f"Kind{n} (test)")
    login(client, aandachtsfunctionaris)
    response = client.get(reverse("meldcode:trajectory-list"), {"status": "all"})
    content = response.content.decode()
    # Page 2 of the same tab, not page 2 of the default (open) tab.
    assert 'href="?status=all&amp;pagina=2"' in content
    page_2 = client.get(
        reverse("meldcode:trajectory-list"), {"status": "all", "pagina": "2"}
    )
    assert 'href="?status=all&amp;pagina=1"' in page_2.content.decode()


def test_an_outsiders_attempt_is_audited_as_denied_without_the_childs_data(
    client: Client, login: Login, outsider: Persona, trajectory: Trajectory
) -> None:
    login(client, outsider)
    response = client.get(detail(trajectory))
    assert response.status_code == 404
    assert "Blauwe plekken" not in response.content.decode()
    assert not AuditEvent.objects.filter(
        actor_user=outsider.user, action=AuditAction.READ
    ).exists()
    event = AuditEvent.objects.get(actor_user=outsider.user)
    assert event.action == AuditAction.DENIED
    assert (event.object_type, event.object_id) == (
        "meldcode.trajectory",
        str(trajectory.public_id),
    )
    assert event.person_id is None
