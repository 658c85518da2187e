"""Deadlines of the meldcode: how long a step may take, and when Veilig Thuis's
veiligheidsbeoordeling is due after a melding.

The calculations are pure functions of dates: the caller passes ``now``, so a
page, a reminder and a test with a frozen clock all agree. Days are counted in
the Dutch time zone (``settings.TIME_ZONE``): a step that started on Monday
evening started on Monday.

- **Step deadlines** are calendar days from ``Trajectory.step_started_at``. The
  code defaults (``DEFAULT_STEP_DAYS``) apply unless a ``StepDeadline`` row for
  the organisation's type and the step says otherwise. A step is *overdue* from
  the day after its due date.
- **The veiligheidsbeoordeling** is due within five *working* days after the
  melding was handed over (Uitvoeringsbesluit Wmo 2015 art. 4.1.7): Saturdays,
  Sundays and Dutch public holidays do not count. It is overdue from the day
  after, as long as no feedback of that kind has been recorded.
"""

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from types import MappingProxyType

from django.utils import timezone

from .models import StepDeadline
from .models.choices import Step

__all__ = [
    "DEFAULT_STEP_DAYS",
    "FEEDBACK_WORKING_DAYS",
    "Due",
    "add_working_days",
    "dutch_public_holidays",
    "easter_sunday",
    "feedback_due",
    "is_working_day",
    "step_days_by_type",
    "step_days_for",
    "step_due",
]

# Expected calendar days per step when no StepDeadline row says otherwise.
# Step 1 (signals) and step 3 (conversations) need time to observe and to plan
# talks; consulting (2), weighing (4) and deciding (5) should not wait. See
# docs/decisions.md, "Meldcode deadlines and reminders (issue 3)".
DEFAULT_STEP_DAYS: Mapping[int, int] = MappingProxyType(
    {
        Step.SIGNALEN: 14,
        Step.OVERLEGGEN: 7,
        Step.GESPREK: 14,
        Step.WEGEN: 7,
        Step.BESLISSEN: 7,
    }
)
FEEDBACK_WORKING_DAYS = 5


@dataclass(frozen=True)
class Due:
    due_on: dt.date
    overdue: bool
    days_overdue: int = 0


def _due(due_on: dt.date, today: dt.date, *, done: bool = False) -> Due:
    overdue = not done and today > due_on
    return Due(
        due_on=due_on,
        overdue=overdue,
        days_overdue=(today - due_on).days if overdue else 0,
    )


# --- step deadlines -------------------------------------------------------------


def step_due(
    *,
    step: int,
    step_started_at: dt.datetime,
    now: dt.datetime,
    days: Mapping[int, int] = DEFAULT_STEP_DAYS,
) -> Due:
    """When the current step should be done, and whether that day has passed."""
    duration = days.get(step, DEFAULT_STEP_DAYS[step])
    started_on = timezone.localdate(step_started_at)
    return _due(started_on + dt.timedelta(days=duration), timezone.localdate(now))


def step_days_for(organisation_type: str) -> dict[int, int]:
    """The durations for one organisation type: defaults, overridden by rows."""
    days = dict(DEFAULT_STEP_DAYS)
    days.update(
        StepDeadline.objects.filter(organisation_type=organisation_type).values_list(
            "step", "days"
        )
    )
    return days


def step_days_by_type() -> dict[str, dict[int, int]]:
    """Every configured override in one query, per organisation type.

    Look a type up with ``.get(type, DEFAULT_STEP_DAYS)``.
    """
    result: dict[str, dict[int, int]] = {}
    for organisation_type, step, days in StepDeadline.objects.values_list(
        "organisation_type", "step", "days"
    ):
        result.setdefault(organisation_type, dict(DEFAULT_STEP_DAYS))[step] = days
    return result


# --- Veilig Thuis's veiligheidsbeoordeling --------------------------------------


def feedback_due(
    *, handed_over_at: dt.datetime, now: dt.datetime, received: bool
) -> Due:
    """Five working days after the handover; never overdue once it is recorded."""
    due_on = add_working_days(timezone.localdate(handed_over_at), FEEDBACK_WORKING_DAYS)
    return _due(due_on, timezone.localdate(now), done=received)


# --- the Dutch working-day calendar ---------------------------------------------


def easter_sunday(year: int) -> dt.date:
    """Western (Gregorian) Easter: the anonymous Gregorian algorithm (Meeus)."""
    a = year % 19
    b, c = divmod(year, 100)
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    el = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * el) // 451
    month, day = divmod(h + el - 7 * m + 114, 31)
    return dt.date(year, month, day + 1)


@lru_cache(maxsize=32)
def dutch_public_holidays(year: int) -> frozenset[dt.date]:
    """The public holidays on which Dutch organisations are generally closed.

    New Year's Day, Easter Monday, King's Day (27 April, or the 26th when the
    27th is a Sunday), Ascension Day, Whit Monday, Christmas Day and Boxing
    Day. Good Friday is not a general day off, and Liberation Day (5 May) is
    a day off only once every five years for some sectors, so neither counts.
    Easter Sunday and Whit Sunday fall on Sundays anyway.
    """
    easter = easter_sunday(year)
    kings_day = dt.date(year, 4, 27)
    if kings_day.weekday() == 6:
        kings_day = dt.date(year, 4, 26)
    return frozenset(
        {
            dt.date(year, 1, 1),
            easter + dt.timedelta(days=1),
            kings_day,
            easter + dt.timedelta(days=39),
            easter + dt.timedelta(days=50),
            dt.date(year, 12, 25),
            dt.date(year, 12, 26),
        }
    )


def is_working_day(day: dt.date) -> bool:
    return day.weekday() < 5 and day not in dutch_public_holidays(day.year)


def add_working_days(start: dt.date, count: int) -> dt.date:
    """The ``count``-th working day after ``start`` (``start`` itself not counted)."""
    day = start
    remaining = count
    while remaining > 0:
        day += dt.timedelta(days=1)
        if is_working_day(day):
            remaining -= 1
    return day
