from collections.abc import Iterator

from django.core.cache import cache

import pytest


@pytest.fixture(autouse=True)
def _fresh_rate_limits() -> Iterator[None]:
    """Weighing the youth pages sends messages and guesses codes: leave the
    rate-limit counters (in the test cache, which no rollback reaches) as the
    other tests in this process expect them."""
    cache.clear()
    yield
    cache.clear()
