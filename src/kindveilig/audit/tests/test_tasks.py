"""Background work runs through the database-backed task worker."""

from io import StringIO

from django.core.management import call_command
from django.tasks import TaskResultStatus

import pytest

from kindveilig.audit.tasks import verify_audit_log_task

pytestmark = [pytest.mark.django_db(transaction=True)]


def test_the_worker_runs_an_enqueued_task() -> None:
    enqueued = verify_audit_log_task.enqueue()
    assert enqueued.status == TaskResultStatus.READY
    call_command("db_worker", "--batch", "--no-startup-delay", stdout=StringIO())
    result = verify_audit_log_task.get_result(enqueued.id)
    assert result.status == TaskResultStatus.SUCCESSFUL
    assert result.return_value == {
        "ok": True,
        "checked": 0,
        "problems": 0,
        "last_seq": 0,
        "full": True,
    }
