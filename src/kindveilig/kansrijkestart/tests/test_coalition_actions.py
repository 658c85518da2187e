"""Actions with an owner and a due date, on the owner's Mijn werk until the
outcome is recorded; the warm referral to schuldhulpverlening or income
support is such an action."""

import datetime as dt
from collections.abc import Callable

from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse
from django.utils import timezone

import pytest
from conftest import Persona

from kindveilig.access.roles import Role
from kindveilig.audit.models import AuditAction, AuditEvent
from kindveilig.kansrijkestart import coalition_services as services
from kindveilig.kansrijkestart.models import (
    ActionKind,
    ActionOutcome,
    AgendaItem,
    FollowUpAction,
)
from kindveilig.organisations.models import OrganisationType
from kindveilig.organisations.tests.factories import OrganisationFactory
from kindveilig.portal.work import kansrijke_start_actions

from .coalition_world import (
    SUMMARY,
    World,
    build_world,
    make_meeting,
    make_signal,
    persona,
)

pytestmark = pytest.mark.django_db

SOON = dt.timedelta(days=10)


@pytest.fixture
def world() -> World:
    return build_world()


@pytest.fixture
def item(world: World) -> AgendaItem:
    return services.agenda_add(
        actor=world.nurse.actor,
        meeting=make_meeting(world),
        signal=make_signal(world),
        shared_summary=SUMMARY,
        consent_checked=True,
    )


def test_an_action_is_owned_by_a_case_worker_of_a_participating_organisation(
    world: World, item: AgendaItem
) -> None:
    # Schuldhulp does not take part in this consultation.
    with pytest.raises(ValidationError) as refused:
        services.action_add(
            actor=world.nurse.actor,
            agenda_item=item,
            owner=world.debt_worker.membership,
            due_on=timezone.localdate() + SOON,
            description="Intake.",
        )
    assert "owner" in refused.value.message_dict
    # A colleague of the lokaal team, not at the table herself, may own it.
    colleague = persona(Role.LOKAAL_TEAM_MEDEWERKER, world.worker.organisation)
    action = services.action_add(
        actor=world.nurse.actor,
        agenda_item=item,
        owner=colleague.membership,
        due_on=timezone.localdate() + SOON,
        description="Huisbezoek samen met de JGZ.",
    )
    assert action.owner == colleague.user
    assert action.owner_organisation == world.worker.organisation
    assert AuditEvent.objects.filter(
        action=AuditAction.CREATE,
        object_type="kansrijkestart.followupaction",
        person_id=item.signal.parent.public_id,
    ).exists()


def test_a_due_date_in_the_past_is_refused(world: World, item: AgendaItem) -> None:
    with pytest.raises(ValidationError) as refused:
        services.action_add(
            actor=world.nurse.actor,
            agenda_item=item,
            owner=world.worker.membership,
            due_on=timezone.localdate() - dt.timedelta(days=1),
            description="Te laat.",
        )
    assert "due_on" in refused.value.message_dict


def test_the_owner_sees_the_action_on_mijn_werk_until_its_outcome_is_recorded(
    world: World, item: AgendaItem, login: Callable[[Client, Persona], Client]
) -> None:
    due = timezone.localdate() + SOON
    action = services.action_add(
        actor=world.nurse.actor,
        agenda_item=item,
        owner=world.worker.membership,
        due_on=due,
        description="Huisbezoek samen met de JGZ.",
    )
    work = kansrijke_start_actions(world.worker.actor)
    assert work is not None
    assert work.count == 1
    assert work.url == reverse("kansrijkestart:my-actions")
    assert str(due.year) in work.label
    # Not on anyone else's start page, not even the chair's.
    assert kansrijke_start_actions(world.nurse.actor) is None

    client = login(Client(), world.worker)
    home = client.get(reverse("portal:home")).content.decode()
    assert work.label in home
    mine = client.get(reverse("kansrijkestart:my-actions")).content.decode()
    assert "Huisbezoek samen met de JGZ." in mine
    assert item.signal.parent.full_name in mine

    # Only the owner completes it, with an outcome that fits.
    with pytest.raises(ValidationError):
        services.action_complete(
            actor=world.nurse.actor, action=action, outcome=ActionOutcome.DONE
        )
    with pytest.raises(ValidationError) as wrong:
        services.action_complete(
            actor=world.worker.actor, action=action, outcome=ActionOutcome.HELP_STARTED
        )
    assert "outcome" in wrong.value.message_dict
    response = client.post(
        reverse("kansrijkestart:action-detail", args=[action.public_id]),
        {"outcome": ActionOutcome.DONE, "outcome_note": "Bezoek gedaan."},
    )
    assert response.status_code == 302
    action.refresh_from_db()
    assert action.outcome == ActionOutcome.DONE
    assert action.done_at is not None
    assert kansrijke_start_actions(world.worker.actor) is None


