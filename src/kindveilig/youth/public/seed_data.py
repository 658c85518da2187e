"""The national helplines and public holidays that a new installation starts with.

The data migration ``0002_seed_help_services`` calls ``ensure_default_services``
with the historical models; tests and the demo call it without arguments, after
a transactional test has flushed the tables. It only adds what is missing, so
it never overwrites what the functioneel beheerder changed.

Facts and sources (domain brief §10), to be checked by the beheerder:
- De Kindertelefoon 0800-0432: every day 11:00–21:00, phone and chat, 365 days a year.
- Veilig Thuis 0800-2000: phone day and night; chat Monday to Friday
  09:00–17:00 on working days.
- 113 Zelfmoordpreventie 0800-0113: phone and chat day and night.
- Villa Pinedo: online only (the Buddy programme, the forum), from age 10.
- Chris: chat and e-mail; the current hours are not known to us, so none are
  seeded and the pages say "see the website for the times".
"""

import datetime as dt
from typing import Any

from kindveilig.core.calendar import dutch_public_holidays, easter_sunday

__all__ = [
    "HOLIDAY_YEARS",
    "SERVICES",
    "dutch_holidays",
    "ensure_default_services",
]

EVERY_DAY = range(7)
WORKING_DAYS = range(5)

SERVICES: list[dict[str, Any]] = [
    {
        "slug": "112",
        "name": "112",
        "description_nl": (
            "Bel 112 als er nu gevaar is. Bijvoorbeeld als iemand jou of een ander "
            "pijn doet. Of als er brand is. Dan komt er snel hulp, zoals de politie "
            "of een ambulance. Bellen is gratis."
        ),
        "description_en": (
            "Call 112 if there is danger right now. For example if someone is "
            "hurting you or someone else. Or if there is a fire. Help comes quickly, "
            "such as the police or an ambulance. Calling is free."
        ),
        "phone": "112",
        "chat_url": "",
        "website": "",
        "always_open": True,
        "closed_on_holidays": False,
        "order": 10,
        "hours": [],
    },
    {
        "slug": "kindertelefoon",
        "name": "De Kindertelefoon",
        "description_nl": (
            "Voor kinderen van 8 tot 18 jaar. Je kunt over alles praten. Je hoeft "
            "je naam niet te zeggen. Bellen en chatten is gratis."
        ),
        "description_en": (
            "For children from 8 to 18 years old. You can talk about anything. You "
            "do not have to say your name. Calling and chatting is free."
        ),
        "phone": "0800-0432",
        "chat_url": "https://www.kindertelefoon.nl/",
        "website": "https://www.kindertelefoon.nl/",
        "always_open": False,
        "closed_on_holidays": False,
        "order": 20,
        "hours": [("all", day, "11:00", "21:00") for day in EVERY_DAY],
    },
    {
        "slug": "veilig-thuis",
        "name": "Veilig Thuis",
        "description_nl": (
            "Voor als het thuis niet veilig is. Bijvoorbeeld als er vaak hard ruzie "
            "is. Of als iemand thuis jou pijn doet. Je kunt dag en nacht gratis "
            "bellen. In de chat hoef je je naam niet te zeggen."
        ),
        "description_en": (
            "For when it is not safe at home. For example if there are often loud "
            "fights. Or if someone at home hurts you. You can call for free, day and "
            "night. In the chat you do not have to say your name."
        ),
        "phone": "0800-2000",
        "chat_url": "https://www.veiligthuis.nl/",
        "website": "https://www.veiligthuis.nl/",
        "always_open": True,
        "closed_on_holidays": True,
        "order": 30,
        "hours": [("chat", day, "09:00", "17:00") for day in WORKING_DAYS],
    },
    {
        "slug": "villa-pinedo",
        "name": "Villa Pinedo",
        "description_nl": (
            "Voor kinderen vanaf 10 jaar van wie de ouders uit elkaar gaan of zijn. "
            "Je kunt online praten met een buddy. Dat is een jongere van wie de "
            "ouders ook uit elkaar zijn. Je ouders hoeven het niet goed te vinden."
        ),
        "description_en": (
            "For children from 10 years old whose parents are splitting up or have "
            "split up. You can talk online with a buddy. That is a young person whose "
            "parents have split up too. Your parents do not need to say yes."
        ),
        "phone": "",
        "chat_url": "",
        "website": "https://www.villapinedo.nl/",
        "always_open": True,
        "closed_on_holidays": False,
        "order": 40,
        "hours": [],
    },
    {
        "slug": "chris",
        "name": "Chris",
        "description_nl": (
            "Voor kinderen en jongeren met zorgen. Je kunt chatten of mailen met een "
            "vrijwilliger. Je hoeft je naam niet te zeggen."
        ),
        "description_en": (
            "For children and young people with worries. You can chat or e-mail with "
            "a volunteer. You do not have to say your name."
        ),
        "phone": "",
        "chat_url": "https://www.chris.nl/",
        "website": "https://www.chris.nl/",
        "always_open": False,
        "closed_on_holidays": False,
        "order": 50,
        "hours": [],
    },
    {
        "slug": "113",
        "name": "113 Zelfmoordpreventie",
        "description_nl": (
            "Denk je erover om dood te gaan? Of maak je je zorgen om iemand? Praat "
            "erover met 113. Dat kan dag en nacht. Bellen en chatten is gratis."
        ),
        "description_en": (
            "Are you thinking about ending your life? Or are you worried about "
            "someone? Talk about it with 113. You can, day and night. Calling and "
            "chatting is free."
        ),
        "phone": "0800-0113",
        "chat_url": "https://www.113.nl/",
        "website": "https://www.113.nl/",
        "always_open": True,
        "closed_on_holidays": False,
        "order": 60,
        "hours": [],
    },
]

