"""A professional logs in with password and TOTP and reaches the start page."""

from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe
from django_otp.oath import totp
from playwright.sync_api import Page, expect

from kindveilig.access.roles import Role
from kindveilig.accounts.tests.factories import (
    TEST_PASSWORD,
    MembershipFactory,
    TOTPDeviceFactory,
)

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def code_for(device: Any) -> str:
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"


def no_serious_violations(page: Page) -> list[str]:
    results = Axe().run(
        page,
        options={
            "runOnly": {
                "type": "tag",
                "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"],
            }
        },
    )
    return [
        f"{v['id']}: {[n['target'] for n in v['nodes']]}"
        for v in results.response["violations"]
    ]


def test_professional_logs_in_with_two_factors(page: Page, live_server: Any) -> None:
    membership = MembershipFactory.create(role=Role.PROFESSIONAL)
    device = TOTPDeviceFactory.create(user=membership.user)
    external: list[str] = []
    page.on(
        "request",
        lambda request: (
            external.append(request.url)
            if not request.url.startswith(live_server.url)
            and not request.url.startswith("data:")
            else None
        ),
    )

    page.goto(f"{live_server.url}/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Inloggen bij Kindveilig")
    assert no_serious_violations(page) == []
    page.get_by_label("E-mailadres").fill(membership.user.email)
    page.get_by_label("Wachtwoord").fill(TEST_PASSWORD)
    page.get_by_role("button", name="Volgende").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Vul uw code in")
    page.get_by_label("Code").fill(code_for(device))
    page.keyboard.press("Enter")

    expect(page.get_by_role("heading", level=1)).to_contain_text("Welkom")
    expect(page.locator("header")).to_contain_text(membership.organisation.name)
    assert no_serious_violations(page) == []
    assert external == []


def test_first_login_enrols_the_app_by_qr_code(page: Page, live_server: Any) -> None:
    from kindveilig.accounts.models import EncryptedTOTPDevice

    membership = MembershipFactory.create(role=Role.AANDACHTSFUNCTIONARIS)
    page.goto(f"{live_server.url}/inloggen/")
    page.get_by_label("E-mailadres").fill(membership.user.email)
    page.get_by_label("Wachtwoord").fill(TEST_PASSWORD)
    page.get_by_role("button", name="Volgende").click()
    expect(page.locator("figure svg")).to_be_visible()
    device = EncryptedTOTPDevice.objects.get(user=membership.user, confirmed=False)
    page.get_by_label("Code uit uw app").fill(code_for(device))
    page.get_by_role("button", name="Bevestigen").click()
    expect(page.get_by_test_id("recovery-codes").locator("li")).to_have_count(10)
    page.get_by_role("button", name="Ik heb mijn codes bewaard, verder").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Welkom")
