"""Reads of the help services, and whether each is open now.

Opening hours are counted in Dutch time (Europe/Amsterdam), whatever the
server's clock says. A row whose ``closes`` is not after ``opens`` runs past
midnight; it belongs to the day it opens, so a public holiday closes the rows
that *start* on it. ``always_open`` opens every channel that has no rows of
its own. A channel without rows of a service that is not always open has
unknown hours ("see the website").

No personal data here, so nothing is audited and no actor is needed.
"""

import datetime as dt
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from zoneinfo import ZoneInfo

from django.db.models import QuerySet
from django.http import Http404
from django.utils import timezone
from django.utils.dates import WEEKDAYS
from django.utils.translation import get_language, gettext

from .hulpwijzer import hulpwijzer_advice
from .models import Channel, HelpService, Holiday, OpeningHours

__all__ = [
    "AMSTERDAM",
    "URGENT_SLUGS",
    "ChannelCard",
    "OpenStatus",
    "ServiceCard",
    "channel_status",
    "help_service_for_edit",
    "help_services_for_staff",
    "helplines_for_urgent",
    "holidays_around",
    "hours_text",
    "hulpwijzer_advice",
    "is_open_now",
    "service_cards",
]

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
# The helplines a child's urgent message shows (112, De Kindertelefoon, 113).
URGENT_SLUGS = ("112", "kindertelefoon", "113")


class OpenStatus(StrEnum):
    OPEN = "open"
    CLOSED = "closed"
    UNKNOWN = "unknown"


def _local(now: dt.datetime) -> dt.datetime:
    return timezone.localtime(now, AMSTERDAM)


def holidays_around(now: dt.datetime) -> frozenset[dt.date]:
    """The public holidays among yesterday and today (Dutch dates)."""
    today = _local(now).date()
    dates = [today - dt.timedelta(days=1), today]
    return frozenset(
        Holiday.objects.filter(date__in=dates).values_list("date", flat=True)
    )


def _rows_for(service: HelpService, channel: Channel) -> list[OpeningHours]:
    rows = list(service.opening_hours.all())  # prefetched by the callers
    own = [row for row in rows if row.channel == channel]
    if own or channel == Channel.ALL:
        return own
    return [row for row in rows if row.channel == Channel.ALL]


def channel_status(
    service: HelpService,
    channel: Channel,
    now: dt.datetime,
    holidays: Collection[dt.date] = (),
) -> OpenStatus:
    """Whether one way of contact (phone, chat, or all) is open at ``now``."""
    rows = _rows_for(service, channel)
    if not rows:
        return OpenStatus.OPEN if service.always_open else OpenStatus.UNKNOWN
    local = _local(now)
    today, time = local.date(), local.time()
    yesterday = today - dt.timedelta(days=1)

    def closed_on(day: dt.date) -> bool:
        return service.closed_on_holidays and day in holidays

    for row in rows:
        if row.closes > row.opens:
            if (
                row.weekday == today.weekday()
                and row.opens <= time < row.closes
                and not closed_on(today)
            ):
                return OpenStatus.OPEN
            continue
        # Runs past midnight: from opens today, or until closes after yesterday's.
        if (
            row.weekday == today.weekday()
            and time >= row.opens
            and not closed_on(today)
        ):
            return OpenStatus.OPEN
        if (
            row.weekday == yesterday.weekday()
            and time < row.closes
            and not closed_on(yesterday)
        ):
            return OpenStatus.OPEN
    return OpenStatus.CLOSED


def _channels_of(service: HelpService) -> list[Channel]:
    channels = []
    if service.phone:
        channels.append(Channel.PHONE)
    if service.chat_url:
        channels.append(Channel.CHAT)
    return channels or [Channel.ALL]


def is_open_now(
    service: HelpService,
    now: dt.datetime | None = None,
    holidays: Collection[dt.date] | None = None,
) -> bool:
    """True when at least one way to reach the service is open at ``now``."""
    now = now or timezone.now()
    if holidays is None:
        holidays = holidays_around(now)
    return any(
        channel_status(service, channel, now, holidays) == OpenStatus.OPEN
        for channel in _channels_of(service)
    )


# --- how the hours read ----------------------------------------------------------


def _clock(value: dt.time, *, closing: bool = False) -> str:
    if closing and value == dt.time(0, 0):
        return "24:00"
    return f"{value:%H:%M}"


def _day_ranges(days: Sequence[int]) -> str:
    """Weekday numbers as words: every day, a range, or a list."""
    if len(days) == 7:
        return gettext("Every day")
    runs: list[list[int]] = []
    for day in days:
        if runs and runs[-1][-1] == day - 1:
            runs[-1].append(day)
        else:
            runs.append([day])
    parts = []
    for run in runs:
        if len(run) >= 3:
            parts.append(
                gettext("%(first)s to %(last)s")
                % {"first": WEEKDAYS[run[0]], "last": WEEKDAYS[run[-1]]}
            )
        else:
            parts.extend(str(WEEKDAYS[day]) for day in run)
    return ", ".join(parts)


