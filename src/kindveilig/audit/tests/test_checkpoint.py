"""Verification resumes from a checkpoint: it costs the new records, not all."""

import logging
from io import StringIO

from django.core.management import CommandError, call_command
from django.db import DatabaseError, connection, transaction
from django.utils.translation import gettext as _

import pytest

from kindveilig.audit.chain import event_content, heads_hash, record_hash
from kindveilig.audit.models import (
    AppendOnlyError,
    AuditChainHead,
    AuditCheckpoint,
    AuditEvent,
)
from kindveilig.audit.selectors import audit_log_verify
from kindveilig.audit.services import audit_log_verify_and_checkpoint, hash_for_log
from kindveilig.audit.tasks import verify_audit_log_task
from kindveilig.core.logging import scrub

from .test_chain import raw_sql, write_records

pytestmark = [pytest.mark.django_db]


def verify(*args: str) -> tuple[str, str]:
    """Run the command; return its stdout and stderr, or raise CommandError."""
    out, err = StringIO(), StringIO()
    call_command("verify_audit_log", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def checkpoint_at_five() -> list[AuditEvent]:
    events = write_records(5)
    assert audit_log_verify_and_checkpoint().ok
    return events


def test_a_passing_check_writes_a_checkpoint_at_the_head(
    caplog: pytest.LogCaptureFixture,
) -> None:
    events = write_records(3)
    with caplog.at_level(logging.INFO, logger="kindveilig.audit.services"):
        result = audit_log_verify_and_checkpoint()
    assert result.ok
    checkpoint = AuditCheckpoint.objects.get()
    # The records without an organisation are the shared chain's; the
    # checkpoint lists its head and seals the hash of that list.
    head = AuditChainHead.objects.get()
    assert (head.chain, head.last_seq, head.last_hash) == (0, 3, events[-1].hash)
    assert checkpoint.heads == {"0": [3, events[-1].hash]}
    assert (checkpoint.seq, checkpoint.hash) == (
        3,
        heads_hash({0: (3, head.last_hash)}),
    )
    assert checkpoint.records_checked == 3
    assert checkpoint.full is True
    assert str(checkpoint) == "checkpoint #3"
    assert hash_for_log(checkpoint.hash) in caplog.text


def test_a_failing_check_writes_no_checkpoint() -> None:
    write_records(3)
    raw_sql("UPDATE audit_auditevent SET reason = %s WHERE seq = %s", ["x", 2])
    assert not audit_log_verify_and_checkpoint().ok
    with pytest.raises(CommandError):
        verify()
    assert not verify_audit_log_task.call()["ok"]
    assert not AuditCheckpoint.objects.exists()


def test_an_empty_log_passes_without_a_checkpoint() -> None:
    out, _err = verify()
    assert out.strip() == _("The audit log is intact: it holds no records yet.")
    assert not AuditCheckpoint.objects.exists()


def test_a_later_check_reads_only_the_new_records() -> None:
    checkpoint_at_five()
    write_records(3)
    result = audit_log_verify()
    assert result.ok, result.problems
    assert (result.checked, result.start_seq, result.last_seq) == (3, 5, 8)
    out, _err = verify()
    assert out.splitlines()[-1] == _(
        "The audit log is intact: records #%(first)s–#%(last)s checked since "
        "checkpoint #%(seq)s."
    ) % {"first": 6, "last": 8, "seq": 5}
    latest = AuditCheckpoint.objects.order_by("-pk").first()
    assert latest is not None
    assert (latest.seq, latest.records_checked, latest.full) == (8, 3, False)
    assert hash_for_log(latest.hash) in out
    # Nothing new: nothing walked, and the head still matches the checkpoint.
    assert verify_audit_log_task.call() == {
        "ok": True,
        "checked": 0,
        "problems": 0,
        "last_seq": 8,
        "full": False,
    }
    out, _err = verify()
    assert out.splitlines()[-1] == _(
        "The audit log is intact: no new records since checkpoint #%(seq)s."
    ) % {"seq": 8}


def test_full_checks_every_record_again() -> None:
    checkpoint_at_five()
    write_records(1)
    assert audit_log_verify(full=True).checked == 6
    out, _err = verify("--full")
    assert out.splitlines()[-1] == _(
        "The audit log is intact: records #%(first)s–#%(last)s checked from the start."
    ) % {"first": 1, "last": 6}
    assert verify_audit_log_task.call(full=True)["checked"] == 6


def test_batches_cover_the_whole_chain() -> None:
    write_records(5)
    result = audit_log_verify(batch_size=2)
    assert result.ok, result.problems
    assert result.checked == 5


def test_an_edit_before_the_checkpoint_that_keeps_the_hashes_needs_a_full_check() -> (
    None
):
    """A record changed in place, its stored hash and those after it untouched:
    the chain walk finds it, the incremental check does not read it (the weekly
    full check does). A rewrite that recomputes the hashes is found by every
    check (test_seal.py)."""
    checkpoint_at_five()
    raw_sql("UPDATE audit_auditevent SET reason = %s WHERE seq = %s", ["x", 2])
    assert audit_log_verify().ok  # the point of a checkpoint: #2 is not read again
    full = audit_log_verify(full=True)
    assert not full.ok
    assert any("#2" in problem for problem in full.problems)
    with pytest.raises(CommandError):
        verify("--full")


def test_a_change_to_the_checkpointed_record_is_found() -> None:
    checkpoint_at_five()
    raw_sql("UPDATE audit_auditevent SET reason = %s WHERE seq = %s", ["x", 5])
    result = audit_log_verify()
    assert result.problems == ["Record #5 was changed after it was written."]


def test_a_new_hash_on_the_checkpointed_record_is_found() -> None:
    checkpoint_at_five()
    raw_sql("UPDATE audit_auditevent SET hash = %s WHERE seq = %s", ["f" * 64, 5])
    result = audit_log_verify()
    assert "Record #5 no longer has the hash of the last verification." in (
        result.problems
    )


def test_a_change_after_the_checkpoint_is_found() -> None:
    checkpoint_at_five()
    write_records(3)
    raw_sql("UPDATE audit_auditevent SET object_id = %s WHERE seq = %s", ["x", 7])
    result = audit_log_verify()
    assert result.problems == ["Record #7 was changed after it was written."]
    with pytest.raises(CommandError):
        verify()
    assert AuditCheckpoint.objects.count() == 1


@pytest.mark.parametrize(("extra", "cut_from"), [(0, 4), (3, 7), (3, 4)])
def test_a_removed_tail_is_found(extra: int, cut_from: int) -> None:
    checkpoint_at_five()
    write_records(extra)
    raw_sql("DELETE FROM audit_auditevent WHERE seq >= %s", [cut_from])
    assert not audit_log_verify().ok


def test_records_beyond_the_head_are_found() -> None:
    events = checkpoint_at_five()
    AuditChainHead.objects.update(last_seq=3, last_hash=events[2].hash)
    for full in (False, True):
        problems = audit_log_verify(full=full).problems
        assert any("Records up to #5 follow the head (#3)" in p for p in problems)


def test_every_check_compares_a_rewritten_chain_with_the_checkpoint() -> None:
    """Rewriting #4 and #5 with fresh hashes and a new head passes the chain
    walk; the sealed checkpoint at #5 still has the old hash."""
    checkpoint_at_five()
    prev_hash = AuditEvent.objects.get(seq=3).hash
    for seq in (4, 5):
        event = AuditEvent.objects.get(seq=seq)
        event.reason = "rewritten"
        event.prev_hash = prev_hash
        prev_hash = record_hash(prev_hash, event_content(event))
        raw_sql(
            "UPDATE audit_auditevent SET reason = %s, prev_hash = %s, hash = %s "
            "WHERE seq = %s",
            ["rewritten", event.prev_hash, prev_hash, seq],
        )
    AuditChainHead.objects.update(last_hash=prev_hash)
    assert audit_log_verify(full=True).problems == [
        "Record #5 no longer has the hash of the last verification."
    ]
    assert audit_log_verify().problems[0] == (
        "Record #5 no longer has the hash of the last verification."
    )


def test_the_application_cannot_change_or_delete_checkpoints() -> None:
    checkpoint_at_five()
    checkpoint = AuditCheckpoint.objects.get()
    checkpoint.seq = 1
    with pytest.raises(AppendOnlyError):
        checkpoint.save()
    with pytest.raises(AppendOnlyError):
        checkpoint.delete()
    with pytest.raises(AppendOnlyError):
        AuditCheckpoint.objects.filter(pk=checkpoint.pk).update(seq=1)
    with pytest.raises(AppendOnlyError):
        AuditCheckpoint.objects.filter(pk=checkpoint.pk).delete()
    assert AuditCheckpoint.objects.get().seq == 5


def test_the_database_refuses_to_change_or_delete_checkpoints() -> None:
    checkpoint_at_five()
    pk = AuditCheckpoint.objects.get().pk
    for sql in (
        "UPDATE audit_auditcheckpoint SET seq = 1 WHERE id = %s",
        "DELETE FROM audit_auditcheckpoint WHERE id = %s",
    ):
        with (
            pytest.raises(DatabaseError, match="append-only"),
            transaction.atomic(),
            connection.cursor() as cursor,
        ):
            cursor.execute(sql, [pk])
    assert AuditCheckpoint.objects.get().seq == 5


def test_a_logged_hash_survives_the_personal_data_filter() -> None:
    value = "ab123456789" + "c" * 53  # nine digits in a row, as in about 1 in 9
    assert scrub(value) != value  # unsafe as it is: looks like a BSN
    assert scrub(hash_for_log(value)).replace(":", "") == value
