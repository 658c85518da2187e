"""The themes page: counts per sector and region, small numbers suppressed."""

from collections.abc import Callable
from datetime import date

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils.translation import gettext as _

import pytest
from conftest import Persona

from kindveilig.access.actor import Actor
from kindveilig.learning.models import Heard, Theme
from kindveilig.learning.theme_selectors import ThemeTable
from kindveilig.organisations.models import Municipality, Sector

from .factories import reflect

Login = Callable[[Client, Persona], Client]
pytestmark = [pytest.mark.django_db]
URL = reverse("learning:themes")


def cells(table: ThemeTable, label: str) -> list[str]:
    for section in table.sections:
        for row in section.rows:
            if row.label == label:
                return [cell.display for cell in row.cells]
    raise AssertionError(label)


@pytest.fixture
def delft() -> Municipality:
    return Municipality.objects.get(name="Delft")


@pytest.fixture
def reflections(prof: Actor, delft: Municipality) -> None:
    """Onderwijs in Den Haag: 6 reflections and 1 skipped; onderwijs in Delft: 2;
    JGZ in Den Haag: 3."""
    for _index in range(6):
        reflect(prof, child_heard=Heard.YES, themes=[Theme.CHILD_HEARD])
    reflect(prof, skipped=True)
    for _index in range(2):
        reflect(prof, municipality=delft, child_heard=Heard.NO)
    for _index in range(3):
        reflect(prof, sector=Sector.JGZ, child_heard=Heard.YES)


def test_the_aandachtsfunctionaris_sees_their_sector_and_the_region(
    client: Client, login: Login, aandachtsfunctionaris: Persona, reflections: None
) -> None:
    login(client, aandachtsfunctionaris)
    response = client.get(URL)
    assert response.status_code == 200
    (table,) = response.context["overview"].tables
    sector = str(Sector.ONDERWIJS.label)
    assert table.columns == [
        _("%(sector)s in %(municipality)s")
        % {"sector": sector, "municipality": "Den Haag"},
        _("%(sector)s in region %(region)s")
        % {"sector": sector, "region": "Haaglanden"},
        _("All sectors in region %(region)s") % {"region": "Haaglanden"},
    ]
    assert cells(table, _("Reflections")) == ["6", "8", "11"]


def test_counts_under_5_are_shown_as_less_than_5(
    client: Client, login: Login, aandachtsfunctionaris: Persona, reflections: None
) -> None:
    login(client, aandachtsfunctionaris)
    response = client.get(URL)
    (table,) = response.context["overview"].tables
    assert cells(table, _("Reflections")) == ["6", "8", "11"]
    assert cells(table, _("Skipped")) == ["<5", "<5", "<5"]
    heard = table.sections[1]
    assert [cell.display for cell in heard.rows[0].cells] == ["6", "6", "9"]  # yes
    assert [cell.display for cell in heard.rows[2].cells] == ["<5", "<5", "<5"]  # no
    assert cells(table, str(Theme.CHILD_HEARD.label)) == ["6", "8", "11"]
    assert cells(table, str(Theme.WARM_HANDOVER.label)) == ["<5", "<5", "5"]
    assert "&lt;5" in response.content.decode()


def test_the_analist_sees_sectors_of_their_municipality_and_the_municipalities(
    client: Client, login: Login, gemeente_analist: Persona, reflections: None
) -> None:
    login(client, gemeente_analist)
    response = client.get(URL)
    sectors, municipalities = response.context["overview"].tables
    assert len(sectors.columns) == len(Sector) + 1
    onderwijs = sectors.columns.index(str(Sector.ONDERWIJS.label))
    jgz = sectors.columns.index(str(Sector.JGZ.label))
    row = cells(sectors, _("Reflections"))
    assert (row[onderwijs], row[jgz], row[-1]) == ("6", "<5", "9")
    names = municipalities.columns
    row = cells(municipalities, _("Reflections"))
    assert row[names.index("Den Haag")] == "9"
    assert row[names.index("Delft")] == "<5"
    assert row[-1] == "11"


def test_the_year_filter_counts_one_year(
    client: Client, login: Login, aandachtsfunctionaris: Persona, prof: Actor
) -> None:
    for _index in range(5):
        reflect(prof, closed_on=date(2025, 2, 1))
    reflect(prof, closed_on=date(2026, 2, 1))
    login(client, aandachtsfunctionaris)
    response = client.get(URL, {"jaar": "2025"})
    (table,) = response.context["overview"].tables
    assert cells(table, _("Reflections"))[0] == "5"
    assert response.context["overview"].years == [2026, 2025]
    response = client.get(URL)
    (table,) = response.context["overview"].tables
    assert cells(table, _("Reflections"))[0] == "6"


@pytest.mark.parametrize(
    "persona",
    ["professional", "lokaal_team_medewerker", "functioneel_beheerder", "outsider"],
)
def test_other_roles_are_refused(
    persona: str, request: pytest.FixtureRequest, client: Client, login: Login
) -> None:
    login(client, request.getfixturevalue(persona))
    assert client.get(URL).status_code == 403


@pytest.mark.parametrize("persona", ["aandachtsfunctionaris", "gemeente_analist"])
def test_the_page_costs_the_same_queries_for_few_or_many_reflections(
    persona: str,
    request: pytest.FixtureRequest,
    client: Client,
    login: Login,
    prof: Actor,
    delft: Municipality,
) -> None:
    login(client, request.getfixturevalue(persona))
    reflect(prof)
    client.get(URL)  # warm up the session and caches
    with CaptureQueriesContext(connection) as few:
        assert client.get(URL).status_code == 200
    for index in range(20):
        reflect(prof, municipality=delft if index % 2 else None)
    with CaptureQueriesContext(connection) as many:
        assert client.get(URL).status_code == 200
    assert len(many) == len(few)
    assert len(few) <= 12
