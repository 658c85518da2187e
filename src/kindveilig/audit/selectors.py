import uuid
from collections.abc import Iterator

from django.db.models import Max, QuerySet

from .chain import (
    GENESIS_HASH,
    VerificationResult,
    event_content,
    record_hash,
    verify_chain,
)
from .models import AuditChainHead, AuditCheckpoint, AuditEvent
from .seal import checkpoint_seal, sink_read

# Records per query while verifying: memory stays flat at any size of the log.
VERIFY_BATCH_SIZE = 10_000


def access_log_for_person(*, person_id: uuid.UUID) -> QuerySet[AuditEvent]:
    """Who did what with this person's data, newest first (one query, no per-row)."""
    return (
        AuditEvent.objects.filter(person_id=person_id)
        .select_related("actor_user", "actor_organisation")
        .order_by("-seq")
    )


def _events_between(
    after_seq: int, until_seq: int, batch_size: int
) -> Iterator[AuditEvent]:
    """The records after ``after_seq`` up to ``until_seq`` in order, one range scan
    of the ``seq`` index per batch (keyset pagination, no OFFSET)."""
    while True:
        batch = list(
            AuditEvent.objects.filter(seq__gt=after_seq, seq__lte=until_seq).order_by(
                "seq"
            )[:batch_size]
        )
        if not batch:
            return
        yield from batch
        after_seq = batch[-1].seq


def _checkpoint_problems(checkpoint: AuditCheckpoint) -> list[str]:
    """The checkpointed record must still be there, unchanged, with that hash."""
    seq = checkpoint.seq
    event = AuditEvent.objects.filter(seq=seq).first()
    if event is None:
        return [f"Record #{seq}, the last verified one, is missing."]
    if event.hash != checkpoint.hash:
        return [f"Record #{seq} no longer has the hash of the last verification."]
    if record_hash(event.prev_hash, event_content(event)) != event.hash:
        return [f"Record #{seq} was changed after it was written."]
    return []


def _records_beyond_head_problems() -> list[str]:
    """Records after the head were not written by the application. The newest
    record is read before the head: a writer commits both at once, so a record
    written meanwhile is never mistaken for one added behind its back."""
    newest = AuditEvent.objects.aggregate(newest=Max("seq"))["newest"] or 0
    head = AuditChainHead.objects.filter(pk=1).first()
    head_seq = head.last_seq if head else 0
    if newest > head_seq:
        return [
            f"Records up to #{newest} follow the head (#{head_seq}): "
            "they were added outside the application."
        ]
    return []


def _sealed_checkpoints(head_seq: int) -> tuple[list[AuditCheckpoint], list[str]]:
    """The checkpoints that can be trusted (sealed under the key, and in the
    sink), oldest first, and what is wrong with the others and with the sink.

    The sink is the record that the log has started which cannot be removed with
    the rows: a sealed checkpoint in the sink but not in the database, or a head
    behind the newest one, means checkpoints or records were removed (an emptied,
    truncated or reset log). Checkpoints from before the seal carry none and are
    ignored; once one is sealed, an unsealed one was not written by the verifier.
    """
    entries, problems = sink_read()
    in_sink = {entry.seal for entry in entries}
    trusted: list[AuditCheckpoint] = []
    sealing_started = False
    for checkpoint in AuditCheckpoint.objects.order_by("pk"):
        if not checkpoint.seal and not sealing_started:
            continue
        sealing_started = True
        if checkpoint.seal != checkpoint_seal(checkpoint):
            problems.append(
                f"Checkpoint #{checkpoint.seq} has no valid seal: it was written or "
                "changed outside the application."
            )
        elif checkpoint.seal not in in_sink:
            problems.append(f"Checkpoint #{checkpoint.seq} is not in the audit sink.")
        else:
            trusted.append(checkpoint)
    in_database = {checkpoint.seal for checkpoint in trusted}
    problems.extend(
        f"Sealed checkpoint #{entry.seq} of {entry.verified_at} is missing from the "
        "database: checkpoints were removed, or the log was emptied or reset."
        for entry in entries
        if entry.seal not in in_database
    )
    newest = max((entry.seq for entry in entries), default=0)
    if head_seq < newest:
        problems.append(
            f"The chain ends at #{head_seq}, before sealed checkpoint #{newest}: "
            "records were removed, or the log was emptied or reset."
        )
    return trusted, problems


def _sealed_records_problems(trusted: list[AuditCheckpoint]) -> list[str]:
    """Each sealed checkpoint's record must still have the sealed hash (one
    query): a chain rewritten with recomputed hashes changes them. The latest
    one is also recomputed from its content."""
    latest = trusted[-1]
    expected = {cp.seq: cp.hash for cp in trusted[:-1] if cp.seq != latest.seq}
    found = dict(AuditEvent.objects.filter(seq__in=expected).values_list("seq", "hash"))
    problems = []
    for seq, sealed_hash in sorted(expected.items()):
        if found.get(seq) != sealed_hash:
            problems.append(
                f"Record #{seq} no longer has the hash of its sealed checkpoint."
            )
    return problems + _checkpoint_problems(latest)


def audit_log_verify(
    *, full: bool = False, batch_size: int = VERIFY_BATCH_SIZE
) -> VerificationResult:
    """Check the chain from the latest sealed checkpoint (or, with ``full`` or
    without one, from the genesis) up to the head as it was when the check began.

    Cost: the records after the checkpoint, the checkpoints and the sink, plus a
    few indexed lookups. Both kinds compare every sealed checkpoint with the
    sink and with its record, so a chain rewritten with recomputed hashes, a
    replaced checkpoint or an emptied log is found either way; a record changed
    before the latest checkpoint without recomputing the hashes after it is only
    found by the full walk.
    """
    head = AuditChainHead.objects.filter(pk=1).first()
    until_seq = head.last_seq if head else 0
    trusted, problems = _sealed_checkpoints(until_seq)
    if trusted:
        problems.extend(_sealed_records_problems(trusted))
    start_seq, start_hash = 0, GENESIS_HASH
    if trusted and not full:
        start_seq, start_hash = trusted[-1].seq, trusted[-1].hash
    result = verify_chain(
        _events_between(start_seq, until_seq, batch_size),
        head,
        start_seq=start_seq,
        start_hash=start_hash,
    )
    result.sealed_checkpoints = len(trusted)
    result.problems[:0] = problems
    result.problems.extend(_records_beyond_head_problems())
    return result
