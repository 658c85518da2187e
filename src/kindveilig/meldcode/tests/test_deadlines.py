"""Step deadlines and the five-working-day rule for the veiligheidsbeoordeling."""

import datetime as dt
from zoneinfo import ZoneInfo

from django.db import IntegrityError
from django.utils import timezone

import pytest
import time_machine
from conftest import Persona

from kindveilig.core.calendar import (
    add_working_days,
    dutch_public_holidays,
    easter_sunday,
)
from kindveilig.meldcode import scenarios
from kindveilig.meldcode.deadline_selectors import deadline_overview_for
from kindveilig.meldcode.deadlines import (
    DEFAULT_STEP_DAYS,
    feedback_due,
    step_days_by_type,
    step_days_for,
    step_due,
)
from kindveilig.meldcode.models import StepDeadline
from kindveilig.meldcode.models.choices import FeedbackKind, Step
from kindveilig.meldcode.services import feedback_add
from kindveilig.organisations.models import OrganisationType

AMS = ZoneInfo("Europe/Amsterdam")


def at(year: int, month: int, day: int, hour: int = 10, minute: int = 0) -> dt.datetime:
    return dt.datetime(year, month, day, hour, minute, tzinfo=AMS)


# --- step deadlines (pure) -------------------------------------------------------


@pytest.mark.parametrize(
    ("step", "days"), [(1, 14), (2, 7), (3, 14), (4, 7), (5, 7)], ids=str
)
def test_each_step_is_due_after_its_default_days_and_overdue_the_day_after(
    step: int, days: int
) -> None:
    started = at(2026, 3, 2)  # a Monday
    due_on = dt.date(2026, 3, 2) + dt.timedelta(days=days)
    on_due_day = step_due(
        step=step, step_started_at=started, now=at(2026, 3, 2 + days, 23, 59)
    )
    assert on_due_day.due_on == due_on
    assert not on_due_day.overdue
    day_after = step_due(
        step=step,
        step_started_at=started,
        now=dt.datetime.combine(due_on + dt.timedelta(days=1), dt.time(0, 5), AMS),
    )
    assert day_after.overdue
    assert day_after.days_overdue == 1


def test_step_days_are_counted_in_dutch_local_time() -> None:
    # 23:30 in Amsterdam is 22:30 UTC on the same day: the step started on 2 March.
    started = at(2026, 3, 2, 23, 30)
    due = step_due(step=Step.OVERLEGGEN, step_started_at=started, now=at(2026, 3, 9))
    assert due.due_on == dt.date(2026, 3, 9)
    assert not due.overdue


def test_the_defaults_are_documented_values() -> None:
    assert dict(DEFAULT_STEP_DAYS) == {1: 14, 2: 7, 3: 14, 4: 7, 5: 7}


# --- working days and the veiligheidsbeoordeling (pure) --------------------------


def test_easter_is_computed() -> None:
    assert easter_sunday(2025) == dt.date(2025, 4, 20)
    assert easter_sunday(2026) == dt.date(2026, 4, 5)
    assert easter_sunday(2027) == dt.date(2027, 3, 28)
    assert easter_sunday(2038) == dt.date(2038, 4, 25)  # the latest possible


@pytest.mark.parametrize(
    ("year", "expected"),
    [
        (
            2025,
            {"01-01", "04-21", "04-26", "05-29", "06-09", "12-25", "12-26"},
        ),
        (
            2026,
            {"01-01", "04-06", "04-27", "05-14", "05-25", "12-25", "12-26"},
        ),
        (
            2027,
            {"01-01", "03-29", "04-27", "05-06", "05-17", "12-25", "12-26"},
        ),
    ],
    ids=lambda value: str(value) if isinstance(value, int) else "dates",
)
def test_dutch_public_holidays(year: int, expected: set[str]) -> None:
    # 2025: King's Day falls on a Sunday and moves to Saturday 26 April.
    # Liberation Day (5 May) and Good Friday are not counted as days off.
    assert {day.strftime("%m-%d") for day in dutch_public_holidays(year)} == expected


def test_five_working_days_skip_the_weekend() -> None:
    # Handed over on Wednesday: Thu, Fri, (Sat, Sun), Mon, Tue, Wed.
    handed_over = at(2026, 1, 14, 15)
    due = feedback_due(handed_over_at=handed_over, now=at(2026, 1, 21), received=False)
    assert due.due_on == dt.date(2026, 1, 21)
    assert not due.overdue
    late = feedback_due(handed_over_at=handed_over, now=at(2026, 1, 22), received=False)
    assert late.overdue
    assert late.days_overdue == 1


def test_a_handover_on_saturday_counts_from_monday() -> None:
    assert add_working_days(dt.date(2026, 1, 17), 5) == dt.date(2026, 1, 23)


def test_five_working_days_skip_easter_monday() -> None:
    # Handed over on Thursday 2 April 2026: Good Friday counts, Easter Monday not.
    handed_over = at(2026, 4, 2)
    due = feedback_due(handed_over_at=handed_over, now=at(2026, 4, 10), received=False)
    assert due.due_on == dt.date(2026, 4, 10)
    assert not due.overdue
    assert feedback_due(
        handed_over_at=handed_over, now=at(2026, 4, 11), received=False
    ).overdue


def test_five_working_days_skip_christmas_and_new_year() -> None:
    # Wed 24 Dec 2025: (25, 26 Dec, weekend) 29, 30, 31 Dec, (1 Jan) 2 Jan, 5 Jan.
    assert add_working_days(dt.date(2025, 12, 24), 5) == dt.date(2026, 1, 5)