def hours_text(service: HelpService, channel: Channel) -> str:
    """The opening hours of one channel in words, for children."""
    rows = _rows_for(service, channel)
    if not rows:
        if service.always_open:
            return gettext("Day and night")
        return gettext("See the website for the times")
    by_day: dict[int, tuple[tuple[dt.time, dt.time], ...]] = {}
    for row in sorted(rows, key=lambda r: (r.weekday, r.opens)):
        by_day[row.weekday] = (*by_day.get(row.weekday, ()), (row.opens, row.closes))
    groups: dict[tuple[tuple[dt.time, dt.time], ...], list[int]] = {}
    for day, spans in by_day.items():
        groups.setdefault(spans, []).append(day)
    parts = []
    for spans, days in groups.items():
        # Each range isolated left to right (U+2066 ... U+2069): on the Arabic
        # pages "11:00 to 21:00" would otherwise read the other way round.
        times = ", ".join(
            f"\u2066{_clock(opens)}–{_clock(closes, closing=True)}\u2069"
            for opens, closes in spans
        )
        parts.append(f"{_day_ranges(days)} {times}")
    text = "; ".join(parts)
    if service.closed_on_holidays:
        closed = gettext("Closed on public holidays.")
        text = f"{text}. {closed}"
    return text


# --- what the pages show ---------------------------------------------------------


@dataclass(frozen=True)
class ChannelCard:
    channel: Channel
    status: OpenStatus
    hours: str

    @property
    def is_open(self) -> bool:
        return self.status == OpenStatus.OPEN


@dataclass(frozen=True)
class ServiceCard:
    """A service as a child sees it, in the active language, with its status."""

    service: HelpService
    description: str
    channels: tuple[ChannelCard, ...]

    @property
    def slug(self) -> str:
        return self.service.slug

    @property
    def name(self) -> str:
        return self.service.name

    @property
    def open_now(self) -> bool:
        return any(channel.is_open for channel in self.channels)

    def channel(self, channel: Channel) -> ChannelCard | None:
        return next((c for c in self.channels if c.channel == channel), None)

    @property
    def phone(self) -> ChannelCard | None:
        return self.channel(Channel.PHONE)

    @property
    def chat(self) -> ChannelCard | None:
        return self.channel(Channel.CHAT)

    @property
    def online(self) -> ChannelCard | None:
        return self.channel(Channel.ALL)


def _active_services() -> QuerySet[HelpService]:
    return HelpService.objects.filter(active=True).prefetch_related("opening_hours")


def _card(
    service: HelpService, now: dt.datetime, holidays: Collection[dt.date]
) -> ServiceCard:
    channels = []
    for channel in _channels_of(service):
        status = channel_status(service, channel, now, holidays)
        channels.append(
            ChannelCard(
                channel=channel, status=status, hours=hours_text(service, channel)
            )
        )
    return ServiceCard(
        service=service,
        description=service.description_for(get_language() or "nl"),
        channels=tuple(channels),
    )


def service_cards(
    *, slugs: Iterable[str] | None = None, now: dt.datetime | None = None
) -> list[ServiceCard]:
    """Active services as cards: all of them in their order, or the given codes
    in the given order (codes of missing or inactive services are skipped)."""
    now = now or timezone.now()
    holidays = holidays_around(now)
    services = _active_services()
    if slugs is None:
        return [_card(service, now, holidays) for service in services]
    wanted = list(slugs)
    by_slug = {service.slug: service for service in services.filter(slug__in=wanted)}
    return [_card(by_slug[slug], now, holidays) for slug in wanted if slug in by_slug]


def helplines_for_urgent(now: dt.datetime | None = None) -> list[ServiceCard]:
    """112, De Kindertelefoon and 113, with whether each is open now.

    For the pages of a child's urgent message (youthmessages). Render them with
    ``{% include "youth/_service.html" with card=card %}`` or read
    ``card.name``, ``card.service.phone``, ``card.service.tel`` and
    ``card.open_now`` yourself.
    """
    return service_cards(slugs=URGENT_SLUGS, now=now)


# --- for the functioneel beheerder ---------------------------------------------


def help_services_for_staff() -> QuerySet[HelpService]:
    return HelpService.objects.prefetch_related("opening_hours").order_by(
        "order", "name"
    )


def help_service_for_edit(slug: str) -> HelpService:
    """Reference data, no personal data: any functioneel beheerder may edit it."""
    try:
        return HelpService.objects.get(slug=slug)
    except HelpService.DoesNotExist:
        raise Http404 from None
