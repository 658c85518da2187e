"""A parent withdraws consent (AVG art. 7(3)): the JGZ nurse who follows the
family records it on the signal, in the parent's words, audited. From then on
the coalition sees nothing of the family and nothing new is shared: no agenda
item, action, referral or household request; open actions stay with their
owners, who see only that consent was withdrawn (docs/kansrijke-start.md)."""

import datetime as dt
from collections.abc import Callable

from django.core.exceptions import ValidationError
from django.db import connection
from django.template.defaultfilters import date as date_filter
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext

import pytest
from conftest import Persona

from kindveilig.audit.models import AuditAction, AuditEvent
from kindveilig.kansrijkestart import coalition_services, scenarios
from kindveilig.kansrijkestart.consent_services import signal_consent_withdraw
from kindveilig.kansrijkestart.forms import SignalForm
from kindveilig.kansrijkestart.models import (
    ActionKind,
    ActionOutcome,
    AgendaItem,
    ConsentStatus,
    FollowUpAction,
    HouseholdRequest,
    StartSignal,
)
from kindveilig.kansrijkestart.services import (
    contact_moment_start_household_case,
    household_request_accept,
)

from .coalition_world import (
    SUMMARY,
    World,
    build_world,
    make_meeting,
    make_signal,
)

pytestmark = pytest.mark.django_db
Login = Callable[[Client, Persona], Client]

WORDS = "Ik wil niet meer dat het wijkteam en de anderen over ons praten."
ACTION = "Huisbezoek samen met de JGZ-verpleegkundige."
REFERRAL = "Intake schuldhulp: de huurachterstand."
WORDS_REQUIRED = "Write down what the parent said when withdrawing consent."
NOTHING_TO_WITHDRAW = (
    "The parent has not given consent, so there is nothing to withdraw."
)


@pytest.fixture
def world() -> World:
    return build_world()


def _due() -> dt.date:
    return timezone.localdate() + dt.timedelta(days=7)


def _discussed(world: World, signal: StartSignal) -> AgendaItem:
    """The family on a consultation's agenda with an action for the lokaal team
    worker and a warm referral to schuldhulp, all while consent was given."""
    item = coalition_services.agenda_add(
        actor=world.nurse.actor,
        meeting=make_meeting(world),
        signal=signal,
        shared_summary=SUMMARY,
        consent_checked=True,
    )
    coalition_services.action_add(
        actor=world.nurse.actor,
        agenda_item=item,
        owner=world.worker.membership,
        due_on=_due(),
        description=ACTION,
    )
    coalition_services.referral_make(
        actor=world.nurse.actor,
        signal=signal,
        kind=ActionKind.DEBT_HELP,
        owner=world.debt_worker.membership,
        due_on=_due(),
        description=REFERRAL,
    )
    return item


def _day(moment: dt.datetime | None) -> str:
    assert moment is not None
    return date_filter(timezone.localtime(moment), "j F Y")


def _withdraw_url(signal: StartSignal) -> str:
    return reverse("kansrijkestart:consent-withdraw", args=[signal.public_id])


def test_the_nurse_records_the_withdrawal_in_the_parents_words_and_it_is_audited(
    world: World, login: Login
) -> None:
    signal = make_signal(world)
    given_at = signal.consent_recorded_at
    client = login(Client(), world.nurse)
    detail = client.get(
        reverse("kansrijkestart:signal-detail", args=[signal.public_id])
    )
    assert _withdraw_url(signal) in detail.content.decode()  # reachable from it

    assert client.get(_withdraw_url(signal)).status_code == 200
    response = client.post(_withdraw_url(signal), {"words": WORDS})

    assert response.status_code == 302
    signal.refresh_from_db()
    assert signal.consent == ConsentStatus.WITHDRAWN
    assert not signal.has_consent
    assert signal.consent_withdrawn_at is not None
    # The history: given then, withdrawn now, in the parent's words.
    assert signal.consent_recorded_at == given_at
    assert signal.consent_withdrawal_words == WORDS
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT consent_withdrawal_words FROM kansrijkestart_startsignal "
            "WHERE id = %s",
            [signal.pk],
        )
        (stored,) = cursor.fetchone()
    assert "wijkteam" not in stored  # encrypted at rest
    update = AuditEvent.objects.get(
        action=AuditAction.UPDATE, reason="consent withdrawn"
    )
    assert update.person_id == signal.parent.public_id
    assert update.object_type == "kansrijkestart.startsignal"
    assert update.object_id == str(signal.public_id)
    assert update.actor_user_id == world.nurse.user.pk
    # The signal's page tells the history; the link to withdraw is gone.
    body = client.get(
        reverse("kansrijkestart:signal-detail", args=[signal.public_id])
    ).content.decode()
    assert WORDS in body
    assert _withdraw_url(signal) not in body


