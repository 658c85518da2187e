"""The trajectory's detail and chronology pages: a fixed number of queries, no
query for a kind of entry the trajectory lacks, and what those skipped queries
would have shown still shows when it is there (issue 17)."""

from collections.abc import Callable

from django.test import Client
from django.urls import reverse

import pytest
from conftest import Persona

from kindveilig.access.actor import Actor
from kindveilig.audit.models import AuditAction, AuditEvent
from kindveilig.meldcode import scenarios, services
from kindveilig.meldcode.models import Trajectory
from kindveilig.meldcode.models.choices import Outcome
from kindveilig.meldcode.services.decisions import DecisionInput

Login = Callable[[Client, Persona], Client]
pytestmark = [pytest.mark.django_db]

# Session, user, membership and the menu; the trajectory with its children in
# one query (the share is an EXISTS in it); one query for each kind of entry the
# trajectory has; its events (chronology only); the audit write.
DETAIL_AT_STEP_2 = 14
DETAIL_AFTER_FEEDBACK = 20
CHRONOLOGY_AT_STEP_2 = 14


def detail(trajectory: Trajectory) -> str:
    return reverse("meldcode:trajectory-detail", args=[trajectory.public_id])


def chronology(trajectory: Trajectory) -> str:
    return reverse("meldcode:trajectory-chronology", args=[trajectory.public_id])


def test_the_detail_page_queries_only_the_kinds_of_entry_it_has(
    client: Client,
    login: Login,
    professional: Persona,
    prof: Actor,
    django_assert_max_num_queries: Callable[..., object],
) -> None:
    trajectory = scenarios.at_step_2(prof)  # signals and a consultation only
    child = trajectory.children.get().person
    reads = AuditEvent.objects.filter(
        person_id=child.public_id,
        action=AuditAction.READ,
        actor_user=professional.user,
        object_id=str(trajectory.public_id),
    )
    login(client, professional)
    client.get(detail(trajectory))
    before = reads.count()
    with django_assert_max_num_queries(DETAIL_AT_STEP_2):  # type: ignore[operator]
        response = client.get(detail(trajectory))
    content = response.content.decode()
    assert "Blauwe plekken" in content
    assert "Ik ben gevallen, zegt papa." in content
    assert reads.count() == before + 1  # still audited


def test_the_detail_page_of_a_trajectory_with_every_step_has_a_query_budget(
    client: Client,
    login: Login,
    professional: Persona,
    prof: Actor,
    af: Actor,
    django_assert_max_num_queries: Callable[..., object],
) -> None:
    trajectory = scenarios.after_feedback(prof, af)
    login(client, professional)
    client.get(detail(trajectory))
    with django_assert_max_num_queries(DETAIL_AFTER_FEEDBACK):  # type: ignore[operator]
        response = client.get(detail(trajectory))
    content = response.content.decode()
    assert 'data-testid="decision"' in content
    assert "Veilig Thuis draagt over aan het lokaal team" in content
    assert 'data-testid="handover"' in content


def test_the_chronology_page_has_a_query_budget(
    client: Client,
    login: Login,
    professional: Persona,
    prof: Actor,
    django_assert_max_num_queries: Callable[..., object],
) -> None:
    trajectory = scenarios.at_step_2(prof)
    login(client, professional)
    client.get(chronology(trajectory))
    with django_assert_max_num_queries(CHRONOLOGY_AT_STEP_2):  # type: ignore[operator]
        response = client.get(chronology(trajectory))
    content = response.content.decode()
    assert "Blauwe plekken" in content
    assert 'data-testid="chronology"' in content


def _propose(prof: Actor) -> Trajectory:
    trajectory = scenarios.at_step_5_melden(prof)
    services.decision_propose(
        actor=prof,
        trajectory=trajectory,
        data=DecisionInput(
            melden=True,
            melden_rationale="Structurele onveiligheid: herhaald letsel.",
            help_possible=False,
            help_rationale="Eerst veiligheid via Veilig Thuis.",
        ),
        expected_version=trajectory.version,
    )
    return trajectory


def test_the_cosigner_sees_the_link_to_cosign_a_pending_decision(
    client: Client,
    login: Login,
    professional: Persona,
    aandachtsfunctionaris: Persona,
    prof: Actor,
) -> None:
    trajectory = _propose(prof)
    cosign = reverse("meldcode:decision-cosign", args=[trajectory.public_id])
    login(client, aandachtsfunctionaris)
    assert cosign in client.get(detail(trajectory)).content.decode()
    client.logout()
    login(client, professional)  # the proposer never co-signs
    assert cosign not in client.get(detail(trajectory)).content.decode()


def test_the_cosigner_sees_the_link_to_cosign_a_pending_closing(
    client: Client,
    login: Login,
    aandachtsfunctionaris: Persona,
    prof: Actor,
) -> None:
    trajectory = scenarios.at_step_2(prof)
    services.trajectory_close(
        actor=prof,
        trajectory=trajectory,
        outcome=Outcome.OTHER,
        agreements="JGZ volgt bij het periodiek onderzoek.",
        reason="Het gezin is verhuisd naar het buitenland.",
        expected_version=trajectory.version,
    )
    login(client, aandachtsfunctionaris)
    content = client.get(detail(trajectory)).content.decode()
    assert 'data-testid="closing"' in content
    assert reverse("meldcode:closing-cosign", args=[trajectory.public_id]) in content


def test_a_linked_meldplicht_case_shows_on_the_trajectory_and_only_there(
    client: Client,
    login: Login,
    professional: Persona,
    prof: Actor,
) -> None:
    linked = scenarios.start(prof)
    other = scenarios.start(prof, given_name="Noor (test)")
    case = services.meldplicht_case_start(
        actor=prof, summary="Een collega duwde een kind hard tegen de muur."
    )
    services.meldplicht_case_link_trajectory(
        actor=prof,
        case=case,
        trajectory_public_id=linked.public_id,
        expected_version=None,
    )
    login(client, professional)
    content = client.get(detail(linked)).content.decode()
    assert 'data-testid="meldplicht-link"' in content
    assert reverse("meldcode:meldplicht-detail", args=[case.public_id]) in content
    assert 'data-testid="meldplicht-link"' not in (
        client.get(detail(other)).content.decode()
    )


def test_has_rows_says_what_exists_says(prof: Actor) -> None:
    from django.db.models import Exists, OuterRef

    from kindveilig.core.queries import has_rows
    from kindveilig.meldcode.models import AfwegingAnswer, Observation

    with_signals = scenarios.at_step_2(prof)
    without = scenarios.start(prof, given_name="Noor (test)")
    for model in (Observation, AfwegingAnswer):
        rows = Trajectory.objects.filter(pk__in=[with_signals.pk, without.pk]).annotate(
            raw=has_rows(model, "trajectory", Trajectory),
            orm=Exists(model.objects.filter(trajectory=OuterRef("pk"))),
        )
        assert {(t.pk, t.raw) for t in rows} == {(t.pk, t.orm) for t in rows}
    observed = {
        t.pk: t.raw
        for t in Trajectory.objects.annotate(
            raw=has_rows(Observation, "trajectory", Trajectory)
        ).filter(pk__in=[with_signals.pk, without.pk])
    }
    assert observed == {with_signals.pk: True, without.pk: False}
