"""The Dutch working-day calendar: public holidays and working days; and a
person's age on a day.

Pure functions of dates, shared by every app that counts working days (the
meldcode's deadlines, the helplines' opening hours on holidays) or years (who may
consent to a share, who is young enough for the Verwijsindex).
"""

import datetime as dt
from functools import lru_cache


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


def age_on(date_of_birth: dt.date, day: dt.date) -> int:
    """Full years between ``date_of_birth`` and ``day`` (a birthday counts on the
    day itself)."""
    years = day.year - date_of_birth.year
    if (day.month, day.day) < (date_of_birth.month, date_of_birth.day):
        years -= 1
    return years
