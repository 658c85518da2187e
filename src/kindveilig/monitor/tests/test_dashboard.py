"""The analist's dashboard and its CSV: filters in the URL, published figures
only, and never a name, BSN, date of birth, free text or public id, nor a word
a child wrote in the youth channel, its first name or how to reach it."""

import datetime as dt
from collections.abc import Callable

from django.test import Client
from django.urls import reverse

import pytest
import time_machine
from conftest import Persona

from kindveilig.accounts.tests.factories import UserFactory
from kindveilig.kansrijkestart.models import ContactMoment, StartSignal
from kindveilig.meldcode import scenarios
from kindveilig.meldcode.models import Trajectory
from kindveilig.monitor.measures import MEASURES
from kindveilig.monitor.models import MonitorFigure, PeriodKind
from kindveilig.monitor.services import monitor_refresh
from kindveilig.organisations.models import Organisation, OrganisationType
from kindveilig.organisations.tests.factories import OrganisationFactory
from kindveilig.persons.models import Person
from kindveilig.youth.messages.models import PublicChannel, YouthConversation
from kindveilig.youth.messages.services import conversation_start, staff_answer

from .kansrijke import first_contact, moment, signal

Login = Callable[[Client, Persona], Client]
pytestmark = [pytest.mark.django_db]

NAMES = ["Zebediah", "Quistorpius", "Anouk-Marijke", "Vlamingveld"]
BSN = "111222333"
WORRY = "Blauwe plekken gezien bij de Wolkenkrabberstraat 17"
# What children wrote in the youth channel (planted, then looked for).
CHILD_TEXT = "Mijn stiefvader Gerolfus schreeuwt elke avond in de Kolibrielaan"
CHILD_NAME = "Pimpernella"
CHILD_CONTACT = "pimpernella.kolibrie@example.invalid"
ANSWER = "Dank je Pimpernella, ik zoek je morgen op bij de Kolibrielaan"
# What a Kansrijke Start signal and its contact moment hold (planted, then
# looked for): the concern, the parent's words and wishes, the nurse's notes.
KS_TEXT = [
    "Schulden bij de Zwaluwhoeve, deurwaarder Ignatius",
    "Moeder zegt: ik wil niet dat Bartholomeus het weet",
    "Graag hulp bij de Rozenkwekerij-aanvraag",
    "Vader sloeg tegen de deur van Ottoline",
    "Baby Florentijntje oogt bleek",
    "Mooi contact tijdens het badje van Florentijntje",
]
KS_FAMILY = "Kwartelkoning"


@pytest.fixture
def world(professional: Persona, aandachtsfunctionaris: Persona) -> Persona:
    actor = professional.actor
    with time_machine.travel("2026-03-10T10:00:00+01:00"):
        for i in range(6):
            scenarios.start(
                actor, given_name=f"{NAMES[0]}{i}", family_name=NAMES[1], worry=WORRY
            )
        scenarios.at_step_4(actor, given_name=NAMES[2], family_name=NAMES[3], bsn=BSN)
        scenarios.acute(actor, given_name="Acuut", family_name=NAMES[3])
        channel = PublicChannel.objects.create(
            organisation=professional.organisation,
            public_code="PROEFMONITOR",
            display_name="Basisschool De Proef (test)",
        )
        for i in range(6):  # enough to be shown, not only "<5"
            started = conversation_start(
                channel=channel,
                body=f"{CHILD_TEXT} ({i})",
                first_name=CHILD_NAME,
                contact=CHILD_CONTACT,
            )
            staff_answer(
                actor=aandachtsfunctionaris.actor,
                conversation=started.conversation,
                body=ANSWER,
            )
    _kansrijke_start(professional.organisation)
    monitor_refresh(today=dt.date(2026, 4, 2))
    return professional


def _kansrijke_start(school: Organisation) -> None:
    """Six midwife signals to the CJG in March, each with planted free text,
    the first contact after three days (enough to be shown)."""
    midwife = OrganisationFactory.create(
        type=OrganisationType.VERLOSKUNDIGENPRAKTIJK, municipality=school.municipality
    )
    cjg = OrganisationFactory.create(
        type=OrganisationType.CJG, municipality=school.municipality
    )
    by = UserFactory.create()
    for index in range(6):
        made = signal(
            organisation=midwife,
            by=by,
            follow_up=cjg,
            at=moment(dt.date(2026, 3, 10)),
            domains=["finances_debt"],
            concern=KS_TEXT[0],
            words=KS_TEXT[1] if index == 0 else "",
            wishes=KS_TEXT[2],
            family_name=KS_FAMILY,
        )
        first_contact(
            made,
            nurse=by,
            days=3,
            parent_words=KS_TEXT[3],
            child_observations=KS_TEXT[4],
            went_well=KS_TEXT[5],
        )


