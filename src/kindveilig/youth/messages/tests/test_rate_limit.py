"""Rate limits per client with a keyed, rotating hash: no IP address is stored
anywhere, and a flood from one client never stops another child's message.
Guessing pick-up codes is limited by what is guessed, never by who asks
(test_guessing.py)."""

import datetime as dt

from django.core.cache import cache
from django.db import connection
from django.test import Client, RequestFactory
from django.urls import reverse

import pytest
import time_machine

from kindveilig.youth.messages.models import PublicChannel, YouthConversation
from kindveilig.youth.messages.ratelimit import LIMITS, Action, client_fingerprint

pytestmark = [pytest.mark.django_db]

FLOODER = "203.0.113.77"
CHILD = "198.51.100.23"


def _send(client: Client, address: str, body: str, submission: str) -> int:
    response = client.post(
        reverse("youth:message-write"),
        {"channel": "PROEF", "submission": submission, "body": body},
        REMOTE_ADDR=address,
        follow=True,
    )
    return response.status_code


def _rows_containing(text: str) -> list[str]:
    """Every table of the database, every row cast to text."""
    found = []
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names():
            quoted = connection.ops.quote_name(table)
            cursor.execute(
                f"SELECT count(*) FROM {quoted} AS t WHERE t::text LIKE %s",  # noqa: S608  # table names from introspection
                [f"%{text}%"],
            )
            if cursor.fetchone()[0]:
                found.append(table)
    return found


def test_the_fingerprint_is_keyed_rotates_every_hour_and_hides_the_address() -> None:
    factory = RequestFactory()
    one = factory.get("/", REMOTE_ADDR=FLOODER)
    two = factory.get("/", REMOTE_ADDR=CHILD)
    with time_machine.travel(dt.datetime(2026, 11, 20, 10, 5, tzinfo=dt.UTC)):
        first = client_fingerprint(one)
        assert first == client_fingerprint(one)
        assert first != client_fingerprint(two)
    with time_machine.travel(dt.datetime(2026, 11, 20, 11, 5, tzinfo=dt.UTC)):
        assert client_fingerprint(one) != first
    assert FLOODER not in first


def test_the_fingerprint_changes_with_the_secret_key(settings: object) -> None:
    request = RequestFactory().get("/", REMOTE_ADDR=FLOODER)
    first = client_fingerprint(request)
    settings.SECRET_KEY = "another-secret"  # type: ignore[attr-defined]
    assert client_fingerprint(request) != first


def test_behind_a_proxy_the_forwarded_address_counts(settings: object) -> None:
    settings.KINDVEILIG_TRUSTED_PROXY_COUNT = 1  # type: ignore[attr-defined]
    factory = RequestFactory()
    a = factory.get("/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR=FLOODER)
    b = factory.get("/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR=CHILD)
    assert client_fingerprint(a) != client_fingerprint(b)


def test_a_flood_is_stopped_but_a_new_childs_first_message_is_saved(
    channel: PublicChannel,
) -> None:
    flooder = Client(enforce_csrf_checks=True)
    statuses = [
        _send(flooder, FLOODER, f"spam {n}", f"flood-{n}")
        for n in range(LIMITS[Action.START] + 5)
    ]
    assert statuses.count(200) == LIMITS[Action.START]
    assert statuses[-1] == 429
    assert YouthConversation.objects.count() == LIMITS[Action.START]

    child = Client(enforce_csrf_checks=True)
    assert _send(child, CHILD, "Ik durf nie naar huis", "child-1") == 200
    assert YouthConversation.objects.count() == LIMITS[Action.START] + 1
    assert YouthConversation.objects.filter(is_urgent=True).count() == 1


def test_the_limited_page_still_shows_where_to_get_help(channel: PublicChannel) -> None:
    flooder = Client()
    for n in range(LIMITS[Action.START]):
        _send(flooder, FLOODER, "spam", f"s-{n}")
    response = flooder.post(
        reverse("youth:message-write"),
        {"channel": "PROEF", "submission": "last", "body": "spam"},
        REMOTE_ADDR=FLOODER,
    )
    assert response.status_code == 429
    assert b"tel:112" in response.content
    assert b"0800-0432" in response.content


def test_no_ip_address_is_stored_anywhere(channel: PublicChannel) -> None:
    client = Client()
    for n in range(LIMITS[Action.START] + 2):
        _send(client, FLOODER, "Hoi", f"ip-{n}")
    client.post(
        reverse("youth:message-read"),
        {"code": "uil appel brug kat 482"},
        REMOTE_ADDR=FLOODER,
    )
    assert _rows_containing(FLOODER) == []
    local_cache = cache._cache  # type: ignore[attr-defined]  # LocMemCache's store
    assert local_cache, "the counters are in the cache"
    assert not any(FLOODER in str(key) for key in local_cache)
    assert not any(FLOODER.encode() in value for value in local_cache.values())
    assert not any("uil" in str(key) for key in local_cache), "codes are hashed"
