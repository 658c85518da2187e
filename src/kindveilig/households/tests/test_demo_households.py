"""The demo households: every phase of the Routekaart, built through the real
services after the demo trajectories, and idempotent."""

import pytest

from kindveilig.demo.builders import (
    ensure_accounts,
    ensure_organisations,
    ensure_trajectories,
)
from kindveilig.demo.household_builders import DEMO_HOUSEHOLDS, ensure_households
from kindveilig.households.models import (
    CaseStatus,
    Handover,
    HandoverStatus,
    Household,
    Phase,
    SafetyCase,
)
from kindveilig.households.selectors import overdue_counts
from kindveilig.households.services import responsibility_intact
from kindveilig.verwijsindex.models import MatchNotice

pytestmark = [pytest.mark.django_db]


def test_demo_households_cover_every_phase_and_are_idempotent() -> None:
    organisations = ensure_organisations()
    ensure_accounts(organisations)
    ensure_trajectories(organisations)
    assert ensure_households(organisations) == len(DEMO_HOUSEHOLDS)
    assert ensure_households(organisations) == 0
    labels = {d.label for d in DEMO_HOUSEHOLDS}  # encrypted: compared in Python
    cases = [
        case
        for case in SafetyCase.objects.select_related("household")
        if case.household.label in labels
    ]
    open_phases = {case.phase for case in cases if case.status == CaseStatus.OPEN}
    assert open_phases == set(Phase.values)
    assert any(case.status == CaseStatus.CLOSED for case in cases)
    assert all(responsibility_intact(case) for case in cases)
    assert Handover.objects.filter(status=HandoverStatus.PENDING).count() == 1
    assert MatchNotice.objects.filter(user__email__startswith="jgz@").exists()
    assert any(
        overdue_counts([c for c in cases if c.status == CaseStatus.OPEN]).values()
    )
    demo = [h for h in Household.objects.all() if h.label.endswith("(demo)")]
    assert len(demo) == len(DEMO_HOUSEHOLDS)
