"""The only writer of audit records (and of the verifier's checkpoints)."""

import datetime
import logging
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass

from django.db import models, transaction
from django.utils import timezone

from kindveilig.access.actor import Actor
from kindveilig.core.request_context import current_request_id

from .chain import (
    VerificationResult,
    chain_of,
    event_content,
    heads_as_json,
    record_hash,
)
from .models import AuditAction, AuditChainHead, AuditCheckpoint, AuditEvent
from .seal import checkpoint_seal, sink_append
from .selectors import audit_log_verify

__all__ = [
    "AuditItem",
    "audit_chain_lock",
    "audit_denied",
    "audit_log_verify_and_checkpoint",
    "audit_reads_deferred",
    "audit_reads_flush",
    "audit_record",
    "audit_record_many",
    "hash_for_log",
]

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class AuditItem:
    """What one record is about. ``object_type`` and ``object_id`` default to
    the object's label and public id (else its pk); without an object the type
    is required."""

    obj: models.Model | None
    person_id: uuid.UUID | None
    # Overrides the call's reason for this record (one write for several reasons).
    reason: str | None = None
    object_type: str = ""
    object_id: str = ""

    def __post_init__(self) -> None:
        if not (self.object_type or self.obj is not None):
            raise ValueError("An audit record needs the type of object it concerns.")

    def describe(self) -> tuple[str, str]:
        """(object_type, object_id) as recorded."""
        if self.obj is None:
            return self.object_type, self.object_id
        return (
            self.object_type or self.obj._meta.label_lower,
            self.object_id or str(getattr(self.obj, "public_id", None) or self.obj.pk),
        )


def _locked_head(chain: int) -> AuditChainHead:
    """The chain's head, locked for the rest of the transaction (created on the
    organisation's first record; two first writers meet at the unique index and
    the second one then locks the first one's row)."""
    head, _ = AuditChainHead.objects.select_for_update().get_or_create(chain=chain)
    return head


def audit_chain_lock(actor: Actor | None) -> None:
    """Lock the actor's chain head now, for the rest of the caller's
    transaction, as its first audit write would. A service that takes locks of
    its own before it writes its record calls this first: every writer then
    takes its head before any other lock, and two writers cannot wait for each
    other in a cycle. Inside a transaction only (``select_for_update`` refuses
    autocommit)."""
    _locked_head(chain_of(actor.organisation_id if actor else None))


def audit_record(
    *,
    actor: Actor | None,
    action: AuditAction,
    obj: models.Model | None = None,
    object_type: str = "",
    object_id: str = "",
    person_id: uuid.UUID | None = None,
    reason: str = "",
) -> AuditEvent:
    """Append one record to the chain: ``audit_record_many`` with one item."""
    item = AuditItem(
        obj=obj, person_id=person_id, object_type=object_type, object_id=object_id
    )
    [event] = audit_record_many(actor=actor, action=action, items=[item], reason=reason)
    return event


def audit_record_many(
    *,
    actor: Actor | None,
    action: AuditAction,
    items: list[AuditItem],
    reason: str = "",
) -> list[AuditEvent]:
    """Append one record per item to the actor's chain, in one insert, inside
    the caller's transaction if any: a list page that shows ten children leaves
    ten records, at a constant number of queries. Returns the records written.

    Locking the chain's head row orders the organisation's concurrent writers,
    so the chain has no forks; other organisations' writers hold other heads
    and never wait for this one.

    In a request, a READ outside any transaction is kept until the response is
    ready and written with the request's other reads in one write
    (``audit_reads_deferred``); the records returned are then not yet saved.
    """
    if not items:
        return []
    entries = [_Entry(action, item, reason) for item in items]
    pending = _pending_reads.get()
    if pending is not None and action == AuditAction.READ and not _in_transaction():
        pending.append((actor, entries))
        return [
            _event(
                actor,
                entry,
                chain=0,
                seq=0,
                now=timezone.now(),
                request_id="",
                prev_hash="",
            )
            for entry in entries
        ]
    return _append(actor, entries)


def _in_transaction() -> bool:
    """Inside a transaction of the application's own (the test case's
    wrapping transaction does not count, as Django's durable check has it)."""
    return any(
        not block._from_testcase for block in transaction.get_connection().atomic_blocks
    )


@dataclass(frozen=True)
class _Entry:
    action: AuditAction
    item: AuditItem
    reason: str


# The reads of the current request, written when its response is ready; None
# outside a request (commands, tasks), where every record is written at once.
_pending_reads: ContextVar[list[tuple[Actor | None, list[_Entry]]] | None] = ContextVar(
    "kindveilig_audit_pending_reads", default=None
)


