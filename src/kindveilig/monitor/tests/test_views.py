"""The coverage page: who sees it, that it names organisations and never people,
and what it costs."""

import datetime as dt
from collections.abc import Callable

from django.test import Client
from django.urls import reverse
from django.utils.translation import gettext, ngettext

import pytest
import time_machine
from conftest import Persona

from kindveilig.access.roles import Role
from kindveilig.audit.models import AuditEvent
from kindveilig.monitor.services import coverage_snapshot_take
from kindveilig.organisations.models import Organisation, OrganisationType
from kindveilig.organisations.tests.factories import OrganisationFactory, den_haag

from . import dataset
from .dataset import NOW, Dataset

Login = Callable[[Client, Persona], Client]
pytestmark = [pytest.mark.django_db]
URL = "/monitor/"


@pytest.fixture
def data() -> Dataset:
    with time_machine.travel(NOW, tick=False):
        return dataset.build()


@pytest.fixture
def gemeente(db: None) -> Organisation:
    return OrganisationFactory.create(
        name="Gemeente Den Haag (test)",
        type=OrganisationType.GEMEENTE,
        municipality=den_haag(),
    )


def test_the_url_is_named() -> None:
    assert reverse("monitor:coverage") == URL


@pytest.mark.parametrize(
    ("role", "gemeente_organisation", "status"),
    [
        (Role.GEMEENTE_ANALIST, True, 200),
        (Role.FUNCTIONEEL_BEHEERDER, True, 200),
        (Role.FUNCTIONEEL_BEHEERDER, False, 403),
        (Role.AANDACHTSFUNCTIONARIS, False, 403),
        (Role.PROFESSIONAL, False, 403),
        (Role.LOKAAL_TEAM_MEDEWERKER, True, 403),
    ],
)
def test_who_sees_the_coverage_page(
    client: Client,
    login: Login,
    make_persona: Callable[..., Persona],
    gemeente: Organisation,
    organisation: Organisation,
    role: Role,
    gemeente_organisation: bool,
    status: int,
) -> None:
    persona = make_persona(role, gemeente if gemeente_organisation else organisation)
    login(client, persona)
    assert client.get(URL).status_code == status


def test_the_analist_sees_counts_and_organisations_to_act_on_never_people(
    client: Client,
    login: Login,
    make_persona: Callable[..., Persona],
    gemeente: Organisation,
    data: Dataset,
) -> None:
    with time_machine.travel(NOW, tick=False):
        coverage_snapshot_take(today=dt.date(2026, 5, 31))
        coverage_snapshot_take()
        login(client, make_persona(Role.GEMEENTE_ANALIST, gemeente))
        audit_before = AuditEvent.objects.count()
        response = client.get(URL)
    assert response.status_code == 200
    content = response.content.decode()
    # Per sector in Den Haag, e.g. onderwijs: 3 organisations, 2 with a meldcode
    # (67%), 1 with a trained aandachtsfunctionaris (33%).
    assert "2 (67%)" in content
    assert "1 (33%)" in content
    # To act on: everything except the two that have all three in order.
    assert (
        ngettext(
            "%(counter)s organisation lacks at least one of the three.",
            "%(counter)s organisations lack at least one of the three.",
            5,
        )
        % {"counter": 5}
        in content
    )
    for key in ("ongecertificeerd", "niets", "verlopen", "gestopt"):
        assert data.organisations[key].name in content
    assert data.organisations["alles"].name not in content
    assert data.organisations["opgeheven"].name not in content
    assert (
        data.organisations["delft_meldcode"].name not in content
    )  # other municipality
    # The region table lists every municipality, Delft with its counts.
    assert "Delft" in content
    # The trend: an SVG line chart and its data table, two months.
    assert 'data-testid="trend-chart"' in content
    assert "<polyline" in content
    assert content.count('data-series="') == 3
    assert "<script" not in content.split("<main", 1)[1]
    # No person anywhere: no names of aandachtsfunctionarissen.
    for name in data.af_names:
        assert name not in content
    # Aggregates only: nothing to audit.
    assert AuditEvent.objects.count() == audit_before
    assert (
        gettext("Meldcode coverage in %(municipality)s") % {"municipality": "Den Haag"}
        in content
    )


def test_without_snapshots_the_page_says_so(
    client: Client,
    login: Login,
    make_persona: Callable[..., Persona],
    gemeente: Organisation,
) -> None:
    login(client, make_persona(Role.FUNCTIONEEL_BEHEERDER, gemeente))
    content = client.get(URL).content.decode()
    assert (
        gettext(
            "No monthly figures have been stored yet. The daily count stores them from now on."
        )
        in content
    )
    assert "<svg" not in content.split('id="trend"', 1)[1].split('id="region"', 1)[0]


def test_the_coverage_page_costs_the_same_with_few_or_many_organisations(
    client: Client,
    login: Login,
    make_persona: Callable[..., Persona],
    gemeente: Organisation,
    django_assert_max_num_queries: Callable[..., object],
) -> None:
    login(client, make_persona(Role.GEMEENTE_ANALIST, gemeente))
    coverage_snapshot_take()
    with django_assert_max_num_queries(20) as few:  # type: ignore[operator]
        assert client.get(URL).status_code == 200
    with time_machine.travel(NOW, tick=False):
        data = dataset.build()
        OrganisationFactory.create_batch(
            60, type=OrganisationType.KINDEROPVANG, municipality=data.den_haag
        )
    coverage_snapshot_take(today=dt.date(2026, 4, 30))
    coverage_snapshot_take(today=dt.date(2026, 5, 31))
    with django_assert_max_num_queries(len(few.captured_queries)):  # type: ignore[operator,union-attr]
        response = client.get(URL)
        assert response.status_code == 200
    assert 'href="?pagina=2"' in response.content.decode()


@pytest.mark.time_machine("2026-06-15T10:00:00+02:00", tick=False)
def test_open_improvement_actions_show_until_done_without_their_owner(
    client: Client,
    login: Login,
    make_persona: Callable[..., Persona],
    gemeente: Organisation,
    organisation: Organisation,
) -> None:
    from kindveilig.learning import services as learning

    facilitator = make_persona(Role.AANDACHTSFUNCTIONARIS, organisation)
    actor = facilitator.actor
    session = learning.session_create(
        actor=actor, title="Casusreflectie K2", held_on=dt.date(2026, 4, 1)
    )
    action = learning.action_add(
        actor=actor,
        session=session,
        description="Bespreek elke twijfel binnen een week met de aandachtsfunctionaris.",
        owner="Intern begeleider Jansen",
        follow_up_on=dt.date(2026, 5, 1),
    )
    login(client, make_persona(Role.GEMEENTE_ANALIST, gemeente))
    content = client.get(URL).content.decode()
    actions = content.split('id="improvement-actions"', 1)[1]
    assert "Bespreek elke twijfel" in actions
    assert organisation.name in actions
    assert "Jansen" not in content  # the owner may be a name: never shown
    assert gettext("Overdue") in content
    learning.action_complete(actor=actor, action=action)
    content = client.get(URL).content.decode()
    assert "Bespreek elke twijfel" not in content
    assert gettext("There are no open improvement actions.") in content
