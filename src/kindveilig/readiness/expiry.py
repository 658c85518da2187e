"""When a qualification stops counting, and what that means today. Pure functions.

- A **VOG** counts for 2 years from the date of issue: the Register
  Aandachtsfunctionarissen asks for a VOG "no older than 2 years".
- A **course** counts for 3 years from the course date. The Kwaliteitsstelsel
  aandachtsfunctionaris sets no validity; we chose 3 years so that every
  aandachtsfunctionaris refreshes (a terugkomdag or a new course) at least once
  in three years (docs/decisions.md, "Validity of qualifications").
- A **register membership** counts until the ``valid until`` date the register
  gives.

``expires_on`` is the last day a qualification counts; it has expired from the
day after. Reminders go out 90 and 30 days ahead.
"""

import calendar
from dataclasses import dataclass
from datetime import date

from django.db import models
from django.utils.translation import gettext_lazy as _

VOG_VALID_YEARS = 2
COURSE_VALID_YEARS = 3
REMINDER_DAYS: tuple[int, ...] = (90, 30)
EXPIRING_WITHIN_DAYS = max(REMINDER_DAYS)
RECENT_ATTENTION_MONTHS = 12


def add_years(day: date, years: int) -> date:
    """The same day ``years`` later; 29 February becomes 28 February."""
    year = day.year + years
    if day.month == 2 and day.day == 29 and not calendar.isleap(year):
        return date(year, 2, 28)
    return day.replace(year=year)


def add_months(day: date, months: int) -> date:
    """The same day ``months`` later (or earlier), capped at the month's end."""
    index = day.year * 12 + (day.month - 1) + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(day.day, last))


def computed_expiry(*, kind: str, obtained_on: date) -> date | None:
    """The last valid day of a course or a VOG; None for kinds that are entered."""
    if kind == "vog":
        return add_years(obtained_on, VOG_VALID_YEARS)
    if kind == "course":
        return add_years(obtained_on, COURSE_VALID_YEARS)
    return None


def recent_attention_since(today: date) -> date:
    """Staff attention counts as recent when it was on or after this day: the
    same day twelve months earlier."""
    return add_months(today, -RECENT_ATTENTION_MONTHS)


class ExpiryState(models.TextChoices):
    VALID = "valid", _("Valid")
    EXPIRING = "expiring", _("Expires soon")
    EXPIRED = "expired", _("Expired")
    MISSING = "missing", _("Missing")


@dataclass(frozen=True)
class Expiry:
    state: ExpiryState
    expires_on: date | None
    days_left: int | None

    @property
    def counts(self) -> bool:
        return self.state in (ExpiryState.VALID, ExpiryState.EXPIRING)


def expiry_state(*, expires_on: date | None, today: date) -> Expiry:
    if expires_on is None:
        return Expiry(state=ExpiryState.MISSING, expires_on=None, days_left=None)
    days_left = (expires_on - today).days
    if days_left < 0:
        state = ExpiryState.EXPIRED
    elif days_left <= EXPIRING_WITHIN_DAYS:
        state = ExpiryState.EXPIRING
    else:
        state = ExpiryState.VALID
    return Expiry(state=state, expires_on=expires_on, days_left=days_left)


def reminder_threshold(*, expires_on: date, today: date) -> int | None:
    """The reminder due today: the smallest threshold the expiry is within, or
    None when it is further away than 90 days or has already expired."""
    days_left = (expires_on - today).days
    if days_left < 0:
        return None
    due = [days for days in REMINDER_DAYS if days_left <= days]
    return min(due) if due else None
