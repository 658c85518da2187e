import uuid
from collections.abc import Iterator

from django.db.models import QuerySet

from .chain import VerificationResult, verify_chain
from .models import AuditChainHead, AuditEvent


def access_log_for_person(*, person_id: uuid.UUID) -> QuerySet[AuditEvent]:
    """Who did what with this person's data, newest first (one query, no per-row)."""
    return (
        AuditEvent.objects.filter(person_id=person_id)
        .select_related("actor_user", "actor_organisation")
        .order_by("-seq")
    )


def _events_in_order(batch_size: int = 2000) -> Iterator[AuditEvent]:
    return AuditEvent.objects.order_by("seq").iterator(chunk_size=batch_size)


def audit_log_verify() -> VerificationResult:
    head = AuditChainHead.objects.filter(pk=1).first()
    return verify_chain(_events_in_order(), head)