def test_the_signaller_sees_that_consent_was_withdrawn_but_not_the_words(
    world: World, login: Login
) -> None:
    signal = make_signal(world)
    signal_consent_withdraw(actor=world.nurse.actor, signal=signal, words=WORDS)
    body = (
        login(Client(), world.midwife)
        .get(reverse("kansrijkestart:signal-detail", args=[signal.public_id]))
        .content.decode()
    )
    assert WORDS not in body
    assert _withdraw_url(signal) not in body
    signal.refresh_from_db()
    history = gettext(
        "The parent gave consent on %(given)s and withdrew it on %(withdrawn)s"
    ) % {
        "given": _day(signal.consent_recorded_at),
        "withdrawn": _day(signal.consent_withdrawn_at),
    }
    assert history in body


def test_the_parents_words_are_required_next_to_the_field(
    world: World, login: Login
) -> None:
    signal = make_signal(world)
    with pytest.raises(ValidationError) as refused:
        signal_consent_withdraw(actor=world.nurse.actor, signal=signal, words="  ")
    assert refused.value.message_dict == {"words": [gettext(WORDS_REQUIRED)]}

    client = login(Client(), world.nurse)
    empty = client.post(_withdraw_url(signal), {"words": ""})
    assert empty.status_code == 200
    assert gettext(WORDS_REQUIRED) in empty.content.decode()
    # A refused form keeps what was typed.
    typed = "Ik wil het niet meer\u202e"
    kept = client.post(_withdraw_url(signal), {"words": typed})
    assert kept.status_code == 200
    assert "Ik wil het niet meer" in kept.content.decode()
    signal.refresh_from_db()
    assert signal.consent == ConsentStatus.GIVEN
    assert not AuditEvent.objects.filter(reason="consent withdrawn").exists()


def test_only_consent_that_was_given_can_be_withdrawn(
    world: World, login: Login
) -> None:
    refused = make_signal(world, consent=ConsentStatus.REFUSED, given_name="Fatima")
    with pytest.raises(ValidationError) as error:
        signal_consent_withdraw(actor=world.nurse.actor, signal=refused, words=WORDS)
    assert error.value.code == "no_consent"
    given = make_signal(world)
    signal_consent_withdraw(actor=world.nurse.actor, signal=given, words=WORDS)
    with pytest.raises(ValidationError) as twice:
        signal_consent_withdraw(actor=world.nurse.actor, signal=given, words=WORDS)
    assert twice.value.code == "no_consent"
    # The page says so and offers no form.
    page = login(Client(), world.nurse).get(_withdraw_url(refused))
    assert page.status_code == 200
    assert gettext(NOTHING_TO_WITHDRAW) in page.content.decode()
    assert 'name="words"' not in page.content.decode()


def test_who_does_not_follow_the_family_cannot_withdraw(
    world: World, login: Login
) -> None:
    signal = make_signal(world)
    # The midwife signalled: she reads the signal, but the JGZ records (403).
    midwife = login(Client(), world.midwife)
    assert midwife.get(_withdraw_url(signal)).status_code == 403
    assert midwife.post(_withdraw_url(signal), {"words": WORDS}).status_code == 403
    # The lokaal team has no relation to the signal (404).
    worker = login(Client(), world.worker)
    assert worker.get(_withdraw_url(signal)).status_code == 404
    assert worker.post(_withdraw_url(signal), {"words": WORDS}).status_code == 404
    with pytest.raises(ValidationError) as refused:
        signal_consent_withdraw(actor=world.midwife.actor, signal=signal, words=WORDS)
    assert refused.value.code == "forbidden"
    signal.refresh_from_db()
    assert signal.consent == ConsentStatus.GIVEN


def test_after_the_withdrawal_the_meeting_page_shows_nothing_of_the_family(
    world: World, login: Login
) -> None:
    signal = make_signal(world)
    item = _discussed(world, signal)
    signal_consent_withdraw(actor=world.nurse.actor, signal=signal, words=WORDS)
    reads_before = AuditEvent.objects.filter(
        action=AuditAction.READ, person_id=signal.parent.public_id
    ).count()

    url = reverse("kansrijkestart:meeting-detail", args=[item.meeting.public_id])
    for persona in (world.nurse, world.worker, world.midwife):
        body = login(Client(), persona).get(url).content.decode()
        assert signal.parent.full_name not in body
        assert SUMMARY not in body
        assert ACTION not in body
        assert WORDS not in body
        assert gettext("A family without consent") in body
        assert reverse("kansrijkestart:action-add", args=[item.public_id]) not in body
    # Nothing of the family was shown, so nothing was read.
    assert (
        AuditEvent.objects.filter(
            action=AuditAction.READ, person_id=signal.parent.public_id
        ).count()
        == reads_before
    )


