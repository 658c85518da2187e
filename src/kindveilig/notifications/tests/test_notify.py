"""notify(): one row per person, a path of public ids only, and an e-mail that
says only that something waits."""

import uuid

from django.core import mail
from django.urls import reverse

import pytest
from conftest import Persona
from pytest_django import DjangoCaptureOnCommitCallbacks

from kindveilig.notifications.models import Notification, NotificationKind
from kindveilig.notifications.services import notify

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("immediate_tasks")]


def a_path() -> str:
    return reverse("meldcode:trajectory-detail", args=[uuid.uuid4()])


def test_notify_makes_one_unread_row_per_person_and_one_email_each(
    professional: Persona,
    aandachtsfunctionaris: Persona,
    outsider: Persona,
    django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks,
) -> None:
    path = a_path()
    with django_capture_on_commit_callbacks(execute=True):
        notify(
            [professional.user, aandachtsfunctionaris.user.pk],
            NotificationKind.DECISION_DEVIATES,
            path,
        )
    rows = Notification.objects.order_by("user_id")
    assert [(n.user_id, n.kind, n.url, n.read_at) for n in rows] == sorted(
        [
            (professional.user.pk, NotificationKind.DECISION_DEVIATES, path, None),
            (
                aandachtsfunctionaris.user.pk,
                NotificationKind.DECISION_DEVIATES,
                path,
                None,
            ),
        ]
    )
    assert not Notification.objects.filter(user=outsider.user).exists()
    assert sorted(m.to[0] for m in mail.outbox) == sorted(
        [professional.user.email, aandachtsfunctionaris.user.email]
    )


def test_the_email_says_only_that_something_waits_and_links_the_path(
    professional: Persona,
    django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks,
) -> None:
    path = a_path()
    with django_capture_on_commit_callbacks(execute=True):
        notify([professional.user], NotificationKind.HANDOVER_OFFERED, path)
    [message] = mail.outbox
    assert message.subject == "Kindveilig: er staat iets voor u klaar"
    assert "Er staat iets voor u klaar in Kindveilig." in message.body
    assert path in message.body
    assert professional.user.full_name not in message.body
    assert str(NotificationKind.HANDOVER_OFFERED.label) not in message.body


def test_no_email_when_the_caller_sends_its_own(
    professional: Persona,
    django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks,
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        notify([professional.user], NotificationKind.MATCH_FOUND, a_path(), email=False)
    assert Notification.objects.count() == 1
    assert mail.outbox == []


def test_no_email_to_a_deactivated_user(
    professional: Persona,
    django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks,
) -> None:
    professional.user.is_active = False
    professional.user.save()
    with django_capture_on_commit_callbacks(execute=True):
        notify([professional.user], NotificationKind.MATCH_FOUND, a_path())
    assert mail.outbox == []


def test_nothing_is_sent_when_the_transaction_rolls_back(
    professional: Persona,
    django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks,
) -> None:
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        notify([professional.user], NotificationKind.MATCH_FOUND, a_path())
    assert len(callbacks) == 1  # the e-mail waits for the commit
    assert mail.outbox == []


@pytest.mark.parametrize(
    "url",
    [
        "https://elders.example/",
        "/trajecten/?naam=Sam",
        "/bestaat-niet/",
        "/trajecten/meldplicht/nieuw/#top",
    ],
)
def test_a_path_with_anything_but_public_ids_is_refused(
    professional: Persona, url: str
) -> None:
    with pytest.raises(ValueError, match=r"\S"):
        notify([professional.user], NotificationKind.MATCH_FOUND, url)
    assert not Notification.objects.exists()


def test_a_path_with_a_non_uuid_argument_is_refused(professional: Persona) -> None:
    path = reverse("youthstaff:service-edit", args=["kindertelefoon"])
    with pytest.raises(ValueError, match="public ids"):
        notify([professional.user], NotificationKind.MATCH_FOUND, path)
