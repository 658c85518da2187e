"""The message flow in the other languages of the children's pages: every page
of it passes axe (WCAG 2.2 AA) in Arabic, right to left, and in the others.

The flow and its page list are those of ``test_youth_messages``; here they run
with the language of the path (``/praat/ar/...``) and labels in that language.
"""

from typing import Any

from django.utils import translation

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser

from kindveilig.youth.messages.models import PublicChannel

from .test_youth_messages import (  # noqa: F401  # the fixtures, used by name
    PAGE_NAMES,
    WCAG_TAGS,
    _child_pages,
    _fresh_cache,
    school,
)

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("name", PAGE_NAMES)
def test_the_arabic_child_page_is_right_to_left_and_has_no_violations(
    browser: Browser,
    live_server: Any,
    school: tuple[PublicChannel, Any],  # noqa: F811  # the imported fixture
    name: str,
) -> None:
    context = browser.new_context(locale="ar")
    page = context.new_page()
    with translation.override("ar"):
        _child_pages(live_server.url)[name](page)
    assert page.evaluate("document.documentElement.dir") == "rtl"
    assert page.evaluate("document.documentElement.lang") == "ar"
    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
    violations = [
        f"{v['id']}: {[n['target'] for n in v['nodes']]}"
        for v in results.response["violations"]
    ]
    context.close()
    assert violations == []


@pytest.mark.parametrize("language", ["en", "tr", "pl", "uk"])
@pytest.mark.parametrize("name", ["write", "receipt-urgent", "conversation"])
def test_the_child_page_has_no_violations_in_the_other_languages(
    browser: Browser,
    live_server: Any,
    school: tuple[PublicChannel, Any],  # noqa: F811  # the imported fixture
    name: str,
    language: str,
) -> None:
    context = browser.new_context(locale=language)
    page = context.new_page()
    with translation.override(language):
        _child_pages(live_server.url)[name](page)
    assert page.evaluate("document.documentElement.lang") == language
    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
    violations = [v["id"] for v in results.response["violations"]]
    context.close()
    assert violations == []
