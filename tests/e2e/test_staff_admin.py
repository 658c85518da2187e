"""A functioneel beheerder invites a colleague, who sets a password, enrols the
second factor and logs in; the beheerder deactivates them and their session
ends at once."""

import re
from typing import Any

from django.core import mail
from django.utils.translation import gettext

import pytest
from django_otp.oath import totp
from playwright.sync_api import Browser, Page, expect

from kindveilig.access.roles import Role
from kindveilig.accounts.models import EncryptedTOTPDevice, User
from kindveilig.organisations.tests.factories import OrganisationFactory

from .helpers import logged_in_context, make_persona

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

PASSWORD = "een lange en ongewone wachtzin 93"
EMAIL = "nieuwe.collega@test.kindveilig.invalid"


def code_for(device: Any) -> str:
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"


def test_beheerder_invites_a_colleague_and_later_deactivates_them(
    browser: Browser, page: Page, live_server: Any
) -> None:
    school = OrganisationFactory.create(name="Basisschool De Linde (test)")
    beheerder = make_persona(Role.FUNCTIONEEL_BEHEERDER, school)
    admin = logged_in_context(browser, live_server, beheerder).new_page()

    # The beheerder invites a colleague from the staff list.
    admin.goto(f"{live_server.url}/organisaties/medewerkers/")
    admin.get_by_role("link", name=gettext("Invite a colleague")).click()
    admin.locator('input[name="full_name"]').fill("Nieuwe Collega")
    admin.locator('input[name="email"]').fill(EMAIL)
    admin.locator('select[name="role"]').select_option(Role.PROFESSIONAL.value)
    admin.get_by_role("button", name=gettext("Send invitation")).click()
    expect(admin.get_by_role("heading", level=1)).to_have_text("Nieuwe Collega")

    # The colleague follows the link from the e-mail (the locmem outbox).
    assert mail.outbox[-1].to == [EMAIL]
    match = re.search(r"(/uitnodiging/[^/\s]+/)", str(mail.outbox[-1].body))
    assert match is not None
    page.goto(f"{live_server.url}{match.group(1)}")
    assert "/uitnodiging/" in page.url
    assert match.group(1) not in page.url  # the token left the address bar
    page.locator('input[name="password1"]').fill(PASSWORD)
    page.locator('input[name="password2"]').fill(PASSWORD)
    page.get_by_role("button", name="Volgende").click()

    # The enrolment of the existing login flow: QR code, then a code.
    expect(page.locator("figure svg")).to_be_visible()
    user = User.objects.get(email=EMAIL)
    device = EncryptedTOTPDevice.objects.get(user=user, confirmed=False)
    page.get_by_label("Code uit uw app").fill(code_for(device))
    page.get_by_role("button", name="Bevestigen").click()
    page.get_by_role("button", name="Ik heb mijn codes bewaard, verder").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Welkom")
    expect(page.locator("header")).to_contain_text(school.name)

    # The beheerder sees the open session and deactivates the account.
    admin.reload()
    expect(admin.locator("dl")).to_contain_text(
        gettext("Logged in at %(started)s").split("%")[0].strip()
    )
    admin.get_by_role("button", name=gettext("Deactivate account")).click()
    expect(
        admin.get_by_role("button", name=gettext("Reactivate account"))
    ).to_be_visible()

    # The colleague's next request goes to the login page.
    page.reload()
    expect(page).to_have_url(re.compile(r"/inloggen/"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Inloggen bij Kindveilig")
