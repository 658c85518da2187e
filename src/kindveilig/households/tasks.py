"""Alerts of the households app. E-mails name no child and carry no content:
who did what, and a link."""

import logging

from django.conf import settings
from django.core.mail import send_mail
from django.tasks import task
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from kindveilig.accounts.selectors import aandachtsfunctionarissen_of

from .models import EmergencyAccess
from .services.common import current_case

logger = logging.getLogger(__name__)


@task()
def send_emergency_access_alert(access_ids: list[int]) -> int:
    """Tell the aandachtsfunctionarissen of the organisation that holds the data
    (the case's responsible organisation, else who registered the household);
    without one, the regievoerder. Returns the number of e-mails."""
    sent = 0
    grants = EmergencyAccess.objects.filter(pk__in=access_ids).select_related(
        "household", "user", "organisation"
    )
    for grant in grants:
        case = current_case(grant.household)
        holder_id = (
            case.responsible_organisation_id
            if case
            else grant.household.registered_by_id
        )
        recipients = list(
            aandachtsfunctionarissen_of(organisation_id=holder_id).values_list(
                "user__email", flat=True
            )
        )
        if not recipients and case is not None:
            recipients = [case.regievoerder.email]
        if not recipients:
            logger.warning("No one to alert about emergency access %s", grant.pk)
            continue
        path = reverse("households:household-detail", args=[grant.household.public_id])
        with translation.override(settings.LANGUAGE_CODE):
            context = {
                "who": grant.user.full_name,
                "organisation": grant.organisation.name,
                "granted_at": grant.granted_at,
                "expires_at": grant.expires_at,
                "link": f"{settings.KINDVEILIG_BASE_URL}{path}",
            }
            subject = render_to_string(
                "households/emails/emergency-subject.txt", context
            )
            body = render_to_string("households/emails/emergency-body.txt", context)
        send_mail(subject.strip(), body, None, sorted(set(recipients)))
        sent += 1
    return sent
