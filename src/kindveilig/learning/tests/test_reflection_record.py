"""reflection_record: what a reflection keeps, and what it refuses."""

import uuid
from datetime import date

from django.core.exceptions import ValidationError
from django.db import models

import pytest

from kindveilig.access.actor import Actor
from kindveilig.audit.models import AuditEvent
from kindveilig.core.tests.legacy_hashes import old_reflection_source_hash
from kindveilig.learning.models import (
    OutcomeCategory,
    Reflection,
    ReflectionStatus,
    SourceKind,
    Theme,
)
from kindveilig.learning.selectors import reflection_exists_for, reflection_source_hash
from kindveilig.learning.services import reflection_record

from .factories import LESSON, answers, reflect

pytestmark = [pytest.mark.django_db]


def _record(actor: Actor, source_id: uuid.UUID, **kwargs: object) -> Reflection:
    organisation = actor.organisation
    values: dict[str, object] = {
        "actor": actor,
        "source_kind": SourceKind.MELDCODE,
        "source_id": source_id,
        "sector": organisation.sector,
        "organisation_type": organisation.type,
        "municipality": organisation.municipality,
        "closed_on": date(2026, 11, 3),
        "outcome": OutcomeCategory.NO_CONCERN,
        "answers": answers(),
        **kwargs,
    }
    return reflection_record(**values)  # type: ignore[arg-type]  # test helper


def test_a_reflection_keeps_only_the_facts_that_identify_no_one(prof: Actor) -> None:
    source_id = uuid.uuid4()
    reflection = _record(prof, source_id)
    assert reflection.status == ReflectionStatus.COMPLETED
    assert (reflection.year, reflection.quarter) == (2026, 4)
    assert reflection.sector == "onderwijs"
    assert reflection.organisation_type == "primary_school"
    assert reflection.municipality == prof.organisation.municipality
    assert reflection.lesson == LESSON
    # A keyed hash of the case, never the case id itself.
    assert reflection.source_hash == reflection_source_hash(
        source_kind="meldcode", source_id=source_id
    )
    assert str(source_id) not in reflection.source_hash
    assert reflection_exists_for(source_kind="meldcode", source_id=source_id)


def test_a_reflection_stored_before_keyed_hash_still_refuses_a_second(
    prof: Actor,
) -> None:
    source_id = uuid.uuid4()
    _record(prof, source_id, answers=None)
    Reflection.objects.update(
        source_hash=old_reflection_source_hash("meldcode", str(source_id))
    )
    assert reflection_exists_for(source_kind="meldcode", source_id=source_id)
    with pytest.raises(ValidationError) as caught:
        _record(prof, source_id)
    assert caught.value.code == "duplicate"
    assert not reflection_exists_for(source_kind="household", source_id=source_id)


def test_the_model_has_no_link_to_a_case_a_person_or_a_user() -> None:
    targets = {
        field.related_model._meta.label
        for field in Reflection._meta.get_fields()
        if isinstance(field, models.ForeignKey)
    }
    assert targets == {"organisations.Municipality"}
    names = {field.name for field in Reflection._meta.get_fields()}
    assert not names & {"created_at", "updated_at", "organisation", "owner", "user"}


def test_a_second_reflection_on_the_same_case_is_refused(prof: Actor) -> None:
    source_id = uuid.uuid4()
    _record(prof, source_id, answers=None)
    with pytest.raises(ValidationError) as caught:
        _record(prof, source_id)
    assert caught.value.code == "duplicate"
    assert Reflection.objects.count() == 1


def test_the_same_id_of_another_kind_of_case_is_another_case(prof: Actor) -> None:
    source_id = uuid.uuid4()
    _record(prof, source_id)
    _record(prof, source_id, source_kind=SourceKind.HOUSEHOLD)
    assert Reflection.objects.count() == 2


def test_skipping_is_recorded_and_counted_without_answers(prof: Actor) -> None:
    reflection = reflect(prof, skipped=True)
    assert reflection.status == ReflectionStatus.SKIPPED
    assert reflection.lesson == ""
    assert reflection.themes == []
    assert reflection.child_heard == ""


def test_a_lesson_with_personal_data_is_refused_and_nothing_is_stored(
    prof: Actor,
) -> None:
    with pytest.raises(ValidationError) as caught:
        reflect(prof, lesson="Sanne vertelde het pas later aan de juf.")
    assert "lesson" in caught.value.message_dict
    assert any("Sanne" in m for m in caught.value.message_dict["lesson"])
    assert not Reflection.objects.exists()


def test_unknown_themes_and_missing_answers_are_refused(prof: Actor) -> None:
    with pytest.raises(ValidationError) as caught:
        reflect(prof, themes=[Theme.CHILD_HEARD, "made_up"], child_heard="")
    assert set(caught.value.message_dict) == {"themes", "child_heard"}


def test_only_case_roles_reflect(analist: Actor) -> None:
    with pytest.raises(ValidationError) as caught:
        reflect(analist)
    assert caught.value.code == "forbidden"


def test_reflections_write_no_audit_records(prof: Actor) -> None:
    before = AuditEvent.objects.count()
    reflect(prof)
    reflect(prof, skipped=True)
    assert AuditEvent.objects.count() == before


@pytest.mark.parametrize(
    ("closed_on", "quarter"),
    [
        (date(2026, 1, 1), 1),
        (date(2026, 3, 31), 1),
        (date(2026, 4, 1), 2),
        (date(2026, 9, 30), 3),
        (date(2026, 12, 31), 4),
    ],
)
def test_the_closing_date_is_kept_as_a_quarter(
    prof: Actor, closed_on: date, quarter: int
) -> None:
    assert reflect(prof, closed_on=closed_on).quarter == quarter
