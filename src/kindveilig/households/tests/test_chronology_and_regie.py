"""The household timeline, gezag, and a colleague taking over the regie."""

from django.core.exceptions import ValidationError

import pytest

from kindveilig.access.actor import Actor
from kindveilig.households.chronology import household_timeline
from kindveilig.households.models import Gezag, Household, MemberRole
from kindveilig.households.selectors import household_access_for
from kindveilig.households.services import gezag_set, regievoerder_change
from kindveilig.meldcode import scenarios
from kindveilig.meldcode.models import Trajectory
from kindveilig.verwijsindex.models import Signal, SignalStatus

pytestmark = [pytest.mark.django_db]


def kinds(actor: Actor, household: Household) -> list[str]:
    access = household_access_for(actor=actor, public_id=household.public_id)
    return [item.kind for item in household_timeline(actor=actor, access=access)]


def test_the_timeline_holds_the_trajectories_the_viewer_may_open(
    lt: Actor, prof: Actor, household: Household, shared_trajectory: Trajectory
) -> None:
    assert "trajectory" in kinds(lt, household)
    # A trajectory of the same child that nobody shared stays out of it.
    child = household.members.get(role=MemberRole.CHILD).person
    hidden = scenarios.start(prof, given_name="Sam (demo)", bsn="111222333")
    assert hidden.children.get().person == child  # same record, by BSN
    access = household_access_for(actor=lt, public_id=household.public_id)
    urls = [i.url for i in household_timeline(actor=lt, access=access)]
    assert not any(str(hidden.public_id) in url for url in urls)
    assert any(str(shared_trajectory.public_id) in url for url in urls)


def test_the_timeline_shows_veilig_thuis_feedback(
    lt: Actor, prof: Actor, af: Actor
) -> None:
    from kindveilig.households.services import household_create_from_trajectory
    from kindveilig.meldcode.models import LegalBasis
    from kindveilig.meldcode.services import share_create

    trajectory = scenarios.after_feedback(prof, af, bsn="111222333")
    share_create(
        actor=prof,
        trajectory=trajectory,
        to_organisation=lt.organisation,
        legal_basis=LegalBasis.MELDRECHT,
        reason="Veilig Thuis draagt over aan het lokaal team.",
    )
    household = household_create_from_trajectory(actor=lt, trajectory=trajectory)
    assert {"trajectory", "melding", "feedback", "phase"} <= set(kinds(lt, household))


def test_gezag_is_recorded_per_child(lt: Actor, household: Household) -> None:
    parent = household.members.get(role=MemberRole.PARENT).person
    child = household.members.get(role=MemberRole.CHILD).person
    gezag_set(actor=lt, household=household, holder=parent, children=[])
    assert not Gezag.objects.filter(holder=parent).exists()
    gezag_set(actor=lt, household=household, holder=parent, children=[child.public_id])
    assert Gezag.objects.filter(holder=parent, child=child).exists()
    with pytest.raises(ValidationError):
        gezag_set(
            actor=lt, household=household, holder=child, children=[child.public_id]
        )


def test_a_colleague_takes_over_the_regie_and_the_regie_signal(
    lt: Actor, lt_colleague: Actor, jb_worker: Actor, household: Household
) -> None:
    case = household.cases.get()
    with pytest.raises(ValidationError):
        regievoerder_change(
            actor=lt, case=case, new_regievoerder=jb_worker.user, expected_version=1
        )
    regievoerder_change(
        actor=lt, case=case, new_regievoerder=lt_colleague.user, expected_version=1
    )
    case.refresh_from_db()
    assert case.regievoerder == lt_colleague.user
    active = Signal.objects.filter(is_regie=True, status=SignalStatus.ACTIVE)
    assert [s.contact_user for s in active] == [lt_colleague.user]
