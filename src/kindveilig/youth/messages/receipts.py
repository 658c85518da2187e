"""The receipt after sending, behind a single-use token.

After a child sends a message, the write form redirects (post-redirect-get) to
``bericht/verstuurd/<token>/``. The token is random (256 bits) and says nothing;
the database keeps only its SHA-256 (a random token needs no key: nobody can
guess it back from the hash), with the pick-up code encrypted. The first GET
takes the row and deletes it; Back, a reload or a restored tab find nothing and
get a neutral page. So the code is on the phone's screen once, never in a URL,
and never in the browser's history or session files as a form body.
"""

import datetime
import hashlib
import secrets
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from .codes import PickupCode, parse_code
from .models import YouthReceipt

__all__ = [
    "RECEIPT_LIFETIME",
    "ShownReceipt",
    "receipt_issue",
    "receipt_take",
    "receipts_purge",
]

# Long enough for a slow phone to follow the redirect, short enough that a
# token that was never opened does not wait for someone else.
RECEIPT_LIFETIME = datetime.timedelta(minutes=10)
TOKEN_BYTES = 32


@dataclass(frozen=True)
class ShownReceipt:
    code: PickupCode
    urgent: bool


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def receipt_issue(*, code: PickupCode, urgent: bool) -> str:
    """Store what the receipt must show; return the token for its URL."""
    token = secrets.token_urlsafe(TOKEN_BYTES)
    receipts_purge()
    YouthReceipt.objects.create(
        token_hash=_hash(token),
        sealed_code=code.text,
        is_urgent=urgent,
        created_at=timezone.now(),
    )
    return token


def receipt_take(
    *, token: str, now: datetime.datetime | None = None
) -> ShownReceipt | None:
    """What the receipt shows, once: the row is deleted as it is read. None for
    an unknown, used or expired token."""
    now = now or timezone.now()
    with transaction.atomic():
        receipt = (
            YouthReceipt.objects.select_for_update()
            .filter(token_hash=_hash(token))
            .first()
        )
        if receipt is None:
            return None
        receipt.delete()
    if receipt.created_at < now - RECEIPT_LIFETIME:
        return None
    code = parse_code(receipt.sealed_code)
    if code is None:  # pragma: no cover  # we stored a valid code
        return None
    return ShownReceipt(code=code, urgent=receipt.is_urgent)


def receipts_purge(*, now: datetime.datetime | None = None) -> int:
    """Delete receipts nobody opened in time."""
    cutoff = (now or timezone.now()) - RECEIPT_LIFETIME
    deleted, _ = YouthReceipt.objects.filter(created_at__lt=cutoff).delete()
    return deleted
