"""A log that survives its own database administrator: TRUNCATE is refused, and
the sealed checkpoints in the sink reveal an emptied, truncated or rewritten
chain and a replaced checkpoint."""

import json
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from io import StringIO
from pathlib import Path
from typing import Any

from django.core.checks import run_checks
from django.core.exceptions import ImproperlyConfigured
from django.core.management import CommandError, call_command
from django.db import DatabaseError, connection, transaction
from django.utils.translation import gettext as _

import pytest
import time_machine

from kindveilig.audit.chain import GENESIS_HASH, event_content, record_hash
from kindveilig.audit.models import AuditChainHead, AuditCheckpoint, AuditEvent
from kindveilig.audit.seal import checkpoint_seal, sink_read
from kindveilig.audit.selectors import audit_log_verify
from kindveilig.audit.services import audit_log_verify_and_checkpoint
from kindveilig.audit.tasks import verify_audit_log_daily
from kindveilig.core.background import daily_task_paths

from .test_chain import raw_sql, write_records

pytestmark = [pytest.mark.django_db]

TABLES = ["audit_auditevent", "audit_auditcheckpoint", "audit_auditchainhead"]


def verify(*args: str) -> str:
    """Run the command and return its stdout (raises CommandError on failure)."""
    out = StringIO()
    call_command("verify_audit_log", *args, stdout=out, stderr=StringIO())
    return out.getvalue()


def sealed_at(*counts: int) -> None:
    """Write records and pass a check after each batch: a sealed checkpoint each."""
    for count in counts:
        write_records(count)
        assert audit_log_verify_and_checkpoint().ok


def assert_refused(*, problem: str) -> None:
    """Both checks fail with ``problem`` among theirs, and no checkpoint is added."""
    before = AuditCheckpoint.objects.count()
    for full in (False, True):
        result = audit_log_verify(full=full)
        assert not result.ok
        assert any(problem in p for p in result.problems), result.problems
        with pytest.raises(CommandError):
            verify(*(["--full"] if full else []))
    assert AuditCheckpoint.objects.count() == before


@contextmanager
def triggers_disabled() -> Iterator[Any]:
    """As a DBA would: switch the audit triggers off (rolled back with the test)."""
    with connection.cursor() as cursor:
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")  # no pending FK checks
        for table in TABLES:
            cursor.execute(f"ALTER TABLE {table} DISABLE TRIGGER USER")
        yield cursor
        for table in TABLES:
            cursor.execute(f"ALTER TABLE {table} ENABLE TRIGGER USER")


def truncate(*tables: str) -> None:
    """TRUNCATE as a superuser would: as a replica, where no trigger fires."""
    with connection.cursor() as cursor:
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
    raw_sql(f"TRUNCATE {', '.join(tables)}", [])


def rewrite_chain(from_seq: int) -> str:
    """Change a record and recompute every hash from it to the end, and the
    head: the chain itself verifies again. Returns the new last hash."""
    prev = AuditEvent.objects.filter(seq=from_seq - 1).first()
    prev_hash = prev.hash if prev else GENESIS_HASH
    for event in AuditEvent.objects.filter(seq__gte=from_seq).order_by("seq"):
        event.reason = "rewritten"
        event.prev_hash = prev_hash
        prev_hash = record_hash(prev_hash, event_content(event))
        raw_sql(
            "UPDATE audit_auditevent SET reason = %s, prev_hash = %s, hash = %s "
            "WHERE seq = %s",
            ["rewritten", event.prev_hash, prev_hash, event.seq],
        )
    AuditChainHead.objects.update(last_hash=prev_hash)
    return prev_hash


def test_the_database_refuses_truncate_of_every_audit_table() -> None:
    sealed_at(3)
    with connection.cursor() as cursor:
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")  # no pending FK checks
    for table in TABLES:
        with (
            pytest.raises(DatabaseError, match="append-only"),
            transaction.atomic(),
            connection.cursor() as cursor,
        ):
            cursor.execute(f"TRUNCATE {table} CASCADE")
    assert AuditEvent.objects.count() == 3


def test_a_truncated_log_fails_verification() -> None:
    sealed_at(3, 2)
    truncate(*TABLES)
    assert_refused(problem="Sealed checkpoint #5 of ")
    assert "The chain ends at #0, before sealed checkpoint #5" in " ".join(
        audit_log_verify().problems
    )


