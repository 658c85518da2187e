"""WGBO: a signal and its contact moments are kept 20 years after the last
change, then deleted with a record per person; a legal hold keeps them."""

import datetime as dt

import pytest
import time_machine
from conftest import Persona

from kindveilig.audit.models import AuditAction, AuditEvent
from kindveilig.kansrijkestart import scenarios
from kindveilig.kansrijkestart.models import ContactMoment, StartSignal
from kindveilig.organisations.models import Organisation
from kindveilig.privacy.services import legal_hold_place, retention_apply

pytestmark = pytest.mark.django_db

START = dt.datetime(2026, 3, 2, 10, 0, tzinfo=dt.UTC)
KIND = "kansrijkestart.startsignal"


def test_a_signal_is_kept_twenty_years_after_the_last_change(
    midwife: Persona, nurse: Persona, jgz: Organisation
) -> None:
    with time_machine.travel(START, tick=False):
        signal = scenarios.pregnancy_signal(midwife.actor, jgz)
    # A contact moment a year later is a change: the term counts from there.
    with time_machine.travel(START + dt.timedelta(days=365), tick=False):
        scenarios.prenatal_visit(nurse.actor, signal)
    with time_machine.travel(START + dt.timedelta(days=20 * 365 + 6), tick=False):
        assert retention_apply().counts[KIND] == 0
    with time_machine.travel(START + dt.timedelta(days=21 * 365 + 10), tick=False):
        assert retention_apply().counts[KIND] == 1
    assert not StartSignal.objects.exists()
    assert not ContactMoment.objects.exists()
    deletions = AuditEvent.objects.filter(
        action=AuditAction.DELETE, object_id=str(signal.public_id)
    )
    assert [event.person_id for event in deletions] == [signal.parent.public_id]
    assert deletions[0].reason == "retention"


def test_a_legal_hold_keeps_the_signal(
    midwife: Persona, functioneel_beheerder: Persona, jgz: Organisation
) -> None:
    with time_machine.travel(START, tick=False):
        signal = scenarios.pregnancy_signal(midwife.actor, jgz)
    legal_hold_place(
        actor=functioneel_beheerder.actor,
        record_kind=KIND,
        object_id=signal.public_id,
        reason="Klachtprocedure over de zorg loopt nog.",
    )
    with time_machine.travel(START + dt.timedelta(days=21 * 365), tick=False):
        assert retention_apply().counts[KIND] == 0
    assert StartSignal.objects.filter(pk=signal.pk).exists()
