"""Shared browser-test helpers: a logged-in browser context without retyping
password and code (the real TOTP login has its own test)."""

from typing import Any

from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.sessions.backends.db import SessionStore

from axe_playwright_python.sync_playwright import Axe
from django_otp import DEVICE_ID_SESSION_KEY
from playwright.sync_api import Browser, BrowserContext, Locator, Page

from kindveilig.accounts.middleware import ACTIVE_MEMBERSHIP_SESSION_KEY


def logged_in_context(
    browser: Browser, live_server: Any, persona: Any
) -> BrowserContext:
    session = SessionStore()
    session[SESSION_KEY] = str(persona.user.pk)
    session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    session[HASH_SESSION_KEY] = persona.user.get_session_auth_hash()
    session[DEVICE_ID_SESSION_KEY] = persona.device.persistent_id
    session[ACTIVE_MEMBERSHIP_SESSION_KEY] = persona.membership.pk
    session.save()
    assert session.session_key is not None
    context = browser.new_context(locale="nl-NL")
    context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": session.session_key,
                "url": live_server.url,
            }
        ]
    )
    return context


def make_persona(role: Any, organisation: Any) -> Any:
    from conftest import Persona

    from kindveilig.accounts.tests.factories import (
        MembershipFactory,
        TOTPDeviceFactory,
        UserFactory,
    )

    user = UserFactory.create()
    membership = MembershipFactory.create(
        user=user, organisation=organisation, role=role
    )
    device = TOTPDeviceFactory.create(user=user)
    return Persona(user=user, membership=membership, device=device)


WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
# A ceiling, not a budget: the longest professional page needs fewer presses.
MAX_TABS = 80


def tab_to(page: Page, target: Locator) -> None:
    """Press Tab until ``target`` has the focus: it is reachable by keyboard."""
    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        if target.evaluate("element => element === document.activeElement"):
            return
    raise AssertionError("not reachable with the Tab key")


def no_accessibility_violations(page: Page) -> None:
    """axe-core finds no WCAG 2.2 A/AA violation on the page as it is now."""
    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
    violations = [
        f"{v['id']}: {[n['target'] for n in v['nodes']]}"
        for v in results.response["violations"]
    ]
    assert violations == [], (page.url, violations)
