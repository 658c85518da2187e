"""Final counts: the youth channel's conversations are deleted 60 days after
their last activity; the monitor's counts of their month survive it.

One school in Den Haag with a youth channel. Three children write in March
2026; the refresh runs on the days a daily job would; the real purge deletes
the conversations from 1 May on. March is final from 27 April (1 March + 60
days - ``MARGIN_DAYS``): before the first of its conversations can be purged,
and well before "60 days after the month's end" (30 May), by which time every
one of them is gone.
"""

import datetime as dt
from collections import Counter
from collections.abc import Callable
from typing import Any

from django.utils import timezone

import pytest
import time_machine
from conftest import Persona

from kindveilig.access.actor import Actor
from kindveilig.access.roles import Role
from kindveilig.monitor.finality import SOURCES, final_from
from kindveilig.monitor.models import (
    MonitorCount,
    MonitorDurationBucket,
    MonitorFigure,
    MonitorFinal,
    RefreshKind,
)
from kindveilig.monitor.services import monitor_refresh
from kindveilig.organisations.models import OrganisationType
from kindveilig.organisations.tests.factories import OrganisationFactory, den_haag
from kindveilig.youth.messages.models import PublicChannel, YouthConversation
from kindveilig.youth.messages.services import (
    conversation_escalate,
    conversation_misuse_mark,
    conversation_start,
    staff_answer,
)
from kindveilig.youth.messages.tasks import purge_youth_conversations

pytestmark = [pytest.mark.django_db]

MARCH = dt.date(2026, 3, 1)
APRIL = dt.date(2026, 4, 1)
YOUTH = SOURCES[0]


def at(moment: dt.datetime) -> Any:
    return time_machine.travel(timezone.make_aware(moment), tick=False)


@pytest.fixture
def school(make_persona: Callable[..., Persona]) -> tuple[PublicChannel, Actor]:
    organisation = OrganisationFactory.create(
        name="School (test)",
        type=OrganisationType.PRIMARY_SCHOOL,
        municipality=den_haag(),
    )
    channel = PublicChannel.objects.create(
        organisation=organisation, public_code="FINAAL", display_name="Finaal"
    )
    return channel, make_persona(Role.AANDACHTSFUNCTIONARIS, organisation).actor


def _write(channel: PublicChannel, af: Actor, day: dt.date, answer: bool) -> None:
    with at(dt.datetime.combine(day, dt.time(10))):
        started = conversation_start(channel=channel, body="Thuis is het eng (test).")
    if answer:
        with at(dt.datetime.combine(day, dt.time(15))):
            staff_answer(actor=af, conversation=started.conversation, body="Hoi (test)")


def _purge(day: dt.date) -> int:
    """The daily task, as the worker runs it, on ``day``."""
    with at(dt.datetime.combine(day, dt.time(2))):
        return int(purge_youth_conversations.call())


def youth_tables(month: dt.date) -> tuple[Counter[tuple[object, ...]], ...]:
    """The youth channel's counts, buckets and published figures of ``month``."""
    keys = sorted(YOUTH.measures)
    return (
        Counter(
            MonitorCount.objects.filter(month=month, measure__in=keys).values_list(
                "municipality_id", "sector", "measure", "dimension", "count"
            )
        ),
        Counter(
            MonitorDurationBucket.objects.filter(
                month=month, measure__in=keys
            ).values_list("measure", "bucket", "count")
        ),
        Counter(
            MonitorFigure.objects.filter(
                period_kind="month", period_start=month, measure__in=keys
            ).values_list(
                "municipality_id", "sector", "measure", "dimension", "value", "status"
            )
        ),
    )


def _conversations_in(month: dt.date) -> int:
    return sum(
        MonitorCount.objects.filter(
            month=month, measure="youth_conversation"
        ).values_list("count", flat=True)
    )


@pytest.fixture
def march(school: tuple[PublicChannel, Actor]) -> None:
    """Three conversations in March, counted by the runs of April."""
    channel, af = school
    _write(channel, af, dt.date(2026, 3, 2), answer=False)
    _write(channel, af, dt.date(2026, 3, 16), answer=True)
    _write(channel, af, dt.date(2026, 3, 31), answer=True)
    monitor_refresh(today=dt.date(2026, 4, 10))
    assert _conversations_in(MARCH) == 3


def test_a_final_month_keeps_its_youth_counts_after_the_purge(march: None) -> None:
    assert final_from(MARCH, YOUTH) == dt.date(2026, 4, 27)
    monitor_refresh(today=dt.date(2026, 4, 26))
    assert not MonitorFinal.objects.filter(month=MARCH).exists()
    monitor_refresh(today=dt.date(2026, 4, 27))  # the daily run freezes March
    final = MonitorFinal.objects.filter(month=MARCH)
    assert set(final.values_list("month", "measure")) == {
        (MARCH, key) for key in YOUTH.measures
    }
    before = youth_tables(MARCH)
    assert before[2]  # figures published

    assert _purge(dt.date(2026, 5, 1)) == 0  # 2 March + 60 days: not yet
    assert _purge(dt.date(2026, 5, 2)) == 1
    refresh = monitor_refresh(today=dt.date(2026, 5, 2))
    assert refresh.kind == RefreshKind.INCREMENTAL
    assert refresh.cells_recounted > 0  # the purge was logged, March counted
    assert youth_tables(MARCH) == before
    monitor_refresh(today=dt.date(2026, 5, 2), full=True)
    assert youth_tables(MARCH) == before

    assert _purge(dt.date(2026, 6, 1)) == 2
    assert not YouthConversation.objects.exists()
    assert monitor_refresh(today=dt.date(2026, 6, 1)).kind == RefreshKind.INCREMENTAL
    assert youth_tables(MARCH) == before
    monitor_refresh(today=dt.date(2026, 6, 1), full=True)
    assert youth_tables(MARCH) == before
    assert _conversations_in(MARCH) == 3


