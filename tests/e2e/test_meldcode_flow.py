"""A teacher and the aandachtsfunctionaris take a trajectory through all five
steps to a co-signed melding and its PDF; the acute route; closing at afweging 1."""

import subprocess
import tempfile
from pathlib import Path
from typing import Any

import pytest
from django_otp.oath import totp
from playwright.sync_api import Browser, Page, expect

from kindveilig.access.roles import Role
from kindveilig.organisations.tests.factories import OrganisationFactory

from .helpers import logged_in_context, make_persona

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

CHILD_WORDS = "Als papa boos is dan slaat hij mij met zijn riem"


@pytest.fixture
def school_people() -> tuple[Any, Any]:
    school = OrganisationFactory.create(name="Basisschool E2E (test)")
    teacher = make_persona(Role.PROFESSIONAL, school)
    af = make_persona(Role.AANDACHTSFUNCTIONARIS, school)
    return teacher, af


def start_trajectory(page: Page, base: str, given: str = "Lotje (test)") -> None:
    page.goto(f"{base}/trajecten/nieuw/")
    page.get_by_label("Uw zorg in een paar woorden").fill(
        "Blauwe plekken en stil in de klas."
    )
    page.get_by_label("Lichamelijke mishandeling").check()
    page.get_by_label("Voornaam van het kind").fill(given)
    page.get_by_label("Achternaam").first.fill("Proefmans")
    page.get_by_role("button", name="Traject starten").click()
    expect(page.get_by_test_id("step")).to_have_text(
        "Stap 1: signalen in kaart brengen"
    )


def go_next(page: Page) -> None:
    page.get_by_role("button", name="Naar Stap").click()


