"""The meldplicht route's rules, one test per rule: each fails when its rule goes."""

import datetime as dt
from collections.abc import Callable

from django.core.exceptions import ValidationError
from django.http import Http404
from django.utils import timezone

import pytest
from conftest import Persona

from kindveilig.access.actor import Actor
from kindveilig.access.roles import Role
from kindveilig.audit.models import AuditAction, AuditEvent
from kindveilig.meldcode import scenarios, services
from kindveilig.meldcode.meldplicht_selectors import (
    meldplicht_case_get_for,
    meldplicht_cases_for,
    meldplicht_steps_due,
)
from kindveilig.meldcode.models import (
    AangifteDecision,
    MeldplichtCase,
    MeldplichtStep,
)
from kindveilig.meldcode.services import ConflictError
from kindveilig.organisations.models import Organisation

pytestmark = [pytest.mark.django_db]

DAY_A = dt.date(2026, 3, 2)  # a Monday
DAY_B = dt.date(2026, 3, 3)
DAY_C = dt.date(2026, 3, 4)


@pytest.fixture
def houder(make_persona: Callable[..., Persona], organisation: Organisation) -> Actor:
    return make_persona(Role.BEVOEGD_GEZAG, organisation).actor


def start(actor: Actor, *, suspect_is_houder: bool = False) -> MeldplichtCase:
    return services.meldplicht_case_start(
        actor=actor,
        summary="Een collega duwde een kind hard tegen de muur.",
        suspect_is_houder=suspect_is_houder,
    )


def refused(call: Callable[[], object], match: str) -> ValidationError:
    with pytest.raises(ValidationError) as info:
        call()
    assert match in " ".join(info.value.messages), info.value.messages
    return info.value


def inform(actor: Actor, case: MeldplichtCase, on: dt.date = DAY_A) -> MeldplichtCase:
    return services.meldplicht_case_inform_houder(
        actor=actor, case=case, on=on, note="Mondeling", expected_version=None
    )


def consult(actor: Actor, case: MeldplichtCase, on: dt.date = DAY_B) -> MeldplichtCase:
    return services.meldplicht_case_consult_inspecteur(
        actor=actor, case=case, on=on, note="Advies: aangifte", expected_version=None
    )


def decide(
    actor: Actor,
    case: MeldplichtCase,
    decision: AangifteDecision = AangifteDecision.AANGIFTE_GEDAAN,
    reason: str = "",
) -> MeldplichtCase:
    return services.meldplicht_case_decide_aangifte(
        actor=actor,
        case=case,
        decision=decision,
        on=DAY_C,
        reason=reason,
        expected_version=None,
    )


def close(actor: Actor, case: MeldplichtCase) -> MeldplichtCase:
    return services.meldplicht_case_close(actor=actor, case=case, expected_version=None)


def test_the_whole_route_records_date_and_who_and_closes(
    prof: Actor, houder: Actor
) -> None:
    case = inform(prof, start(prof))
    case = consult(houder, case)
    case = decide(houder, case)
    case = services.meldplicht_case_record_measures(
        actor=houder,
        case=case,
        measures="Medewerker op non-actief gesteld.",
        on=DAY_C,
        expected_version=None,
    )
    case = close(houder, case)
    case.refresh_from_db()
    assert case.reported_to_board_at == DAY_A
    assert case.reported_to_board_by_id == prof.user.pk
    assert case.vertrouwensinspecteur_consulted_by_id == houder.user.pk
    assert case.aangifte_decision == AangifteDecision.AANGIFTE_GEDAAN
    assert case.measures == "Medewerker op non-actief gesteld."
    assert case.closed_by_id == houder.user.pk
    assert case.is_closed


def test_closing_needs_houder_informed_consulted_and_decided(
    prof: Actor, houder: Actor
) -> None:
    case = start(prof)
    refused(lambda: close(houder, case), "nog niet worden afgesloten")
    case = consult(houder, inform(prof, case))
    refused(lambda: close(houder, case), "Besluiten over aangifte")
    assert not MeldplichtCase.objects.get(pk=case.pk).is_closed


def test_steps_are_recorded_in_order(prof: Actor, houder: Actor) -> None:
    case = start(prof)
    refused(lambda: consult(houder, case), "Leg eerst de stap hiervoor vast")
    refused(lambda: decide(houder, case), "Leg eerst de stap hiervoor vast")


def test_a_date_before_the_previous_step_is_refused(prof: Actor, houder: Actor) -> None:
    case = inform(prof, start(prof), on=DAY_B)
    error = refused(lambda: consult(houder, case, on=DAY_A), "vóór de vorige stap")
    assert "on" in error.message_dict


