"""The audit log is append-only and tampering with it is found."""

import uuid
from io import StringIO

from django.core.management import CommandError, call_command
from django.db import DatabaseError, connection, transaction

import pytest

from kindveilig.audit.models import (
    AppendOnlyError,
    AuditAction,
    AuditChainHead,
    AuditEvent,
)
from kindveilig.audit.selectors import audit_log_verify
from kindveilig.audit.services import AuditItem, audit_record, audit_record_many
from kindveilig.organisations.models import Municipality

pytestmark = [pytest.mark.django_db]


def write_records(count: int) -> list[AuditEvent]:
    obj = Municipality.objects.first()
    assert obj is not None
    return [
        audit_record(
            actor=None,
            action=AuditAction.READ,
            obj=obj,
            person_id=uuid.uuid4(),
            reason=f"test {n}",
        )
        for n in range(count)
    ]


def raw_sql(sql: str, params: list[str | int]) -> None:
    """Change the table behind the application's back, as an attacker with
    database superuser would (who can switch the trigger off)."""
    with connection.cursor() as cursor:
        cursor.execute("SET session_replication_role = replica")
        try:
            cursor.execute(sql, params)
        finally:
            cursor.execute("SET session_replication_role = DEFAULT")


def test_records_form_an_intact_chain() -> None:
    events = write_records(5)
    assert [e.seq for e in events] == [1, 2, 3, 4, 5]
    assert events[1].prev_hash == events[0].hash
    result = audit_log_verify()
    assert result.ok, result.problems
    assert result.checked == 5


def test_bulk_records_continue_the_same_chain() -> None:
    write_records(2)
    obj = Municipality.objects.first()
    assert obj is not None
    written = audit_record_many(
        actor=None,
        action=AuditAction.READ,
        items=[AuditItem(obj=obj, person_id=uuid.uuid4()) for _ in range(3)],
    )
    assert [event.seq for event in written] == [3, 4, 5]
    assert AuditEvent.objects.count() == 5
    assert audit_log_verify().ok


def test_an_item_can_carry_its_own_reason() -> None:
    obj = Municipality.objects.first()
    assert obj is not None
    audit_record_many(
        actor=None,
        action=AuditAction.CREATE,
        items=[
            AuditItem(obj=obj, person_id=None, reason=""),
            AuditItem(obj=obj, person_id=None),
        ],
        reason="verwijsindex match",
    )
    reasons = list(AuditEvent.objects.order_by("seq").values_list("reason", flat=True))
    assert reasons == ["", "verwijsindex match"]
    assert audit_log_verify().ok


def test_a_changed_record_is_detected() -> None:
    events = write_records(4)
    raw_sql(
        "UPDATE audit_auditevent SET reason = %s WHERE seq = %s",
        ["changed", events[1].seq],
    )
    result = audit_log_verify()
    assert not result.ok
    assert any("#2" in problem for problem in result.problems)


def test_a_removed_record_is_detected() -> None:
    write_records(4)
    raw_sql("DELETE FROM audit_auditevent WHERE seq = %s", [2])
    result = audit_log_verify()
    assert not result.ok
    assert any("#2" in problem for problem in result.problems)


def test_records_cut_off_the_end_are_detected() -> None:
    write_records(4)
    raw_sql("DELETE FROM audit_auditevent WHERE seq >= %s", [3])
    result = audit_log_verify()
    assert not result.ok
    assert any("head" in problem for problem in result.problems)


def test_a_rewritten_chain_without_the_head_is_detected() -> None:
    write_records(2)
    AuditChainHead.objects.filter(chain=0).update(last_seq=5)
    assert not audit_log_verify().ok


def test_the_application_cannot_change_or_delete_records() -> None:
    event = write_records(1)[0]
    event.reason = "changed"
    with pytest.raises(AppendOnlyError):
        event.save()
    with pytest.raises(AppendOnlyError):
        event.delete()
    with pytest.raises(AppendOnlyError):
        AuditEvent.objects.filter(pk=event.pk).update(reason="x")
    with pytest.raises(AppendOnlyError):
        AuditEvent.objects.filter(pk=event.pk).delete()


def test_the_database_refuses_updates_and_deletes() -> None:
    event = write_records(1)[0]
    for sql in (
        "UPDATE audit_auditevent SET reason = 'x' WHERE id = %s",
        "DELETE FROM audit_auditevent WHERE id = %s",
    ):
        with (
            pytest.raises(DatabaseError),
            transaction.atomic(),
            connection.cursor() as cursor,
        ):
            cursor.execute(sql, [event.pk])
    assert AuditEvent.objects.get(pk=event.pk).reason == event.reason


def test_verify_command_reports_intact_and_tampered_logs() -> None:
    write_records(3)
    out = StringIO()
    call_command("verify_audit_log", stdout=out)
    assert "3" in out.getvalue()
    raw_sql("UPDATE audit_auditevent SET object_id = %s WHERE seq = %s", ["forged", 3])
    with pytest.raises(CommandError):
        call_command("verify_audit_log", stdout=StringIO(), stderr=StringIO())


def test_record_carries_request_id_and_actor(client: object) -> None:
    from kindveilig.core.request_context import reset_request_id, set_request_id

    token = set_request_id("abc123")
    try:
        event = write_records(1)[0]
    finally:
        reset_request_id(token)
    assert event.request_id == "abc123"
    assert event.actor_user_id is None
