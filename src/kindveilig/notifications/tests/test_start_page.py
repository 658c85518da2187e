"""The start page lists the newest unread notifications (what happened and a
link), the person's own only, in the same number of queries however many
wait."""

import datetime as dt
import re
import uuid

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext

import pytest
from conftest import Persona, login_as

from kindveilig.notifications.models import Notification, NotificationKind
from kindveilig.notifications.selectors import START_PAGE_SIZE
from kindveilig.notifications.services import notify

pytestmark = pytest.mark.django_db

CHAIN_WORK = [
    NotificationKind.HANDOVER_OFFERED,
    NotificationKind.HANDOVER_ACCEPTED,
    NotificationKind.HANDOVER_REJECTED,
    NotificationKind.PARTNER_ADDED,
    NotificationKind.PARTNER_ENDED,
    NotificationKind.PARTNERS_CHANGED,
    NotificationKind.PLAN_PUBLISHED,
]
NOTICE_RE = re.compile(
    r'<li class="utrecht-unordered-list__item kv-notification">'
    r'<a [^>]*href="([^"]+)">([^<]+)</a>'
)


def a_path() -> str:
    return reverse("households:household-detail", args=[uuid.uuid4()])


def notices(client: Client) -> list[tuple[str, str]]:
    """The start page's notifications as (link, text), in page order."""
    html = client.get(reverse("portal:home")).content.decode()
    return NOTICE_RE.findall(html)


@pytest.mark.parametrize("kind", CHAIN_WORK)
def test_the_start_page_lists_an_unread_notification_with_its_link(
    client: Client, professional: Persona, outsider: Persona, kind: NotificationKind
) -> None:
    path = a_path()
    notify([professional.user], kind, path, email=False)
    notify([outsider.user], NotificationKind.MATCH_FOUND, a_path(), email=False)
    login_as(client, professional)
    assert notices(client) == [(path, gettext(str(kind.label)))]
    html = client.get(reverse("portal:home")).content.decode()
    assert reverse("notifications:list") in html


def test_read_notifications_leave_the_start_page_and_the_newest_come_first(
    client: Client, professional: Persona
) -> None:
    older, newer, read = (a_path() for _ in range(3))
    [first] = notify([professional.user], NotificationKind.PARTNER_ADDED, older)
    Notification.objects.filter(pk=first.pk).update(
        created_at=timezone.now() - dt.timedelta(hours=1)
    )
    notify([professional.user], NotificationKind.PLAN_PUBLISHED, newer)
    [done] = notify([professional.user], NotificationKind.PARTNER_ENDED, read)
    Notification.objects.filter(pk=done.pk).update(read_at=timezone.now())
    login_as(client, professional)
    assert [link for link, _ in notices(client)] == [newer, older]


def test_nothing_to_list_shows_no_notifications_section(
    client: Client, professional: Persona
) -> None:
    login_as(client, professional)
    html = client.get(reverse("portal:home")).content.decode()
    assert 'id="nieuwe-notificaties"' not in html


def start_page_queries(client: Client) -> int:
    client.get(reverse("portal:home"))  # caches filled once per process
    with CaptureQueriesContext(connection) as captured:
        response = client.get(reverse("portal:home"))
    assert response.status_code == 200
    return len(captured.captured_queries)


def test_the_start_page_costs_the_same_for_one_and_many_notifications(
    client: Client, professional: Persona
) -> None:
    login_as(client, professional)
    notify([professional.user], NotificationKind.PLAN_PUBLISHED, a_path())
    one = start_page_queries(client)
    assert len(notices(client)) == 1
    for kind in CHAIN_WORK * 2:
        notify([professional.user], kind, a_path())
    many = start_page_queries(client)
    assert len(notices(client)) == START_PAGE_SIZE
    assert many == one
