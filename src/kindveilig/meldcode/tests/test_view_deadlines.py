"""The aandachtsfunctionaris's deadline overview: who sees it, what it shows, what
it records, and what it costs."""

import datetime as dt
from collections.abc import Callable

from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext, ngettext

import pytest
import time_machine
from conftest import Persona

from kindveilig.audit.models import AuditAction, AuditEvent
from kindveilig.meldcode import scenarios
from kindveilig.meldcode.deadline_selectors import AUDIT_REASON
from kindveilig.meldcode.models import TrajectoryChild

Login = Callable[[Client, Persona], Client]
pytestmark = [pytest.mark.django_db]
URL = "/trajecten/termijnen/"


def test_the_url_is_named() -> None:
    assert reverse("meldcode:deadlines") == URL


def test_aandachtsfunctionaris_sees_the_overview_overdue_first(
    client: Client,
    login: Login,
    professional: Persona,
    aandachtsfunctionaris: Persona,
) -> None:
    prof = professional.actor
    with time_machine.travel(timezone.now() - dt.timedelta(days=20)):
        scenarios.start(prof, given_name="Laatje (test)", family_name="Achternaamsen")
    on_time_trajectory = scenarios.start(
        prof, given_name="Optijd (test)", family_name="Achternaamsen"
    )
    scenarios.acute(prof, given_name="Spoed (test)", family_name="Achternaamsen")
    login(client, aandachtsfunctionaris)
    response = client.get(URL)
    assert response.status_code == 200
    content = response.content.decode()
    assert gettext("Deadlines") in content
    # Overdue first, then acute, then by due date.
    late = content.index("Laatje (test)")
    acute = content.index("Spoed (test)")
    on_time = content.index("Optijd (test)")
    assert late < acute < on_time
    overdue = ngettext("Overdue by %(days)s day", "Overdue by %(days)s days", 6) % {
        "days": 6
    }
    assert overdue in content
    assert 'class="kv-tag-acute"' in content
    detail = reverse("meldcode:trajectory-detail", args=[on_time_trajectory.public_id])
    assert f'href="{detail}"' in content
    # Given names only: the family name is never shown.
    assert "Achternaamsen" not in content


def test_overdue_veiligheidsbeoordeling_is_listed(
    client: Client,
    login: Login,
    professional: Persona,
    aandachtsfunctionaris: Persona,
) -> None:
    with time_machine.travel(timezone.now() - dt.timedelta(days=14)):
        scenarios.melded(
            professional.actor,
            aandachtsfunctionaris.actor,
            given_name="Wacht (test)",
        )
    login(client, aandachtsfunctionaris)
    content = client.get(URL).content.decode()
    assert "Wacht (test)" in content
    assert gettext("Meldingen waiting for the veiligheidsbeoordeling") in content
    assert "utrecht-status-badge--danger" in content


@pytest.mark.parametrize("persona", ["professional", "outsider", "gemeente_analist"])
def test_other_roles_are_refused(
    persona: str, request: pytest.FixtureRequest, client: Client, login: Login
) -> None:
    login(client, request.getfixturevalue(persona))
    assert client.get(URL).status_code == 403


def test_anonymous_visitors_are_sent_to_the_login(client: Client) -> None:
    response = client.get(URL)
    assert response.status_code == 302
    assert reverse("accounts:login") in response["Location"]


def test_another_organisations_trajectories_never_appear(
    client: Client,
    login: Login,
    professional: Persona,
    aandachtsfunctionaris: Persona,
    outsider: Persona,
) -> None:
    with time_machine.travel(timezone.now() - dt.timedelta(days=30)):
        theirs = scenarios.start(outsider.actor, given_name="Elders (test)")
        scenarios.acute(outsider.actor, given_name="Eldersacuut (test)")
    scenarios.start(professional.actor, given_name="Hier (test)")
    login(client, aandachtsfunctionaris)
    content = client.get(URL).content.decode()
    assert "Hier (test)" in content
    assert "Elders" not in content
    their_children = TrajectoryChild.objects.filter(trajectory=theirs).values_list(
        "person__public_id", flat=True
    )
    assert not AuditEvent.objects.filter(
        action=AuditAction.READ,
        actor_user=aandachtsfunctionaris.user,
        person_id__in=list(their_children),
    ).exists()


def test_every_child_shown_is_recorded_as_read(
    client: Client,
    login: Login,
    professional: Persona,
    aandachtsfunctionaris: Persona,
) -> None:
    prof = professional.actor
    shown = [
        scenarios.start(prof, given_name="Een (test)"),
        scenarios.at_step_2(prof, given_name="Twee (test)"),
        scenarios.melded(
            prof, aandachtsfunctionaris.actor, given_name="Drie (test)"
        ).trajectory,
    ]
    closed = scenarios.closed_no_suspicion(prof, given_name="Dicht (test)")
    login(client, aandachtsfunctionaris)
    client.get(URL)
    events = AuditEvent.objects.filter(
        action=AuditAction.READ, actor_user=aandachtsfunctionaris.user
    )
    assert {(e.object_id, e.reason) for e in events} == {
        (str(trajectory.public_id), AUDIT_REASON) for trajectory in shown
    }
    expected_children = set(
        TrajectoryChild.objects.filter(trajectory__in=shown).values_list(
            "person__public_id", flat=True
        )
    )
    assert {e.person_id for e in events} == expected_children
    assert not events.filter(object_id=str(closed.public_id)).exists()
    assert all(e.object_type == "meldcode.trajectory" for e in events)


def test_the_query_count_does_not_grow_with_the_rows(
    client: Client,
    login: Login,
    professional: Persona,
    aandachtsfunctionaris: Persona,
    django_assert_max_num_queries: Callable[..., object],
) -> None:
    prof = professional.actor
    af = aandachtsfunctionaris.actor
    scenarios.start(prof)
    scenarios.melded(prof, af)
    login(client, aandachtsfunctionaris)
    client.get(URL)  # warm the session
    with django_assert_max_num_queries(20) as small:  # type: ignore[operator]
        assert client.get(URL).status_code == 200
    for _ in range(10):
        scenarios.start(prof)
    scenarios.acute(prof)
    scenarios.melded(prof, af)
    with time_machine.travel(timezone.now() - dt.timedelta(days=20)):
        scenarios.at_step_2(prof)
    with django_assert_max_num_queries(len(small.captured_queries)):  # type: ignore[operator,union-attr]
        response = client.get(URL)
    assert response.content.decode().count("Sam (demo)") == 15
