"""Never alone with an urgent message: an urgent message that nobody opens in
time goes to the deputies, then to the municipality's on-duty organisation.

The minutes count only while the organisation reads messages (its channel
hours; ``KINDVEILIG_YOUTH_ESCALATE_MINUTES``, default 30, per step). Each step
is a row of ``UrgentEscalation`` (one per conversation, step and urgent period:
a second run changes nothing) and an audit record without actor; the e-mails
hold a link only. Opening the conversation stops it.
"""

import datetime as dt
import logging

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from kindveilig.access.actor import Actor
from kindveilig.accounts.selectors import aandachtsfunctionarissen_of
from kindveilig.audit.models import AuditAction
from kindveilig.audit.services import audit_record
from kindveilig.core.background import enqueue_on_commit
from kindveilig.youth.messages.hours import add_open_minutes
from kindveilig.youth.messages.models import (
    EscalationStep,
    UrgentEscalation,
    YouthConversation,
)
from kindveilig.youth.messages.selectors import channel_hours, deputies_of

__all__ = [
    "ALERT_TASK",
    "conversation_opened",
    "escalate_minutes",
    "urgent_escalations_run",
]

logger = logging.getLogger(__name__)

ALERT_TASK = "kindveilig.youth.messages.tasks.send_youth_alert"


def escalate_minutes() -> int:
    return int(getattr(settings, "KINDVEILIG_YOUTH_ESCALATE_MINUTES", 30))


@transaction.atomic
def conversation_opened(*, actor: Actor, conversation: YouthConversation) -> None:
    """A staff member opened the conversation: an urgent message in it is no
    longer unopened, and its escalation stops. Nothing happens otherwise."""
    if conversation.urgent_unopened_since is None:
        return
    updated = YouthConversation.objects.filter(
        pk=conversation.pk, urgent_unopened_since__isnull=False
    ).update(
        urgent_unopened_since=None,
        escalation_step=EscalationStep.NONE,
        updated_at=timezone.now(),
    )
    conversation.urgent_unopened_since = None
    conversation.escalation_step = EscalationStep.NONE
    if updated:
        audit_record(
            actor=actor,
            action=AuditAction.UPDATE,
            obj=conversation,
            reason="urgent message opened",
        )


def _on_duty_organisation_id(conversation: YouthConversation) -> int | None:
    municipality = conversation.organisation.municipality
    for candidate in (
        municipality.youth_on_duty_organisation_id,
        municipality.fallback_organisation_id,
    ):
        if candidate is not None and candidate != conversation.organisation_id:
            return candidate
    return None


def _step(
    conversation: YouthConversation,
    step: EscalationStep,
    organisation_id: int | None,
    user_ids: list[int],
    now: dt.datetime,
) -> bool:
    since = conversation.urgent_unopened_since
    assert since is not None
    _row, created = UrgentEscalation.objects.get_or_create(
        conversation=conversation,
        step=step,
        urgent_since=since,
        defaults={
            "organisation_id": organisation_id,
            "recipient_count": len(user_ids),
            "created_at": now,
        },
    )
    conversation.escalation_step = step
    if not created:
        return False
    audit_record(
        actor=None,
        action=AuditAction.UPDATE,
        obj=conversation,
        reason=f"urgent message not opened: {step.label} ({len(user_ids)} people)",
    )
    if user_ids:
        enqueue_on_commit(
            ALERT_TASK,
            kind="escalated",
            conversation_id=conversation.pk,
            user_ids=user_ids,
        )
    else:
        logger.warning(
            "Urgent youth message %s: nobody to alert at step %s",
            conversation.public_id,
            step.label,
        )
    return True


def _escalate_one(conversation: YouthConversation, now: dt.datetime) -> int:
    since = conversation.urgent_unopened_since
    assert since is not None
    hours = channel_hours(conversation.organisation_id)
    minutes = escalate_minutes()
    done = 0
    to_deputies = add_open_minutes(hours, since, minutes)
    to_on_duty = add_open_minutes(hours, since, 2 * minutes)
    if conversation.escalation_step < EscalationStep.DEPUTY and now >= to_deputies:
        deputies = deputies_of(organisation_id=conversation.organisation_id)
        done += _step(
            conversation,
            EscalationStep.DEPUTY,
            conversation.organisation_id,
            [m.user_id for m in deputies],
            now,
        )
        if not deputies:  # nobody stands in: on to the municipality at once
            to_on_duty = now
    if conversation.escalation_step < EscalationStep.ON_DUTY and now >= to_on_duty:
        target = _on_duty_organisation_id(conversation)
        members = (
            list(aandachtsfunctionarissen_of(organisation_id=target))
            if target is not None
            else []
        )
        conversation.escalated_to_id = target or conversation.escalated_to_id
        done += _step(
            conversation,
            EscalationStep.ON_DUTY,
            target,
            [m.user_id for m in members],
            now,
        )
    if done:
        conversation.save(
            update_fields=["escalation_step", "escalated_to", "updated_at"]
        )
    return done


def urgent_escalations_run(*, now: dt.datetime | None = None) -> int:
    """Take every urgent message that nobody opened one step further when its
    time has come. Safe to run at any moment and any number of times: each
    conversation is locked while it is handled, and each step happens once.
    Returns the number of steps taken."""
    now = now or timezone.now()
    pending = (
        YouthConversation.objects.filter(
            urgent_unopened_since__isnull=False,
            is_misuse=False,
            escalation_step__lt=EscalationStep.ON_DUTY,
        )
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    steps = 0
    for pk in list(pending):
        with transaction.atomic():
            conversation = (
                YouthConversation.objects.select_for_update(
                    skip_locked=True, of=("self",)
                )
                .select_related("organisation__municipality")
                .filter(pk=pk, urgent_unopened_since__isnull=False)
                .first()
            )
            if conversation is not None:
                steps += _escalate_one(conversation, now)
    return steps
