"""The notifications page: one's own only, newest first; marking as read; the
unread count in the menu."""

import datetime as dt
import uuid
from collections.abc import Callable

from django.test import Client
from django.urls import reverse
from django.utils import timezone

import pytest
from conftest import Persona

from kindveilig.notifications.models import Notification, NotificationKind
from kindveilig.notifications.services import notify

pytestmark = pytest.mark.django_db

Login = Callable[[Client, Persona], Client]


def notify_one(persona: Persona, kind: NotificationKind) -> Notification:
    path = reverse("meldcode:trajectory-detail", args=[uuid.uuid4()])
    [notification] = notify([persona.user], kind, path, email=False)
    return notification


def test_the_page_lists_ones_own_notifications_newest_first(
    client: Client, login: Login, professional: Persona, outsider: Persona
) -> None:
    older = notify_one(professional, NotificationKind.HANDOVER_OFFERED)
    Notification.objects.filter(pk=older.pk).update(
        created_at=timezone.now() - dt.timedelta(days=1)
    )
    newer = notify_one(professional, NotificationKind.HANDOVER_ACCEPTED)
    notify_one(outsider, NotificationKind.PARTNER_ADDED)
    login(client, professional)
    html = client.get(reverse("notifications:list")).content.decode()
    assert html.index(newer.url) < html.index(older.url)
    assert "Uw overdracht is geaccepteerd" in html
    assert "Er wordt u een overdracht aangeboden" in html
    assert "Uw organisatie is toegevoegd als partner" not in html


def test_marking_one_as_read(
    client: Client, login: Login, professional: Persona
) -> None:
    notification = notify_one(professional, NotificationKind.HANDOVER_OFFERED)
    login(client, professional)
    url = reverse("notifications:notification-read", args=[notification.public_id])
    assert client.get(url).status_code == 405
    response = client.post(url)
    assert response["Location"] == reverse("notifications:list")
    notification.refresh_from_db()
    assert notification.read_at is not None


def test_someone_elses_notification_is_not_found(
    client: Client, login: Login, professional: Persona, outsider: Persona
) -> None:
    notification = notify_one(professional, NotificationKind.HANDOVER_OFFERED)
    login(client, outsider)
    url = reverse("notifications:notification-read", args=[notification.public_id])
    assert client.post(url).status_code == 404
    notification.refresh_from_db()
    assert notification.read_at is None


def test_marking_all_as_read_touches_only_ones_own(
    client: Client, login: Login, professional: Persona, outsider: Persona
) -> None:
    mine = [notify_one(professional, NotificationKind.HANDOVER_OFFERED) for _ in "ab"]
    theirs = notify_one(outsider, NotificationKind.HANDOVER_OFFERED)
    login(client, professional)
    client.post(reverse("notifications:notification-read-all"))
    assert all(
        n.read_at is not None
        for n in Notification.objects.filter(pk__in=[n.pk for n in mine])
    )
    theirs.refresh_from_db()
    assert theirs.read_at is None


def test_the_menu_shows_the_unread_count(
    client: Client, login: Login, gemeente_analist: Persona
) -> None:
    login(client, gemeente_analist)
    html = client.get(reverse("portal:home")).content.decode()
    assert 'data-testid="nav-count"' not in html
    for _ in range(3):
        notify_one(gemeente_analist, NotificationKind.DECISION_DEVIATES)
    html = client.get(reverse("portal:home")).content.decode()
    assert 'data-testid="nav-count">3<' in html
    assert reverse("notifications:list") in html


def test_the_page_needs_a_login(client: Client) -> None:
    response = client.get(reverse("notifications:list"))
    assert response.status_code == 302
    assert reverse("accounts:login") in response["Location"]
