"""Rate limits per client on the children's pages, without storing IP addresses.

A client is known only as a keyed hash of the current UTC hour and its IP address
(``keyed_hash(HashPurpose.RATE_LIMIT, ...)``, keyed with SECRET_KEY). The counters
live in the cache (never in a model) and expire after the hour, so nothing links
two hours, or a counter to an address, once the hour is over; and without
SECRET_KEY not even within the hour.

Limits are per client only: there is no global limit, so a flood from one client
never stops another child's message. Pick-up codes are not limited here: a
wrong code from one client must never lock out the children who share its
address (a school network), so guessing is limited by what is guessed instead
(``guessing.py``). Behind a reverse proxy set
``KINDVEILIG_TRUSTED_PROXY_COUNT`` (the number of proxies that append to
X-Forwarded-For) so the client's own address is used, not the proxy's.
"""

from enum import StrEnum

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest
from django.utils import timezone

from kindveilig.core.crypto import HashPurpose, keyed_hash

__all__ = ["LIMITS", "Action", "client_fingerprint", "hit", "is_limited"]

WINDOW_SECONDS = 60 * 60


class Action(StrEnum):
    START = "start"  # new conversations
    MESSAGE = "message"  # messages in an existing conversation
    SEARCH = "search"  # school or club searches


# Per client, per clock hour. Generous enough for a class sharing one school
# network, small enough to stop a script.
LIMITS: dict[Action, int] = {
    Action.START: 10,
    Action.MESSAGE: 60,
    Action.SEARCH: 120,
}


def _client_address(request: HttpRequest) -> str:
    proxies = int(getattr(settings, "KINDVEILIG_TRUSTED_PROXY_COUNT", 0))
    if proxies > 0:
        forwarded = [
            part.strip()
            for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
            if part.strip()
        ]
        if len(forwarded) >= proxies:
            return str(forwarded[-proxies])
    return str(request.META.get("REMOTE_ADDR", ""))


def client_fingerprint(request: HttpRequest) -> str:
    """An opaque name for the client, valid for the current hour only."""
    hour = timezone.now().strftime("%Y%m%d%H")
    digest = keyed_hash(HashPurpose.RATE_LIMIT, f"{hour}|{_client_address(request)}")
    return f"{hour}:{digest[:32]}"


def _cache_key(request: HttpRequest, action: Action) -> str:
    return f"youthrl:{action}:{client_fingerprint(request)}"


def is_limited(request: HttpRequest, action: Action) -> bool:
    count = cache.get(_cache_key(request, action), 0)
    return int(count) >= LIMITS[action]


def hit(request: HttpRequest, action: Action) -> int:
    """Count one use; returns the count in this hour."""
    key = _cache_key(request, action)
    if cache.add(key, 1, timeout=WINDOW_SECONDS + 60):
        return 1
    try:
        return int(cache.incr(key))
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=WINDOW_SECONDS + 60)
        return 1
