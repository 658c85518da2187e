import datetime as dt
import json
from io import StringIO

from django.core.management import call_command
from django.utils import timezone

import pytest
import time_machine
from conftest import Persona

from kindveilig.audit.models import AuditAction, AuditEvent
from kindveilig.meldcode import scenarios
from kindveilig.meldcode.models import Trajectory
from kindveilig.persons.models import Person
from kindveilig.privacy.models import LegalHold, RetentionRun
from kindveilig.privacy.services import legal_hold_place, retention_apply
from kindveilig.verwijsindex.models import Signal

pytestmark = pytest.mark.django_db

START = dt.datetime(2026, 3, 2, 10, 0, tzinfo=dt.UTC)
# A school keeps a closed meldcode dossier 2 years; the Verwijsindex keeps a
# signal 2 years active and 5 archived.
AFTER_SCHOOL_TERM = START + dt.timedelta(days=3 * 365)
# Archived by the run after three years, deleted five years later: past that,
# with the leap days of 2028 and 2032 and a margin.
AFTER_SIGNAL_TERM = START + dt.timedelta(days=8 * 365 + 10)


@pytest.fixture
def closed_pair(
    professional: Persona, aandachtsfunctionaris: Persona
) -> tuple[Trajectory, Trajectory]:
    """Two closed trajectories of a school; the second is under a legal hold."""
    with time_machine.travel(START, tick=False):
        gone = scenarios.closed_no_suspicion(
            professional.actor, given_name="Weg", family_name="Termijnmans"
        )
        kept = scenarios.closed_no_suspicion(
            professional.actor, given_name="Blijft", family_name="Bewaarmans"
        )
    assert gone.is_closed
    assert kept.is_closed
    return gone, kept


def _hold(persona: Persona, trajectory: Trajectory) -> LegalHold:
    return legal_hold_place(
        actor=persona.actor,
        record_kind="meldcode.trajectory",
        object_id=trajectory.public_id,
        reason="Klachtprocedure bij de geschillencommissie loopt.",
    )


def test_a_run_deletes_what_passed_its_term_and_nothing_under_legal_hold(
    closed_pair: tuple[Trajectory, Trajectory], functioneel_beheerder: Persona
) -> None:
    gone, kept = closed_pair
    _hold(functioneel_beheerder, kept)
    gone_child = gone.children.get().person

    with time_machine.travel(START + dt.timedelta(days=365), tick=False):
        assert retention_apply().counts["meldcode.trajectory"] == 0
    with time_machine.travel(AFTER_SCHOOL_TERM, tick=False):
        run = retention_apply()

    assert run.counts["meldcode.trajectory"] == 1
    assert not Trajectory.objects.filter(pk=gone.pk).exists()
    assert Trajectory.objects.filter(pk=kept.pk).exists()
    # The child's signal is archived, not yet past its archive term: it keeps
    # the person.
    assert Person.objects.filter(pk=gone_child.pk).exists()
    # One record per person concerned (the child and the parent), no content.
    deletions = AuditEvent.objects.filter(
        action=AuditAction.DELETE, object_id=str(gone.public_id)
    )
    assert gone_child.public_id in {event.person_id for event in deletions}
    assert len(deletions) == 2
    deletion = deletions[0]
    assert deletion.actor_user is None
    assert deletion.reason == "retention"

    with time_machine.travel(AFTER_SIGNAL_TERM, tick=False):
        run = retention_apply()
    assert run.counts["chain.signal"] >= 1
    assert not Person.objects.filter(pk=gone_child.pk).exists()
    kept_child = kept.children.get().person
    assert Person.objects.filter(pk=kept_child.pk).exists()
    assert Trajectory.objects.filter(pk=kept.pk).exists()


