"""The region's functioneel beheerder keeps the organisations of the region:
adds one by hand and corrects it, imports DUO's register file (a preview with
the report per line, then the background import with its progress), finds the
imported schools and deactivates one. With the keyboard where it matters, and
axe on every page of the way (docs/organisations.md).

The import runs in the real task worker (``db_worker``), started by the test
while the browser shows the progress page; the beheerder refreshes it.
"""

import importlib
from io import StringIO
from pathlib import Path
from typing import Any

from django.apps import apps
from django.core.management import call_command
from django.utils.translation import gettext, ngettext

import pytest
from playwright.sync_api import Browser, expect

from kindveilig.access.roles import Role
from kindveilig.organisations.models import Organisation, OrganisationType
from kindveilig.organisations.tests.factories import OrganisationFactory

from .helpers import (
    logged_in_context,
    make_persona,
    no_accessibility_violations,
    tab_to,
)

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

DUO = (
    Path(__file__).resolve().parents[2]
    / "src/kindveilig/organisations/tests/data/duo_vestigingen.csv"
)


@pytest.fixture
def beheerder() -> Any:
    """The functioneel beheerder of a gemeente in Haaglanden, whose nine
    municipalities the flush of the transactional tests removed."""
    seed = importlib.import_module(
        "kindveilig.organisations.migrations.0002_seed_haaglanden"
    ).seed
    seed(apps, None)
    gemeente = OrganisationFactory.create(
        name="Gemeente Den Haag, beheer (test)", type=OrganisationType.GEMEENTE
    )
    return make_persona(Role.FUNCTIONEEL_BEHEERDER, gemeente)


def test_the_beheerder_adds_edits_imports_and_deactivates(
    browser: Browser, live_server: Any, beheerder: Any
) -> None:
    page = logged_in_context(browser, live_server, beheerder).new_page()
    page.goto(f"{live_server.url}/organisaties/beheer/")
    no_accessibility_violations(page)

    # Add one by hand, with the keyboard to the link and the button.
    add = page.get_by_test_id("organisation-create")
    tab_to(page, add)
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text(
        gettext("Add an organisation")
    )
    no_accessibility_violations(page)
    page.locator('input[name="name"]').fill("Sportclub De Sprinter (test)")
    page.locator('select[name="type"]').select_option(
        OrganisationType.SPORT_CULTURE_CLUB.value
    )
    page.locator('select[name="municipality"]').select_option(label="Rijswijk")
    page.locator('input[name="external_code"]').fill("12345678")
    page.locator('input[name="address"]').fill("Sportlaan 1, Rijswijk")
    save = page.get_by_role("button", name=gettext("Save"))
    tab_to(page, save)
    page.keyboard.press("Enter")
    expect(page.get_by_role("status")).to_contain_text(
        gettext("%(name)s has been saved.") % {"name": "Sportclub De Sprinter (test)"}
    )
    table = page.get_by_test_id("organisations")
    expect(table).to_contain_text("Sportclub De Sprinter (test)")

    # Correct its name.
    table.get_by_role("link", name="Sportclub De Sprinter (test)").click()
    no_accessibility_violations(page)
    page.locator('input[name="name"]').fill("Sportclub De Sprinters (test)")
    page.get_by_role("button", name=gettext("Save")).click()
    expect(page.get_by_test_id("organisations")).to_contain_text(
        "Sportclub De Sprinters (test)"
    )
    club = Organisation.objects.get(external_code="12345678")
    assert club.name == "Sportclub De Sprinters (test)"
    assert club.municipality.name == "Rijswijk"

    # Import DUO's register: first the preview, line by line; nothing changes.
    before = Organisation.objects.count()
    upload_link = page.get_by_test_id("import-upload")
    tab_to(page, upload_link)
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text(
        gettext("Import a register file")
    )
    no_accessibility_violations(page)
    page.locator('input[name="file"]').set_input_files(str(DUO))
    page.get_by_role("button", name=gettext("Show the preview")).click()
    expect(page.get_by_test_id("preview-counts")).to_contain_text(
        ngettext(
            "%(counter)s organisation would be added",
            "%(counter)s organisations would be added",
            54,
        )
        % {"counter": 54}
    )
    errors = page.get_by_test_id("import-errors")
    expect(errors.locator("tbody tr")).to_have_count(4)
    expect(errors).to_contain_text(gettext("the name is empty"))
    expect(page.get_by_test_id("import-created")).to_contain_text(
        "Basisschool De Regenboog Delft (fictief)"
    )
    no_accessibility_violations(page)
    assert Organisation.objects.count() == before

    # Confirm: the background task is queued; the page shows the progress, and
    # its refresh link the result once the worker is done.
    confirm = page.get_by_test_id("import-confirm").get_by_role("button")
    tab_to(page, confirm)
    page.keyboard.press("Enter")
    progress = page.get_by_test_id("import-progress")
    expect(progress).to_be_visible()
    expect(progress.locator("progress")).to_have_attribute("max", "100")
    no_accessibility_violations(page)
    assert Organisation.objects.count() == before
    call_command("db_worker", "--batch", "--no-startup-delay", stdout=StringIO())
    refresh = page.get_by_test_id("import-refresh")
    tab_to(page, refresh)
    page.keyboard.press("Enter")
    result = page.get_by_test_id("import-result")
    expect(result).to_be_visible()
    expect(result).to_contain_text("54")
    no_accessibility_violations(page)
    assert Organisation.objects.count() == before + 54

    # The imported schools appear in the list (ordered by name).
    page.get_by_role("link", name=gettext("Manage organisations")).first.click()
    listed = page.get_by_test_id("organisations")
    expect(listed).to_contain_text("Basisschool De Regenboog Delft (fictief)")
    expect(listed).to_contain_text("99AA00")

    # Deactivate one, with the keyboard; it shows under the inactive ones.
    listed.get_by_role("link", name="Basisschool De Regenboog Delft (fictief)").click()
    deactivate = page.get_by_test_id("organisation-active").get_by_role("button")
    expect(deactivate).to_have_text(gettext("Deactivate"))
    tab_to(page, deactivate)
    page.keyboard.press("Enter")
    expect(page.get_by_test_id("organisation-status")).to_contain_text(
        gettext(
            "This organisation is inactive: it is no longer offered as a chain "
            "partner, counted in readiness or sent reminders. Its history stays."
        )
    )
    no_accessibility_violations(page)
    page.goto(f"{live_server.url}/organisaties/beheer/?inactief=1")
    inactive = page.get_by_test_id("organisations").locator("tbody tr")
    expect(inactive).to_have_count(1)
    expect(inactive).to_contain_text("Basisschool De Regenboog Delft (fictief)")
    assert not Organisation.objects.get(external_code="99AA00").is_active
