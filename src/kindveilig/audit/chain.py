"""The hash chains: each record's hash covers its content and the previous hash
in its chain; one chain per writing organisation (0: writers without one)."""

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from .models import AuditChainHead, AuditEvent

GENESIS_HASH = "0" * 64
# The chain of writers without an organisation, and of every record written
# before the chains were split.
SHARED_CHAIN = 0

# chain -> (seq, hash) of its last record
Heads = dict[int, tuple[int, str]]


def chain_of(organisation_id: int | None) -> int:
    """The chain a writer of this organisation appends to."""
    return organisation_id or SHARED_CHAIN


def label(chain: int, seq: int) -> str:
    """How problems name a record: "#5" in the shared chain (as before the
    split), "#5 of chain 12" in an organisation's."""
    return f"#{seq}" if chain == SHARED_CHAIN else f"#{seq} of chain {chain}"


def heads_hash(heads: Heads) -> str:
    """The SHA-256 of every chain's head, in a fixed order: what a checkpoint
    seals, so one seal ties all chains together."""
    canonical = json.dumps(
        [[chain, seq, hash] for chain, (seq, hash) in sorted(heads.items())],
        separators=(",", ":"),
    )
    return hashlib.sha256(f"heads|{canonical}".encode()).hexdigest()


def heads_as_json(heads: Heads) -> dict[str, list[int | str]]:
    return {str(chain): [seq, hash] for chain, (seq, hash) in sorted(heads.items())}


def heads_from_json(data: object) -> Heads:
    """Parse ``heads_as_json``; raises ``ValueError`` on anything else."""
    if not isinstance(data, dict):
        raise ValueError("heads must be an object")
    heads: Heads = {}
    for chain, pair in data.items():
        seq, hash = pair
        heads[int(chain)] = (int(seq), str(hash))
    return heads


def record_hash(prev_hash: str, content: dict[str, Any]) -> str:
    canonical = json.dumps(content, sort_keys=True, separators=(",", ":"), default=str)
    return hashlib.sha256(f"{prev_hash}|{canonical}".encode()).hexdigest()


def event_content(event: AuditEvent) -> dict[str, Any]:
    content = {
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
    # The shared chain's content is as it was before the split, so its records'
    # hashes still hold; an organisation's record also covers its chain.
    if event.chain != SHARED_CHAIN:
        content["chain"] = event.chain
    return content


@dataclass
class VerificationResult:
    """What one verification saw: the records it walked after ``start_seq`` (0 is
    the genesis) and the (seq, hash) it ended at, which becomes the checkpoint.

    For one chain these are that chain's numbers; for the whole log ``start_seq``
    and ``last_seq`` count records over all chains, ``last_hash`` is the
    ``heads_hash`` of ``heads``, where each chain ended."""

    checked: int = 0
    problems: list[str] = field(default_factory=list)
    start_seq: int = 0
    last_seq: int = 0
    last_hash: str = GENESIS_HASH
    # How many sealed checkpoints were compared with the sink and the chain.
    sealed_checkpoints: int = 0
    heads: Heads = field(default_factory=dict)

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
    chain: int = SHARED_CHAIN,
    start_seq: int = 0,
    start_hash: str = GENESIS_HASH,
) -> VerificationResult:
    """Walk ``events`` (one chain's records after ``start_seq``, in order) from a
    trusted point: the genesis, or a checkpoint whose record the caller checked."""
    result = VerificationResult(start_seq=start_seq)
    prev_hash = start_hash
    expected_seq = start_seq + 1
    for event in events:
        result.checked += 1
        if event.seq != expected_seq:
            result.problems.append(
                f"Record {label(chain, expected_seq)} is missing "
                f"(next found: #{event.seq})."
            )
        if event.prev_hash != prev_hash:
            result.problems.append(
                f"Record {label(chain, event.seq)} does not link to the one before."
            )
        if record_hash(event.prev_hash, event_content(event)) != event.hash:
            result.problems.append(
                f"Record {label(chain, event.seq)} was changed after it was written."
            )
        prev_hash = event.hash
        expected_seq = event.seq + 1
    last_seq = expected_seq - 1
    head_seq = head.last_seq if head else 0
    head_hash = head.last_hash if head else GENESIS_HASH
    if head_seq != last_seq or head_hash != prev_hash:
        result.problems.append(
            f"The chain ends at {label(chain, last_seq)}, but the head says "
            f"#{head_seq}: records were removed or added outside the application."
        )
    result.last_seq = last_seq
    result.last_hash = prev_hash
    return result
