"""The meldplicht pages: who gets in, what the forms keep on an error, the list
order, and the trajectory page's link."""

import datetime as dt
from collections.abc import Callable

from django.test import Client
from django.urls import reverse
from django.utils import timezone

import pytest
from conftest import Persona

from kindveilig.access.actor import Actor
from kindveilig.access.roles import Role
from kindveilig.audit.models import AuditAction, AuditEvent
from kindveilig.meldcode import scenarios, services
from kindveilig.meldcode.models import MeldplichtCase
from kindveilig.organisations.models import Organisation

Login = Callable[[Client, Persona], Client]
pytestmark = [pytest.mark.django_db]


@pytest.fixture
def houder(make_persona: Callable[..., Persona], organisation: Organisation) -> Persona:
    return make_persona(Role.BEVOEGD_GEZAG, organisation)


def start(actor: Actor, **kwargs: bool) -> MeldplichtCase:
    return services.meldplicht_case_start(
        actor=actor, summary="Een collega sloeg een kind.", **kwargs
    )


def detail(case: MeldplichtCase) -> str:
    return reverse("meldcode:meldplicht-detail", args=[case.public_id])


def test_another_organisation_gets_404(
    client: Client, login: Login, prof: Actor, outsider: Persona
) -> None:
    case = start(prof)
    login(client, outsider)
    assert client.get(detail(case)).status_code == 404
    url = reverse("meldcode:meldplicht-inform-houder", args=[case.public_id])
    assert client.post(url, {"inform_form-version": 1}).status_code == 404


def test_a_professional_who_did_not_report_cannot_see_it(
    client: Client,
    login: Login,
    prof: Actor,
    make_persona: Callable[..., Persona],
    organisation: Organisation,
) -> None:
    case = start(prof)
    login(client, make_persona(Role.PROFESSIONAL, organisation))
    assert client.get(detail(case)).status_code == 404
    assert (
        "Een collega"
        not in client.get(reverse("meldcode:meldplicht-list")).content.decode()
    )


def test_a_role_without_case_work_gets_403(
    client: Client, login: Login, prof: Actor, functioneel_beheerder: Persona
) -> None:
    case = start(prof)
    login(client, functioneel_beheerder)
    assert client.get(detail(case)).status_code == 403


def test_the_houder_sees_the_case_and_the_inspectie_number(
    client: Client, login: Login, prof: Actor, houder: Persona
) -> None:
    case = start(prof)
    login(client, houder)
    page = client.get(detail(case)).content.decode()
    assert "Een collega sloeg een kind." in page
    assert 'data-testid="vertrouwensinspecteur-number"' in page
    assert "0900-1113111" in page
    assert AuditEvent.objects.filter(
        action=AuditAction.READ,
        object_id=str(case.public_id),
        actor_user_id=houder.user.pk,
        person_id=None,
    ).exists()


def test_the_houder_does_not_see_a_case_about_the_houder(
    client: Client, login: Login, prof: Actor, houder: Persona
) -> None:
    case = start(prof, suspect_is_houder=True)
    login(client, houder)
    assert client.get(detail(case)).status_code == 404


def test_the_inspectie_number_comes_from_the_setting(
    client: Client, login: Login, prof: Actor, houder: Persona, settings: object
) -> None:
    settings.VERTROUWENSINSPECTEUR_PHONE = "0900-0000000"  # type: ignore[attr-defined]
    case = start(prof)
    login(client, houder)
    assert "0900-0000000" in client.get(detail(case)).content.decode()


