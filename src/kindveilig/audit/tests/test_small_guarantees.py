import logging
import uuid
from io import StringIO

from django.core.management import call_command
from django.utils import timezone

import pytest

from kindveilig.audit.models import AuditAction, AuditChainHead, AuditEvent
from kindveilig.audit.selectors import access_log_for_person, audit_log_verify
from kindveilig.audit.services import audit_record, audit_record_many
from kindveilig.audit.tasks import verify_audit_log_task

pytestmark = [pytest.mark.django_db]


def test_a_record_needs_the_kind_of_object() -> None:
    with pytest.raises(ValueError, match="type of object"):
        audit_record(actor=None, action=AuditAction.READ)


def test_writing_nothing_writes_nothing() -> None:
    assert audit_record_many(actor=None, action=AuditAction.READ, items=[]) == []
    assert not AuditEvent.objects.exists()


def test_records_describe_themselves() -> None:
    event = audit_record(
        actor=None, action=AuditAction.EXPORT, object_type="test.thing", object_id="1"
    )
    assert str(event) == "#1@0 export test.thing"
    assert str(AuditChainHead.objects.get()) == "head #1@0"


def test_the_task_reports_a_broken_chain(caplog: pytest.LogCaptureFixture) -> None:
    audit_record(actor=None, action=AuditAction.READ, object_type="test.thing")
    AuditChainHead.objects.update(last_seq=9)
    with caplog.at_level(logging.ERROR):
        result = verify_audit_log_task.call()
    assert result["ok"] is False
    assert "NOT intact" in caplog.text
    out = StringIO()
    with pytest.raises(Exception, match="NIET intact"):
        call_command("verify_audit_log", stdout=out, stderr=StringIO())


def test_a_record_saved_behind_the_writers_back_is_found() -> None:
    """The model lets a new record be saved (only changes are refused), but one
    that does not come through audit_record leaves the head behind it."""
    audit_record(actor=None, action=AuditAction.READ, object_type="test.thing")
    AuditEvent(
        seq=2,
        occurred_at=timezone.now(),
        action=AuditAction.DELETE,
        object_type="test.thing",
        prev_hash="0" * 64,
        hash="f" * 64,
    ).save()
    problems = audit_log_verify().problems
    assert any("added outside the application" in problem for problem in problems)


def test_who_looked_at_a_person_newest_first() -> None:
    person_id = uuid.uuid4()
    for action in (AuditAction.READ, AuditAction.PRINT):
        audit_record(
            actor=None, action=action, object_type="test.thing", person_id=person_id
        )
    audit_record(actor=None, action=AuditAction.READ, object_type="test.thing")
    assert [e.action for e in access_log_for_person(person_id=person_id)] == [
        AuditAction.PRINT,
        AuditAction.READ,
    ]
