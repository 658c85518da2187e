"""A gemeente analist filters the monitor, downloads a CSV, asks for a
raadsinformatiebrief and downloads its PDF, which holds the expected figure.

The letter is made by the background task in the real task worker
(``db_worker``), started by the test while the browser shows the list with the
letter pending. The page does not reload by itself (WCAG 2.2.1, axe's
``meta-refresh``): the analist presses its refresh link until the letter is
ready, with the keyboard.
"""

import datetime as dt
import shutil
import subprocess
from io import StringIO
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management import call_command
from django.utils import translation
from django.utils.translation import gettext

import pytest
import time_machine
from conftest import Persona
from playwright.sync_api import Browser, expect

from kindveilig.meldcode import scenarios
from kindveilig.meldcode.services.trajectories import framework_for
from kindveilig.monitor.services import monitor_refresh
from kindveilig.organisations.models import Sector

from .helpers import logged_in_context, no_accessibility_violations, tab_to

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

MAX_REFRESHES = 5


@pytest.fixture
def march(professional: Persona) -> None:
    """Eight trajectories started in March 2026, one of them acute."""
    framework_for(Sector.ONDERWIJS)  # the afwegingskaders, lost by the flush
    actor = professional.actor
    with time_machine.travel("2026-03-10T10:00:00+01:00"):
        for i in range(6):
            scenarios.start(actor, given_name=f"Kind{i}", family_name="Proef")
        scenarios.at_step_4(actor, given_name="Vier", family_name="Proef")
        scenarios.acute(actor, given_name="Acuut", family_name="Proef")
    monitor_refresh(today=dt.date(2026, 4, 2))


def pdf_text(path: Path) -> str:
    tool = shutil.which("pdftotext")
    # make test installs poppler-utils (scripts/ensure_system_packages.sh).
    assert tool is not None, "pdftotext missing: apt-get install poppler-utils"
    done = subprocess.run(  # poppler on the downloaded letter
        [tool, "-layout", str(path), "-"], capture_output=True, check=True
    )
    return done.stdout.decode()


def test_the_analist_filters_exports_and_gets_a_council_letter(
    browser: Browser, live_server: Any, march: None, gemeente_analist: Persona
) -> None:
    page = logged_in_context(browser, live_server, gemeente_analist).new_page()
    page.goto(f"{live_server.url}/monitor/cijfers/")
    page.locator('select[name="periode"]').select_option("month:2026-03")
    page.get_by_test_id("monitor-filter").get_by_role("button").click()
    assert "periode=month%3A2026-03" in page.url
    started = page.get_by_test_id("figure-started")
    expect(started.locator("tfoot")).to_contain_text("8")

    with page.expect_download() as csv_download:
        page.get_by_test_id("csv-all").click()
    csv = Path(csv_download.value.path()).read_text(encoding="utf-8")
    assert "2026-03" in csv
    assert any(line.split(",")[5] == "8" for line in csv.splitlines())

    page.get_by_test_id("letters-link").click()
    request = page.get_by_test_id("letter-request")
    request.locator('select[name="periode"]').select_option("month:2026-03")
    request.get_by_role("button").click()
    letters = page.get_by_test_id("letters")
    expect(letters.locator("tbody tr")).to_have_count(1)
    # The letter waits for the worker: a status message with a refresh link,
    # and the page stays as it is (no meta refresh, which axe fails).
    expect(letters.locator('tr[data-status="queued"]')).to_have_count(1)
    expect(page.get_by_role("status")).to_contain_text(
        gettext("A letter is being made. Refresh this page to see how far it has got:")
    )
    assert page.locator('meta[http-equiv="refresh"]').count() == 0
    no_accessibility_violations(page)
    call_command("db_worker", "--batch", "--no-startup-delay", stdout=StringIO())
    refresh = page.get_by_test_id("letters-refresh")
    tab_to(page, refresh)
    with page.expect_navigation():
        page.keyboard.press("Enter")
    for _ in range(MAX_REFRESHES):  # until the letter is ready
        refresh = page.get_by_test_id("letters-refresh")
        if not refresh.count():
            break
        with page.expect_navigation():
            refresh.click()
    expect(letters.locator('tr[data-status="done"]')).to_have_count(1)
    expect(page.get_by_test_id("letters-pending")).to_have_count(0)
    no_accessibility_violations(page)

    with page.expect_download() as pdf_download:
        page.get_by_test_id("letter-pdf").click()
    path = Path(pdf_download.value.path())
    assert path.read_bytes().startswith(b"%PDF")
    text = pdf_text(path)
    with translation.override(settings.LANGUAGE_CODE):
        label = gettext("Trajectories started")
    line = next(line for line in text.splitlines() if label in line)
    assert line.split()[-3:] == ["8", "0", "+8"]
    assert "Proef" not in text
    assert "<5" in text

    html_link = page.get_by_test_id("letters").get_by_role("link", name="HTML")
    # The HTML letter is styled under the site's CSP (its stylesheet allowed by
    # its hash): no violation, and the heading has the letter's colour.
    violations: list[str] = []
    page.on(
        "console",
        lambda message: (
            violations.append(message.text)
            if "Content Security Policy" in message.text
            else None
        ),
    )
    page.goto(live_server.url + (html_link.get_attribute("href") or ""))
    heading = page.locator("h1")
    expect(heading).to_have_css("color", "rgb(27, 20, 100)")
    assert violations == []