def test_a_date_in_the_future_is_refused(prof: Actor) -> None:
    case = start(prof)
    future = timezone.localdate() + dt.timedelta(days=2)
    refused(lambda: inform(prof, case, on=future), "in de toekomst")


def test_a_step_is_recorded_once(prof: Actor) -> None:
    case = inform(prof, start(prof))
    refused(lambda: inform(prof, case), "al vastgelegd")


def test_no_reasonable_suspicion_needs_a_reason(prof: Actor, houder: Actor) -> None:
    case = consult(houder, inform(prof, start(prof)))
    error = refused(
        lambda: decide(houder, case, AangifteDecision.GEEN_REDELIJK_VERMOEDEN),
        "Geef de reden",
    )
    assert "reason" in error.message_dict
    case = decide(
        houder, case, AangifteDecision.GEEN_REDELIJK_VERMOEDEN, "Kind viel zelf."
    )
    assert case.aangifte_reason == "Kind viel zelf."


def test_only_the_houder_or_the_aandachtsfunctionaris_records_the_houders_steps(
    prof: Actor, houder: Actor, af: Actor
) -> None:
    case = inform(prof, start(prof))
    refused(lambda: consult(prof, case), "niet vastleggen")
    assert consult(af, case).vertrouwensinspecteur_consulted_by_id == af.user.pk


def test_a_colleague_who_did_not_report_cannot_record(
    prof: Actor, make_persona: Callable[..., Persona], organisation: Organisation
) -> None:
    colleague = make_persona(Role.PROFESSIONAL, organisation).actor
    case = start(prof)
    refused(lambda: inform(colleague, case), "niet vastleggen")


def test_another_organisation_cannot_record_or_see(
    prof: Actor, other_prof: Actor, make_persona: Callable[..., Persona]
) -> None:
    case = start(prof)
    other_houder = make_persona(Role.BEVOEGD_GEZAG, other_prof.organisation).actor
    refused(lambda: inform(other_houder, case), "niet vastleggen")
    with pytest.raises(Http404):
        meldplicht_case_get_for(actor=other_houder, public_id=case.public_id)


def test_when_the_suspect_is_the_houder_the_employee_records_and_files_aangifte(
    prof: Actor, houder: Actor
) -> None:
    case = start(prof, suspect_is_houder=True)
    # The houder is not informed, sees nothing and records nothing.
    refused(lambda: inform(prof, case), "niet vastleggen")
    assert list(meldplicht_cases_for(actor=houder)) == []
    refused(lambda: consult(houder, case), "de medewerker legt deze stap vast")
    # The employee consults without step (a) and files the aangifte directly.
    case = consult(prof, case, on=DAY_A)
    refused(
        lambda: decide(prof, case, AangifteDecision.GEEN_REDELIJK_VERMOEDEN, "Twijfel"),
        "doet zelf rechtstreeks aangifte",
    )
    case = decide(prof, case)
    assert close(prof, case).is_closed


def test_a_stale_form_is_a_conflict(prof: Actor, af: Actor) -> None:
    case = start(prof)
    stale = case.version
    services.meldplicht_case_record_measures(
        actor=af, case=case, measures="Gesprek", on=DAY_A, expected_version=stale
    )
    with pytest.raises(ConflictError):
        services.meldplicht_case_inform_houder(
            actor=prof, case=case, on=DAY_A, expected_version=stale
        )


def test_measures_need_a_description(prof: Actor, houder: Actor) -> None:
    case = start(prof)
    error = refused(
        lambda: services.meldplicht_case_record_measures(
            actor=houder, case=case, measures=" ", on=DAY_A, expected_version=None
        ),
        "Beschrijf de genomen maatregelen",
    )
    assert "measures" in error.message_dict


def test_a_closed_case_takes_no_more_writes(prof: Actor, houder: Actor) -> None:
    case = close(houder, decide(houder, consult(houder, inform(prof, start(prof)))))
    refused(
        lambda: services.meldplicht_case_record_measures(
            actor=houder, case=case, measures="Later", on=DAY_C, expected_version=None
        ),
        "afgesloten",
    )


def test_every_write_and_read_is_audited_without_a_person(
    prof: Actor, houder: Actor
) -> None:
    case = consult(houder, inform(prof, start(prof)))
    meldplicht_case_get_for(actor=houder, public_id=case.public_id)
    events = AuditEvent.objects.filter(
        object_type="meldcode.meldplichtcase", object_id=str(case.public_id)
    )
    assert [event.action for event in events.order_by("pk")] == [
        AuditAction.CREATE,
        AuditAction.UPDATE,
        AuditAction.UPDATE,
        AuditAction.READ,
    ]
    assert all(event.person_id is None for event in events)


