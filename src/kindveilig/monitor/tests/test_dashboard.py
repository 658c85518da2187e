"""The analist's dashboard and its CSV: filters in the URL, published figures
only, and never a name, BSN, date of birth, free text or public id."""

import datetime as dt
from collections.abc import Callable

from django.test import Client
from django.urls import reverse

import pytest
import time_machine
from conftest import Persona

from kindveilig.meldcode import scenarios
from kindveilig.meldcode.models import Trajectory
from kindveilig.monitor.measures import MEASURES
from kindveilig.monitor.services import monitor_refresh
from kindveilig.persons.models import Person

Login = Callable[[Client, Persona], Client]
pytestmark = [pytest.mark.django_db]

NAMES = ["Zebediah", "Quistorpius", "Anouk-Marijke", "Vlamingveld"]
BSN = "111222333"
WORRY = "Blauwe plekken gezien bij de Wolkenkrabberstraat 17"


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
    monitor_refresh(today=dt.date(2026, 4, 2))
    return professional


def secrets() -> list[str]:
    ids = [str(t.public_id) for t in Trajectory.objects.all()]
    ids += [str(p.public_id) for p in Person.objects.all()]
    dates = ["2016-03-14", "14-03-2016", "14 maart 2016", "14/03/2016"]
    return [*NAMES, BSN, WORRY, "Wolkenkrabber", *dates, *ids]


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