def test_after_the_withdrawal_nothing_new_is_agreed_or_referred(
    world: World, login: Login
) -> None:
    signal = make_signal(world)
    item = _discussed(world, signal)
    signal_consent_withdraw(actor=world.nurse.actor, signal=signal, words=WORDS)
    actions = FollowUpAction.objects.count()

    with pytest.raises(ValidationError) as action:
        coalition_services.action_add(
            actor=world.nurse.actor,
            agenda_item=item,
            owner=world.worker.membership,
            due_on=_due(),
            description="Nog een huisbezoek.",
        )
    assert action.value.code == "no_consent"
    with pytest.raises(ValidationError) as referral:
        coalition_services.referral_make(
            actor=world.nurse.actor,
            signal=signal,
            kind=ActionKind.INCOME_SUPPORT,
            owner=world.debt_worker.membership,
            due_on=_due(),
            description="Bijzondere bijstand.",
        )
    assert referral.value.code == "no_consent"
    with pytest.raises(ValidationError) as agenda:
        coalition_services.agenda_add(
            actor=world.nurse.actor,
            meeting=make_meeting(world),
            signal=signal,
            shared_summary=SUMMARY,
            consent_checked=True,
        )
    assert agenda.value.code == "no_consent"
    assert FollowUpAction.objects.count() == actions
    assert AgendaItem.objects.count() == 1
    # The action page of the agenda item is gone for the participants.
    page = login(Client(), world.worker).get(
        reverse("kansrijkestart:action-add", args=[item.public_id])
    )
    assert page.status_code == 404


def test_open_actions_stay_with_their_owners_who_see_only_the_withdrawal(
    world: World, login: Login
) -> None:
    signal = make_signal(world)
    _discussed(world, signal)
    referral = FollowUpAction.objects.get(kind=ActionKind.DEBT_HELP)
    # While consent is given, "stopped: consent withdrawn" is no outcome.
    with pytest.raises(ValidationError):
        coalition_services.action_complete(
            actor=world.debt_worker.actor,
            action=referral,
            outcome=ActionOutcome.CONSENT_WITHDRAWN,
        )
    signal_consent_withdraw(actor=world.nurse.actor, signal=signal, words=WORDS)

    client = login(Client(), world.debt_worker)
    listed = client.get(reverse("kansrijkestart:my-actions")).content.decode()
    assert gettext("consent withdrawn") in listed
    assert signal.parent.full_name not in listed
    assert REFERRAL not in listed
    url = reverse("kansrijkestart:action-detail", args=[referral.public_id])
    page = client.get(url).content.decode()
    assert 'data-testid="action-consent-withdrawn"' in page
    assert signal.parent.full_name not in page
    assert REFERRAL not in page
    assert f'value="{ActionOutcome.CONSENT_WITHDRAWN}"' in page

    response = client.post(url, {"outcome": ActionOutcome.CONSENT_WITHDRAWN})
    assert response.status_code == 302
    referral.refresh_from_db()
    assert referral.outcome == ActionOutcome.CONSENT_WITHDRAWN
    assert referral.is_done
    # The JGZ's own page keeps its record of what was agreed and how it ended.
    jgz_page = (
        login(Client(), world.nurse)
        .get(reverse("kansrijkestart:signal-detail", args=[signal.public_id]))
        .content.decode()
    )
    assert REFERRAL in jgz_page
    assert str(ActionOutcome.CONSENT_WITHDRAWN.label) in jgz_page


def test_a_waiting_household_request_can_no_longer_be_accepted(
    world: World, login: Login
) -> None:
    signal = make_signal(world)
    moment = scenarios.prenatal_visit(world.nurse.actor, signal)
    request = contact_moment_start_household_case(
        actor=world.nurse.actor,
        moment=moment,
        lokaal_team=world.worker.membership.organisation,
    )
    client = login(Client(), world.worker)
    listed = reverse("kansrijkestart:request-list")
    assert signal.parent.full_name in client.get(listed).content.decode()

    signal_consent_withdraw(actor=world.nurse.actor, signal=signal, words=WORDS)

    assert signal.parent.full_name not in client.get(listed).content.decode()
    detail = reverse("kansrijkestart:request-detail", args=[request.public_id])
    assert client.get(detail).status_code == 404
    assert client.post(detail).status_code == 404
    with pytest.raises(ValidationError) as refused:
        household_request_accept(actor=world.worker.actor, request=request)
    assert refused.value.code == "no_consent"
    assert HouseholdRequest.objects.get().accepted_at is None


def test_a_new_signal_records_only_given_or_refused(world: World) -> None:
    field = SignalForm().fields["consent"]
    assert [value for value, _label in field.choices] == [  # type: ignore[attr-defined]
        ConsentStatus.GIVEN,
        ConsentStatus.REFUSED,
    ]
    with pytest.raises(ValidationError) as refused:
        make_signal(world, consent=ConsentStatus.WITHDRAWN)
    assert "consent" in refused.value.message_dict
