import datetime as dt

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

import pytest
from conftest import Persona

from kindveilig.kansrijkestart import scenarios
from kindveilig.kansrijkestart.models import (
    ContactKind,
    ContactMoment,
    NextStep,
    StartSignal,
)
from kindveilig.kansrijkestart.services import (
    ContactInput,
    PersonInput,
    contact_moment_record,
    contact_moment_start_trajectory,
    signal_register_birth,
)
from kindveilig.meldcode.models import Trajectory
from kindveilig.meldcode.models.choices import FormOfViolence, Origin

pytestmark = pytest.mark.django_db


@pytest.fixture
def moment(nurse: Persona, signal: StartSignal) -> ContactMoment:
    return scenarios.prenatal_visit(nurse.actor, signal)


def test_one_click_carries_the_recorded_words_into_the_worry(
    nurse: Persona, moment: ContactMoment
) -> None:
    trajectory = contact_moment_start_trajectory(actor=nurse.actor, moment=moment)
    assert trajectory.origin == Origin.KANSRIJKE_START
    # Violence at home, in the parent's words: partner violence the child witnesses.
    assert trajectory.forms_of_violence == [FormOfViolence.WITNESSING]
    assert trajectory.organisation == nurse.organisation
    assert trajectory.owner == nurse.user
    assert scenarios.PARENT_WORDS in trajectory.worry
    assert "Open gesprek; de babykamer is klaar." in trajectory.worry
    assert str(moment.get_routine_answer_display()) in trajectory.worry
    moment.refresh_from_db()
    assert moment.trajectory == trajectory


def test_a_second_click_goes_to_the_same_trajectory(
    nurse: Persona, colleague_nurse: Persona, moment: ContactMoment
) -> None:
    first = contact_moment_start_trajectory(actor=nurse.actor, moment=moment)
    again = contact_moment_start_trajectory(actor=colleague_nurse.actor, moment=moment)
    assert again == first
    assert Trajectory.objects.count() == 1


def test_before_birth_the_trajectory_is_about_the_unborn_child(
    nurse: Persona, moment: ContactMoment
) -> None:
    trajectory = contact_moment_start_trajectory(actor=nurse.actor, moment=moment)
    [link] = trajectory.children.select_related("person")
    assert link.person.given_name == _("Unborn child")
    assert link.person.family_name == "Jansen"
    assert link.person.registered_by_id == nurse.organisation.pk
    [involved] = trajectory.involved.select_related("person")
    assert involved.person.given_name == "Sanne"
    signal = moment.signal
    signal.refresh_from_db()
    assert signal.child == link.person
    # The birth completes that record: nobody is copied.
    born = timezone.localdate() - dt.timedelta(days=2)
    signal = signal_register_birth(
        actor=nurse.actor, signal=signal, child=PersonInput("Mila", "Jansen", born)
    )
    link.person.refresh_from_db()
    assert signal.child == link.person
    assert link.person.given_name == "Mila"
    assert link.person.date_of_birth == born
    assert link.person.corrections.count() == 2


def test_after_birth_the_childs_record_is_linked_not_copied(
    nurse: Persona, signal: StartSignal
) -> None:
    born = timezone.localdate() - dt.timedelta(days=10)
    signal = signal_register_birth(
        actor=nurse.actor, signal=signal, child=PersonInput("Mila", "Jansen", born)
    )
    moment = contact_moment_record(
        actor=nurse.actor,
        signal=signal,
        data=ContactInput(
            kind=ContactKind.HOME_VISIT_AFTER_BIRTH,
            happened_on=timezone.localdate(),
            next_step=NextStep.MELDCODE,
            child_observations="Blauwe plek op de bovenarm van de baby.",
        ),
    )
    # Nothing recorded points to a form of violence: the nurse chooses one.
    with pytest.raises(ValidationError) as error:
        contact_moment_start_trajectory(actor=nurse.actor, moment=moment)
    assert "forms_of_violence" in error.value.message_dict
    trajectory = contact_moment_start_trajectory(
        actor=nurse.actor, moment=moment, forms_of_violence=[FormOfViolence.PHYSICAL]
    )
    assert trajectory.forms_of_violence == [FormOfViolence.PHYSICAL]
    [link] = trajectory.children.all()
    assert link.person_id == signal.child_id
    assert "Blauwe plek op de bovenarm van de baby." in trajectory.worry


def test_another_organisation_cannot_start_it(
    other_nurse: Persona, midwife: Persona, moment: ContactMoment
) -> None:
    for persona in (other_nurse, midwife):
        with pytest.raises(ValidationError) as error:
            contact_moment_start_trajectory(actor=persona.actor, moment=moment)
        assert error.value.code == "forbidden"
    assert not Trajectory.objects.exists()
