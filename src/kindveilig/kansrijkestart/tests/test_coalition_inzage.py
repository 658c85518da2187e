"""The inzage export (AVG art. 15) names the coalition's consultations, actions
and interventions by kind and date, never their texts."""

import datetime as dt
import json

from django.utils import timezone

import pytest

from kindveilig.access.roles import Role
from kindveilig.kansrijkestart import coalition_services as services
from kindveilig.kansrijkestart.models import InterventionKind
from kindveilig.kansrijkestart.services import PersonInput, signal_register_birth
from kindveilig.privacy.inzage import inzage_export_for

from .coalition_world import SUMMARY, build_world, make_meeting, make_signal, persona

pytestmark = pytest.mark.django_db


def test_the_export_lists_the_coalitions_part_without_its_texts() -> None:
    world = build_world()
    signal = make_signal(world)
    meeting = make_meeting(world)
    item = services.agenda_add(
        actor=world.nurse.actor,
        meeting=meeting,
        signal=signal,
        shared_summary=SUMMARY,
        consent_checked=True,
    )
    services.action_add(
        actor=world.nurse.actor,
        agenda_item=item,
        owner=world.worker.membership,
        due_on=timezone.localdate() + dt.timedelta(days=5),
        description="Geheime actietekst.",
    )
    services.intervention_offer(
        actor=world.nurse.actor,
        signal=signal,
        kind=InterventionKind.VOORZORG,
        offered_on=timezone.localdate(),
    )
    signal = signal_register_birth(
        actor=world.nurse.actor,
        signal=signal,
        child=PersonInput("Noah", "Proef", timezone.localdate()),
    )
    assert signal.child is not None
    beheerder = persona(Role.FUNCTIONEEL_BEHEERDER, world.jgz)
    export = inzage_export_for(
        actor=beheerder.actor,
        public_id=signal.child.public_id,
        reason="Verzoek van de ouder om inzage.",
    )
    [row] = export["kansrijke_start"]
    text = "; ".join(row["coalition"])
    assert meeting.title in text
    assert str(InterventionKind.VOORZORG.label) in text
    assert len(row["coalition"]) == 3
    dumped = json.dumps(export, ensure_ascii=False)
    assert SUMMARY not in dumped
    assert "Geheime actietekst." not in dumped
