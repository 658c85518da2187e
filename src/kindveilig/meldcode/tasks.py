"""Background work of the meldcode: alerts and daily reminders (e-mails hold no
personal data, only a link)."""

import logging

from django.conf import settings
from django.core.mail import send_mail
from django.tasks import task
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from kindveilig.accounts.selectors import aandachtsfunctionarissen_of

from .meldplicht_reminders import meldplicht_recipients
from .models import MeldplichtCase, Trajectory

logger = logging.getLogger(__name__)


def _af_emails(organisation_id: int) -> list[str]:
    return list(
        aandachtsfunctionarissen_of(organisation_id=organisation_id).values_list(
            "user__email", flat=True
        )
    )


@task()
def send_alert(kind: str, pk: int) -> int:
    """Tell the organisation's aandachtsfunctionarissen about a new, acute or
    meldplicht case (a meldplicht case also its houder or bevoegd gezag). Returns
    the number of recipients."""
    if kind == "meldplicht":
        case = MeldplichtCase.objects.filter(pk=pk).first()
        if case is None:
            return 0
        organisation_id = case.organisation_id
        path = reverse("meldcode:meldplicht-detail", args=[case.public_id])
        recipients = meldplicht_recipients(case)
    else:
        trajectory = Trajectory.objects.filter(pk=pk).first()
        if trajectory is None:
            return 0
        organisation_id = trajectory.organisation_id
        path = reverse("meldcode:trajectory-detail", args=[trajectory.public_id])
        recipients = _af_emails(organisation_id)
    if not recipients:
        logger.warning(
            "No aandachtsfunctionaris to alert for organisation %s", organisation_id
        )
        return 0
    with translation.override(settings.LANGUAGE_CODE):
        context = {"kind": kind, "link": f"{settings.KINDVEILIG_BASE_URL}{path}"}
        subject = render_to_string("emails/meldcode-alert-subject.txt", context).strip()
        body = render_to_string("emails/meldcode-alert-body.txt", context)
    send_mail(subject, body, None, recipients)
    return len(recipients)
