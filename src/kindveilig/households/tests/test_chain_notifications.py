"""Notifications of chain work: a partner ended, partner changes for the
regievoerder, a plan version published; for every event of chain work, the
e-mail carries no personal data and the link opens for whoever is told."""

from collections.abc import Callable
from dataclasses import dataclass

from django.core import mail
from django.test import Client
from django.urls import reverse

import pytest
from conftest import Persona, login_as
from pytest_django import DjangoCaptureOnCommitCallbacks

from kindveilig.access.actor import Actor
from kindveilig.access.roles import Role
from kindveilig.households.models import (
    CasePartner,
    Handover,
    Household,
    ItemKind,
    PartnerKind,
    SafetyCase,
)
from kindveilig.households.services import (
    ItemInput,
    handover_accept,
    handover_create_for_case,
    handover_reject,
    partner_add,
    partner_end,
    plan_version_create,
)
from kindveilig.notifications.models import Notification, NotificationKind
from kindveilig.organisations.models import Organisation

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("immediate_tasks")]

# Planted in every free text and in the household's label: never in an e-mail.
MARK = "Zwanenburg-Quist"


def told(kind: NotificationKind) -> list[int]:
    users = Notification.objects.filter(kind=kind).values_list("user_id", flat=True)
    return sorted(users)


def add_partner(
    actor: Actor,
    case: SafetyCase,
    organisation: Organisation,
    contact: Persona | None = None,
) -> CasePartner:
    return partner_add(
        actor=actor,
        case=case,
        kind=PartnerKind.OTHER,
        organisation=organisation,
        contact_name=f"{MARK} (contact)",
        contact_user=contact.user if contact else None,
        takes_on=f"Huisbezoek bij {MARK}.",
    )


def publish(actor: Actor, case: SafetyCase) -> None:
    latest = case.plan_versions.order_by("-number").first()
    plan_version_create(
        actor=actor,
        case=case,
        items=[
            ItemInput(
                kind=ItemKind.CONDITION,
                what=f"{MARK} slaat niet.",
                who=f"Vader {MARK}",
            )
        ],
        note=f"Nieuw na gesprek met {MARK}." if latest else "",
        based_on=latest.number if latest else 0,
    )


@pytest.fixture
def regie(lokaal_team_medewerker: Persona, household: Household) -> Persona:
    """The regievoerder of the household (who made it from the trajectory)."""
    assert household.cases.get().regievoerder_id == lokaal_team_medewerker.user.pk
    return lokaal_team_medewerker


@pytest.fixture
def regie_af(make_persona: Callable[..., Persona], regie: Persona) -> Persona:
    """An aandachtsfunctionaris of the responsible organisation: may act on the
    case as well as the regievoerder."""
    return make_persona(Role.AANDACHTSFUNCTIONARIS, regie.organisation)


@pytest.fixture
def marked(household: Household) -> Household:
    household.label = f"Gezin {MARK}"
    household.save(update_fields=["label"])
    return household


def test_ending_a_partner_tells_its_people_and_links_to_the_household_list(
    regie: Persona,
    marked: Household,
    professional: Persona,
    aandachtsfunctionaris: Persona,
    outsider: Persona,
) -> None:
    case = marked.cases.get()
    partner = add_partner(regie.actor, case, professional.organisation)
    add_partner(regie.actor, case, outsider.organisation)
    Notification.objects.all().delete()
    partner_end(actor=regie.actor, partner=partner)
    assert told(NotificationKind.PARTNER_ENDED) == sorted(
        [professional.user.pk, aandachtsfunctionaris.user.pk]
    )
    assert {n.url for n in Notification.objects.all()} == {
        reverse("households:household-list")
    }
    # The regievoerder ended it: nobody tells them what they did.
    assert told(NotificationKind.PARTNERS_CHANGED) == []
    # Ending it again changes nothing and tells no one again.
    partner_end(actor=regie.actor, partner=partner)
    assert Notification.objects.count() == 2


