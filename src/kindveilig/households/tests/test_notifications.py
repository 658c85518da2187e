"""Households notify the receiving side of a handover, the offering side of
the answer, and a new partner organisation."""

from collections.abc import Callable

from django.core import mail
from django.urls import reverse

import pytest
from conftest import Persona
from pytest_django import DjangoCaptureOnCommitCallbacks

from kindveilig.access.actor import Actor
from kindveilig.access.roles import Role
from kindveilig.accounts.models import User
from kindveilig.households.models import Handover, Household, PartnerKind
from kindveilig.households.services import (
    handover_accept,
    handover_create_for_case,
    handover_reject,
    partner_add,
)
from kindveilig.notifications.models import Notification, NotificationKind
from kindveilig.organisations.models import Organisation

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("immediate_tasks")]


def receivers(kind: NotificationKind) -> list[int]:
    users = Notification.objects.filter(kind=kind).values_list("user_id", flat=True)
    return sorted(users)


def urls(kind: NotificationKind) -> set[str]:
    return set(Notification.objects.filter(kind=kind).values_list("url", flat=True))


def offer(
    lt: Actor,
    household: Household,
    jeugdbescherming: Organisation,
    to_user: User | None = None,
) -> Handover:
    return handover_create_for_case(
        actor=lt,
        case=household.cases.get(),
        to_organisation=jeugdbescherming,
        note="OTS: de kinderrechter besliste.",
        to_user=to_user,
    )


def test_an_offered_handover_notifies_the_case_workers_of_the_receiver(
    lt: Actor,
    household: Household,
    jeugdbescherming: Organisation,
    jb_worker: Actor,
    make_persona: Callable[..., Persona],
    professional: Persona,
    django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks,
) -> None:
    jb_af = make_persona(Role.AANDACHTSFUNCTIONARIS, jeugdbescherming)
    jb_beheer = make_persona(Role.FUNCTIONEEL_BEHEERDER, jeugdbescherming)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        handover = offer(lt, household, jeugdbescherming)
    assert receivers(NotificationKind.HANDOVER_OFFERED) == sorted(
        [jb_worker.user.pk, jb_af.user.pk]
    )
    assert jb_beheer.user.pk not in receivers(NotificationKind.HANDOVER_OFFERED)
    assert professional.user.pk not in receivers(NotificationKind.HANDOVER_OFFERED)
    assert urls(NotificationKind.HANDOVER_OFFERED) == {
        reverse("households:handover-detail", args=[handover.public_id])
    }
    assert len(mail.outbox) == 2
    members = [m.person for m in household.members.select_related("person")]
    for message in mail.outbox:
        for person in members:
            assert person.given_name not in message.body
            assert person.family_name not in message.body
        assert "OTS" not in message.body
        assert lt.user.full_name not in message.body


def test_a_handover_to_a_named_worker_notifies_only_them(
    lt: Actor,
    household: Household,
    jeugdbescherming: Organisation,
    jb_worker: Actor,
    make_persona: Callable[..., Persona],
) -> None:
    make_persona(Role.PROFESSIONAL, jeugdbescherming)
    offer(lt, household, jeugdbescherming, to_user=jb_worker.user)
    assert receivers(NotificationKind.HANDOVER_OFFERED) == [jb_worker.user.pk]


def test_accepting_and_rejecting_notify_who_offered(
    lt: Actor,
    household: Household,
    jeugdbescherming: Organisation,
    jb_worker: Actor,
) -> None:
    handover = offer(lt, household, jeugdbescherming)
    handover_reject(actor=jb_worker, handover=handover, note="Nog geen uitspraak.")
    assert receivers(NotificationKind.HANDOVER_REJECTED) == [lt.user.pk]
    handover = offer(lt, household, jeugdbescherming)
    handover_accept(actor=jb_worker, handover=handover)
    assert receivers(NotificationKind.HANDOVER_ACCEPTED) == [lt.user.pk]
    assert Notification.objects.get(
        kind=NotificationKind.HANDOVER_ACCEPTED
    ).url == reverse("households:handover-list")


def test_a_partner_organisation_is_notified_and_a_named_contact_alone(
    lt: Actor,
    household: Household,
    professional: Persona,
    aandachtsfunctionaris: Persona,
    functioneel_beheerder: Persona,
    outsider: Persona,
) -> None:
    case = household.cases.get()
    partner_add(
        actor=lt,
        case=case,
        kind=PartnerKind.SCHOOL,
        organisation=professional.organisation,
        contact_name="Juf (test)",
        takes_on="Signalen in de klas.",
    )
    assert receivers(NotificationKind.PARTNER_ADDED) == sorted(
        [professional.user.pk, aandachtsfunctionaris.user.pk]
    )
    assert urls(NotificationKind.PARTNER_ADDED) == {
        reverse("households:household-detail", args=[household.public_id])
    }
    Notification.objects.all().delete()
    partner_add(
        actor=lt,
        case=case,
        kind=PartnerKind.OTHER,
        organisation=outsider.organisation,
        contact_name="Mentor (test)",
        contact_user=outsider.user,
        takes_on="Huiswerkbegeleiding.",
    )
    assert receivers(NotificationKind.PARTNER_ADDED) == [outsider.user.pk]


def test_a_partner_outside_kindveilig_notifies_no_one(
    lt: Actor, household: Household
) -> None:
    partner_add(
        actor=lt,
        case=household.cases.get(),
        kind=PartnerKind.OTHER,
        organisation_name="Sportclub (test)",
        contact_name="Trainer (test)",
        takes_on="Houdt een oogje in het zeil.",
    )
    assert receivers(NotificationKind.PARTNER_ADDED) == []