def test_teacher_and_aandachtsfunctionaris_reach_a_cosigned_melding_and_pdf(
    browser: Browser, live_server: Any, school_people: tuple[Any, Any]
) -> None:
    teacher, af = school_people
    base = live_server.url
    page = logged_in_context(browser, live_server, teacher).new_page()
    start_trajectory(page, base)
    detail_url = page.url

    # Step 1: a signal with the child's words and a body map mark.
    page.get_by_role("link", name="Signaal vastleggen").click()
    page.get_by_label("Datum").fill("2026-11-20")
    page.get_by_label("Eigen waarneming").check()
    page.get_by_label("Feiten: wat is gezien of gehoord").fill(
        "Drie blauwe plekken op de linkerarm."
    )
    page.get_by_label("De eigen woorden van het kind").fill(CHILD_WORDS)
    page.get_by_role("button", name="Markering op de lichaamskaart toevoegen").click()
    page.get_by_label("Lichaamsdeel").select_option("left_arm")
    page.get_by_label("Beschrijving van het letsel").fill(
        "Drie plekken van 2 cm, blauw-paars."
    )
    page.get_by_role("button", name="Opslaan", exact=True).click()
    expect(page.locator("#stap-1")).to_contain_text(CHILD_WORDS)
    go_next(page)

    # Step 2: consult the aandachtsfunctionaris.
    page.get_by_role("link", name="Overleg vastleggen").click()
    page.get_by_label("De aandachtsfunctionaris").check()
    page.get_by_label("Naam van wie u raadpleegde").fill(af.user.full_name)
    page.get_by_label("Datum").fill("2026-11-21")
    page.get_by_label("Uw vraag").fill("Hoe ernstig is dit?")
    page.get_by_label("Het advies").fill("Gesprek met ouders en kind; dan wegen.")
    page.get_by_role("button", name="Opslaan", exact=True).click()
    go_next(page)

    # Step 3: parents and child.
    page.get_by_role("link", name="Gesprek vastleggen").click()
    page.get_by_label("Ouders of verzorgers").check()
    page.get_by_label("Datum").fill("2026-11-22")
    page.get_by_label("Wat is er gezegd").fill("Vader zegt dat het kind viel.")
    page.get_by_role("button", name="Opslaan", exact=True).click()
    page.get_by_role("link", name="Gesprek vastleggen").click()
    page.locator("#id_with_whom_1").check()
    page.get_by_label("Welk kind").select_option(label="Lotje (test) Proefmans")
    page.get_by_label("Datum").fill("2026-11-22")
    page.get_by_label("Wat is er gezegd").fill("Gesprek na schooltijd.")
    page.get_by_label("Wat het kind vertelde, in de eigen woorden van het kind").fill(
        CHILD_WORDS
    )
    page.locator("#id_child_wishes").fill("Dat het thuis stopt.")
    page.get_by_label("Ik heb het kind verteld wat er nu gaat gebeuren").check()
    page.get_by_role("button", name="Opslaan", exact=True).click()
    go_next(page)

    # Step 4: afweging 1 yes, 2 yes (structural unsafety) -> melden.
    for _ in range(2):
        page.get_by_role("link", name="beantwoorden").click()
        page.get_by_label("Ja").check()
        page.get_by_label("Onderbouwing").fill(
            "Herhaald letsel en de woorden van het kind."
        )
        page.get_by_role("button", name="Opslaan", exact=True).click()
    expect(page.get_by_test_id("advice").first).to_contain_text(
        "melden bij Veilig Thuis"
    )
    go_next(page)

    # Step 5: the decision, then co-signing by the aandachtsfunctionaris.
    page.get_by_role("link", name="Besluit vastleggen").click()
    page.locator("#id_melden_0").check()
    page.get_by_label("Onderbouwing van (niet) melden").fill(
        "Structurele onveiligheid: melden is de norm."
    )
    page.locator("#id_help_possible_1").check()
    page.get_by_label("Onderbouwing over hulp").fill(
        "Eerst veiligheid via Veilig Thuis."
    )
    page.get_by_role("button", name="Opslaan", exact=True).click()
    expect(page.get_by_test_id("cosign-status")).to_contain_text(
        "Wacht op de aandachtsfunctionaris"
    )

    af_page = logged_in_context(browser, live_server, af).new_page()
    af_page.goto(detail_url)
    af_page.get_by_role("link", name="Besluit medeondertekenen of terugsturen").click()
    af_page.get_by_label("Het besluit medeondertekenen").check()
    af_page.get_by_role("button", name="Opslaan", exact=True).click()
    expect(af_page.get_by_test_id("cosign-status")).to_contain_text("Medeondertekend")

    # The melding, by the teacher.
    page.goto(detail_url)
    page.get_by_role("link", name="Melding doen").click()
    page.get_by_label("Functie").fill("Leerkracht groep 6")
    page.get_by_label("Telefoonnummer").fill("070-1234567")
    page.get_by_label("Ik heb de melding vooraf met de ouders besproken").check()
    page.get_by_label("Ik heb de melding vooraf met het kind besproken").check()
    page.get_by_role("button", name="Opslaan", exact=True).click()
    expect(page.get_by_test_id("status")).to_contain_text("Gemeld, vervolg")

    # The PDF, after confirming with the second factor again.
    page.get_by_role("link", name="Melding als PDF").click()
    device = teacher.device
    device.refresh_from_db()
    code = f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"
    page.get_by_label("Code").fill(code)
    with page.expect_download() as download_info:
        page.get_by_role("button", name="Bevestig en download de PDF").click()
    pdf = Path(tempfile.mkdtemp()) / "melding.pdf"
    download_info.value.save_as(pdf)
    assert pdf.read_bytes()[:4] == b"%PDF"
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "papa boos is dan slaat" in " ".join(text.split())
    assert teacher.user.full_name in text


