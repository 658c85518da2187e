"""Every write of Praat erover: a child starts or continues a conversation, staff
answer, mark misuse, open a meldcode trajectory; old conversations are purged.

Children act without an account: their writes are audited with no actor. Staff
writes name the actor; the audited object is always the conversation.
"""

import logging
import re
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from kindveilig.access.actor import Actor
from kindveilig.access.roles import Role
from kindveilig.audit.models import AuditAction
from kindveilig.audit.services import AuditItem, audit_record, audit_record_many
from kindveilig.core.background import enqueue_on_commit
from kindveilig.core.crypto import HashPurpose, keyed_hash
from kindveilig.core.retention import active_holds
from kindveilig.meldcode.models import Trajectory
from kindveilig.meldcode.models.choices import Origin, Source
from kindveilig.meldcode.services import observation_add, trajectory_start
from kindveilig.meldcode.services.entries import ObservationInput
from kindveilig.meldcode.services.trajectories import ChildInput, StartInput
from kindveilig.youth.messages.codes import PickupCode, code_hash, generate_code
from kindveilig.youth.messages.danger_services import (
    danger_categories_for,
    danger_pattern_save,
)
from kindveilig.youth.messages.models import (
    PUBLIC_CODE_PATTERN,
    ConversationStatus,
    DangerCategory,
    EscalationStep,
    PublicChannel,
    Sender,
    YouthConversation,
    YouthMessage,
)
from kindveilig.youth.messages.selectors import conversation_by_code

from .hours import channel_hours_save
from .urgent import (
    ALERT_TASK,
    conversation_opened,
    escalate_minutes,
    urgent_escalations_run,
)

__all__ = [
    "MAX_CONTACT_CHARS",
    "MAX_FIRST_NAME_CHARS",
    "MAX_MESSAGE_CHARS",
    "StartResult",
    "channel_hours_save",
    "channel_save",
    "child_message_add",
    "conversation_close",
    "conversation_escalate",
    "conversation_misuse_mark",
    "conversation_misuse_unmark",
    "conversation_open",
    "conversation_opened",
    "conversation_start",
    "conversations_purge",
    "danger_categories_for",
    "danger_pattern_save",
    "escalate_minutes",
    "retention_days",
    "staff_answer",
    "suggested_forms_of_violence",
    "urgent_escalations_run",
]

logger = logging.getLogger(__name__)

MAX_MESSAGE_CHARS = 5000
# The retention engine's key of a conversation (and of legal holds on one).
CONVERSATION_KIND = "youthmessages.youthconversation"
MAX_FIRST_NAME_CHARS = 50
MAX_CONTACT_CHARS = 200
# At most one e-mail about new messages per organisation per hour: a flood must
# not become a flood of e-mails; the inbox always shows every message. Urgent
# messages are never throttled: each one is an e-mail to each recipient.
NEW_MAIL_EVERY = 60 * 60


def retention_days() -> int:
    return int(getattr(settings, "KINDVEILIG_YOUTH_MESSAGE_RETENTION_DAYS", 60))


@dataclass(frozen=True)
class StartResult:
    conversation: YouthConversation
    # The code is shown once; None when the same form was sent again.
    code: PickupCode | None
    categories: list[str]

    @property
    def is_urgent(self) -> bool:
        return bool(self.categories)


def _check_text(field: str, text: str, limit: int, required: bool) -> str:
    text = text.strip()
    if required and not text:
        raise ValidationError({field: _("Write something first.")})
    if len(text) > limit:
        raise ValidationError(
            {
                field: _(
                    "This is too long: at most %(limit)s characters. "
                    "You can send the rest in a second message."
                )
                % {"limit": limit}
            }
        )
    return text


def _submission_hash(submission_id: str) -> str:
    return keyed_hash(HashPurpose.SUBMISSION, submission_id)


