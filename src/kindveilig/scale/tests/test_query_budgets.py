"""Every main professional page and API endpoint answers in a fixed number of
queries, however much data it shows: 3 and 30 generated trajectories of one
organisation cost the same, and both stay within the page's budget."""

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

import pytest
from conftest import Persona, login_as

from kindveilig.access.roles import Role
from kindveilig.accounts.models import Membership
from kindveilig.accounts.tests.factories import TOTPDeviceFactory
from kindveilig.meldcode.models import Trajectory
from kindveilig.organisations.models import OrganisationType
from kindveilig.persons.models import Person
from kindveilig.scale.generator import generate_population

pytestmark = [pytest.mark.django_db]

# The most queries each page may make. A page that loads something per row
# breaks the budget as soon as it shows 30 rows instead of 3.
BUDGETS = {
    "start page": 11,  # Mijn werk: the counts in one query (portal.work.Counted), meldplicht, deadlines, actions; the newest unread notifications and their count
    "trajectory list": 13,  # +1: the ids shared with the actor, fetched first; no count when the first page is not full (core.counts.page_of)
    "trajectory detail": 27,  # answers, decisions, meldingen, closings: prefetched; +1 who may co-sign
    "trajectory chronology": 26,
    "person list": 14,
    "access log": 19,
    "API trajectory list": 12,  # no count when the first page is not full
    "API trajectory detail": 18,
}


def _population(trajectories: int) -> Persona:
    """One primary school with ``trajectories``, seen by its aandachtsfunctionaris."""
    generate_population(
        children=trajectories * 3,
        trajectories=trajectories,
        years=1,
        seed=trajectories,
        cipher_pool=3,
        types=[OrganisationType.PRIMARY_SCHOOL],
    )
    latest = Trajectory.objects.order_by("-pk").first()
    assert latest is not None
    membership = Membership.objects.select_related("user", "organisation").get(
        organisation_id=latest.organisation_id, role=Role.AANDACHTSFUNCTIONARIS
    )
    device = TOTPDeviceFactory.create(user=membership.user)
    return Persona(user=membership.user, membership=membership, device=device)


def _urls(persona: Persona) -> dict[str, str]:
    organisation = persona.membership.organisation_id
    trajectories = Trajectory.objects.filter(organisation_id=organisation)
    # The trajectory with the longest chronology is the hardest detail page.
    busiest = max(
        trajectories, key=lambda t: (t.step, t.events.count(), t.observations.count())
    )
    person = Person.objects.filter(registered_by_id=organisation).first()
    assert person is not None
    one = {"public_id": busiest.public_id}
    return {
        "start page": reverse("portal:home"),
        "trajectory list": reverse("meldcode:trajectory-list"),
        "trajectory detail": reverse("meldcode:trajectory-detail", kwargs=one),
        "trajectory chronology": reverse("meldcode:trajectory-chronology", kwargs=one),
        "person list": reverse("persons:person-list"),
        "access log": reverse(
            "persons:person-access-log", kwargs={"public_id": person.public_id}
        ),
        "API trajectory list": reverse("api:trajectory-list"),
        "API trajectory detail": reverse("api:trajectory-detail", kwargs=one),
    }


def _query_counts(client: Client, persona: Persona) -> dict[str, int]:
    login_as(client, persona)
    counts = {}
    for name, url in _urls(persona).items():
        client.get(url)  # warm caches that are filled once per process
        with CaptureQueriesContext(connection) as captured:
            response = client.get(url)
        assert response.status_code == 200, name
        counts[name] = len(captured.captured_queries)
    return counts


def test_the_main_pages_cost_the_same_for_3_and_30_trajectories(
    client: Client,
) -> None:
    few = _query_counts(client, _population(3))
    many = _query_counts(Client(), _population(30))
    assert Trajectory.objects.count() == 33
    for name, budget in BUDGETS.items():
        assert many[name] <= few[name], (name, few[name], many[name])
        assert many[name] <= budget, (name, many[name], budget)


def test_the_lists_show_thirty_rows_within_budget(client: Client) -> None:
    persona = _population(30)
    login_as(client, persona)
    response = client.get(reverse("api:trajectory-list"))
    assert response.json()["count"] == 30
    with CaptureQueriesContext(connection) as captured:
        response = client.get(reverse("meldcode:trajectory-list"))
    assert response.status_code == 200
    assert len(captured.captured_queries) <= BUDGETS["trajectory list"]