def _event(
    actor: Actor | None,
    entry: _Entry,
    *,
    chain: int,
    seq: int,
    now: datetime.datetime,
    request_id: str,
    prev_hash: str,
) -> AuditEvent:
    object_type, object_id = entry.item.describe()
    return AuditEvent(
        chain=chain,
        seq=seq,
        occurred_at=now,
        actor_user=actor.user if actor else None,
        actor_organisation_id=actor.organisation_id if actor else None,
        actor_role=str(actor.role) if actor else "",
        action=entry.action,
        person_id=entry.item.person_id,
        object_type=object_type,
        object_id=object_id,
        request_id=request_id,
        reason=entry.reason if entry.item.reason is None else entry.item.reason,
        prev_hash=prev_hash,
    )


def _append(actor: Actor | None, entries: list[_Entry]) -> list[AuditEvent]:
    """Write the entries to the actor's chain: lock its head, one insert,
    move the head; inside the caller's transaction if any.

    No savepoint inside a caller's transaction (two round trips saved on every
    audited write): a failed audit write fails the caller's whole transaction,
    which is what it must do anyway."""
    chain = chain_of(actor.organisation_id if actor else None)
    with transaction.atomic(savepoint=False):
        head = _locked_head(chain)
        now = timezone.now()
        request_id = current_request_id()
        prev_hash = head.last_hash
        seq = head.last_seq
        events = []
        for entry in entries:
            seq += 1
            event = _event(
                actor,
                entry,
                chain=chain,
                seq=seq,
                now=now,
                request_id=request_id,
                prev_hash=prev_hash,
            )
            event.hash = record_hash(prev_hash, event_content(event))
            prev_hash = event.hash
            events.append(event)
        AuditEvent.objects.bulk_create(events)
        head.last_seq = seq
        head.last_hash = prev_hash
        head.save(update_fields=["last_seq", "last_hash"])
    return events


@contextmanager
def audit_reads_deferred() -> Iterator[None]:
    """Keep the READ records of the block (a request) and write them at its end
    in one write per actor (one transaction, one lock of the chain head, one
    insert), instead of one write each: ``AuditReadsMiddleware`` wraps every
    request in it and writes before the response leaves. Records of changes,
    and reads inside a transaction, are still written at once."""
    token = _pending_reads.set([])
    try:
        yield
    finally:
        _pending_reads.reset(token)


def audit_reads_flush() -> int:
    """Write the reads kept so far; returns how many. Raises when they cannot
    be written: then the response that showed them must not leave."""
    pending = _pending_reads.get()
    if not pending:
        return 0
    _pending_reads.set([])
    by_actor: dict[int | None, tuple[Actor | None, list[_Entry]]] = {}
    for actor, entries in pending:
        key = actor.membership.pk if actor else None
        by_actor.setdefault(key, (actor, []))[1].extend(entries)
    with transaction.atomic():
        for actor, entries in by_actor.values():
            _append(actor, entries)
    return sum(len(entries) for _actor, entries in by_actor.values())


def audit_denied(
    *,
    actor: Actor,
    model: type[models.Model],
    public_id: uuid.UUID,
    reason: str = "",
) -> bool:
    """Record a refused attempt at an object that exists: who, which kind of
    object and its public id (the one in the URL), when; nothing of its data.

    Call it only after the actor's own lookup found nothing (or found an object
    the actor may not use), just before answering 404 or 403. This is the one
    lookup by ``public_id`` that ignores who asks; its answer never reaches the
    actor, whose response stays the same 404 or 403. Returns whether a
    record was written (False when no such object exists: a mistyped URL).
    """
    if not model._default_manager.filter(public_id=public_id).exists():
        return False
    audit_record(
        actor=actor,
        action=AuditAction.DENIED,
        object_type=model._meta.label_lower,
        object_id=str(public_id),
        reason=reason,
    )
    return True


def hash_for_log(value: str) -> str:
    """A hash in groups of eight, so the log filter's BSN and phone patterns
    (nine or ten digits in a row) cannot mask part of it."""
    return ":".join(value[i : i + 8] for i in range(0, len(value), 8))


def audit_log_verify_and_checkpoint(*, full: bool = False) -> VerificationResult:
    """Verify (from the latest sealed checkpoint, or from the genesis with
    ``full``) and, only when the chain is intact, record where the check ended
    as the next checkpoint: sealed with ``KINDVEILIG_AUDIT_SEAL_KEY`` and appended
    to the sink outside the database in the same transaction (a failed append
    leaves no checkpoint). A check that found any problem writes nothing."""
    result = audit_log_verify(full=full)
    if not result.ok or result.last_seq == 0:
        return result
    with transaction.atomic():
        checkpoint = AuditCheckpoint(
            seq=result.last_seq,
            hash=result.last_hash,
            verified_at=timezone.now(),
            records_checked=result.checked,
            full=result.full,
            heads=heads_as_json(result.heads),
        )
        checkpoint.seal = checkpoint_seal(checkpoint)
        checkpoint.save()
        sink_append(checkpoint)
    logger.info(
        "Audit checkpoint #%s sha256 %s (%s records checked from #%s)",
        result.last_seq,
        hash_for_log(result.last_hash),
        result.checked,
        result.start_seq,
    )
    return result