def test_a_named_contact_alone_is_told_the_partnership_ended(
    regie: Persona,
    household: Household,
    professional: Persona,
    aandachtsfunctionaris: Persona,
) -> None:
    partner = add_partner(
        regie.actor, household.cases.get(), professional.organisation, professional
    )
    partner_end(actor=regie.actor, partner=partner)
    assert told(NotificationKind.PARTNER_ENDED) == [professional.user.pk]


def test_the_regievoerder_is_told_when_someone_else_changes_the_partners(
    regie: Persona,
    regie_af: Persona,
    household: Household,
    professional: Persona,
) -> None:
    case = household.cases.get()
    partner = add_partner(regie_af.actor, case, professional.organisation)
    assert told(NotificationKind.PARTNERS_CHANGED) == [regie.user.pk]
    partner_end(actor=regie_af.actor, partner=partner)
    assert told(NotificationKind.PARTNERS_CHANGED) == [regie.user.pk, regie.user.pk]
    assert {
        n.url
        for n in Notification.objects.filter(kind=NotificationKind.PARTNERS_CHANGED)
    } == {reverse("households:household-detail", args=[household.public_id])}
    assert regie_af.user.pk not in told(NotificationKind.PARTNER_ADDED)
    assert regie_af.user.pk not in told(NotificationKind.PARTNER_ENDED)


def test_the_regievoerder_is_not_told_of_their_own_partner_changes(
    regie: Persona, household: Household, professional: Persona
) -> None:
    Notification.objects.all().delete()  # the household's making may have told them
    partner = add_partner(regie.actor, household.cases.get(), professional.organisation)
    partner_end(actor=regie.actor, partner=partner)
    assert told(NotificationKind.PARTNERS_CHANGED) == []
    assert Notification.objects.filter(user=regie.user).count() == 0


def test_a_published_plan_tells_the_active_partners_and_the_regievoerder(
    regie: Persona,
    regie_af: Persona,
    household: Household,
    professional: Persona,
    aandachtsfunctionaris: Persona,
    outsider: Persona,
    jeugdbescherming: Organisation,
    make_persona: Callable[..., Persona],
    functioneel_beheerder: Persona,
) -> None:
    case = household.cases.get()
    jb_contact = make_persona(Role.PROFESSIONAL, jeugdbescherming)
    jb_colleague = make_persona(Role.PROFESSIONAL, jeugdbescherming)
    add_partner(regie.actor, case, professional.organisation)  # no contact named
    add_partner(regie.actor, case, jeugdbescherming, jb_contact)
    ended = add_partner(regie.actor, case, outsider.organisation)
    partner_end(actor=regie.actor, partner=ended)
    partner_add(
        actor=regie.actor,
        case=case,
        kind=PartnerKind.OTHER,
        organisation_name="Sportclub (test)",
        contact_name="Trainer (test)",
        takes_on="Houdt een oogje in het zeil.",
    )
    publish(regie_af.actor, case)
    expected = sorted(
        [
            regie.user.pk,
            professional.user.pk,
            aandachtsfunctionaris.user.pk,
            jb_contact.user.pk,
        ]
    )
    assert told(NotificationKind.PLAN_PUBLISHED) == expected
    for left_out in (regie_af, outsider, jb_colleague, functioneel_beheerder):
        assert left_out.user.pk not in told(NotificationKind.PLAN_PUBLISHED)
    assert {
        n.url for n in Notification.objects.filter(kind=NotificationKind.PLAN_PUBLISHED)
    } == {reverse("households:plan", args=[household.public_id])}
    # The regievoerder's own next version: the partners are told, they are not.
    Notification.objects.all().delete()
    publish(regie.actor, case)
    assert told(NotificationKind.PLAN_PUBLISHED) == sorted(
        set(expected) - {regie.user.pk}
    )
    assert regie.user.pk not in told(NotificationKind.PLAN_PUBLISHED)


@dataclass
class Scene:
    regie: Persona
    regie_af: Persona
    partner: Persona  # a worker of a partner organisation (no contact named)
    receiver: Persona  # a worker of the organisation a handover is offered to
    household: Household
    receiving: Organisation