def test_acute_danger_route(
    browser: Browser, live_server: Any, school_people: tuple[Any, Any]
) -> None:
    teacher, _ = school_people
    page = logged_in_context(browser, live_server, teacher).new_page()
    start_trajectory(page, live_server.url, given="Acuut (test)")
    page.get_by_role("link", name="Acuut gevaar?").first.click()
    expect(page.get_by_role("alert")).to_contain_text("112")
    expect(page.get_by_role("alert")).to_contain_text("0800-2000")
    page.get_by_label("Wat is het acute gevaar?").fill(
        "Kind durft niet naar huis, vader dreigt."
    )
    page.get_by_role("button", name="Markeer als acuut en leg de melding vast").click()
    page.locator("#id_melden_0").check()
    page.get_by_label("Onderbouwing van (niet) melden").fill(
        "Acuut gevaar: direct melden."
    )
    page.locator("#id_help_possible_1").check()
    page.get_by_label("Onderbouwing over hulp").fill("Eerst veiligheid, daarna kijken.")
    page.get_by_role("button", name="Opslaan", exact=True).click()
    page.get_by_role("link", name="Melding doen").click()
    page.get_by_label("Functie").fill("Leerkracht")
    page.get_by_label("Telefoonnummer").fill("070-7654321")
    page.get_by_label("Zo niet: welke uitzondering geldt?").select_option(
        "danger_child"
    )
    page.locator("#id_not_discussed_explanation").fill(
        "Vader dreigt; bespreken brengt het kind in gevaar."
    )
    page.get_by_role("button", name="Opslaan", exact=True).click()
    expect(page.get_by_test_id("status")).to_contain_text("Gemeld, vervolg")
    expect(page.get_by_test_id("status")).to_contain_text("Acuut gevaar")
    # Earlier steps can be documented afterwards.
    page.get_by_role("link", name="Signaal vastleggen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Stap 1: signaal vastleggen"
    )


def test_trajectory_closes_at_question_1(
    browser: Browser, live_server: Any, school_people: tuple[Any, Any]
) -> None:
    """No suspicion closes in step 4: before step 5, so with a reason and the
    aandachtsfunctionaris's co-sign."""
    from kindveilig.meldcode import scenarios

    teacher, af = school_people
    trajectory = scenarios.at_step_4(teacher.actor, given_name="Geen (test)")
    page = logged_in_context(browser, live_server, teacher).new_page()
    page.goto(f"{live_server.url}/trajecten/{trajectory.public_id}/")
    page.get_by_role("link", name="Afweging 1 beantwoorden").click()
    page.get_by_label("Nee").check()
    page.get_by_label("Onderbouwing").fill(
        "De plekken komen van de voetbaltraining, bevestigd door de trainer."
    )
    page.get_by_role("button", name="Opslaan", exact=True).click()
    expect(page.get_by_test_id("advice").first).to_contain_text("geen vermoeden")
    page.get_by_role("link", name="Traject afsluiten").first.click()
    page.get_by_label("Geen vermoeden (afweging 1)").check()
    page.get_by_role("button", name="Opslaan", exact=True).click()
    # Before step 5: a reason is asked, and what was chosen stays.
    expect(page.get_by_label("Geen vermoeden (afweging 1)")).to_be_checked()
    page.get_by_label("Waarom het traject nu wordt afgesloten").fill(
        "Geen vermoeden: de plekken komen van de training (afweging 1)."
    )
    page.get_by_role("button", name="Opslaan", exact=True).click()
    expect(page.get_by_test_id("closing")).to_contain_text("Geen vermoeden")
    af_page = logged_in_context(browser, live_server, af).new_page()
    af_page.goto(f"{live_server.url}/trajecten/{trajectory.public_id}/")
    af_page.get_by_role("link", name="Afsluiten medeondertekenen of teruggeven").click()
    af_page.get_by_label("Het afsluiten van het traject medeondertekenen").check()
    af_page.get_by_role("button", name="Opslaan", exact=True).click()
    page.goto(f"{live_server.url}/trajecten/{trajectory.public_id}/")
    expect(page.get_by_test_id("status")).to_have_text("Afgesloten")