def test_who_sees_a_case(
    prof: Actor,
    af: Actor,
    houder: Actor,
    make_persona: Callable[..., Persona],
    organisation: Organisation,
) -> None:
    case = start(prof)
    colleague = make_persona(Role.PROFESSIONAL, organisation).actor
    assert list(meldplicht_cases_for(actor=prof)) == [case]
    assert list(meldplicht_cases_for(actor=af)) == [case]
    assert list(meldplicht_cases_for(actor=houder)) == [case]
    assert list(meldplicht_cases_for(actor=colleague)) == []


def _created_on(case: MeldplichtCase, day: dt.date) -> MeldplichtCase:
    created = dt.datetime.combine(day, dt.time(10), tzinfo=dt.UTC)
    MeldplichtCase.objects.filter(pk=case.pk).update(created_at=created)
    case.refresh_from_db()
    return case


def test_informing_the_houder_is_overdue_after_one_working_day(prof: Actor) -> None:
    case = _created_on(start(prof), dt.date(2026, 3, 6))  # a Friday
    assert case.next_step == MeldplichtStep.HOUDER_INFORMED
    assert case.next_step_due == dt.date(2026, 3, 9)  # Monday: weekends don't count
    assert not case.is_overdue_on(dt.date(2026, 3, 9))
    assert case.is_overdue_on(dt.date(2026, 3, 10))


def test_consulting_is_overdue_one_working_day_after_informing(prof: Actor) -> None:
    case = _created_on(start(prof), DAY_A)
    case = inform(prof, case, on=dt.date(2026, 4, 3))  # Friday before Easter
    assert case.next_step == MeldplichtStep.INSPECTEUR_CONSULTED
    # Easter Monday is no working day.
    assert case.next_step_due == dt.date(2026, 4, 7)
    assert case.is_overdue_on(dt.date(2026, 4, 8))


def test_the_aangifte_decision_has_no_onverwijld_deadline(
    prof: Actor, houder: Actor
) -> None:
    case = consult(houder, inform(prof, _created_on(start(prof), DAY_A)))
    assert case.next_step == MeldplichtStep.AANGIFTE_DECIDED
    assert case.next_step_due is None
    assert not case.is_overdue_on(dt.date(2026, 12, 1))


def test_steps_due_counts_the_cases_with_a_step_for_this_actor(
    prof: Actor, houder: Actor, af: Actor, other_prof: Actor
) -> None:
    first = start(prof)
    start(prof)
    assert meldplicht_steps_due(prof) == 2  # informing the houder is theirs
    assert meldplicht_steps_due(other_prof) == 0
    consult(houder, inform(prof, first))
    assert meldplicht_steps_due(prof) == 1
    assert meldplicht_steps_due(houder) == 2  # one to inform, one to decide
    houder_case = start(prof, suspect_is_houder=True)
    assert meldplicht_steps_due(houder) == 2
    assert meldplicht_steps_due(af) == 3
    assert houder_case.next_step == MeldplichtStep.INSPECTEUR_CONSULTED


def test_a_case_links_to_a_trajectory_of_its_organisation_that_the_actor_sees(
    prof: Actor, af: Actor, houder: Actor, other_prof: Actor
) -> None:
    case = start(prof)
    own = scenarios.start(prof)
    elsewhere = scenarios.start(other_prof)
    refused(
        lambda: services.meldplicht_case_link_trajectory(
            actor=af,
            case=case,
            trajectory_public_id=elsewhere.public_id,
            expected_version=None,
        ),
        "Kies een traject van uw organisatie",
    )
    refused(
        lambda: services.meldplicht_case_link_trajectory(
            actor=houder,
            case=case,
            trajectory_public_id=own.public_id,
            expected_version=None,
        ),
        "niet aan een traject koppelen",
    )
    case = services.meldplicht_case_link_trajectory(
        actor=prof, case=case, trajectory_public_id=own.public_id, expected_version=None
    )
    assert case.trajectory_id == own.pk
    case = services.meldplicht_case_link_trajectory(
        actor=af, case=case, trajectory_public_id=None, expected_version=None
    )
    assert case.trajectory_id is None


def test_a_professional_cannot_link_a_trajectory_they_do_not_see(
    prof: Actor, make_persona: Callable[..., Persona], organisation: Organisation
) -> None:
    colleague = make_persona(Role.PROFESSIONAL, organisation).actor
    theirs = scenarios.start(colleague)
    case = start(prof)
    refused(
        lambda: services.meldplicht_case_link_trajectory(
            actor=prof,
            case=case,
            trajectory_public_id=theirs.public_id,
            expected_version=None,
        ),
        "Kies een traject van uw organisatie",
    )