@pytest.fixture
def scene(
    regie: Persona,
    regie_af: Persona,
    marked: Household,
    professional: Persona,
    jeugdbescherming: Organisation,
    make_persona: Callable[..., Persona],
) -> Scene:
    return Scene(
        regie=regie,
        regie_af=regie_af,
        partner=professional,
        receiver=make_persona(Role.PROFESSIONAL, jeugdbescherming),
        household=marked,
        receiving=jeugdbescherming,
    )


def offer(scene: Scene) -> None:
    handover_create_for_case(
        actor=scene.regie.actor,
        case=scene.household.cases.get(),
        to_organisation=scene.receiving,
        note=f"Overdracht: {MARK} verhuist.",
    )


def pending(scene: Scene) -> Handover:
    return scene.household.cases.get().handovers.get()


# Each event: what sets it up (not measured), the event itself, and who is told.
EVENTS: dict[str, tuple[Callable[[Scene], object], Callable[[Scene], object], str]] = {
    "handover offered": (lambda s: None, offer, "receiver"),
    "handover accepted": (
        offer,
        lambda s: handover_accept(actor=s.receiver.actor, handover=pending(s)),
        "regie",
    ),
    "handover rejected": (
        offer,
        lambda s: handover_reject(
            actor=s.receiver.actor, handover=pending(s), note=f"{MARK}: nog niet."
        ),
        "regie",
    ),
    "partner added": (
        lambda s: None,
        lambda s: add_partner(
            s.regie.actor, s.household.cases.get(), s.partner.organisation
        ),
        "partner",
    ),
    "partner changed by a colleague": (
        lambda s: None,
        lambda s: add_partner(
            s.regie_af.actor, s.household.cases.get(), s.partner.organisation
        ),
        "regie",
    ),
    "partner ended": (
        lambda s: add_partner(
            s.regie.actor, s.household.cases.get(), s.partner.organisation
        ),
        lambda s: partner_end(
            actor=s.regie.actor, partner=s.household.cases.get().partners.get()
        ),
        "partner",
    ),
    "plan published": (
        lambda s: add_partner(
            s.regie.actor, s.household.cases.get(), s.partner.organisation
        ),
        lambda s: publish(s.regie_af.actor, s.household.cases.get()),
        "partner",
    ),
}


@pytest.mark.parametrize("event", list(EVENTS))
def test_each_event_mails_no_personal_data_and_links_a_page_the_receiver_may_open(
    scene: Scene,
    event: str,
    client: Client,
    django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks,
) -> None:
    setup, happen, who = EVENTS[event]
    setup(scene)
    Notification.objects.all().delete()
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        happen(scene)
    receiver: Persona = getattr(scene, who)
    notification = Notification.objects.filter(user=receiver.user).get()
    messages = [m for m in mail.outbox if m.to == [receiver.user.email]]
    assert len(messages) == 1
    [message] = messages
    assert notification.url in message.body
    members = [m.person for m in scene.household.members.select_related("person")]
    assert members
    secrets = [MARK, scene.household.label, scene.regie.user.full_name]
    secrets += [p.given_name for p in members] + [p.family_name for p in members]
    for sent in mail.outbox:
        for secret in secrets:
            assert secret not in sent.subject
            assert secret not in sent.body
        assert str(notification.get_kind_display()) not in sent.body
    login_as(client, receiver)
    assert client.get(notification.url).status_code == 200


def test_the_receivers_start_page_lists_the_offered_handover(
    scene: Scene, client: Client
) -> None:
    offer(scene)
    login_as(client, scene.receiver)
    html = client.get(reverse("portal:home")).content.decode()
    section = html[html.index('id="nieuwe-notificaties"') :]
    section = section[: section.index("</section>")]
    link = reverse("households:handover-detail", args=[pending(scene).public_id])
    assert f'href="{link}"' in section
    assert str(NotificationKind.HANDOVER_OFFERED.label) in section
    assert MARK not in section
