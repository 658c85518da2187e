"""The pages: forms that keep what was typed, the flows through them, and query
budgets on the list pages."""

import datetime as dt
import re
from collections.abc import Callable

from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone

import pytest
from conftest import Persona

from kindveilig.households.models import (
    EmergencyAccess,
    Handover,
    HandoverStatus,
    Household,
    ItemStatus,
    MatchReview,
    MemberRole,
    Phase,
)
from kindveilig.households.services import household_create_from_trajectory
from kindveilig.meldcode import scenarios
from kindveilig.meldcode.models import Trajectory

from .conftest import CHILD_BSN, share_with

Login = Callable[[Client, Persona], Client]
pytestmark = [pytest.mark.django_db]


def url(name: str, household: Household, *args: object) -> str:
    return reverse(f"households:{name}", args=[household.public_id, *args])


def test_the_lokaal_team_creates_a_household_from_a_shared_trajectory(
    client: Client,
    login: Login,
    lokaal_team_medewerker: Persona,
    shared_trajectory: Trajectory,
) -> None:
    login(client, lokaal_team_medewerker)
    create = f"{reverse('households:household-create')}?traject={shared_trajectory.public_id}"
    page = client.get(create).content.decode()
    assert "Sam (demo) Voorbeeldmans" in page
    response = client.post(create, {"label": "Huishouden Voorbeeldmans (test)"})
    household = Household.objects.get()
    assert response["Location"] == url("household-detail", household)
    detail = client.get(response["Location"]).content.decode()
    assert "Huishouden Voorbeeldmans (test)" in detail
    assert str(Phase.DIRECTE_VEILIGHEID.label) in detail


def test_a_trajectory_not_shared_is_not_a_start(
    client: Client, login: Login, lokaal_team_medewerker: Persona, prof: object
) -> None:
    trajectory = scenarios.start(prof)  # type: ignore[arg-type]
    login(client, lokaal_team_medewerker)
    response = client.get(
        f"{reverse('households:household-create')}?traject={trajectory.public_id}"
    )
    assert response.status_code == 404


def test_adding_a_possible_match_leads_to_the_review(
    client: Client, login: Login, lokaal_team_medewerker: Persona, household: Household
) -> None:
    login(client, lokaal_team_medewerker)
    child = household.members.get(role=MemberRole.CHILD).person
    response = client.post(
        url("member-add", household),
        {
            "given_name": child.given_name,
            "family_name": child.family_name,
            "date_of_birth": child.date_of_birth.isoformat()
            if child.date_of_birth
            else "",
            "role": MemberRole.SIBLING,
        },
    )
    review = MatchReview.objects.get()
    assert response["Location"] == url("match-review", household, review.public_id)
    page = client.get(response["Location"]).content.decode()
    assert child.full_name in page
    response = client.post(response["Location"], {"choice": "different"})
    assert response.status_code == 302
    assert household.members.count() == 3


def test_a_refused_member_keeps_what_was_typed(
    client: Client, login: Login, lokaal_team_medewerker: Persona, household: Household
) -> None:
    login(client, lokaal_team_medewerker)
    response = client.post(
        url("member-add", household),
        {
            "given_name": "Sam",
            "family_name": "Voorbeeldmans",
            "bsn": CHILD_BSN,
            "role": "child",
        },
    )
    assert response.status_code == 200
    content = response.content.decode()
    assert 'value="Voorbeeldmans"' in content
    assert "utrecht-form-field--invalid" in content or "kv-error-summary" in content