HOLIDAY_YEARS = (2026, 2027)


def dutch_holidays(year: int) -> dict[dt.date, str]:
    """The Dutch public holidays of ``meldcode.deadlines``, with their Dutch names."""
    easter = easter_sunday(year)
    kings_day = dt.date(year, 4, 27)
    if kings_day.weekday() == 6:
        kings_day = dt.date(year, 4, 26)
    named = {
        dt.date(year, 1, 1): "Nieuwjaarsdag",
        easter + dt.timedelta(days=1): "Tweede paasdag",
        kings_day: "Koningsdag",
        easter + dt.timedelta(days=39): "Hemelvaartsdag",
        easter + dt.timedelta(days=50): "Tweede pinksterdag",
        dt.date(year, 12, 25): "Eerste kerstdag",
        dt.date(year, 12, 26): "Tweede kerstdag",
    }
    assert set(named) == dutch_public_holidays(year)
    return named


def _time(value: str) -> dt.time:
    return dt.time.fromisoformat(value)


def ensure_default_services(
    service_model: Any = None, hours_model: Any = None, holiday_model: Any = None
) -> None:
    """Add the default services (with their hours) and holidays that are missing.

    An existing service, edited or not, is left alone, and so are its hours.
    """
    if service_model is None or hours_model is None or holiday_model is None:
        from .models import HelpService, Holiday, OpeningHours

        service_model, hours_model, holiday_model = HelpService, OpeningHours, Holiday
    existing = set(service_model.objects.values_list("slug", flat=True))
    for data in SERVICES:
        if data["slug"] in existing:
            continue
        fields = {key: value for key, value in data.items() if key != "hours"}
        service = service_model.objects.create(**fields)
        hours_model.objects.bulk_create(
            hours_model(
                service=service,
                channel=channel,
                weekday=weekday,
                opens=_time(opens),
                closes=_time(closes),
            )
            for channel, weekday, opens, closes in data["hours"]
        )
    known = set(holiday_model.objects.values_list("date", flat=True))
    holiday_model.objects.bulk_create(
        holiday_model(date=date, name=name)
        for year in HOLIDAY_YEARS
        for date, name in sorted(dutch_holidays(year).items())
        if date not in known
    )