def test_a_recent_month_is_still_counted_again(
    march: None, school: tuple[PublicChannel, Actor]
) -> None:
    channel, af = school
    _write(channel, af, dt.date(2026, 4, 20), answer=False)
    monitor_refresh(today=dt.date(2026, 4, 27))
    assert _conversations_in(APRIL) == 1
    conversation = YouthConversation.objects.order_by("-created_at").first()
    assert conversation is not None
    with at(dt.datetime.combine(dt.date(2026, 5, 4), dt.time(9))):
        conversation_misuse_mark(actor=af, conversation=conversation, reason="Grap")
    # April is final from 28 May: a change in it is still counted.
    assert monitor_refresh(today=dt.date(2026, 5, 4)).kind == RefreshKind.INCREMENTAL
    assert _conversations_in(APRIL) == 0
    assert _conversations_in(MARCH) == 3
    assert not MonitorFinal.objects.filter(month=APRIL).exists()


def test_a_change_of_scheme_keeps_final_counts(
    march: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monitor_refresh(today=dt.date(2026, 4, 27))
    before = youth_tables(MARCH)
    _purge(dt.date(2026, 6, 1))
    monkeypatch.setattr("kindveilig.monitor.services.METHOD_VERSION", 2)
    assert monitor_refresh(today=dt.date(2026, 6, 1)).kind == RefreshKind.FULL
    assert youth_tables(MARCH) == before


def test_a_changed_definition_counts_the_measure_again(
    march: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Counts made under another definition are not kept: the measure's final
    months are counted again from what is left, and frozen anew."""
    from kindveilig.monitor import finality

    monitor_refresh(today=dt.date(2026, 4, 27))
    _purge(dt.date(2026, 6, 1))

    def changed(m: Any) -> str:
        digest = finality.measure_digest(m)
        return "changed" if m.key == "youth_conversation" else digest

    monkeypatch.setattr("kindveilig.monitor.services.measure_digest", changed)
    monitor_refresh(today=dt.date(2026, 6, 1), full=True)
    assert _conversations_in(MARCH) == 0
    assert MonitorFinal.objects.get(
        month=MARCH, measure="youth_conversation"
    ).digest == ("changed")
    # The other youth measures kept their counts.
    assert MonitorCount.objects.filter(month=MARCH, measure="youth_message").exists()


def test_finality_follows_the_channels_retention_setting(settings: Any) -> None:
    settings.KINDVEILIG_YOUTH_MESSAGE_RETENTION_DAYS = 90
    assert final_from(MARCH, YOUTH) == dt.date(2026, 5, 27)
    # Shorter than a month: never before the month has ended.
    settings.KINDVEILIG_YOUTH_MESSAGE_RETENTION_DAYS = 20
    assert final_from(MARCH, YOUTH) == dt.date(2026, 4, 2)


def test_an_escalation_counts_in_its_month_until_that_month_is_final(
    school: tuple[PublicChannel, Actor],
) -> None:
    """A child writes in February and nobody answers; on 20 March the af opens
    a trajectory from it. Opening it is activity: the conversation lives until
    March is final, so "started from a child's message" stays counted."""
    channel, af = school
    _write(channel, af, dt.date(2026, 2, 10), answer=False)
    conversation = YouthConversation.objects.get()
    with at(dt.datetime.combine(dt.date(2026, 3, 20), dt.time(9))):
        conversation_escalate(
            actor=af,
            conversation=conversation,
            given_name="Onbekend (test)",
            family_name="Kind",
            forms_of_violence=["physical"],
        )
    assert _purge(dt.date(2026, 4, 13)) == 0  # 60 days after the child wrote
    monitor_refresh(today=dt.date(2026, 4, 27))
    started = MonitorCount.objects.filter(month=MARCH, measure="started")
    assert set(started.values_list("dimension", "count")) == {("youth", 1)}
    assert _purge(dt.date(2026, 5, 20)) == 1
    monitor_refresh(today=dt.date(2026, 5, 20), full=True)
    assert set(started.values_list("dimension", "count")) == {("youth", 1)}
    assert MonitorCount.objects.get(month=MARCH, measure="youth_escalation").count == 1


def test_a_bulk_load_counts_final_months_again(march: None) -> None:
    """The generated population writes rows into old months with the log off:
    its "count everything" thaws the finals too."""
    from kindveilig.monitor.changes import everything_changed

    monitor_refresh(today=dt.date(2026, 4, 27))
    _purge(dt.date(2026, 6, 1))
    everything_changed()
    assert monitor_refresh(today=dt.date(2026, 6, 1)).kind == RefreshKind.FULL
    assert _conversations_in(MARCH) == 0
    assert MonitorFinal.objects.filter(month=MARCH).exists()  # frozen anew