def _notify(kind: str, conversation: YouthConversation) -> None:
    conversation_id = conversation.pk
    if kind == "urgent":
        enqueue_on_commit(ALERT_TASK, kind=kind, conversation_id=conversation_id)
        return
    throttle_key = f"youthmail:{kind}:{conversation.organisation_id}"

    def enqueue_unless_throttled() -> None:
        # After the commit: at most one mail per organisation per period.
        if cache.add(throttle_key, 1, timeout=NEW_MAIL_EVERY):
            enqueue_on_commit(ALERT_TASK, kind=kind, conversation_id=conversation_id)

    transaction.on_commit(enqueue_unless_throttled)


def _mark_urgent_unopened(conversation: YouthConversation, now: datetime) -> None:
    """An urgent message waits to be opened: the escalation clock starts, unless
    an earlier urgent message still waits (then that one's clock runs on)."""
    if conversation.urgent_unopened_since is None:
        conversation.urgent_unopened_since = now
        conversation.escalation_step = EscalationStep.NONE


def _merge_categories(conversation: YouthConversation, categories: list[str]) -> None:
    if categories:
        conversation.is_urgent = True
        conversation.danger_categories = sorted(
            set(conversation.danger_categories) | set(categories)
        )


@transaction.atomic
def conversation_start(
    *,
    channel: PublicChannel,
    body: str,
    first_name: str = "",
    contact: str = "",
    submission_id: str = "",
    language: str = "nl",
) -> StartResult:
    """A child's first message: a new conversation and its pick-up code.
    ``language``: the page's language, kept with the message for staff."""
    body = _check_text("body", body, MAX_MESSAGE_CHARS, required=True)
    first_name = _check_text("first_name", first_name, MAX_FIRST_NAME_CHARS, False)
    contact = _check_text("contact", contact, MAX_CONTACT_CHARS, False)
    if not channel.enabled or not channel.organisation.is_active:
        raise ValidationError(_("This school or club does not take messages now."))
    submission = _submission_hash(submission_id) if submission_id else None
    if submission is not None:
        existing = YouthConversation.objects.filter(submission_hash=submission).first()
        if existing is not None:
            return StartResult(
                conversation=existing, code=None, categories=existing.danger_categories
            )
    categories = danger_categories_for(
        organisation_id=channel.organisation_id, text=body, page_language=language
    )
    now = timezone.now()
    for _attempt in range(5):
        code = generate_code()
        hashed = code_hash(code)
        if not YouthConversation.objects.filter(code_hash=hashed).exists():
            break
    else:  # pragma: no cover - 2**45 codes; five collisions in a row do not happen
        raise RuntimeError("Could not find a free pick-up code.")
    conversation = YouthConversation(
        organisation=channel.organisation,
        code_hash=hashed,
        submission_hash=submission,
        waiting_since=now,
        last_activity_at=now,
        first_name=first_name,
        contact=contact,
    )
    _merge_categories(conversation, categories)
    if categories:
        _mark_urgent_unopened(conversation, now)
    try:
        with transaction.atomic():
            conversation.save()
    except IntegrityError:
        # The same form, sent twice at the same moment: the first one wins.
        existing = YouthConversation.objects.get(submission_hash=submission)
        return StartResult(
            conversation=existing, code=None, categories=existing.danger_categories
        )
    YouthMessage.objects.create(
        conversation=conversation,
        sender=Sender.CHILD,
        body=body,
        is_urgent=bool(categories),
        danger_categories=categories,
        language=language,
    )
    audit_record(actor=None, action=AuditAction.CREATE, obj=conversation)
    _notify("urgent" if categories else "new", conversation)
    return StartResult(conversation=conversation, code=code, categories=categories)


def conversation_open(*, code: PickupCode) -> YouthConversation | None:
    """The conversation of a code the child typed, or None. A conversation
    whose code was hashed before ``keyed_hash`` gets the current hash now, so the
    old derivation can go once no such conversation is left (docs/decisions.md,
    "Keyed hashes: one helper, named purposes")."""
    conversation = conversation_by_code(code.text)
    if conversation is None:
        return None
    current = code_hash(code)
    if conversation.code_hash != current:
        YouthConversation.objects.filter(
            pk=conversation.pk, code_hash=conversation.code_hash
        ).update(code_hash=current)
        conversation.code_hash = current
    return conversation


