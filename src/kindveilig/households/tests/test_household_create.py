"""A household from a shared trajectory: its people, their roles and gezag, the
case with the lokaal team worker as regievoerder."""

import pytest

from kindveilig.access.actor import Actor
from kindveilig.audit.models import AuditAction, AuditEvent
from kindveilig.households.models import (
    Gezag,
    Household,
    MemberRole,
    Phase,
    PhaseChange,
)
from kindveilig.households.services import (
    household_create,
    household_create_from_trajectory,
)
from kindveilig.meldcode.models import Trajectory
from kindveilig.persons.models import Person
from kindveilig.verwijsindex.models import Signal

from .conftest import CHILD_BSN

pytestmark = [pytest.mark.django_db]


def test_a_household_from_a_shared_trajectory_takes_its_people_as_they_are(
    lt: Actor, shared_trajectory: Trajectory
) -> None:
    persons_before = Person.objects.count()
    household = household_create_from_trajectory(actor=lt, trajectory=shared_trajectory)
    assert Person.objects.count() == persons_before  # nobody is copied
    roles = {
        m.person.given_name: m.role for m in household.members.select_related("person")
    }
    assert roles == {"Sam (demo)": MemberRole.CHILD, "Ouder (demo)": MemberRole.PARENT}
    child = shared_trajectory.children.get().person
    gezag = Gezag.objects.get(child=child)
    assert gezag.holder.given_name == "Ouder (demo)"
    case = household.cases.get()
    assert case.regievoerder == lt.user
    assert case.responsible_organisation_id == lt.organisation_id
    assert case.phase == Phase.DIRECTE_VEILIGHEID
    assert PhaseChange.objects.get(case=case).from_phase == ""
    assert "Voorbeeldmans" in household.label
    assert AuditEvent.objects.filter(
        action=AuditAction.CREATE,
        person_id=child.public_id,
        object_type="households.household",
    ).exists()


def test_the_regievoerder_is_signalled_for_each_child(
    lt: Actor, shared_trajectory: Trajectory, prof: Actor
) -> None:
    household_create_from_trajectory(actor=lt, trajectory=shared_trajectory)
    regie = Signal.objects.get(organisation_id=lt.organisation_id)
    assert regie.is_regie
    assert regie.contact_user == lt.user
    # The school's trajectory signal and the regie signal match.
    assert Signal.objects.filter(organisation_id=prof.organisation_id).exists()
    from kindveilig.verwijsindex.models import MatchNotice

    assert set(MatchNotice.objects.values_list("user_id", flat=True)) == {
        lt.user.pk,
        prof.user.pk,
    }
    assert CHILD_BSN  # the child has a BSN: that is what makes the match


def test_only_the_lokaal_team_creates_households(prof: Actor, af: Actor) -> None:
    from django.core.exceptions import ValidationError

    for actor in (prof, af):
        with pytest.raises(ValidationError):
            household_create(actor=actor, label="Huishouden (test)")
    assert not Household.objects.exists()


def test_a_label_is_required(lt: Actor) -> None:
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError) as info:
        household_create(actor=lt, label="  ")
    assert "label" in info.value.message_dict
