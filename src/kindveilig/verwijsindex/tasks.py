"""Match e-mails: who else is involved and how to reach them, never the child's
name or anything about the worry (the match itself shows in the app); and the
daily repair of missed matches."""

import logging

from django.conf import settings
from django.core.mail import send_mail
from django.tasks import task
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from .models import MatchNotice
from .services import matches_reconcile

logger = logging.getLogger(__name__)


@task()
def send_match_emails(notice_ids: list[int]) -> int:
    """One e-mail per notice not yet e-mailed. Returns the number sent."""
    notices = MatchNotice.objects.filter(
        pk__in=notice_ids, emailed_at__isnull=True
    ).select_related("user", "other_signal__contact_user", "other_signal__organisation")
    sent = 0
    link = f"{settings.KINDVEILIG_BASE_URL}{reverse('verwijsindex:match-list')}"
    for notice in notices:
        other = notice.other_signal
        with translation.override(settings.LANGUAGE_CODE):
            context = {
                "name": other.contact_user.full_name,
                "organisation": other.organisation.name,
                "email": other.contact_user.email,
                "phone": other.contact_phone,
                "link": link,
            }
            subject = render_to_string("verwijsindex/emails/match-subject.txt", context)
            body = render_to_string("verwijsindex/emails/match-body.txt", context)
        send_mail(subject.strip(), body, None, [notice.user.email])
        MatchNotice.objects.filter(pk=notice.pk).update(emailed_at=timezone.now())
        sent += 1
    return sent


@task()
def reconcile_matches() -> dict[str, int]:
    """Daily: create the matches a registration missed (``matches_reconcile``).
    Returns the counts only."""
    result = matches_reconcile()
    return {
        "children": result.children,
        "matches": result.matches,
        "notices": result.notices,
    }
