import dataclasses
import datetime as dt

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

import pytest
from conftest import Persona

from kindveilig.audit.models import AuditAction, AuditEvent
from kindveilig.kansrijkestart import scenarios
from kindveilig.kansrijkestart.models import (
    ContactAnswer,
    ContactKind,
    NextStep,
    Phase,
    RiskFactor,
    SignalStatus,
    StartSignal,
)
from kindveilig.kansrijkestart.services import (
    ContactInput,
    PersonInput,
    contact_moment_record,
    signal_close,
    signal_register_birth,
)

pytestmark = pytest.mark.django_db


def _contact(**changes: object) -> ContactInput:
    data = ContactInput(
        kind=ContactKind.PRENATAL_HOME_VISIT,
        happened_on=timezone.localdate(),
        next_step=NextStep.REGULAR_SCHEDULE,
        routine_question_asked=True,
        routine_answer=ContactAnswer.NO_VIOLENCE,
        parent_words="Het gaat goed met ons.",
    )
    return dataclasses.replace(data, **changes)  # type: ignore[arg-type]  # test data


def test_the_first_contact_starts_the_follow_up(
    nurse: Persona, signal: StartSignal
) -> None:
    three_days_ago = timezone.localdate() - dt.timedelta(days=3)
    moment = contact_moment_record(
        actor=nurse.actor, signal=signal, data=_contact(happened_on=three_days_ago)
    )
    signal.refresh_from_db()
    assert signal.status == SignalStatus.IN_FOLLOW_UP
    assert signal.first_contact_at is not None
    assert timezone.localtime(signal.first_contact_at).date() == three_days_ago
    assert signal.follow_up_user == nurse.user
    assert moment.organisation == nurse.organisation
    assert AuditEvent.objects.filter(
        action=AuditAction.CREATE,
        object_id=str(moment.public_id),
        person_id=signal.parent.public_id,
    ).exists()


def test_a_later_record_of_an_earlier_contact_moves_the_first_contact(
    nurse: Persona, signal: StartSignal
) -> None:
    today = timezone.localdate()
    contact_moment_record(actor=nurse.actor, signal=signal, data=_contact())
    earlier = today - dt.timedelta(days=5)
    contact_moment_record(
        actor=nurse.actor,
        signal=signal,
        data=_contact(kind=ContactKind.EXTRA_CONTACT, happened_on=earlier),
    )
    signal.refresh_from_db()
    assert signal.first_contact_at is not None
    assert timezone.localtime(signal.first_contact_at).date() == earlier


def test_only_the_follow_up_organisation_records_contacts(
    midwife: Persona, other_nurse: Persona, signal: StartSignal
) -> None:
    for persona in (midwife, other_nurse):
        with pytest.raises(ValidationError) as error:
            contact_moment_record(actor=persona.actor, signal=signal, data=_contact())
        assert error.value.code == "forbidden"
    assert not signal.contact_moments.exists()


def test_the_routine_answer_goes_with_the_routine_question(
    nurse: Persona, signal: StartSignal
) -> None:
    with pytest.raises(ValidationError) as error:
        contact_moment_record(
            actor=nurse.actor, signal=signal, data=_contact(routine_answer="")
        )
    assert "routine_answer" in error.value.message_dict
    with pytest.raises(ValidationError) as error:
        contact_moment_record(
            actor=nurse.actor,
            signal=signal,
            data=_contact(routine_question_asked=False),
        )
    assert "routine_answer" in error.value.message_dict


def test_a_contact_cannot_lie_in_the_future(
    nurse: Persona, signal: StartSignal
) -> None:
    tomorrow = timezone.localdate() + dt.timedelta(days=1)
    with pytest.raises(ValidationError) as error:
        contact_moment_record(
            actor=nurse.actor, signal=signal, data=_contact(happened_on=tomorrow)
        )
    assert "happened_on" in error.value.message_dict


def test_after_birth_contacts_need_the_birth_and_prenatal_visits_end_with_it(
    nurse: Persona, signal: StartSignal
) -> None:
    after_birth = _contact(kind=ContactKind.HOME_VISIT_AFTER_BIRTH)
    with pytest.raises(ValidationError) as error:
        contact_moment_record(actor=nurse.actor, signal=signal, data=after_birth)
    assert error.value.message_dict["kind"] == [
        _("Register the birth first: this contact is with the parent and the child.")
    ]
    born = timezone.localdate() - dt.timedelta(days=6)
    signal = signal_register_birth(
        actor=nurse.actor, signal=signal, child=PersonInput("Mila", "Jansen", born)
    )
    assert signal.phase == Phase.YOUNG_CHILD
    assert signal.child is not None
    assert signal.child.registered_by_id == nurse.organisation.pk
    assert contact_moment_record(actor=nurse.actor, signal=signal, data=after_birth)
    with pytest.raises(ValidationError) as error:
        contact_moment_record(actor=nurse.actor, signal=signal, data=_contact())
    assert "kind" in error.value.message_dict


def test_a_closed_signal_takes_no_more_contacts(
    nurse: Persona, signal: StartSignal
) -> None:
    with pytest.raises(ValidationError) as error:
        signal_close(actor=nurse.actor, signal=signal, reason=" ")
    assert "reason" in error.value.message_dict
    signal = signal_close(
        actor=nurse.actor, signal=signal, reason="Het gaat goed; regulier schema."
    )
    assert signal.status == SignalStatus.CLOSED
    assert signal.closed_at is not None
    with pytest.raises(ValidationError) as error:
        contact_moment_record(actor=nurse.actor, signal=signal, data=_contact())
    assert error.value.code == "closed"


def test_the_prenatal_visit_scenario_records_the_parents_words(
    nurse: Persona, signal: StartSignal
) -> None:
    moment = scenarios.prenatal_visit(nurse.actor, signal)
    assert moment.parent_words == scenarios.PARENT_WORDS
    assert moment.risk_labels == [
        str(RiskFactor.DOMESTIC_VIOLENCE.label),
        str(RiskFactor.FINANCIAL_STRESS.label),
    ]