def test_phase_change_and_mapping_with_a_childs_own_score(
    client: Client, login: Login, lokaal_team_medewerker: Persona, household: Household
) -> None:
    login(client, lokaal_team_medewerker)
    case = household.cases.get()
    child = household.members.get(role=MemberRole.CHILD).person
    response = client.post(
        url("mapping-add", household),
        {
            "assessed_on": timezone.localdate().isoformat(),
            "harm": "Blauwe plekken.",
            "danger": "Opnieuw geslagen worden.",
            "next_steps": "Training.",
            "professional_name": "Wim (test)",
            "professional_score": "4",
            f"score_{child.public_id.hex}": "3",
            f"words_{child.public_id.hex}": "Soms ben ik bang.",
        },
    )
    assert response.status_code == 302, response.content.decode()
    safety = client.get(url("safety", household)).content.decode()
    assert "Soms ben ik bang." in safety
    assert "<svg" in safety
    assert 'data-testid="score-table"' in safety
    response = client.post(
        url("phase-change", household),
        {
            "version": case.version,
            "to_phase": Phase.STABIELE_VEILIGHEID,
            "reason": "Afspraken worden nagekomen.",
            "safety_score": "7",
            "children_said": "Het is rustiger.",
        },
    )
    assert response.status_code == 302
    case.refresh_from_db()
    assert case.phase == Phase.STABIELE_VEILIGHEID
    # The same (now stale) form again: a conflict, the input kept.
    response = client.post(
        url("phase-change", household),
        {
            "version": 1,
            "to_phase": Phase.HERSTEL,
            "reason": "Nog een keer.",
            "safety_score": "8",
            "children_said": "Goed.",
        },
    )
    assert response.status_code == 200
    assert "Nog een keer." in response.content.decode()


def test_making_and_checking_the_plan(
    client: Client, login: Login, lokaal_team_medewerker: Persona, household: Household
) -> None:
    login(client, lokaal_team_medewerker)
    form = client.get(url("plan-edit", household)).content.decode()
    total = re.search(r'name="item-TOTAL_FORMS" value="(\d+)"', form)
    assert total is not None
    due = (timezone.localdate() - dt.timedelta(days=1)).isoformat()
    data = {
        "based_on": "0",
        "note": "",
        "item-TOTAL_FORMS": "2",
        "item-INITIAL_FORMS": "0",
        "item-0-kind": "condition",
        "item-0-what": "Er wordt niet geslagen.",
        "item-0-who": "Ouders",
        "item-0-child_text": "Niemand slaat.",
        "item-1-kind": "agreement",
        "item-1-what": "Vader belt de regievoerder elke week.",
        "item-1-who": "Vader",
        "item-1-due_on": due,
        "item-1-how_checked": "Belnotitie.",
    }
    response = client.post(url("plan-edit", household), data)
    assert response.status_code == 302, response.content.decode()
    plan = client.get(url("plan", household)).content.decode()
    assert "Vader belt de regievoerder" in plan
    detail = client.get(url("household-detail", household)).content.decode()
    assert 'data-testid="overdue"' in detail  # flagged to the regievoerder
    item = household.cases.get().plan_versions.get().items.get(kind="agreement")
    response = client.post(
        url("plan-item-update", household, item.public_id),
        {
            "lock_version": item.lock_version,
            "status": ItemStatus.KEPT,
            "evidence": "Gebeld.",
        },
    )
    item.refresh_from_db()
    assert item.status == ItemStatus.KEPT
    child_page = client.get(url("plan-child", household)).content.decode()
    assert "Niemand slaat." in child_page
    assert "households/child-plan.css" in child_page
    assert "style=" not in child_page


def test_a_case_handover_through_the_pages(
    client: Client,
    login: Login,
    lokaal_team_medewerker: Persona,
    household: Household,
    make_persona: Callable[..., Persona],
    jeugdbescherming: object,
) -> None:
    from kindveilig.access.roles import Role

    jb = make_persona(Role.PROFESSIONAL, jeugdbescherming)
    login(client, lokaal_team_medewerker)
    client.post(
        url("case-handover", household),
        {"to_organisation": jb.organisation.pk, "note": "OTS."},
    )
    handover = Handover.objects.get()
    detail = client.get(url("household-detail", household)).content.decode()
    assert 'data-testid="pending-handover"' in detail
    outgoing = client.get(reverse("households:handover-list")).content.decode()
    assert 'data-testid="outgoing"' in outgoing
    client.logout()
    login(client, jb)
    page = reverse("households:handover-detail", args=[handover.public_id])
    assert client.get(page).status_code == 200
    response = client.post(page, {"decision": "accept", "note": ""})
    assert response["Location"] == url("household-detail", household)
    handover.refresh_from_db()
    assert handover.status == HandoverStatus.ACCEPTED
    assert household.cases.get().regievoerder == jb.user


