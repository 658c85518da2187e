"""The inzage export (AVG art. 15) lists the Kansrijke Start signals that name
the person, and nothing about the other family member."""

import datetime as dt
import json
from collections.abc import Callable

from django.utils import timezone

import pytest
from conftest import Persona

from kindveilig.access.roles import Role
from kindveilig.kansrijkestart import scenarios
from kindveilig.kansrijkestart.models import StartSignal
from kindveilig.kansrijkestart.services import PersonInput, signal_register_birth
from kindveilig.organisations.models import Organisation
from kindveilig.privacy.inzage import inzage_export_for

pytestmark = pytest.mark.django_db
REASON = "Verzoek van de ouder om inzage."


def test_the_parent_and_the_child_each_see_their_own_part(
    make_persona: Callable[..., Persona],
    midwives: Organisation,
    jgz: Organisation,
    nurse: Persona,
    signal: StartSignal,
) -> None:
    scenarios.prenatal_visit(nurse.actor, signal)
    born = timezone.localdate() - dt.timedelta(days=1)
    signal = signal_register_birth(
        actor=nurse.actor, signal=signal, child=PersonInput("Mila", "Jansen", born)
    )
    assert signal.child is not None
    beheer_midwives = make_persona(Role.FUNCTIONEEL_BEHEERDER, midwives)
    parent = inzage_export_for(
        actor=beheer_midwives.actor, public_id=signal.parent.public_id, reason=REASON
    )
    [row] = parent["kansrijke_start"]
    assert row["domains"]
    assert row["contacts"] == []  # the JGZ's record, not the midwives'
    beheer_jgz = make_persona(Role.FUNCTIONEEL_BEHEERDER, jgz)
    child = inzage_export_for(
        actor=beheer_jgz.actor, public_id=signal.child.public_id, reason=REASON
    )
    [row] = child["kansrijke_start"]
    assert row["domains"] == []
    assert len(row["contacts"]) == 1
    text = json.dumps(child, ensure_ascii=False)
    assert "Sanne" not in text
    assert scenarios.PARENT_WORDS not in text
