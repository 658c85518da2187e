"""Reads of Praat erover.

Children find a channel by code or name and a conversation by its pick-up code;
staff reads are scoped to the actor's organisation and audited (404 outside it).
"""

import datetime as dt
import uuid
from typing import Literal

from django.db.models import Case, Count, IntegerField, Q, QuerySet, Value, When
from django.http import Http404
from django.utils.translation import get_language

from kindveilig.access.actor import Actor
from kindveilig.access.roles import Role
from kindveilig.accounts.models import Membership
from kindveilig.accounts.selectors import aandachtsfunctionarissen_of
from kindveilig.audit.models import AuditAction
from kindveilig.audit.services import AuditItem, audit_record, audit_record_many

from .codes import code_hash_candidates, parse_code
from .hours import DEFAULT_HOURS, Hours, next_opening
from .models import (
    AnswerTemplate,
    ChannelHours,
    ConversationStatus,
    DangerPattern,
    PublicChannel,
    UrgentEscalation,
    YouthConversation,
    YouthMessage,
)

__all__ = [
    "InboxView",
    "answer_templates",
    "channel_by_code",
    "channel_hours",
    "channel_next_opening",
    "channel_of",
    "channels_search",
    "conversation_by_code",
    "conversation_get_for",
    "danger_patterns_for",
    "deputies_of",
    "escalations_of",
    "first_alerted_of",
    "inbox_for",
    "messages_of",
    "urgent_waiting",
    "urgent_waiting_count",
]

InboxView = Literal["open", "closed", "misuse"]
INBOX_LIMIT = 200
SEARCH_LIMIT = 10


def _open_channels() -> QuerySet[PublicChannel]:
    return PublicChannel.objects.filter(
        enabled=True, organisation__is_active=True
    ).select_related("organisation")


def channel_by_code(code: str) -> PublicChannel | None:
    normalised = "".join(code.split()).replace("-", "").upper()
    if not normalised:
        return None
    return _open_channels().filter(public_code=normalised).first()


def channels_search(text: str) -> list[PublicChannel]:
    """Open channels whose name contains every typed word (at least 3 letters)."""
    words = [word for word in text.split() if len(word) >= 2]
    if len("".join(words)) < 3:
        return []
    queryset = _open_channels()
    for word in words:
        queryset = queryset.filter(display_name__icontains=word)
    return list(queryset.order_by("display_name")[:SEARCH_LIMIT])


def conversation_by_code(typed: str) -> YouthConversation | None:
    """The child's conversation, or None. Not audited: the child reads their own.
    A code hashed before ``keyed_hash`` is found too (``conversation_open``
    re-hashes it)."""
    code = parse_code(typed)
    if code is None:
        return None
    return (
        YouthConversation.objects.select_related("organisation__youth_channel")
        .filter(code_hash__in=code_hash_candidates(code))
        .first()
    )


def messages_of(conversation: YouthConversation) -> list[YouthMessage]:
    return list(conversation.messages.select_related("author").order_by("created_at"))


def _inbox_queryset(actor: Actor) -> QuerySet[YouthConversation]:
    """The actor's organisation's conversations, and those whose urgent message
    went to it as the municipality's on-duty organisation."""
    if actor.role != Role.AANDACHTSFUNCTIONARIS:
        return YouthConversation.objects.none()
    return YouthConversation.objects.filter(
        Q(organisation_id=actor.organisation_id)
        | Q(escalated_to_id=actor.organisation_id)
    )


def urgent_waiting(*, actor: Actor) -> QuerySet[YouthConversation]:
    """Urgent conversations that nobody opened yet, or where the child waits
    for an answer, for the staff who handle the inbox (the
    aandachtsfunctionaris, and the on-duty organisation's once it went there).
    To count, for the start page: nothing read, nothing audited."""
    return (
        _inbox_queryset(actor)
        .filter(is_urgent=True, is_misuse=False)
        .filter(
            Q(urgent_unopened_since__isnull=False)
            | Q(status=ConversationStatus.OPEN, waiting_since__isnull=False)
        )
    )


def urgent_waiting_count(*, actor: Actor) -> int:
    return urgent_waiting(actor=actor).count()