def test_an_error_keeps_what_was_typed_with_the_dutch_message_at_the_field(
    client: Client, login: Login, prof: Actor, professional: Persona, houder: Persona
) -> None:
    case = start(prof)
    services.meldplicht_case_inform_houder(
        actor=prof, case=case, on=dt.date(2026, 3, 3), expected_version=None
    )
    case.refresh_from_db()
    login(client, houder)
    response = client.post(
        reverse("meldcode:meldplicht-consult-inspecteur", args=[case.public_id]),
        {
            "consult_form-version": case.version,
            "consult_form-on": "2026-03-02",
            "consult_form-note": "Advies: aangifte doen",
        },
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "Advies: aangifte doen" in page
    assert "Deze datum ligt vóór de vorige stap (03-03-2026)." in page
    assert 'aria-invalid="true"' in page
    case.refresh_from_db()
    assert case.vertrouwensinspecteur_consulted_at is None


def test_the_houder_records_a_step_and_it_is_audited(
    client: Client, login: Login, prof: Actor, houder: Persona
) -> None:
    case = start(prof)
    login(client, houder)
    response = client.post(
        reverse("meldcode:meldplicht-inform-houder", args=[case.public_id]),
        {"inform_form-version": case.version, "inform_form-on": "2026-03-02"},
    )
    assert response.status_code == 302
    case.refresh_from_db()
    assert case.reported_to_board_by_id == houder.user.pk
    assert AuditEvent.objects.filter(
        action=AuditAction.UPDATE,
        object_id=str(case.public_id),
        actor_user_id=houder.user.pk,
    ).exists()


def test_the_list_shows_open_cases_first_and_marks_the_overdue(
    client: Client, login: Login, prof: Actor, aandachtsfunctionaris: Persona, af: Actor
) -> None:
    closed = start(prof)
    for step in ("inform", "consult", "decide", "close"):
        closed = _do(step, af, closed)
    late = start(prof)
    MeldplichtCase.objects.filter(pk=late.pk).update(
        created_at=timezone.now() - dt.timedelta(days=7)
    )
    login(client, aandachtsfunctionaris)
    page = client.get(reverse("meldcode:meldplicht-list")).content.decode()
    assert page.index(detail(late)) < page.index(detail(closed))
    assert page.count('data-testid="overdue"') == 1
    assert (
        AuditEvent.objects.filter(
            action=AuditAction.READ, object_type="meldcode.meldplichtcase"
        ).count()
        == 2
    )


def _do(step: str, actor: Actor, case: MeldplichtCase) -> MeldplichtCase:
    day = dt.date(2026, 3, 2)
    if step == "inform":
        return services.meldplicht_case_inform_houder(
            actor=actor, case=case, on=day, expected_version=None
        )
    if step == "consult":
        return services.meldplicht_case_consult_inspecteur(
            actor=actor, case=case, on=day, expected_version=None
        )
    if step == "decide":
        return services.meldplicht_case_decide_aangifte(
            actor=actor,
            case=case,
            decision="aangifte_gedaan",
            on=day,
            expected_version=None,
        )
    return services.meldplicht_case_close(actor=actor, case=case, expected_version=None)


def test_the_trajectory_shows_only_the_link_and_links_for_who_may_see_the_case(
    client: Client,
    login: Login,
    prof: Actor,
    af: Actor,
    aandachtsfunctionaris: Persona,
    make_persona: Callable[..., Persona],
    organisation: Organisation,
) -> None:
    owner = make_persona(Role.PROFESSIONAL, organisation)
    trajectory = scenarios.start(owner.actor)
    case = start(prof)
    services.meldplicht_case_link_trajectory(
        actor=af,
        case=case,
        trajectory_public_id=trajectory.public_id,
        expected_version=None,
    )
    url = reverse("meldcode:trajectory-detail", args=[trajectory.public_id])
    login(client, owner)
    page = client.get(url).content.decode()
    assert "Gekoppeld aan een meldplichtzaak." in page
    assert detail(case) not in page
    assert "Een collega sloeg een kind." not in page
    login(client, aandachtsfunctionaris)
    assert detail(case) in client.get(url).content.decode()


def test_the_menu_leads_the_houder_to_the_list(
    client: Client, login: Login, houder: Persona
) -> None:
    login(client, houder)
    page = client.get(reverse("portal:home")).content.decode()
    assert reverse("meldcode:meldplicht-list") in page
