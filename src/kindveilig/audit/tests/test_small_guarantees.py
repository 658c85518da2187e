import logging
from io import StringIO

from django.core.management import call_command

import pytest

from kindveilig.audit.models import AuditAction, AuditChainHead, AuditEvent
from kindveilig.audit.services import audit_record, audit_record_many
from kindveilig.audit.tasks import verify_audit_log_task

pytestmark = [pytest.mark.django_db]


def test_a_record_needs_the_kind_of_object() -> None:
    with pytest.raises(ValueError, match="type of object"):
        audit_record(actor=None, action=AuditAction.READ)


def test_writing_nothing_writes_nothing() -> None:
    assert audit_record_many(actor=None, action=AuditAction.READ, items=[]) == 0
    assert not AuditEvent.objects.exists()


def test_records_describe_themselves() -> None:
    event = audit_record(
        actor=None, action=AuditAction.EXPORT, object_type="test.thing", object_id="1"
    )
    assert str(event) == "#1 export test.thing"
    assert str(AuditChainHead.objects.get()) == "head #1"


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