def test_a_trajectory_handover_shares_it_and_waits(
    client: Client, login: Login, professional: Persona, lokaal_team_medewerker: Persona
) -> None:
    trajectory = scenarios.start(professional.actor)
    login(client, professional)
    response = client.post(
        reverse("households:trajectory-handover", args=[trajectory.public_id]),
        {
            "to_organisation": lokaal_team_medewerker.organisation.pk,
            "note": "Zorgen thuis; graag warm overdragen.",
            "legal_basis": "meldrecht",
            "reason": "Ouders weigeren; zonder hulp blijft Sam onveilig.",
        },
    )
    assert response.status_code == 302, response.content.decode()
    handover = Handover.objects.get()
    assert handover.share is not None
    client.logout()
    login(client, lokaal_team_medewerker)
    assert (
        client.get(
            reverse("meldcode:trajectory-detail", args=[trajectory.public_id])
        ).status_code
        == 200
    )
    client.post(
        reverse("households:handover-detail", args=[handover.public_id]),
        {"decision": "reject", "note": "Past beter bij het CJG."},
    )
    assert (
        client.get(
            reverse("meldcode:trajectory-detail", args=[trajectory.public_id])
        ).status_code
        == 404
    )  # the share ended with the rejection


def test_break_the_glass_through_the_page(
    client: Client, login: Login, outsider: Persona, household: Household
) -> None:
    login(client, outsider)
    assert client.get(url("household-detail", household)).status_code == 404
    response = client.post(
        reverse("households:emergency-access"),
        {
            "bsn": CHILD_BSN,
            "reason": "Crisisdienst: kind alleen op straat aangetroffen.",
        },
    )
    assert response["Location"] == url("household-detail", household)
    page = client.get(response["Location"]).content.decode()
    assert 'data-testid="emergency-banner"' in page
    assert EmergencyAccess.objects.count() == 1
    assert client.get(url("member-add", household)).status_code == 403  # read only
    assert mail.outbox == []  # the alert goes through the task worker


def test_the_household_list_has_a_query_budget(
    client: Client,
    login: Login,
    lokaal_team_medewerker: Persona,
    professional: Persona,
    django_assert_max_num_queries: Callable[..., object],
) -> None:
    lt = lokaal_team_medewerker.actor
    prof = professional.actor

    def make(count: int) -> None:
        for index in range(count):
            trajectory = scenarios.start(prof, given_name=f"Kind{index} (test)")
            share_with(prof, trajectory, lt)
            household_create_from_trajectory(actor=lt, trajectory=trajectory)

    make(2)
    login(client, lokaal_team_medewerker)
    client.get(reverse("households:household-list"))
    with django_assert_max_num_queries(20) as few:  # type: ignore[operator]
        client.get(reverse("households:household-list"))
    make(8)
    with django_assert_max_num_queries(len(few.captured_queries)):  # type: ignore[operator,union-attr]
        response = client.get(reverse("households:household-list"))
    assert response.content.decode().count('href="/huishoudens/') >= 10


def test_the_timeline_has_a_query_budget(
    client: Client,
    login: Login,
    lokaal_team_medewerker: Persona,
    household: Household,
    django_assert_max_num_queries: Callable[..., object],
) -> None:
    from kindveilig.households.services import meeting_add

    lt = lokaal_team_medewerker.actor
    case = household.cases.get()
    login(client, lokaal_team_medewerker)
    client.get(url("chronology", household))
    with django_assert_max_num_queries(20) as few:  # type: ignore[operator]
        client.get(url("chronology", household))
    for day in range(1, 6):
        meeting_add(
            actor=lt,
            case=case,
            kind="mdo",
            held_on=dt.date(2026, 1, day),
            participants="School, wijkteam",
            decisions=f"Besluit {day}",
        )
    with django_assert_max_num_queries(len(few.captured_queries)):  # type: ignore[operator,union-attr]
        content = client.get(url("chronology", household)).content.decode()
    assert "Besluit 5" in content


def test_a_partner_refused_the_handover_page_leaves_no_read(
    client: Client,
    login: Login,
    lokaal_team_medewerker: Persona,
    shared_trajectory: Trajectory,
) -> None:
    """Shared read-only with the lokaal team: it may not hand the trajectory over,
    and the refused page records no READ of the child."""
    from kindveilig.audit.models import AuditAction, AuditEvent

    login(client, lokaal_team_medewerker)
    reads = AuditEvent.objects.filter(
        action=AuditAction.READ, actor_user=lokaal_team_medewerker.user
    )
    before = reads.count()
    response = client.get(
        reverse("households:trajectory-handover", args=[shared_trajectory.public_id])
    )
    assert response.status_code == 403
    assert reads.count() == before
