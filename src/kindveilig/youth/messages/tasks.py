"""Background work of Praat erover: alerts (no content, only a link), the
escalation of urgent messages nobody opened (every few minutes) and the daily
purge of conversations without activity."""

import logging

from django.conf import settings
from django.core.mail import send_mail
from django.tasks import task
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from kindveilig.accounts.models import User
from kindveilig.accounts.selectors import aandachtsfunctionarissen_of

from .models import YouthConversation
from .selectors import first_alerted_of
from .services import conversations_purge, urgent_escalations_run

logger = logging.getLogger(__name__)


def _recipients(
    kind: str, organisation_id: int, user_ids: list[int] | None
) -> list[str]:
    if user_ids is not None:
        return list(
            User.objects.filter(pk__in=user_ids, is_active=True)
            .order_by("pk")
            .values_list("email", flat=True)
        )
    if kind == "urgent":
        return [m.user.email for m in first_alerted_of(organisation_id=organisation_id)]
    return list(
        aandachtsfunctionarissen_of(organisation_id=organisation_id).values_list(
            "user__email", flat=True
        )
    )


@task()
def send_youth_alert(
    kind: str, conversation_id: int, user_ids: list[int] | None = None
) -> int:
    """Tell staff that a child wrote (kind "new", to the organisation's
    aandachtsfunctionarissen), that a message looks urgent ("urgent", to its own
    aandachtsfunctionarissen) or that an urgent message was not opened in time
    ("escalated", to ``user_ids``: the deputies or the on-duty organisation).
    One e-mail per recipient; it holds no words of the child, no name, no
    category and no code: only a link. Returns the number of e-mails sent."""
    conversation = (
        YouthConversation.objects.filter(pk=conversation_id)
        .only("pk", "public_id", "organisation_id")
        .first()
    )
    if conversation is None:
        return 0
    recipients = _recipients(kind, conversation.organisation_id, user_ids)
    if not recipients:
        logger.warning(
            "No aandachtsfunctionaris to alert for organisation %s",
            conversation.organisation_id,
        )
        return 0
    path = reverse("youthstaff:conversation-detail", args=[conversation.public_id])
    with translation.override(settings.LANGUAGE_CODE):
        context = {"kind": kind, "link": f"{settings.KINDVEILIG_BASE_URL}{path}"}
        subject = render_to_string(
            "youthmessages/emails/alert_subject.txt", context
        ).strip()
        body = render_to_string("youthmessages/emails/alert_body.txt", context)
    for recipient in recipients:
        send_mail(subject, body, None, [recipient])
    return len(recipients)


@task()
def escalate_urgent_messages() -> int:
    """Every few minutes: urgent messages nobody opened go one step further
    (``services.urgent_escalations_run``). Returns the steps taken."""
    return urgent_escalations_run()


@task()
def purge_youth_conversations() -> int:
    """Delete conversations without activity for KINDVEILIG_YOUTH_MESSAGE_RETENTION_DAYS."""
    return conversations_purge()
