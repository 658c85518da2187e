"""The older purge commands (and the youth channel's task) keep what a legal hold
keeps, exactly as a run of the retention engine does: a held record survives, an
unheld one of the same age goes."""

import datetime as dt
from io import StringIO

from django.core.management import call_command
from django.utils import timezone

import pytest
import time_machine
from conftest import Persona

from kindveilig.core import retention
from kindveilig.organisations.models import Organisation
from kindveilig.privacy.services import legal_hold_place
from kindveilig.verwijsindex.models import Signal, SignalStatus
from kindveilig.verwijsindex.services import (
    SIGNAL_KIND,
    ChildSignalInput,
    signal_register_for_child,
    signals_apply_retention,
)
from kindveilig.youth.messages.models import PublicChannel, YouthConversation
from kindveilig.youth.messages.services import (
    CONVERSATION_KIND,
    conversation_start,
)
from kindveilig.youth.messages.tasks import purge_youth_conversations

pytestmark = pytest.mark.django_db

REASON = "Klachtprocedure bij de geschillencommissie loopt."
START = dt.datetime(2025, 9, 1, 10, 0, tzinfo=dt.UTC)


def _signals(professional: Persona) -> tuple[Signal, Signal]:
    """Two archived signals, both past their archive period."""
    signals = [
        signal_register_for_child(
            actor=professional.actor,
            data=ChildSignalInput(given_name=name, family_name="Termijn", bsn=bsn),
        )
        for name, bsn in [("Weg", "111222333"), ("Blijft", "123456782")]
    ]
    past = timezone.now() - dt.timedelta(days=1)
    Signal.objects.filter(pk__in=[s.pk for s in signals]).update(
        status=SignalStatus.ARCHIVED, delete_after=past
    )
    return signals[0], signals[1]


def test_apply_signal_retention_keeps_a_signal_under_legal_hold(
    professional: Persona, functioneel_beheerder: Persona
) -> None:
    gone, kept = _signals(professional)
    legal_hold_place(
        actor=functioneel_beheerder.actor,
        record_kind=SIGNAL_KIND,
        object_id=kept.public_id,
        reason=REASON,
    )
    call_command("apply_signal_retention", stdout=StringIO())
    assert not Signal.objects.filter(pk=gone.pk).exists()
    assert Signal.objects.filter(pk=kept.pk).exists()


def test_apply_signal_retention_keeps_the_signal_of_a_held_person(
    professional: Persona, functioneel_beheerder: Persona
) -> None:
    gone, kept = _signals(professional)
    legal_hold_place(
        actor=functioneel_beheerder.actor,
        record_kind="persons.person",
        object_id=kept.person.public_id,
        reason=REASON,
    )
    call_command("apply_signal_retention", stdout=StringIO())
    assert not Signal.objects.filter(pk=gone.pk).exists()
    assert Signal.objects.filter(pk=kept.pk).exists()


def _conversations(organisation: Organisation) -> tuple[YouthConversation, ...]:
    channel = PublicChannel.objects.create(
        organisation=organisation, public_code="PROEF", display_name="De Proef"
    )
    with time_machine.travel(START, tick=False):
        pair = [
            conversation_start(channel=channel, body=body).conversation
            for body in ["Hoi", "Hallo"]
        ]
    return pair[0], pair[1]


def _hold_conversation(persona: Persona, conversation: YouthConversation) -> None:
    legal_hold_place(
        actor=persona.actor,
        record_kind=CONVERSATION_KIND,
        object_id=conversation.public_id,
        reason=REASON,
    )


def test_purge_youth_conversations_keeps_a_conversation_under_legal_hold(
    organisation: Organisation, functioneel_beheerder: Persona
) -> None:
    gone, kept = _conversations(organisation)
    _hold_conversation(functioneel_beheerder, kept)
    with time_machine.travel(START + dt.timedelta(days=61), tick=False):
        call_command("purge_youth_conversations", stdout=StringIO())
    assert not YouthConversation.objects.filter(pk=gone.pk).exists()
    assert YouthConversation.objects.filter(pk=kept.pk).exists()


def test_the_purge_task_keeps_a_conversation_under_legal_hold(
    organisation: Organisation, functioneel_beheerder: Persona
) -> None:
    gone, kept = _conversations(organisation)
    _hold_conversation(functioneel_beheerder, kept)
    with time_machine.travel(START + dt.timedelta(days=61), tick=False):
        assert purge_youth_conversations.call() == 1
    assert not YouthConversation.objects.filter(pk=gone.pk).exists()
    assert YouthConversation.objects.filter(pk=kept.pk).exists()


def test_a_purge_outside_the_engine_refuses_without_a_source_of_holds(
    professional: Persona, monkeypatch: pytest.MonkeyPatch
) -> None:
    _signals(professional)
    monkeypatch.setattr(retention, "_HOLD_SOURCES", [])
    with pytest.raises(RuntimeError):
        signals_apply_retention()
    assert Signal.objects.count() == 2
