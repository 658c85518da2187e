"""The raadsinformatiebrief: asked for on a page, made by the background task
from published figures only, a real PDF with the expected figures, "<5" for
small counts, the municipality's own texts, and never personal data."""

import base64
import hashlib
import re
import shutil
import subprocess
from collections.abc import Callable

from django.conf import settings
from django.test import Client
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

import pytest
from conftest import Persona
from pytest_django import DjangoCaptureOnCommitCallbacks

from kindveilig.access.roles import Role
from kindveilig.monitor.models import CouncilLetter, LetterStatus
from kindveilig.organisations.models import OrganisationType
from kindveilig.organisations.tests.factories import OrganisationFactory

from .test_dashboard import secrets
from .test_dashboard import world as world  # the crafted March 2026

Login = Callable[[Client, Persona], Client]
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("immediate_tasks")]


def pdf_text(pdf: bytes) -> str:
    """The PDF's text by poppler's pdftotext (``make test`` installs
    poppler-utils: scripts/ensure_system_packages.sh)."""
    tool = shutil.which("pdftotext")
    assert tool is not None, "pdftotext missing: apt-get install poppler-utils"
    done = subprocess.run(  # noqa: S603  # poppler on our own PDF
        [tool, "-layout", "-", "-"], input=pdf, capture_output=True, check=True
    )
    return done.stdout.decode()


Ask = Callable[..., CouncilLetter]


@pytest.fixture
def ask(django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks) -> Ask:
    """Post the request; the task runs when the view's transaction commits."""

    def post(client: Client, **data: str) -> CouncilLetter:
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(reverse("monitor:letters"), data)
        assert response.status_code == 302, response.content.decode()[:2000]
        return CouncilLetter.objects.latest("pk")

    return post


def test_the_letter_holds_the_expected_figures_and_no_personal_data(
    world: Persona, gemeente_analist: Persona, login: Login, ask: Ask
) -> None:
    client = login(Client(), gemeente_analist)
    letter = ask(client, periode="month:2026-03")
    assert letter.status == LetterStatus.DONE
    assert letter.progress == 100
    pdf = bytes(letter.pdf)
    assert pdf.startswith(b"%PDF")
    html = letter.html
    assert '<tr data-measure="started">' in html
    started_row = html.split('<tr data-measure="started">', 1)[1].split("</tr>")[0]
    assert '<td class="num">8</td>' in started_row  # 8 started in March
    assert '<td class="num">0</td>' in started_row  # none in February
    assert '<td class="num">+8</td>' in started_row
    assert "&lt;5" in html  # one trajectory reached step 4
    assert "<svg" in html
    # Kansrijke Start: the six midwife signals of March, all followed up.
    section = html.split('data-testid="letter-kansrijke-start"', 1)[1]
    section = section.split("</section>", 1)[0]
    rows = re.findall(r'<tr data-measure="(ks_[a-z_]+)">(.*?)</tr>', section, re.S)
    assert {key for key, _row in rows} == {
        "ks_signal_source",
        "ks_followed_up",
        "ks_intervention",
        "ks_referral",
        "ks_trajectory",
    }
    source = [row for key, row in rows if key == "ks_signal_source"]
    assert any('<td class="num">6</td>' in row for row in source)
    text = pdf_text(pdf)
    with translation.override(settings.LANGUAGE_CODE):
        label = gettext("Trajectories started")
    line = next(line for line in text.splitlines() if label in line)
    assert line.split()[-3:] == ["8", "0", "+8"]
    assert "<5" in text
    for body in (html, text):
        for secret in secrets():
            assert secret not in body, secret


def test_the_page_lists_letters_and_downloads_them(
    world: Persona, gemeente_analist: Persona, login: Login, ask: Ask
) -> None:
    client = login(Client(), gemeente_analist)
    first = ask(client, periode="month:2026-03")
    second = ask(client, periode="quarter:2026-01")
    page = client.get(reverse("monitor:letters")).content.decode()
    for letter in (first, second):
        assert reverse("monitor:letter-pdf", args=[letter.public_id]) in page
    assert 'http-equiv="refresh"' not in page  # nothing pending
    pdf = client.get(reverse("monitor:letter-pdf", args=[first.public_id]))
    assert pdf["Content-Type"] == "application/pdf"
    assert pdf.content.startswith(b"%PDF")
    html = client.get(reverse("monitor:letter", args=[second.public_id]))
    assert b"2026 Q1" in html.content


