"""Every children's page in every language stays under 20 KB (issue 14, item 6)."""

from typing import Any

import pytest

from kindveilig.scale.youth_weights import MAX_BYTES, measure_youth_pages
from kindveilig.youth.messages.models import DangerPattern
from kindveilig.youth.messages.seed_data import seed_danger_patterns
from kindveilig.youth.public.language import YOUTH_LANGUAGES

pytestmark = pytest.mark.django_db

PAGES = {
    "start",
    "question-1",
    "question-4",
    "advice-danger",
    "advice-home",
    "help-list",
    "privacy",
    "choose",
    "results",
    "write",
    "write-refused",
    "gone",
    "receipt-urgent",
    "read",
    "conversation",
    "receipt-closed",
    "code-wait",
}


@pytest.mark.parametrize("language", YOUTH_LANGUAGES)
def test_every_page_in_the_language_is_under_the_budget(language: str) -> None:
    seed_danger_patterns(DangerPattern)
    weights = measure_youth_pages((language,))
    assert {w.page for w in weights} == PAGES
    assert all(w.language == language and w.asset_bytes > 0 for w in weights)
    over = {w.page: w.total for w in weights if w.total >= MAX_BYTES}
    assert over == {}, f"{language}: over {MAX_BYTES} bytes: {over}"


def test_it_walks_the_flow_where_only_the_served_host_is_allowed(
    settings: Any,
) -> None:
    """`make bench` allows 127.0.0.1 alone; the test client's "testserver" would be
    refused with a 400 on every page, and the walk would stop at the first one."""
    settings.ALLOWED_HOSTS = ["127.0.0.1"]
    seed_danger_patterns(DangerPattern)
    weights = measure_youth_pages(("nl",))
    assert {w.page for w in weights} == PAGES
