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
    checked: int = 0
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def verify_chain(
    events: Iterable[AuditEvent], head: AuditChainHead | None
) -> VerificationResult:
    result = VerificationResult()
    prev_hash = GENESIS_HASH
    expected_seq = 1
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
    return result