@transaction.atomic
def child_message_add(
    *, conversation: YouthConversation, body: str, language: str = "nl"
) -> YouthMessage:
    """The child writes again (after reading an answer, or to add something)."""
    body = _check_text("body", body, MAX_MESSAGE_CHARS, required=True)
    conversation = YouthConversation.objects.select_for_update().get(pk=conversation.pk)
    categories = danger_categories_for(
        organisation_id=conversation.organisation_id,
        text=body,
        page_language=language,
    )
    now = timezone.now()
    message = YouthMessage.objects.create(
        conversation=conversation,
        sender=Sender.CHILD,
        body=body,
        is_urgent=bool(categories),
        danger_categories=categories,
        language=language,
    )
    conversation.last_activity_at = now
    conversation.waiting_since = conversation.waiting_since or now
    conversation.status = ConversationStatus.OPEN
    _merge_categories(conversation, categories)
    if categories:
        _mark_urgent_unopened(conversation, now)
    conversation.save(
        update_fields=[
            "last_activity_at",
            "waiting_since",
            "status",
            "is_urgent",
            "danger_categories",
            "urgent_unopened_since",
            "escalation_step",
            "updated_at",
        ]
    )
    audit_record(
        actor=None, action=AuditAction.UPDATE, obj=conversation, reason="child message"
    )
    if categories:
        _notify("urgent", conversation)
    return message


def _require_staff(
    actor: Actor, conversation: YouthConversation, *, on_duty_may: bool = False
) -> None:
    """The organisation's aandachtsfunctionaris; with ``on_duty_may``, also the
    on-duty organisation's, once the urgent message went there (to answer)."""
    organisations = {conversation.organisation_id}
    if on_duty_may and conversation.escalated_to_id is not None:
        organisations.add(conversation.escalated_to_id)
    if (
        actor.organisation_id not in organisations
        or actor.role != Role.AANDACHTSFUNCTIONARIS
    ):
        raise ValidationError(_("You may not change this conversation."))


@transaction.atomic
def staff_answer(
    *, actor: Actor, conversation: YouthConversation, body: str
) -> YouthMessage:
    _require_staff(actor, conversation, on_duty_may=True)
    body = _check_text("body", body, MAX_MESSAGE_CHARS, required=True)
    message = YouthMessage.objects.create(
        conversation=conversation, sender=Sender.STAFF, body=body, author=actor.user
    )
    conversation.last_activity_at = timezone.now()
    conversation.waiting_since = None
    conversation.save(update_fields=["last_activity_at", "waiting_since", "updated_at"])
    audit_record(
        actor=actor, action=AuditAction.UPDATE, obj=conversation, reason="answer"
    )
    return message


@transaction.atomic
def conversation_close(
    *, actor: Actor, conversation: YouthConversation, closed: bool = True
) -> YouthConversation:
    """Close (or reopen) a conversation. A child who writes again reopens it."""
    _require_staff(actor, conversation)
    conversation.status = (
        ConversationStatus.CLOSED if closed else ConversationStatus.OPEN
    )
    conversation.save(update_fields=["status", "updated_at"])
    audit_record(
        actor=actor,
        action=AuditAction.UPDATE,
        obj=conversation,
        reason="closed" if closed else "reopened",
    )
    return conversation


