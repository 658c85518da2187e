"""The kindcheck: its rules, the trajectory a worry starts, and the monthly count."""

import datetime as dt
from collections.abc import Callable

from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, transaction
from django.http import Http404

import pytest
import time_machine
from conftest import Persona

from kindveilig.access.actor import Actor
from kindveilig.access.roles import Role
from kindveilig.audit.models import AuditAction, AuditEvent
from kindveilig.meldcode.kindcheck_selectors import (
    kindcheck_counts_by_month,
    kindcheck_get_for,
)
from kindveilig.meldcode.models import Kindcheck, KindcheckMoment
from kindveilig.meldcode.models.choices import FormOfViolence, Origin
from kindveilig.meldcode.services.kindcheck import (
    KindcheckInput,
    kindcheck_notes_for_trajectory,
    kindcheck_record,
    kindcheck_trajectory_start,
)
from kindveilig.meldcode.services.trajectories import ChildInput, StartInput

pytestmark = [pytest.mark.django_db]

NOTES = "Moeder heeft een ernstige depressie en ligt overdag veel op bed."


def worry(**overrides: object) -> KindcheckInput:
    values: dict[str, object] = {
        "moment": KindcheckMoment.INTAKE,
        "client_has_children": True,
        "number_of_children": 2,
        "children_ages": "4 en 7",
        "care_shared": True,
        "worry": True,
        "notes": NOTES,
    }
    values.update(overrides)
    return KindcheckInput(**values)  # type: ignore[arg-type]  # test data


def start_input(notes: str = "") -> StartInput:
    return StartInput(
        origin=Origin.WORRY,
        worry="Zorgen om de verzorging van de kinderen.",
        forms_of_violence=[FormOfViolence.NEGLECT_PHYSICAL],
        children=[ChildInput(given_name="Kind (test)", family_name="Proefhuis")],
        kindcheck_notes=notes,
    )


def test_recording_a_kindcheck_stores_it_encrypted_and_audits_without_a_person(
    prof: Actor,
) -> None:
    kindcheck = kindcheck_record(actor=prof, data=worry())
    assert kindcheck.organisation == prof.organisation
    assert kindcheck.recorded_by == prof.user
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT notes, children_ages FROM meldcode_kindcheck WHERE id = %s",
            [kindcheck.pk],
        )
        stored = cursor.fetchone()
    assert all(value.startswith("fernet:") for value in stored)
    assert NOTES not in stored[0]
    assert Kindcheck.objects.get(pk=kindcheck.pk).notes == NOTES
    event = AuditEvent.objects.get(
        action=AuditAction.CREATE, object_type="meldcode.kindcheck"
    )
    assert event.object_id == str(kindcheck.public_id)
    assert event.person_id is None


def test_children_need_a_number(prof: Actor) -> None:
    with pytest.raises(ValidationError) as error:
        kindcheck_record(actor=prof, data=worry(number_of_children=0))
    assert "number_of_children" in error.value.message_dict


def test_no_children_means_no_number_ages_or_shared_care(prof: Actor) -> None:
    with pytest.raises(ValidationError) as error:
        kindcheck_record(
            actor=prof,
            data=worry(client_has_children=False, worry=False, care_shared=True),
        )
    assert "client_has_children" in error.value.message_dict


def test_a_worry_needs_children_or_a_pregnancy(prof: Actor) -> None:
    no_children = worry(
        client_has_children=False,
        number_of_children=0,
        children_ages="",
        care_shared=False,
    )
    with pytest.raises(ValidationError) as error:
        kindcheck_record(actor=prof, data=no_children)
    assert "worry" in error.value.message_dict
    pregnant = kindcheck_record(
        actor=prof,
        data=KindcheckInput(
            moment=KindcheckMoment.EVALUATION,
            client_has_children=False,
            expecting_child=True,
            worry=True,
            notes=NOTES,
        ),
    )
    assert pregnant.worry


def test_a_worry_needs_notes(prof: Actor) -> None:
    with pytest.raises(ValidationError) as error:
        kindcheck_record(actor=prof, data=worry(notes="  "))
    assert "notes" in error.value.message_dict


def test_a_kindcheck_without_children_or_worry_is_fine(prof: Actor) -> None:
    kindcheck = kindcheck_record(
        actor=prof,
        data=KindcheckInput(moment=KindcheckMoment.INTAKE, client_has_children=False),
    )
    assert not kindcheck.worry


def test_only_professionals_and_aandachtsfunctionarissen_record_one(lt: Actor) -> None:
    with pytest.raises(ValidationError):
        kindcheck_record(actor=lt, data=worry())


def test_the_database_refuses_a_trajectory_without_a_worry(prof: Actor) -> None:
    kindcheck = kindcheck_record(actor=prof, data=worry(worry=False, notes=""))
    trajectory = kindcheck_trajectory_start(
        actor=prof,
        kindcheck=kindcheck_record(actor=prof, data=worry()),
        data=start_input(),
    )
    with pytest.raises(IntegrityError), transaction.atomic():
        Kindcheck.objects.filter(pk=kindcheck.pk).update(trajectory=trajectory)