def test_a_pending_letter_shows_its_progress_and_a_refresh_link(
    gemeente_analist: Persona, login: Login
) -> None:
    client = login(Client(), gemeente_analist)
    CouncilLetter.objects.create(
        organisation=gemeente_analist.membership.organisation,
        region=gemeente_analist.membership.organisation.municipality.region,
        period_kind="month",
        period_start="2026-03-01",
        status=LetterStatus.RUNNING,
        progress=40,
    )
    page = client.get(reverse("monitor:letters")).content.decode()
    # No automatic refresh (WCAG 2.2.1; axe's meta-refresh): the user refreshes.
    assert 'http-equiv="refresh"' not in page
    assert '<progress max="100" value="40">' in page
    assert 'role="status" data-testid="letters-pending"' in page
    assert f'href="{reverse("monitor:letters")}" data-testid="letters-refresh"' in page


def test_the_municipality_keeps_its_own_texts(
    world: Persona, gemeente_analist: Persona, login: Login, ask: Ask
) -> None:
    client = login(Client(), gemeente_analist)
    form = client.get(reverse("monitor:letter-texts"))
    assert form.status_code == 200
    response = client.post(
        reverse("monitor:letter-texts"),
        {
            "introduction": "Geachte raad, hierbij de cijfers.",
            "context": "De aanpak loopt sinds januari.",
            "next_steps": "Wij bespreken dit in de commissie.",
        },
    )
    assert response.status_code == 302
    letter = ask(client, periode="month:2026-03")
    for text in ("Geachte raad", "sinds januari", "in de commissie"):
        assert text in letter.html


def test_a_letter_of_another_organisation_is_not_found(
    world: Persona,
    gemeente_analist: Persona,
    login: Login,
    ask: Ask,
    make_persona: Callable[..., Persona],
) -> None:
    letter = ask(login(Client(), gemeente_analist), periode="month:2026-03")
    other = make_persona(
        Role.GEMEENTE_ANALIST,
        OrganisationFactory.create(
            name="Gemeente Elders (test)", type=OrganisationType.GEMEENTE
        ),
    )
    client = login(Client(), other)
    for name in ("monitor:letter", "monitor:letter-pdf"):
        assert client.get(reverse(name, args=[letter.public_id])).status_code == 404
    assert (
        str(letter.public_id)
        not in client.get(reverse("monitor:letters")).content.decode()
    )


def test_a_professional_may_not_ask_for_a_letter(world: Persona, login: Login) -> None:
    client = login(Client(), world)
    assert client.get(reverse("monitor:letters")).status_code == 403
    assert client.post(reverse("monitor:letters"), {}).status_code == 403
    assert not CouncilLetter.objects.exists()


def _directives(policy: str) -> dict[str, list[str]]:
    return {
        part.split()[0]: part.split()[1:]
        for part in (p.strip() for p in policy.split(";"))
        if part
    }


def test_the_html_letter_is_styled_under_the_csp_without_unsafe_inline(
    world: Persona, gemeente_analist: Persona, login: Login, ask: Ask
) -> None:
    """The stored letter keeps its CSS inline (the PDF is made from the same
    HTML, offline); its view allows exactly that stylesheet by its hash and
    nothing else: no 'unsafe-inline', no style attributes, the rest of the
    policy as on every page."""
    client = login(Client(), gemeente_analist)
    letter = ask(client, periode="month:2026-03")
    response = client.get(reverse("monitor:letter", args=[letter.public_id]))
    html = response.content.decode()
    styles = re.findall(r"<style>(.*?)</style>", html, re.DOTALL)
    assert len(styles) == 1
    assert "@page" in styles[0]
    digest = base64.b64encode(hashlib.sha256(styles[0].encode()).digest()).decode()
    letter_policy = _directives(response["Content-Security-Policy"])
    assert letter_policy["style-src"] == ["'self'", f"'sha256-{digest}'"]
    assert "unsafe-inline" not in response["Content-Security-Policy"]
    assert " style=" not in html
    assert "<script" not in html
    site_policy = _directives(
        client.get(reverse("monitor:letters"))["Content-Security-Policy"]
    )
    assert site_policy["style-src"] == ["'self'"]  # the exception is the letter's
    del letter_policy["style-src"], site_policy["style-src"]
    assert letter_policy == site_policy