@transaction.atomic
def conversation_misuse_mark(
    *, actor: Actor, conversation: YouthConversation, reason: str
) -> YouthConversation:
    """Mark as misuse (a prank, or used to bully someone): counted, kept, and
    deleted only by the normal retention period, never silently."""
    _require_staff(actor, conversation)
    reason = reason.strip()
    if not reason:
        raise ValidationError({"reason": _("Say why this is misuse.")})
    if conversation.is_misuse:
        raise ValidationError(_("This conversation is already marked as misuse."))
    conversation.is_misuse = True
    conversation.misuse_marked_by = actor.user
    conversation.misuse_marked_at = timezone.now()
    conversation.misuse_reason = reason[:1000]
    conversation.save(
        update_fields=[
            "is_misuse",
            "misuse_marked_by",
            "misuse_marked_at",
            "misuse_reason",
            "updated_at",
        ]
    )
    PublicChannel.objects.filter(organisation_id=conversation.organisation_id).update(
        misuse_count=F("misuse_count") + 1
    )
    audit_record(
        actor=actor,
        action=AuditAction.UPDATE,
        obj=conversation,
        reason=f"marked as misuse: {reason[:200]}",
    )
    return conversation


@transaction.atomic
def conversation_misuse_unmark(
    *, actor: Actor, conversation: YouthConversation
) -> YouthConversation:
    """Undo a wrong misuse mark; the audit log keeps both."""
    _require_staff(actor, conversation)
    if not conversation.is_misuse:
        return conversation
    conversation.is_misuse = False
    conversation.misuse_marked_by = None
    conversation.misuse_marked_at = None
    conversation.misuse_reason = ""
    conversation.save(
        update_fields=[
            "is_misuse",
            "misuse_marked_by",
            "misuse_marked_at",
            "misuse_reason",
            "updated_at",
        ]
    )
    PublicChannel.objects.filter(
        organisation_id=conversation.organisation_id, misuse_count__gt=0
    ).update(misuse_count=F("misuse_count") - 1)
    audit_record(
        actor=actor,
        action=AuditAction.UPDATE,
        obj=conversation,
        reason="misuse mark undone",
    )
    return conversation


@transaction.atomic
def conversation_escalate(
    *,
    actor: Actor,
    conversation: YouthConversation,
    given_name: str,
    family_name: str,
    forms_of_violence: list[str],
) -> Trajectory:
    """Open a meldcode trajectory from the conversation. The child's own words
    become a step-1 signal with the child as its source; the child's name is not
    known, so the professional gives a placeholder and completes it later."""
    _require_staff(actor, conversation)
    if conversation.trajectory_id is not None:
        raise ValidationError(
            _("A meldcode trajectory was already opened from this conversation.")
        )
    child_messages = list(
        conversation.messages.filter(sender=Sender.CHILD).order_by("created_at", "pk")
    )
    if not child_messages:  # pragma: no cover - a conversation starts with one
        raise ValidationError(_("The child has not written anything yet."))
    reference = str(conversation.public_id)[:8]
    categories = ", ".join(
        str(DangerCategory(c).label) for c in conversation.danger_categories
    )
    worry = _(
        "A child wrote to us through Praat erover, the anonymous message channel "
        "(conversation %(reference)s)."
    ) % {"reference": reference}
    if categories:
        worry += " " + _("Danger words found: %(categories)s.") % {
            "categories": categories
        }
    trajectory = trajectory_start(
        actor=actor,
        data=StartInput(
            origin=Origin.WORRY,
            worry=worry,
            forms_of_violence=forms_of_violence,
            children=[ChildInput(given_name=given_name, family_name=family_name)],
        ),
    )
    first = timezone.localtime(child_messages[0].created_at)
    observation_add(
        actor=actor,
        trajectory=trajectory,
        data=ObservationInput(
            observed_on=first.date(),
            observed_by=actor.user.full_name or actor.user.email,
            source=Source.CHILD,
            facts=ngettext(
                "The child wrote %(count)s message through Praat erover, on "
                "%(date)s. The child's own words are quoted as they were written. "
                "The child's name is not known yet.",
                "The child wrote %(count)s messages through Praat erover, from "
                "%(date)s. The child's own words are quoted as they were written. "
                "The child's name is not known yet.",
                len(child_messages),
            )
            % {"count": len(child_messages), "date": date_format(first, "j F Y")},
            child_quote="\n\n".join(message.body for message in child_messages),
        ),
    )
    conversation.trajectory = trajectory
    # Activity, like an answer: the conversation (and with it the monitor's
    # "started from a child's message") lives on from the trajectory's month,
    # until that month's counts are final (monitor.finality).
    conversation.last_activity_at = timezone.now()
    conversation.save(update_fields=["trajectory", "last_activity_at", "updated_at"])
    audit_record(
        actor=actor,
        action=AuditAction.UPDATE,
        obj=conversation,
        reason="meldcode trajectory opened",
    )
    return trajectory


