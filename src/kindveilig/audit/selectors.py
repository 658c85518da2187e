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

# Records per query while verifying: memory stays flat at any size of the log.
VERIFY_BATCH_SIZE = 10_000


def access_log_for_person(*, person_id: uuid.UUID) -> QuerySet[AuditEvent]:
    """Who did what with this person's data, newest first (one query, no per-row)."""
    return (
        AuditEvent.objects.filter(person_id=person_id)
        .select_related("actor_user", "actor_organisation")
        .order_by("-seq")
    )


def latest_audit_checkpoint() -> AuditCheckpoint | None:
    return AuditCheckpoint.objects.order_by("-pk").first()


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


def audit_log_verify(
    *, full: bool = False, batch_size: int = VERIFY_BATCH_SIZE
) -> VerificationResult:
    """Check the chain from the latest checkpoint (or, with ``full`` or without a
    checkpoint, from the genesis) up to the head as it was when the check began.

    Cost: the records after the checkpoint, plus three indexed lookups. A full
    check also compares the chain with the latest checkpoint on its way.
    """
    head = AuditChainHead.objects.filter(pk=1).first()
    until_seq = head.last_seq if head else 0
    checkpoint = latest_audit_checkpoint()
    problems = _checkpoint_problems(checkpoint) if checkpoint else []
    start_seq, start_hash = 0, GENESIS_HASH
    if checkpoint and not full:
        start_seq, start_hash = checkpoint.seq, checkpoint.hash
    result = verify_chain(
        _events_between(start_seq, until_seq, batch_size),
        head,
        start_seq=start_seq,
        start_hash=start_hash,
    )
    result.problems[:0] = problems
    result.problems.extend(_records_beyond_head_problems())
    return result
