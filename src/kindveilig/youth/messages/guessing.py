"""Limits on guessing pick-up codes that stop a guesser, not the children near them.

Nothing here knows who asks: no address, not even a hashed one. The counters are
about *what* is guessed (docs/youth.md, "Guessing codes: the arithmetic"):

- a **global budget** of wrong codes per window for everybody together, which
  bounds what any number of guessers can try, and so their chance of a hit;
- **region budgets**: wrong codes that share a part of a code (its four words,
  its first two words, or its last two words and the number) count together, so
  somebody who saw part of a child's code cannot try the rest.

The decision to refuse is taken *before* the code is looked up and never
depends on whether it is right, so a refusal tells a guesser nothing. A right
code never counts, and the children behind one school network share nothing:
a right code is refused only while the code's own region, or the whole
channel, is under attack, and then for the rest of a short window.

The counters live in the cache under keyed hashes (``HashPurpose.RATE_LIMIT``)
that include the window, so a counter says nothing about a code once the window
is over, and nothing at all without SECRET_KEY. Unreadable input (not four
words and a number) is not a guess: it reveals nothing and costs nothing.
"""

import datetime as dt
import logging
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.utils import timezone

from kindveilig.core.crypto import HashPurpose, keyed_hash

from .codes import PickupCode

__all__ = [
    "REGION_BUDGETS",
    "WINDOW_SECONDS",
    "global_budget",
    "lookup_refused",
    "wait_minutes",
    "wrong_guess_record",
]

logger = logging.getLogger(__name__)

# Fixed windows of ten minutes: a child who is refused waits at most this long.
WINDOW_SECONDS = 10 * 60
# Wrong codes per window, for everybody together (KINDVEILIG_YOUTH_GUESS_BUDGET).
DEFAULT_GLOBAL_BUDGET = 600
# Wrong codes per window that share one part of a code.
REGION_BUDGETS: dict[str, int] = {
    "words": 5,  # the four words (the number guessed)
    "start": 10,  # the first two words
    "end": 10,  # the last two words and the number
}


def global_budget() -> int:
    return int(
        getattr(settings, "KINDVEILIG_YOUTH_GUESS_BUDGET", DEFAULT_GLOBAL_BUDGET)
    )


def _window(now: dt.datetime) -> int:
    return int(now.timestamp()) // WINDOW_SECONDS


def wait_minutes(now: dt.datetime | None = None) -> int:
    """Minutes until the current window ends (rounded up, at least 1)."""
    now = now or timezone.now()
    left = WINDOW_SECONDS - int(now.timestamp()) % WINDOW_SECONDS
    return max(1, -(-left // 60))


@dataclass(frozen=True)
class _Keys:
    total: str
    regions: dict[str, str]


def _parts(code: PickupCode) -> dict[str, str]:
    words = code.words
    return {
        "words": " ".join(words),
        "start": " ".join(words[:2]),
        "end": " ".join([*words[2:], str(code.number)]),
    }


def _keys(code: PickupCode, now: dt.datetime) -> _Keys:
    window = _window(now)
    regions = {
        name: "youthguess:{}:{}".format(
            name,
            keyed_hash(HashPurpose.RATE_LIMIT, f"guess|{window}|{name}|{part}")[:32],
        )
        for name, part in _parts(code).items()
    }
    return _Keys(total=f"youthguess:all:{window}", regions=regions)


def lookup_refused(code: PickupCode, now: dt.datetime | None = None) -> bool:
    """True when this code may not be looked up now: the whole channel has had
    its wrong codes for this window, or a part of this code has. Asked before
    the look-up, so the answer is the same for a right and a wrong code."""
    keys = _keys(code, now or timezone.now())
    counts = cache.get_many([keys.total, *keys.regions.values()])
    if int(counts.get(keys.total, 0)) >= global_budget():
        return True
    return any(
        int(counts.get(key, 0)) >= REGION_BUDGETS[name]
        for name, key in keys.regions.items()
    )


def _count(key: str) -> int:
    if cache.add(key, 1, timeout=WINDOW_SECONDS + 60):
        return 1
    try:
        return int(cache.incr(key))
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=WINDOW_SECONDS + 60)
        return 1


def wrong_guess_record(code: PickupCode, now: dt.datetime | None = None) -> None:
    """Count one readable code that opened nothing."""
    keys = _keys(code, now or timezone.now())
    total = _count(keys.total)
    for key in keys.regions.values():
        _count(key)
    if total == global_budget():
        # No address, no code: only that the channel is being guessed at.
        logger.warning(
            "Praat erover: %s wrong pick-up codes in ten minutes; every code "
            "waits until the window ends",
            total,
        )