# What the danger words suggest for the trajectory's forms of violence; the
# professional confirms or changes it.
SUGGESTED_FORMS: dict[str, list[str]] = {
    DangerCategory.VIOLENCE: ["physical"],
    DangerCategory.SEXUAL: ["sexual"],
}


def suggested_forms_of_violence(conversation: YouthConversation) -> list[str]:
    return sorted(
        {
            form
            for category in conversation.danger_categories
            for form in SUGGESTED_FORMS.get(category, [])
        }
    )


def conversations_purge(
    *,
    now: datetime | None = None,
    days: int | None = None,
    held: frozenset[uuid.UUID] | None = None,
    dry_run: bool = False,
) -> int:
    """Delete conversations without activity for ``days`` (default: the setting).

    Each deletion is an audit record without actor, so nothing disappears
    silently. Words copied into a meldcode trajectory stay there, under the
    meldcode's own retention. Conversations under a legal hold (``held``; by
    default the active holds, read as the engine reads them) stay; a dry run
    only counts."""
    now = now or timezone.now()
    if held is None:
        held = active_holds().get(CONVERSATION_KIND, frozenset())
    cutoff = now - timedelta(days=days if days is not None else retention_days())
    due = YouthConversation.objects.filter(last_activity_at__lt=cutoff).exclude(
        public_id__in=held
    )
    if dry_run:
        return due.count()
    deleted = 0
    last_pk = 0
    while True:
        with transaction.atomic():
            batch = list(
                due.select_for_update(skip_locked=True)
                .filter(pk__gt=last_pk)
                .order_by("pk")[:500]
            )
            if not batch:
                return deleted
            audit_record_many(
                actor=None,
                action=AuditAction.DELETE,
                items=[AuditItem(obj=c, person_id=None) for c in batch],
                reason=f"no activity for {(now - cutoff).days} days",
            )
            YouthConversation.objects.filter(pk__in=[c.pk for c in batch]).delete()
            deleted += len(batch)
            last_pk = batch[-1].pk


def _require_channel_admin(actor: Actor) -> None:
    if actor.role not in (Role.AANDACHTSFUNCTIONARIS, Role.FUNCTIONEEL_BEHEERDER):
        raise ValidationError(_("You may not change the channel."))


@transaction.atomic
def channel_save(
    *, actor: Actor, public_code: str, display_name: str, enabled: bool
) -> PublicChannel:
    """Create or change the organisation's public channel."""
    _require_channel_admin(actor)
    code = re.sub(r"[\s-]", "", public_code).upper()
    if not re.fullmatch(PUBLIC_CODE_PATTERN, code):
        raise ValidationError(
            {"public_code": _("Use 3 to 20 capital letters or digits, without spaces.")}
        )
    taken = PublicChannel.objects.filter(public_code=code).exclude(
        organisation_id=actor.organisation_id
    )
    if taken.exists():
        raise ValidationError(
            {"public_code": _("Another organisation already uses this code.")}
        )
    channel = PublicChannel.objects.filter(
        organisation_id=actor.organisation_id
    ).first() or PublicChannel(organisation_id=actor.organisation_id)
    created = channel.pk is None
    channel.public_code = code
    channel.display_name = display_name.strip()
    channel.enabled = enabled
    channel.full_clean()
    channel.save()
    audit_record(
        actor=actor,
        action=AuditAction.CREATE if created else AuditAction.UPDATE,
        obj=channel,
    )
    return channel