def secrets() -> list[str]:
    ids = [str(t.public_id) for t in Trajectory.objects.all()]
    ids += [str(p.public_id) for p in Person.objects.all()]
    ids += [str(c.public_id) for c in YouthConversation.objects.all()]
    ids += [str(s.public_id) for s in StartSignal.objects.all()]
    ids += [str(c.public_id) for c in ContactMoment.objects.all()]
    dates = ["2016-03-14", "14-03-2016", "14 maart 2016", "14/03/2016"]
    youth = [CHILD_TEXT, "Gerolfus", "Kolibrie", CHILD_NAME, CHILD_CONTACT, ANSWER]
    kansrijke = [*KS_TEXT, KS_FAMILY, "Zwaluw", "Bartholomeus", "Florentijn"]
    return [*NAMES, BSN, WORRY, "Wolkenkrabber", *dates, *ids, *youth, *kansrijke]


def pages(client: Client) -> dict[str, str]:
    base = reverse("monitor:dashboard")
    csv = reverse("monitor:dashboard-csv")
    queries = [
        "",
        "?periode=month:2026-03",
        "?periode=quarter:2026-01&sector=onderwijs",
    ]
    found = {}
    for query in queries:
        found[base + query] = client.get(base + query).content.decode()
        found[csv + query] = client.get(csv + query).content.decode()
        found[csv + query + "&excel=1"] = client.get(
            csv + query + "&excel=1"
        ).content.decode("utf-8-sig")
    for m in MEASURES:
        url = f"{csv}?periode=month:2026-03&figuur={m.key}"
        found[url] = client.get(url).content.decode()
    return found


def test_no_page_or_csv_holds_personal_data(
    world: Persona, gemeente_analist: Persona, login: Login
) -> None:
    client = login(Client(), gemeente_analist)
    found = pages(client)
    assert len(found) > 10
    # The youth channel is counted (six conversations, twelve messages in
    # March), so its figures are on the pages that are searched.
    shown = MonitorFigure.objects.filter(
        period_kind=PeriodKind.MONTH, period_start=dt.date(2026, 3, 1),
        municipality=None, sector="", dimension="",
    )  # fmt: skip
    assert shown.get(measure="youth_conversation").value == 6
    assert shown.get(measure="youth_message").value == 12
    march = found[reverse("monitor:dashboard") + "?periode=month:2026-03"]
    assert 'data-testid="figure-youth_conversation"' in march
    # So are the six Kansrijke Start signals and their first contacts.
    assert shown.get(measure="ks_signal_source").value == 6
    assert shown.get(measure="ks_contact_days").value == 6
    assert 'data-testid="figure-ks_followed_up"' in march
    assert StartSignal.objects.count() == ContactMoment.objects.count() == 6
    for url, body in found.items():
        for secret in secrets():
            assert secret not in body, (url, secret)


def test_the_figures_follow_the_filters_and_hide_small_counts(
    world: Persona, gemeente_analist: Persona, login: Login
) -> None:
    client = login(Client(), gemeente_analist)
    response = client.get(reverse("monitor:dashboard"), {"periode": "month:2026-03"})
    assert response.status_code == 200
    body = response.content.decode()
    assert 'data-testid="figure-started"' in body
    assert "<svg" in body
    assert "&lt;5" in body  # acute danger: 1
    csv = client.get(
        reverse("monitor:dashboard-csv"),
        {"periode": "month:2026-03", "figuur": "started"},
    ).content.decode()
    lines = csv.strip().split("\r\n")
    total = next(line for line in lines if ",Total," in line or ",Totaal," in line)
    assert total.split(",")[5] == "8"


def test_the_excel_csv_has_a_bom_and_semicolons(
    world: Persona, gemeente_analist: Persona, login: Login
) -> None:
    client = login(Client(), gemeente_analist)
    raw = client.get(reverse("monitor:dashboard-csv"), {"excel": "1"}).content
    assert raw.startswith("\ufeff".encode())
    assert ";" in raw.decode("utf-8-sig").splitlines()[0]


def test_a_professional_may_not_see_the_dashboard(world: Persona, login: Login) -> None:
    client = login(Client(), world)
    assert client.get(reverse("monitor:dashboard")).status_code == 403
    assert client.get(reverse("monitor:dashboard-csv")).status_code == 403
