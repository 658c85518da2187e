"""A match notifies both contact persons in the app; the match e-mail stays
their only e-mail (one per notice, one notice per notification)."""

from django.core import mail
from django.urls import reverse

import pytest
from conftest import Persona
from pytest_django import DjangoCaptureOnCommitCallbacks

from kindveilig.access.actor import Actor
from kindveilig.meldcode import scenarios
from kindveilig.notifications.models import Notification, NotificationKind
from kindveilig.verwijsindex.models import MatchNotice
from kindveilig.verwijsindex.services import signal_register

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("immediate_tasks")]

BSN = "111222333"


def test_a_match_notifies_both_contacts_with_one_email_each(
    prof: Actor,
    jgz_nurse: Persona,
    outsider: Persona,
    django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks,
) -> None:
    trajectory = scenarios.start(prof, bsn=BSN)
    child = trajectory.children.get().person
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        signal_register(actor=jgz_nurse.actor, person=child)
    notified = Notification.objects.filter(kind=NotificationKind.MATCH_FOUND)
    assert sorted(notified.values_list("user_id", flat=True)) == sorted(
        [prof.user.pk, jgz_nurse.user.pk]
    )
    assert set(notified.values_list("url", flat=True)) == {
        reverse("verwijsindex:match-list")
    }
    assert not Notification.objects.filter(user=outsider.user).exists()
    assert MatchNotice.objects.count() == notified.count() == len(mail.outbox) == 2
    subjects = {message.subject for message in mail.outbox}
    assert subjects == {"Kindveilig: een andere professional is betrokken"}


def test_no_match_no_notification(prof: Actor) -> None:
    scenarios.start(prof, bsn=BSN)
    assert not Notification.objects.exists()
