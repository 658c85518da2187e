"""The meldcode's notifications: a proposed decision tells the
aandachtsfunctionarissen who may co-sign it, never the proposer, and the e-mail
names no one."""

from collections.abc import Callable

from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse

import pytest
from conftest import Persona
from pytest_django import DjangoCaptureOnCommitCallbacks

from kindveilig.access.actor import Actor
from kindveilig.access.roles import Role
from kindveilig.meldcode import scenarios
from kindveilig.meldcode.models import Decision, Trajectory
from kindveilig.meldcode.services import decision_propose
from kindveilig.meldcode.services.decisions import DecisionInput
from kindveilig.notifications.models import Notification, NotificationKind
from kindveilig.organisations.models import Organisation

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("immediate_tasks")]

GIVEN, FAMILY, BSN = "Noor (test)", "Geheimhouder", "111222333"


def propose(actor: Actor, trajectory: Trajectory) -> Decision:
    trajectory.refresh_from_db()
    return decision_propose(
        actor=actor,
        trajectory=trajectory,
        data=DecisionInput(
            melden=True,
            melden_rationale="Structurele onveiligheid: herhaald letsel.",
            help_possible=False,
            help_rationale="Eerst veiligheid via Veilig Thuis.",
        ),
        expected_version=trajectory.version,
    )


def at_step_5(actor: Actor) -> Trajectory:
    return scenarios.at_step_5_melden(
        actor, given_name=GIVEN, family_name=FAMILY, bsn=BSN
    )


def test_a_proposed_decision_notifies_every_aandachtsfunctionaris_but_no_one_else(
    prof: Actor,
    aandachtsfunctionaris: Persona,
    make_persona: Callable[..., Persona],
    organisation: Organisation,
    outsider: Persona,
    django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks,
) -> None:
    second = make_persona(Role.AANDACHTSFUNCTIONARIS, organisation)
    colleague = make_persona(Role.PROFESSIONAL, organisation)
    other_af = make_persona(Role.AANDACHTSFUNCTIONARIS, outsider.organisation)
    trajectory = at_step_5(prof)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        propose(prof, trajectory)
    notified = Notification.objects.filter(
        kind=NotificationKind.DECISION_AWAITING_COSIGN
    )
    assert sorted(notified.values_list("user_id", flat=True)) == sorted(
        [aandachtsfunctionaris.user.pk, second.user.pk]
    )
    cosign = reverse("meldcode:decision-cosign", args=[trajectory.public_id])
    assert set(notified.values_list("url", flat=True)) == {cosign}
    for persona in (colleague, other_af, outsider):
        assert not Notification.objects.filter(user=persona.user).exists()
    # One e-mail per notification, without a name, a BSN or the decision's text.
    assert sorted(m.to[0] for m in mail.outbox) == sorted(
        [aandachtsfunctionaris.user.email, second.user.email]
    )
    for message in mail.outbox:
        text = f"{message.subject}\n{message.body}"
        for secret in (
            GIVEN,
            FAMILY,
            BSN,
            prof.user.full_name,
            aandachtsfunctionaris.user.full_name,
            "Structurele onveiligheid",
        ):
            assert secret not in text
        assert cosign in message.body


def test_an_aandachtsfunctionaris_who_proposes_is_not_asked_to_cosign(
    af: Actor,
    make_persona: Callable[..., Persona],
    organisation: Organisation,
) -> None:
    second = make_persona(Role.AANDACHTSFUNCTIONARIS, organisation)
    propose(af, at_step_5(af))
    assert list(Notification.objects.values_list("user_id", flat=True)) == [
        second.user.pk
    ]


def test_an_aandachtsfunctionaris_who_left_is_not_notified(
    prof: Actor,
    aandachtsfunctionaris: Persona,
    retire: Callable[[Persona], Persona],
) -> None:
    retire(aandachtsfunctionaris)
    propose(prof, at_step_5(prof))
    assert not Notification.objects.exists()


def test_a_refused_decision_notifies_no_one(
    prof: Actor, aandachtsfunctionaris: Persona
) -> None:
    trajectory = scenarios.at_step_4(prof)
    with pytest.raises(ValidationError, match="5"):
        propose(prof, trajectory)
    assert not Notification.objects.exists()


def test_a_deviation_notifies_the_aandachtsfunctionarissen_with_the_trajectory(
    prof: Actor,
    aandachtsfunctionaris: Persona,
) -> None:
    trajectory = at_step_5(prof)
    trajectory.refresh_from_db()
    decision_propose(
        actor=prof,
        trajectory=trajectory,
        data=DecisionInput(
            melden=False,
            melden_rationale="Ik wil eerst zelf hulp bieden.",
            help_possible=True,
            help_rationale="Ouders staan open voor hulp.",
            help_plan="Opvoedondersteuning via het CJG.",
            deviation_justification="Ouders werken mee; melden schaadt het vertrouwen.",
        ),
        expected_version=trajectory.version,
    )
    deviation = Notification.objects.get(kind=NotificationKind.DECISION_DEVIATES)
    assert deviation.user == aandachtsfunctionaris.user
    assert deviation.url == reverse(
        "meldcode:trajectory-detail", args=[trajectory.public_id]
    )