def test_a_warm_referral_goes_to_schuldhulp_or_the_municipality_and_records_its_outcome(
    world: World,
) -> None:
    signal = make_signal(world)
    # Not to a lokaal team worker: bestaanszekerheid is schuldhulp's or the gemeente's.
    with pytest.raises(ValidationError) as refused:
        services.referral_make(
            actor=world.nurse.actor,
            signal=signal,
            kind=ActionKind.DEBT_HELP,
            owner=world.worker.membership,
            due_on=timezone.localdate() + SOON,
            description="Intake schuldhulp.",
        )
    assert "owner" in refused.value.message_dict
    # Only the JGZ that follows the family refers it outside a consultation.
    with pytest.raises(ValidationError):
        services.referral_make(
            actor=world.worker.actor,
            signal=signal,
            kind=ActionKind.DEBT_HELP,
            owner=world.debt_worker.membership,
            due_on=timezone.localdate() + SOON,
            description="Intake schuldhulp.",
        )
    referral = services.referral_make(
        actor=world.nurse.actor,
        signal=signal,
        kind=ActionKind.DEBT_HELP,
        owner=world.debt_worker.membership,
        due_on=timezone.localdate() + SOON,
        description="Warme overdracht: samen naar het eerste gesprek.",
    )
    assert referral.kind == ActionKind.DEBT_HELP
    assert kansrijke_start_actions(world.debt_worker.actor) is not None
    with pytest.raises(ValidationError):
        services.action_complete(
            actor=world.debt_worker.actor, action=referral, outcome=ActionOutcome.DONE
        )
    services.action_complete(
        actor=world.debt_worker.actor,
        action=referral,
        outcome=ActionOutcome.HELP_STARTED,
        outcome_note="Budgetbeheer gestart.",
    )
    referral.refresh_from_db()
    assert referral.outcome == ActionOutcome.HELP_STARTED
    assert referral.outcome_note == "Budgetbeheer gestart."
    gemeente = OrganisationFactory.create(type=OrganisationType.GEMEENTE)
    income = persona(Role.PROFESSIONAL, gemeente)
    support = services.referral_make(
        actor=world.nurse.actor,
        signal=signal,
        kind=ActionKind.INCOME_SUPPORT,
        owner=income.membership,
        due_on=timezone.localdate() + SOON,
        description="Aanvraag bijzondere bijstand.",
    )
    assert support.owner_organisation == gemeente
    assert FollowUpAction.objects.filter(signal=signal).count() == 2


def test_the_referral_page_makes_the_referral(
    world: World, login: Callable[[Client, Persona], Client]
) -> None:
    signal = make_signal(world)
    client = login(Client(), world.nurse)
    url = reverse("kansrijkestart:referral-make", args=[signal.public_id])
    page = client.get(url).content.decode()
    assert world.debt_worker.user.full_name in page
    response = client.post(
        url,
        {
            "kind": ActionKind.DEBT_HELP,
            "owner": str(world.debt_worker.membership.pk),
            "due_on": (timezone.localdate() + SOON).isoformat(),
            "description": "Samen naar het eerste gesprek.",
        },
    )
    assert response.status_code == 302
    referral = FollowUpAction.objects.get()
    assert referral.owner == world.debt_worker.user