def test_kings_day_is_skipped() -> None:
    # Fri 24 April 2026: Mon 27 April is King's Day.
    assert add_working_days(dt.date(2026, 4, 24), 5) == dt.date(2026, 5, 4)


def test_recorded_feedback_is_never_overdue() -> None:
    due = feedback_due(handed_over_at=at(2026, 1, 5), now=at(2026, 3, 1), received=True)
    assert not due.overdue
    assert due.days_overdue == 0


# --- configured durations ---------------------------------------------------------


@pytest.mark.django_db
def test_a_step_deadline_row_overrides_the_default_for_its_type_only() -> None:
    StepDeadline.objects.create(
        organisation_type=OrganisationType.PRIMARY_SCHOOL, step=Step.SIGNALEN, days=3
    )
    school = step_days_for(OrganisationType.PRIMARY_SCHOOL)
    assert school[Step.SIGNALEN] == 3
    assert school[Step.OVERLEGGEN] == DEFAULT_STEP_DAYS[Step.OVERLEGGEN]
    assert step_days_for(OrganisationType.JGZ) == dict(DEFAULT_STEP_DAYS)
    by_type = step_days_by_type()
    assert by_type[OrganisationType.PRIMARY_SCHOOL][Step.SIGNALEN] == 3
    assert OrganisationType.JGZ not in by_type


@pytest.mark.django_db
def test_a_step_deadline_is_unique_per_type_and_step() -> None:
    StepDeadline.objects.create(
        organisation_type=OrganisationType.JGZ, step=Step.GESPREK, days=10
    )
    with pytest.raises(IntegrityError):
        StepDeadline.objects.create(
            organisation_type=OrganisationType.JGZ, step=Step.GESPREK, days=20
        )


# --- on real trajectories, with a frozen clock ------------------------------------


@pytest.mark.django_db
def test_overview_follows_the_configured_duration(
    professional: Persona, aandachtsfunctionaris: Persona
) -> None:
    with time_machine.travel(at(2026, 3, 2), tick=False):
        scenarios.start(professional.actor, given_name="Kaat (test)")
    af = aandachtsfunctionaris.actor
    with time_machine.travel(at(2026, 3, 7), tick=False):
        (row,) = deadline_overview_for(actor=af).steps
        assert row.due.due_on == dt.date(2026, 3, 16)
        assert not row.due.overdue
        StepDeadline.objects.create(
            organisation_type=professional.organisation.type,
            step=Step.SIGNALEN,
            days=3,
        )
        (row,) = deadline_overview_for(actor=af).steps
        assert row.due.due_on == dt.date(2026, 3, 5)
        assert row.due.overdue
        assert row.due.days_overdue == 2
        assert row.given_names == ["Kaat (test)"]


@pytest.mark.django_db
def test_a_step_deadline_restarts_when_the_step_advances(
    professional: Persona, aandachtsfunctionaris: Persona
) -> None:
    with time_machine.travel(at(2026, 3, 2), tick=False):
        scenarios.start(professional.actor, given_name="Oud (test)")
    with time_machine.travel(at(2026, 3, 20), tick=False):
        scenarios.at_step_2(professional.actor, given_name="Nieuw (test)")
        rows = deadline_overview_for(actor=aandachtsfunctionaris.actor).steps
    assert [(row.given_names, row.step, row.due.overdue) for row in rows] == [
        (["Oud (test)"], 1, True),
        (["Nieuw (test)"], 2, False),
    ]
    assert rows[1].due.due_on == dt.date(2026, 3, 27)


@pytest.mark.django_db
def test_veiligheidsbeoordeling_is_overdue_after_five_working_days_until_recorded(
    professional: Persona, aandachtsfunctionaris: Persona
) -> None:
    prof = professional.actor
    af = aandachtsfunctionaris.actor
    with time_machine.travel(at(2026, 4, 2), tick=False):  # the Thursday before Easter
        melding = scenarios.melded(prof, af, given_name="Mila (test)")
    with time_machine.travel(at(2026, 4, 10, 17), tick=False):
        overview = deadline_overview_for(actor=af)
        assert overview.steps == []
        (row,) = overview.feedback
        assert row.handed_over_on == dt.date(2026, 4, 2)
        assert row.due is not None
        assert row.due.due_on == dt.date(2026, 4, 10)
        assert not row.due.overdue
    with time_machine.travel(at(2026, 4, 11), tick=False):
        (row,) = deadline_overview_for(actor=af).feedback
        assert row.due is not None
        assert row.due.overdue
        assert deadline_overview_for(actor=af).overdue_feedback == 1
        feedback_add(
            actor=prof,
            trajectory=melding.trajectory,
            kind=FeedbackKind.VEILIGHEIDSBEOORDELING,
            received_on=timezone.localdate(),
            summary="Overgedragen aan het lokaal team.",
        )
        assert deadline_overview_for(actor=af).feedback == []


@pytest.mark.django_db
def test_other_feedback_does_not_stop_the_veiligheidsbeoordeling_deadline(
    professional: Persona, aandachtsfunctionaris: Persona
) -> None:
    prof = professional.actor
    af = aandachtsfunctionaris.actor
    with time_machine.travel(at(2026, 1, 5), tick=False):
        melding = scenarios.melded(prof, af, given_name="Ruben (test)")
        feedback_add(
            actor=prof,
            trajectory=melding.trajectory,
            kind=FeedbackKind.OTHER,
            received_on=timezone.localdate(),
            summary="Veilig Thuis belde: de melding is ontvangen.",
        )
    with time_machine.travel(at(2026, 1, 13), tick=False):
        (row,) = deadline_overview_for(actor=af).feedback
        assert row.due is not None
        assert row.due.overdue
