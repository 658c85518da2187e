import datetime
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from django.db.models import F, QuerySet
from django.utils import dateformat, timezone
from django.utils.translation import gettext as _

from .chain import (
    GENESIS_HASH,
    SHARED_CHAIN,
    Heads,
    VerificationResult,
    event_content,
    heads_from_json,
    heads_hash,
    label,
    record_hash,
    verify_chain,
)
from .models import (
    ACCESS_LOG_COLUMNS,
    LONG_REASON,
    SHORT_REASON,
    AuditAction,
    AuditChainHead,
    AuditCheckpoint,
    AuditEvent,
)
from .seal import SealedCheckpoint, checkpoint_seal, sink_read

# Records per query while verifying: memory stays flat at any size of the log.
VERIFY_BATCH_SIZE = 10_000


def access_log_for_person(*, person_id: uuid.UUID) -> QuerySet[AuditEvent]:
    """Who did what with this person's data, newest first (one query, no per-row)."""
    return (
        AuditEvent.objects.filter(person_id=person_id)
        .select_related("actor_user", "actor_organisation")
        .order_by("-id")
    )


ACCESS_LOG_LIMIT = 500


@dataclass(frozen=True)
class AccessLogRow:
    """One line of a person's access log, as the page shows it: ``when`` in
    local time as the date filter's "j F Y H:i:s", ``who`` and
    ``organisation`` already with their words for nobody."""

    occurred_at: datetime.datetime
    when: str
    who: str
    organisation: str
    actor_role: str
    action_label: str
    object_type: str
    reason: str


class _LocalTimes:
    """ "j F Y H:i:s" in the current time zone and language, the date part
    formatted once per day (a person's records share few days)."""

    def __init__(self) -> None:
        self._days: dict[datetime.date, str] = {}

    def __call__(self, moment: datetime.datetime) -> str:
        local = timezone.localtime(moment)
        day = self._days.get(local.date())
        if day is None:
            day = self._days[local.date()] = dateformat.format(local, "j F Y")
        return f"{day} {local:%H:%M:%S}"


def access_log_rows_query(
    *, person_id: uuid.UUID, limit: int = ACCESS_LOG_LIMIT
) -> QuerySet[AuditEvent, dict[str, Any]]:
    """The newest ``limit`` records of a person, only the shown columns: one
    query, each half an index-only scan of its partial index (a short reason in
    ``audit_person_log``, a long one through ``audit_person_long_reason``)."""
    columns = ("id", *ACCESS_LOG_COLUMNS)
    names = {
        "actor_name": F("actor_user__full_name"),
        "organisation_name": F("actor_organisation__name"),
    }
    newest = AuditEvent.objects.filter(person_id=person_id).order_by("-id")
    short = newest.filter(SHORT_REASON).values(*columns, **names)[:limit]
    long = newest.filter(LONG_REASON).values(*columns, **names)[:limit]
    rows: QuerySet[AuditEvent, dict[str, Any]] = short.union(long, all=True)
    return rows.order_by("-id")[:limit]


def access_log_rows(
    *, person_id: uuid.UUID, limit: int = ACCESS_LOG_LIMIT
) -> list[AccessLogRow]:
    """Who did what with this person's data, newest first, for the page (no
    model instances, the action's label looked up once)."""
    labels = {value: str(label) for value, label in AuditAction.choices}
    nobody = _("the system")
    local_time = _LocalTimes()
    return [
        AccessLogRow(
            occurred_at=row["occurred_at"],
            when=local_time(row["occurred_at"]),
            who=row["actor_name"] or nobody,
            organisation=row["organisation_name"] or "–",
            actor_role=row["actor_role"],
            action_label=labels.get(row["action"], row["action"]),
            object_type=row["object_type"],
            reason=row["reason"] or "–",
        )
        for row in access_log_rows_query(person_id=person_id, limit=limit)
    ]


def _events_between(
    chain: int, after_seq: int, until_seq: int, batch_size: int
) -> Iterator[AuditEvent]:
    """One chain's records after ``after_seq`` up to ``until_seq`` in order, one
    range scan of the (chain, seq) index per batch (keyset pagination, no OFFSET)."""
    while True:
        batch = list(
            AuditEvent.objects.filter(
                chain=chain, seq__gt=after_seq, seq__lte=until_seq
            ).order_by("seq")[:batch_size]
        )
        if not batch:
            return
        yield from batch
        after_seq = batch[-1].seq


def checkpoint_heads(checkpoint: AuditCheckpoint | SealedCheckpoint) -> Heads:
    """Where each chain stood at the checkpoint. A checkpoint from before the
    split names the one chain's last record; any other carries every chain."""
    if not checkpoint.heads:
        return {SHARED_CHAIN: (checkpoint.seq, checkpoint.hash)}
    return heads_from_json(checkpoint.heads)


def _heads_problems(checkpoint: AuditCheckpoint) -> list[str]:
    """A checkpoint's list of chains must be the one its seal covers."""
    if not checkpoint.heads:
        return []
    try:
        heads = heads_from_json(checkpoint.heads)
    except (ValueError, TypeError):
        heads = {}
    if (
        heads_hash(heads) != checkpoint.hash
        or sum(seq for seq, _ in heads.values()) != checkpoint.seq
    ):
        return [
            f"Checkpoint #{checkpoint.seq} lists other chain heads than it sealed: "
            "it was changed outside the application."
        ]
    return []