def test_a_lifted_hold_no_longer_keeps_the_record(
    closed_pair: tuple[Trajectory, Trajectory], functioneel_beheerder: Persona
) -> None:
    from kindveilig.privacy.services import legal_hold_lift

    _, kept = closed_pair
    hold = _hold(functioneel_beheerder, kept)
    legal_hold_lift(actor=functioneel_beheerder.actor, hold=hold)
    with time_machine.travel(AFTER_SCHOOL_TERM, tick=False):
        assert retention_apply().counts["meldcode.trajectory"] == 2


def test_a_second_run_removes_nothing(
    closed_pair: tuple[Trajectory, Trajectory],
) -> None:
    with time_machine.travel(AFTER_SIGNAL_TERM, tick=False):
        first = retention_apply(batch_size=1)
        second = retention_apply(batch_size=1)
    assert first.counts["meldcode.trajectory"] == 2
    assert first.counts["persons.person"] >= 2
    assert set(second.counts.values()) == {0}


def test_a_dry_run_removes_nothing_and_reports_what_is_due(
    closed_pair: tuple[Trajectory, Trajectory],
) -> None:
    trajectories, persons = Trajectory.objects.count(), Person.objects.count()
    audit_records = AuditEvent.objects.count()
    with time_machine.travel(AFTER_SCHOOL_TERM, tick=False):
        run = retention_apply(dry_run=True)
    assert run.dry_run
    assert run.counts["meldcode.trajectory"] == 2
    assert Trajectory.objects.count() == trajectories
    assert Person.objects.count() == persons
    assert AuditEvent.objects.count() == audit_records


def test_the_run_record_holds_counts_and_no_personal_data(
    closed_pair: tuple[Trajectory, Trajectory],
) -> None:
    gone, _ = closed_pair
    child = gone.children.get().person
    with time_machine.travel(AFTER_SIGNAL_TERM, tick=False):
        retention_apply()
    run = RetentionRun.objects.get()
    assert all(isinstance(count, int) for count in run.counts.values())
    stored = json.dumps([run.counts, run.terms])
    for secret in (str(child.public_id), str(gone.public_id), "Weg", "Termijnmans"):
        assert secret not in stored
    assert run.finished_at is not None


def test_a_configured_term_overrides_the_default(
    closed_pair: tuple[Trajectory, Trajectory], settings: object
) -> None:
    settings.KINDVEILIG_RETENTION_TERMS = {  # type: ignore[attr-defined]  # pytest-django
        "meldcode.trajectory": {"onderwijs": 5 * 365}
    }
    with time_machine.travel(AFTER_SCHOOL_TERM, tick=False):
        run = retention_apply()
    assert run.counts["meldcode.trajectory"] == 0
    assert run.terms["meldcode.trajectory"]["onderwijs"] == 5 * 365


def test_a_hold_on_a_person_keeps_their_trajectory_and_signal(
    closed_pair: tuple[Trajectory, Trajectory], functioneel_beheerder: Persona
) -> None:
    gone, _ = closed_pair
    child = gone.children.get().person
    legal_hold_place(
        actor=functioneel_beheerder.actor,
        record_kind="persons.person",
        object_id=child.public_id,
        reason="Strafzaak: het OM heeft om het dossier gevraagd.",
    )
    with time_machine.travel(AFTER_SIGNAL_TERM, tick=False):
        retention_apply()
    assert Trajectory.objects.filter(pk=gone.pk).exists()
    assert Signal.objects.filter(person=child).exists()
    assert Person.objects.filter(pk=child.pk).exists()


def test_only_a_functioneel_beheerder_places_a_hold(
    closed_pair: tuple[Trajectory, Trajectory], professional: Persona
) -> None:
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        _hold(professional, closed_pair[0])


def test_the_command_reports_a_dry_run(
    closed_pair: tuple[Trajectory, Trajectory],
) -> None:
    out = StringIO()
    with time_machine.travel(AFTER_SCHOOL_TERM, tick=False):
        call_command("apply_retention", "--dry-run", stdout=out)
    assert "meldcode.trajectory: 2" in out.getvalue()
    assert Trajectory.objects.count() == 2
    assert timezone.now() < AFTER_SCHOOL_TERM
