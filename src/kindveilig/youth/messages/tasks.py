"""Background work of Praat erover: alerts (no content, only a link) and the
daily purge of conversations without activity."""

import logging

from django.conf import settings
from django.core.mail import send_mail
from django.tasks import task
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from kindveilig.accounts.selectors import aandachtsfunctionarissen_of

from .models import YouthConversation
from .services import conversations_purge

logger = logging.getLogger(__name__)


@task()
def send_youth_alert(kind: str, conversation_id: int) -> int:
    """Tell the organisation's aandachtsfunctionarissen that a child wrote (kind
    "new") or that a message looks urgent ("urgent"). The e-mail holds no words of
    the child, no name and no category: only a link. Returns the recipients."""
    conversation = (
        YouthConversation.objects.filter(pk=conversation_id)
        .only("pk", "public_id", "organisation_id")
        .first()
    )
    if conversation is None:
        return 0
    recipients = list(
        aandachtsfunctionarissen_of(
            organisation_id=conversation.organisation_id
        ).values_list("user__email", flat=True)
    )
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
    send_mail(subject, body, None, recipients)
    return len(recipients)


@task()
def purge_youth_conversations() -> int:
    """Delete conversations without activity for KINDVEILIG_YOUTH_MESSAGE_RETENTION_DAYS."""
    return conversations_purge()
