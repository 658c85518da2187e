"""The row of the audit log (``Generator._chain`` extends the hash chain)."""

import uuid
from dataclasses import dataclass
from datetime import datetime

from kindveilig.audit.models import AuditEvent
from kindveilig.scale.loading import Row

__all__ = ["AuditEventRow"]


@dataclass(frozen=True, slots=True)
class AuditEventRow(Row):
    MODEL = AuditEvent
    chain: int
    seq: int
    occurred_at: datetime
    actor_user: int | None
    actor_organisation: int | None
    actor_role: str
    action: str
    person_id: uuid.UUID | None
    object_type: str
    object_id: str
    request_id: str
    reason: str
    prev_hash: str
    hash: str
