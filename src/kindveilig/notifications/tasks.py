"""The e-mail of a notification: that something waits in Kindveilig, and a link.
No name, no BSN, not even which kind of thing: the page behind the link says
that to whoever logs in."""

import logging

from django.conf import settings
from django.core.mail import send_mail
from django.tasks import task
from django.template.loader import render_to_string
from django.utils import translation

from .models import Notification

logger = logging.getLogger(__name__)


@task()
def send_notification_emails(notification_ids: list[int]) -> int:
    """One e-mail per notification to an active user. Returns the number sent."""
    notifications = Notification.objects.filter(
        pk__in=notification_ids, user__is_active=True
    ).select_related("user")
    sent = 0
    for notification in notifications:
        with translation.override(settings.LANGUAGE_CODE):
            context = {"link": f"{settings.KINDVEILIG_BASE_URL}{notification.url}"}
            subject = render_to_string(
                "notifications/emails/notification-subject.txt", context
            )
            body = render_to_string(
                "notifications/emails/notification-body.txt", context
            )
        send_mail(subject.strip(), body, None, [notification.user.email])
        sent += 1
    logger.info("Notification e-mails sent: %s", sent)
    return sent
