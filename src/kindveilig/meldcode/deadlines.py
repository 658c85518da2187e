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
from types import MappingProxyType

from django.utils import timezone

from kindveilig.core.calendar import add_working_days

from .models import StepDeadline
from .models.choices import Step

__all__ = [
    "DEFAULT_STEP_DAYS",
    "FEEDBACK_WORKING_DAYS",
    "Due",
    "feedback_due",
    "step_days_by_type",
    "step_days_for",
    "step_due",
]

# Expected calendar days per step when no StepDeadline row says otherwise.
# Step 1 (signals) and step 3 (conversations) need time to observe and to plan
# talks; consulting (2), weighing (4) and deciding (5) should not wait. See
# docs/decisions.md, "Step durations".
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