def test_a_worry_starts_a_kindcheck_trajectory_with_the_notes_carried_over(
    prof: Actor,
) -> None:
    kindcheck = kindcheck_record(actor=prof, data=worry())
    trajectory = kindcheck_trajectory_start(
        actor=prof, kindcheck=kindcheck, data=start_input()
    )
    assert trajectory.origin == Origin.KINDCHECK
    assert NOTES in trajectory.kindcheck_notes
    assert "4 en 7" in trajectory.kindcheck_notes
    kindcheck.refresh_from_db()
    assert kindcheck.trajectory == trajectory
    assert AuditEvent.objects.filter(
        action=AuditAction.UPDATE,
        object_type="meldcode.kindcheck",
        object_id=str(kindcheck.public_id),
        person_id=None,
    ).exists()


def test_notes_the_professional_edited_on_the_start_form_are_kept(prof: Actor) -> None:
    kindcheck = kindcheck_record(actor=prof, data=worry())
    trajectory = kindcheck_trajectory_start(
        actor=prof, kindcheck=kindcheck, data=start_input(notes="Aangevuld verslag.")
    )
    assert trajectory.kindcheck_notes == "Aangevuld verslag."


def test_the_carried_notes_name_number_ages_and_shared_care(prof: Actor) -> None:
    kindcheck = kindcheck_record(actor=prof, data=worry())
    notes = kindcheck_notes_for_trajectory(kindcheck)
    assert "Aantal kinderen: 2." in notes
    assert "Leeftijden: 4 en 7." in notes
    assert "De zorg is gedeeld." in notes
    assert notes.endswith(NOTES)


def test_a_kindcheck_starts_one_trajectory_only(prof: Actor) -> None:
    kindcheck = kindcheck_record(actor=prof, data=worry())
    kindcheck_trajectory_start(actor=prof, kindcheck=kindcheck, data=start_input())
    with pytest.raises(ValidationError):
        kindcheck_trajectory_start(actor=prof, kindcheck=kindcheck, data=start_input())


def test_no_trajectory_from_a_kindcheck_without_a_worry(prof: Actor) -> None:
    kindcheck = kindcheck_record(actor=prof, data=worry(worry=False))
    with pytest.raises(ValidationError):
        kindcheck_trajectory_start(actor=prof, kindcheck=kindcheck, data=start_input())


def test_a_colleague_cannot_start_from_someone_elses_kindcheck_but_the_af_can(
    prof: Actor,
    af: Actor,
    make_persona: Callable[..., Persona],
) -> None:
    colleague = make_persona(Role.PROFESSIONAL, prof.organisation).actor
    kindcheck = kindcheck_record(actor=prof, data=worry())
    with pytest.raises(ValidationError):
        kindcheck_trajectory_start(
            actor=colleague, kindcheck=kindcheck, data=start_input()
        )
    trajectory = kindcheck_trajectory_start(
        actor=af, kindcheck=kindcheck, data=start_input()
    )
    assert trajectory.origin == Origin.KINDCHECK


def test_the_aandachtsfunctionaris_sees_every_kindcheck_a_colleague_only_their_own(
    prof: Actor, af: Actor, make_persona: Callable[..., Persona], other_prof: Actor
) -> None:
    kindcheck = kindcheck_record(actor=prof, data=worry())
    assert kindcheck_get_for(actor=af, public_id=kindcheck.public_id) == kindcheck
    colleague = make_persona(Role.PROFESSIONAL, prof.organisation).actor
    for outsider in (colleague, other_prof):
        with pytest.raises(Http404):
            kindcheck_get_for(actor=outsider, public_id=kindcheck.public_id)


def test_kindchecks_are_counted_per_organisation_per_month(
    prof: Actor, other_prof: Actor
) -> None:
    with time_machine.travel(dt.datetime(2026, 1, 31, 23, 30, tzinfo=dt.UTC)):
        # 00:30 on 1 February in Amsterdam: February.
        kindcheck_record(actor=prof, data=worry())
    with time_machine.travel(dt.datetime(2026, 2, 10, 9, 0, tzinfo=dt.UTC)):
        kindcheck_record(
            actor=prof,
            data=KindcheckInput(
                moment=KindcheckMoment.EVALUATION, client_has_children=False
            ),
        )
        kindcheck_record(actor=other_prof, data=worry(worry=False))
    with time_machine.travel(dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.UTC)):
        kindcheck_record(actor=prof, data=worry())
    rows = kindcheck_counts_by_month(organisation_ids=[prof.organisation_id])
    assert [
        (row.month, row.total, row.with_children, row.with_worry) for row in rows
    ] == [
        (dt.date(2026, 2, 1), 2, 1, 1),
        (dt.date(2026, 3, 1), 1, 1, 1),
    ]
    everyone = kindcheck_counts_by_month()
    assert sum(row.total for row in everyone) == 4
    assert {row.organisation_id for row in everyone} == {
        prof.organisation_id,
        other_prof.organisation_id,
    }
