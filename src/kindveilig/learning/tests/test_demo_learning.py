"""The demo reflections and session: through the real services, idempotent."""

import pytest

from kindveilig.demo.builders import (
    ensure_accounts,
    ensure_organisations,
    ensure_trajectories,
)
from kindveilig.demo.learning_builders import DEMO_SESSION_TITLE, ensure_learning
from kindveilig.learning.models import (
    ImprovementAction,
    LearningSession,
    Reflection,
    ReflectionStatus,
)
from kindveilig.learning.personal_data import find_personal_data
from kindveilig.learning.selectors import (
    open_improvement_actions_for_municipality,
    reflection_exists_for,
)
from kindveilig.meldcode.models import Trajectory
from kindveilig.meldcode.models.choices import Status

pytestmark = [pytest.mark.django_db]


def test_ensure_learning_builds_reflections_and_a_session_once() -> None:
    organisations = ensure_organisations()
    ensure_accounts(organisations)
    ensure_trajectories(organisations)
    created = ensure_learning(organisations)
    assert created == Reflection.objects.count() >= 25
    assert ensure_learning(organisations) == 0
    assert Reflection.objects.count() == created
    assert LearningSession.objects.filter(title=DEMO_SESSION_TITLE).count() == 1
    assert ImprovementAction.objects.count() == 3
    assert Reflection.objects.filter(status=ReflectionStatus.SKIPPED).exists()
    # The demo's own closed trajectories are reflected on as well.
    closed = Trajectory.objects.filter(status=Status.CLOSED)
    assert closed.exists()
    for trajectory in closed:
        assert reflection_exists_for(
            source_kind="meldcode", source_id=trajectory.public_id
        )
    assert Reflection.objects.filter(source_kind="household").count() == 5
    for lesson in Reflection.objects.values_list("lesson", flat=True):
        assert find_personal_data(lesson) == []
    session = LearningSession.objects.get()
    assert session.reflections.count() == 3
    assert len(open_improvement_actions_for_municipality(session.municipality_id)) == 2
