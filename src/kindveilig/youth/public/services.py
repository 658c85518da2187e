"""Writes of the help services: only the functioneel beheerder's edits.

The children's pages write nothing at all.
"""

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from django.db import transaction

from kindveilig.access.actor import Actor
from kindveilig.audit.models import AuditAction
from kindveilig.audit.services import audit_record

from .models import HelpService, OpeningHours

__all__ = ["EDITABLE_FIELDS", "Hours", "help_service_save"]

EDITABLE_FIELDS = (
    "name",
    "description_nl",
    "description_en",
    "description_ar",
    "description_tr",
    "description_pl",
    "description_uk",
    "phone",
    "chat_url",
    "website",
    "always_open",
    "closed_on_holidays",
    "order",
    "active",
)
AUDIT_REASON = "help service for children"


@dataclass(frozen=True)
class Hours:
    channel: str
    weekday: int
    opens: dt.time
    closes: dt.time


def help_service_save(
    *,
    actor: Actor,
    service: HelpService | None,
    values: Mapping[str, Any],
    hours: Sequence[Hours],
) -> HelpService:
    """Create (``service`` None, ``values`` with a ``slug``) or change a service,
    and replace its opening hours with ``hours``. Audited as reference data."""
    creating = service is None
    with transaction.atomic():
        if service is None:
            service = HelpService(slug=values["slug"])
        for field in EDITABLE_FIELDS:
            if field in values:
                setattr(service, field, values[field])
        service.full_clean()
        service.save()
        service.opening_hours.all().delete()
        rows = [
            OpeningHours(
                service=service,
                channel=item.channel,
                weekday=item.weekday,
                opens=item.opens,
                closes=item.closes,
            )
            for item in hours
        ]
        for row in rows:
            row.full_clean()
        OpeningHours.objects.bulk_create(rows)
        audit_record(
            actor=actor,
            action=AuditAction.CREATE if creating else AuditAction.UPDATE,
            obj=service,
            reason=AUDIT_REASON,
        )
    return service