def test_a_log_emptied_with_the_triggers_off_fails_verification() -> None:
    sealed_at(4)
    with triggers_disabled() as cursor:
        for table in TABLES:
            cursor.execute(f"DELETE FROM {table}")  # noqa: S608  # fixed names
    assert not AuditEvent.objects.exists()
    assert_refused(problem="the log was emptied or reset")
    out = StringIO()
    with pytest.raises(CommandError):
        call_command("verify_audit_log", stdout=out, stderr=out)
    assert "Sealed checkpoint #4" in out.getvalue()


def test_an_emptied_log_that_starts_again_still_fails() -> None:
    sealed_at(4)
    with triggers_disabled() as cursor:
        for table in TABLES:
            cursor.execute(f"DELETE FROM {table}")  # noqa: S608  # fixed names
    write_records(6)  # a fresh chain from #1, longer than the old one
    assert_refused(problem="Sealed checkpoint #4 of ")


def test_a_chain_rewritten_with_recomputed_hashes_fails() -> None:
    sealed_at(3, 2)
    rewrite_chain(1)
    assert audit_log_verify(full=True).problems == [
        "Record #3 no longer has the hash of its sealed checkpoint.",
        "Record #5 no longer has the hash of the last verification.",
    ]
    assert_refused(problem="Record #5 no longer has the hash")


def test_a_rewrite_with_replaced_checkpoints_fails() -> None:
    """The DBA rewrites the chain and replaces the checkpoints with ones that
    match it, under a key of their own: the seals and the sink give it away."""
    sealed_at(3, 2)
    new_hash = rewrite_chain(2)
    with triggers_disabled() as cursor:
        cursor.execute("DELETE FROM audit_auditcheckpoint")
    forged = AuditCheckpoint.objects.create(
        seq=5,
        hash=new_hash,
        verified_at=datetime.fromisoformat("2026-01-01T00:00:00+00:00"),
        records_checked=5,
        full=True,
        seal="f" * 64,
    )
    assert_refused(problem="Checkpoint #5 has no valid seal")
    problems = audit_log_verify().problems
    assert "Sealed checkpoint #3 of " in " ".join(problems)
    assert forged.seal != checkpoint_seal(forged)


@pytest.mark.parametrize(
    ("column", "value", "problem"),
    [
        ("hash", "a" * 64, "Checkpoint #3 has no valid seal"),
        ("verified_at", "2026-01-01T00:00:00+00:00", "Checkpoint #3 has no valid seal"),
        # Unsealed before any sealed one looks like a checkpoint from before the
        # seal, but the sink still has it.
        ("seal", "", "Sealed checkpoint #3 of "),
    ],
)
def test_a_changed_checkpoint_fails(column: str, value: str, problem: str) -> None:
    sealed_at(3, 2)
    raw_sql(
        f"UPDATE audit_auditcheckpoint SET {column} = %s WHERE seq = 3",  # noqa: S608  # fixed names
        [value],
    )
    assert_refused(problem=problem)


def test_incremental_finds_a_rewrite_before_the_checkpoint_and_writes_none() -> None:
    sealed_at(3, 2)
    write_records(2)
    rewrite_chain(2)  # #2 to #7: the head moves with it, the walk from #5 passes
    out = StringIO()
    with pytest.raises(CommandError):
        call_command("verify_audit_log", stdout=out, stderr=out)
    assert "Record #5 no longer has the hash of the last verification." in (
        out.getvalue()
    )
    assert AuditCheckpoint.objects.count() == 2
    assert len(sink_read()[0]) == 2


def test_a_checkpoint_missing_from_the_sink_fails(audit_sink: Path) -> None:
    sealed_at(3)
    audit_sink.unlink()  # the sink was replaced by an empty one
    assert_refused(problem="Checkpoint #3 is not in the audit sink.")


def test_a_forged_or_unreadable_sink_line_fails(audit_sink: Path) -> None:
    sealed_at(3)
    forged = {"seq": 9, "hash": "b" * 64, "verified_at": "x", "seal": "c" * 64}
    with audit_sink.open("a") as sink:
        sink.write(json.dumps(forged) + "\n{not json\n[]\n")
    problems = audit_log_verify().problems
    assert problems == [
        "Line 2 of the audit sink (checkpoint #9) has an invalid seal: it was not "
        "written by the verifier.",
        "Line 3 of the audit sink cannot be read.",
        "Line 4 of the audit sink cannot be read.",
    ]