def channel_hours(organisation_id: int) -> Hours:
    """When a person reads the organisation's messages: its own rows, or the
    default school days."""
    rows = ChannelHours.objects.filter(
        channel__organisation_id=organisation_id
    ).values_list("weekday", "opens", "closes")
    return list(rows) or DEFAULT_HOURS


def channel_next_opening(
    channel: PublicChannel, now: dt.datetime
) -> dt.datetime | None:
    """When a person next reads messages sent to ``channel``: None while open."""
    return next_opening(channel_hours(channel.organisation_id), now)


def first_alerted_of(*, organisation_id: int) -> list[Membership]:
    """Who gets the e-mail about an urgent message at once: the organisation's
    own aandachtsfunctionarissen; the deputies only when there is nobody else."""
    everyone = list(aandachtsfunctionarissen_of(organisation_id=organisation_id))
    return [m for m in everyone if not m.is_deputy] or everyone


def deputies_of(*, organisation_id: int) -> list[Membership]:
    return list(
        aandachtsfunctionarissen_of(organisation_id=organisation_id).filter(
            is_deputy=True
        )
    )


def inbox_for(*, actor: Actor, view: InboxView = "open") -> list[YouthConversation]:
    """Urgent and unanswered first, then the oldest unanswered, then the rest by
    last activity. Every conversation listed is a READ in the audit log."""
    queryset = _inbox_queryset(actor)
    if view == "misuse":
        queryset = queryset.filter(is_misuse=True)
    else:
        queryset = queryset.filter(
            is_misuse=False,
            status=ConversationStatus.CLOSED
            if view == "closed"
            else ConversationStatus.OPEN,
        )
    conversations: list[YouthConversation] = list(
        queryset.annotate(
            message_count=Count("messages"),
            priority=Case(
                When(Q(is_urgent=True, waiting_since__isnull=False), then=Value(0)),
                When(waiting_since__isnull=False, then=Value(1)),
                default=Value(2),
                output_field=IntegerField(),
            ),
        )
        .select_related("trajectory")
        .order_by("priority", "waiting_since", "-last_activity_at", "pk")[:INBOX_LIMIT]
    )
    audit_record_many(
        actor=actor,
        action=AuditAction.READ,
        items=[AuditItem(obj=c, person_id=None) for c in conversations],
        reason="inbox",
    )
    return conversations


def conversation_get_for(
    *,
    actor: Actor,
    public_id: uuid.UUID,
    audit: bool = True,
    allow_on_duty: bool = False,
) -> YouthConversation:
    """One conversation of the actor's organisation (404 otherwise); with
    ``allow_on_duty`` also one whose urgent message went to the actor's
    organisation as the on-duty organisation (to read and answer it)."""
    queryset = _inbox_queryset(actor)
    if not allow_on_duty:
        queryset = queryset.filter(organisation_id=actor.organisation_id)
    conversation = (
        queryset.select_related("trajectory", "misuse_marked_by")
        .filter(public_id=public_id)
        .first()
    )
    if conversation is None:
        raise Http404
    if audit:
        audit_record(actor=actor, action=AuditAction.READ, obj=conversation)
    return conversation


def channel_of(actor: Actor) -> PublicChannel | None:
    return PublicChannel.objects.filter(organisation_id=actor.organisation_id).first()


def answer_templates() -> list[AnswerTemplate]:
    language = (get_language() or "nl")[:2]
    templates = list(AnswerTemplate.objects.filter(is_active=True, language=language))
    if not templates and language != "nl":
        templates = list(AnswerTemplate.objects.filter(is_active=True, language="nl"))
    return templates


def danger_patterns_for(actor: Actor) -> list[DangerPattern]:
    """The shared patterns and the organisation's own, for the beheer page."""
    return list(
        DangerPattern.objects.filter(
            Q(organisation__isnull=True) | Q(organisation_id=actor.organisation_id)
        )
        .select_related("updated_by")
        .order_by("organisation_id", "category", "pattern")
    )


def escalations_of(conversation: YouthConversation) -> list[UrgentEscalation]:
    """Where an unopened urgent message went, for the conversation page (the
    caller read the conversation through ``conversation_get_for``)."""
    return list(conversation.escalations.select_related("organisation"))
