"""Child pages behind a single-use token: the receipt and the conversation.

After a child searches for the school by name or chooses it, sends a message, or types the
code to read the answers, the form redirects (post-redirect-get) to
``bericht/kiezen/<token>/``, ``bericht/schrijven/<token>/``,
``bericht/verstuurd/<token>/`` or
``bericht/gesprek/<token>/``. The token is random (256 bits) and says nothing;
the database keeps only its SHA-256 (a random token needs no key: nobody can
find it back from the hash), with the pick-up code encrypted. The first GET
takes the row and deletes it; Back, a reload or a restored tab find nothing and
get a neutral page. So the code is on the phone's screen once, never in a URL,
and never in the browser's history or session files as the body of a form.
"""

import datetime
import hashlib
import secrets
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from .codes import PickupCode, parse_code
from .models import OneTimePage, OneTimePageKind, PublicChannel

__all__ = [
    "ONE_TIME_PAGE_LIFETIME",
    "OneTimePageKind",
    "ShownPage",
    "one_time_page_issue",
    "one_time_page_take",
    "one_time_pages_purge",
]

# Long enough for a slow phone to follow the redirect, short enough that a
# token that was never opened does not wait for someone else.
ONE_TIME_PAGE_LIFETIME = datetime.timedelta(minutes=10)
TOKEN_BYTES = 32


@dataclass(frozen=True)
class ShownPage:
    code: PickupCode | None
    urgent: bool
    message_sent: bool
    channel: PublicChannel | None
    typed: str


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def one_time_page_issue(
    *,
    kind: OneTimePageKind,
    code: PickupCode | None = None,
    channel: PublicChannel | None = None,
    typed: str = "",
    urgent: bool = False,
    message_sent: bool = False,
) -> str:
    """Store what the page must show; return the token for its URL."""
    token = secrets.token_urlsafe(TOKEN_BYTES)
    one_time_pages_purge()
    OneTimePage.objects.create(
        token_hash=_hash(token),
        kind=kind,
        channel=channel,
        sealed_code=code.text if code else "",
        sealed_typed=typed,
        is_urgent=urgent,
        message_sent=message_sent,
        created_at=timezone.now(),
    )
    return token


def one_time_page_take(
    *, kind: OneTimePageKind, token: str, now: datetime.datetime | None = None
) -> ShownPage | None:
    """What the page shows, once: the row is deleted as it is read. None for an
    unknown, used or expired token, or a token of the other kind."""
    now = now or timezone.now()
    with transaction.atomic():
        page = (
            OneTimePage.objects.select_for_update(of=("self",))
            .select_related("channel")
            .filter(token_hash=_hash(token), kind=kind)
            .first()
        )
        if page is None:
            return None
        page.delete()
    if page.created_at < now - ONE_TIME_PAGE_LIFETIME:
        return None
    return ShownPage(
        code=parse_code(page.sealed_code) if page.sealed_code else None,
        urgent=page.is_urgent,
        message_sent=page.message_sent,
        channel=page.channel,
        typed=page.sealed_typed,
    )


def one_time_pages_purge(*, now: datetime.datetime | None = None) -> int:
    """Delete the pages nobody opened in time."""
    cutoff = (now or timezone.now()) - ONE_TIME_PAGE_LIFETIME
    deleted, _ = OneTimePage.objects.filter(created_at__lt=cutoff).delete()
    return deleted