def test_a_sink_line_holds_seq_hash_heads_time_and_seal(audit_sink: Path) -> None:
    sealed_at(2)
    checkpoint = AuditCheckpoint.objects.get()
    [line] = audit_sink.read_text().splitlines()
    assert json.loads(line) == {
        "seq": 2,
        "hash": checkpoint.hash,
        "heads": {"0": [2, AuditEvent.objects.get(seq=2).hash]},
        "verified_at": checkpoint.verified_at.isoformat(),
        "seal": checkpoint.seal,
    }
    assert checkpoint.seal == checkpoint_seal(checkpoint)


def test_without_a_writable_sink_no_checkpoint_is_written(
    settings: Any, tmp_path: Path
) -> None:
    write_records(2)
    settings.KINDVEILIG_AUDIT_SINK = str(tmp_path)  # a directory: cannot append
    with pytest.raises(OSError):  # noqa: PT011  # any OSError will do
        audit_log_verify_and_checkpoint()
    assert not AuditCheckpoint.objects.exists()


def test_without_a_sink_or_a_key_the_verifier_refuses_to_run(settings: Any) -> None:
    write_records(1)
    settings.KINDVEILIG_AUDIT_SINK = ""
    with pytest.raises(ImproperlyConfigured, match="KINDVEILIG_AUDIT_SINK"):
        audit_log_verify()
    settings.KINDVEILIG_AUDIT_SINK = "var/unused.jsonl"
    settings.KINDVEILIG_AUDIT_SEAL_KEY = ""
    AuditCheckpoint.objects.create(
        seq=1,
        hash="a" * 64,
        verified_at=datetime.fromisoformat("2026-01-01T00:00:00+00:00"),
        records_checked=1,
        full=True,
        seal="a" * 64,
    )
    with pytest.raises(ImproperlyConfigured, match="KINDVEILIG_AUDIT_SEAL_KEY"):
        audit_log_verify()


def test_checkpoints_from_before_the_seal_are_ignored_then_refused() -> None:
    write_records(3)
    legacy = {
        "hash": "a" * 64,
        "verified_at": datetime.fromisoformat("2025-01-01T00:00:00+00:00"),
        "records_checked": 3,
        "full": True,
    }
    AuditCheckpoint.objects.create(seq=3, **legacy)  # unsealed, before the seal
    result = audit_log_verify()
    assert result.ok, result.problems
    assert (result.full, result.sealed_checkpoints) == (True, 0)
    assert audit_log_verify_and_checkpoint().ok
    AuditCheckpoint.objects.create(seq=3, **legacy)  # unsealed, after the seal
    assert_refused(problem="Checkpoint #3 has no valid seal")


def test_the_command_says_how_many_sealed_checkpoints_it_compared() -> None:
    sealed_at(2, 1)
    out = verify()
    assert (
        _("%(count)s sealed checkpoint(s) match the sink and the chain.") % {"count": 2}
        in out
    )


def test_the_daily_check_is_full_on_monday_only() -> None:
    assert "kindveilig.audit.tasks.verify_audit_log_daily" in daily_task_paths()
    write_records(2)
    with time_machine.travel("2026-03-09T12:00:00+01:00", tick=False):  # a Monday
        assert verify_audit_log_daily.call()["full"] is True
    write_records(1)
    with time_machine.travel("2026-03-10T12:00:00+01:00", tick=False):  # a Tuesday
        result = verify_audit_log_daily.call()
    assert (result["full"], result["checked"]) == (False, 1)


def test_a_failing_task_logs_each_problem(caplog: pytest.LogCaptureFixture) -> None:
    sealed_at(2)
    truncate("audit_auditevent")
    assert not verify_audit_log_daily.call()["ok"]
    assert "Audit log: Record #2, the last verified one, is missing." in caplog.text


def test_check_deploy_requires_the_seal_key_and_the_sink(settings: Any) -> None:
    settings.KINDVEILIG_AUDIT_SEAL_KEY = ""
    settings.KINDVEILIG_AUDIT_SINK = ""
    ids = {message.id for message in run_checks(include_deployment_checks=True)}
    assert {"kindveilig.audit.E001", "kindveilig.audit.E002"} <= ids
    settings.KINDVEILIG_AUDIT_SEAL_KEY = "set"
    settings.KINDVEILIG_AUDIT_SINK = "/var/log/kindveilig/audit-sink.jsonl"
    ids = {message.id for message in run_checks(include_deployment_checks=True)}
    assert not {"kindveilig.audit.E001", "kindveilig.audit.E002"} & ids
