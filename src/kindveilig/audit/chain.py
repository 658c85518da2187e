"""The hash chain: each record's hash covers its content and the previous hash."""

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from .models import AuditChainHead, AuditEvent

GENESIS_HASH = "0" * 64


def record_hash(prev_hash: str, content: dict[str, Any]) -> str:
    canonical = json.dumps(content, sort_keys=True, separators=(",", ":"), default=str)
    return hashlib.sha256(f"{prev_hash}|{canonical}".encode()).hexdigest()


def event_content(event: AuditEvent) -> dict[str, Any]:
    return {
        "seq": event.seq,
        "occurred_at": event.occurred_at.isoformat(),
        "actor_user": event.actor_user_id,
        "actor_organisation": event.actor_organisation_id,
        "actor_role": event.actor_role,
        "action": event.action,
        "person_id": str(event.person_id) if event.person_id else None,
        "object_type": event.object_type,
        "object_id": event.object_id,
        "request_id": event.request_id,
        "reason": event.reason,
    }


@dataclass
class VerificationResult:
    """What one verification saw: the records it walked after ``start_seq`` (0 is
    the genesis) and the (seq, hash) it ended at, which becomes the checkpoint."""

    checked: int = 0
    problems: list[str] = field(default_factory=list)
    start_seq: int = 0
    last_seq: int = 0
    last_hash: str = GENESIS_HASH
    # How many sealed checkpoints were compared with the sink and the chain.
    sealed_checkpoints: int = 0

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def full(self) -> bool:
        return self.start_seq == 0

    @property
    def first_seq(self) -> int:
        """The first record walked (``last_seq`` + 1 when none was)."""
        return self.start_seq + 1


def verify_chain(
    events: Iterable[AuditEvent],
    head: AuditChainHead | None,
    *,
    start_seq: int = 0,
    start_hash: str = GENESIS_HASH,
) -> VerificationResult:
    """Walk ``events`` (the records after ``start_seq``, in order) from a trusted
    point: the genesis, or a checkpoint whose record was checked by the caller."""
    result = VerificationResult(start_seq=start_seq)
    prev_hash = start_hash
    expected_seq = start_seq + 1
    for event in events:
        result.checked += 1
        if event.seq != expected_seq:
            result.problems.append(
                f"Record #{expected_seq} is missing (next found: #{event.seq})."
            )
        if event.prev_hash != prev_hash:
            result.problems.append(
                f"Record #{event.seq} does not link to the one before."
            )
        if record_hash(event.prev_hash, event_content(event)) != event.hash:
            result.problems.append(
                f"Record #{event.seq} was changed after it was written."
            )
        prev_hash = event.hash
        expected_seq = event.seq + 1
    last_seq = expected_seq - 1
    head_seq = head.last_seq if head else 0
    head_hash = head.last_hash if head else GENESIS_HASH
    if head_seq != last_seq or head_hash != prev_hash:
        result.problems.append(
            f"The chain ends at #{last_seq}, but the head says #{head_seq}: "
            "records were removed or added outside the application."
        )
    result.last_seq = last_seq
    result.last_hash = prev_hash
    return result