def _distinct_chains() -> list[int]:
    """Every chain that holds a record: one probe of the (chain, seq) index per
    chain (a skip scan), so the cost follows the organisations, not the records."""
    chains: list[int] = []
    after = -1
    while True:
        following = (
            AuditEvent.objects.filter(chain__gt=after)
            .order_by("chain")
            .values_list("chain", flat=True)
            .first()
        )
        if following is None:
            return chains
        chains.append(following)
        after = following


def _newest_per_chain() -> dict[int, int]:
    return {
        chain: AuditEvent.objects.filter(chain=chain)
        .order_by("-seq")
        .values_list("seq", flat=True)
        .first()
        or 0
        for chain in _distinct_chains()
    }


def _records_beyond_head_problems(newest: dict[int, int]) -> list[str]:
    """Records after a chain's head were not written by the application. The
    newest records were read before the heads: a writer commits both at once,
    so a record written meanwhile is never mistaken for one added behind its
    back."""
    heads = {head.chain: head.last_seq for head in AuditChainHead.objects.all()}
    return [
        f"Records up to {label(chain, seq)} follow the head "
        f"(#{heads.get(chain, 0)}): they were added outside the application."
        for chain, seq in sorted(newest.items())
        if seq > heads.get(chain, 0)
    ]


def _sealed_checkpoints(head_seq: int) -> tuple[list[AuditCheckpoint], list[str]]:
    """The checkpoints that can be trusted (sealed under the key, and in the
    sink), oldest first, and what is wrong with the others and with the sink.

    The sink is the record that the log has started which cannot be removed with
    the rows: a sealed checkpoint in the sink but not in the database, or heads
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
        elif heads_problems := _heads_problems(checkpoint):
            problems.extend(heads_problems)
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


def _sealed_records_problems(
    chain: int, sealed: dict[int, str], latest: tuple[int, str] | None
) -> list[str]:
    """Each record a sealed checkpoint named in this chain must still have the
    sealed hash (one query): a chain rewritten with recomputed hashes changes
    them, and a chain removed as a whole loses them. The latest checkpoint's
    record is also recomputed from its content."""
    found = {
        event.seq: event
        for event in AuditEvent.objects.filter(chain=chain, seq__in=sealed)
    }
    problems = []
    for seq, sealed_hash in sorted(sealed.items()):
        event = found.get(seq)
        is_latest = latest is not None and latest[0] == seq
        if event is None and is_latest:
            problems.append(
                f"Record {label(chain, seq)}, the last verified one, is missing."
            )
        elif event is None or event.hash != sealed_hash:
            problems.append(
                f"Record {label(chain, seq)} no longer has the hash of "
                + ("the last verification." if is_latest else "its sealed checkpoint.")
            )
        elif is_latest and record_hash(event.prev_hash, event_content(event)) != (
            event.hash
        ):
            problems.append(
                f"Record {label(chain, seq)} was changed after it was written."
            )
    return problems


def _sealed_per_chain(trusted: list[AuditCheckpoint]) -> dict[int, dict[int, str]]:
    """chain -> {seq: hash} of every record a trusted checkpoint named."""
    sealed: dict[int, dict[int, str]] = {}
    for checkpoint in trusted:
        for chain, (seq, hash) in checkpoint_heads(checkpoint).items():
            sealed.setdefault(chain, {})[seq] = hash
    return sealed


def audit_log_verify(
    *, full: bool = False, batch_size: int = VERIFY_BATCH_SIZE
) -> VerificationResult:
    """Check every chain from the latest sealed checkpoint (or, with ``full`` or
    without one, from the genesis) up to its head as it was when the check began.

    Cost: the records after the checkpoint, the checkpoints and the sink, plus a
    few indexed lookups per chain. Both kinds compare every sealed checkpoint
    with the sink and with the records it named in every chain, so a chain
    rewritten with recomputed hashes, a chain removed as a whole, a replaced
    checkpoint or an emptied log is found either way; a record changed before
    the latest checkpoint without recomputing the hashes after it is only found
    by the full walk.
    """
    newest = _newest_per_chain()
    heads = {head.chain: head for head in AuditChainHead.objects.all()}
    trusted, problems = _sealed_checkpoints(
        sum(head.last_seq for head in heads.values())
    )
    sealed = _sealed_per_chain(trusted)
    latest = checkpoint_heads(trusted[-1]) if trusted else {}
    result = VerificationResult(sealed_checkpoints=len(trusted))
    if trusted and not full:
        result.start_seq = trusted[-1].seq
    chains = sorted(set(heads) | set(sealed) | set(newest))
    for chain in chains:
        problems.extend(
            _sealed_records_problems(chain, sealed.get(chain, {}), latest.get(chain))
        )
        start_seq, start_hash = 0, GENESIS_HASH
        if not full and chain in latest:
            start_seq, start_hash = latest[chain]
        head = heads.get(chain)
        walked = verify_chain(
            _events_between(chain, start_seq, head.last_seq if head else 0, batch_size),
            head,
            chain=chain,
            start_seq=start_seq,
            start_hash=start_hash,
        )
        result.checked += walked.checked
        problems.extend(walked.problems)
        if walked.last_seq:
            result.heads[chain] = (walked.last_seq, walked.last_hash)
    result.last_seq = sum(seq for seq, _ in result.heads.values())
    result.last_hash = heads_hash(result.heads)
    result.problems = problems + _records_beyond_head_problems(newest)
    return result
