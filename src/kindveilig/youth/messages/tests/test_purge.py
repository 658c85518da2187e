"""Conversations are deleted after a period without activity (default 60 days)."""

import datetime as dt
from io import StringIO

from django.core.management import CommandError, call_command
from django.tasks import TaskResultStatus

import pytest
import time_machine

from kindveilig.audit.models import AuditAction, AuditEvent
from kindveilig.organisations.models import Organisation
from kindveilig.youth.messages.models import (
    PublicChannel,
    YouthConversation,
    YouthMessage,
)
from kindveilig.youth.messages.services import (
    child_message_add,
    conversation_start,
    conversations_purge,
    retention_days,
)
from kindveilig.youth.messages.tasks import purge_youth_conversations

pytestmark = [pytest.mark.django_db]

START = dt.datetime(2025, 9, 1, 10, 0, tzinfo=dt.UTC)


def test_the_default_is_sixty_days() -> None:
    assert retention_days() == 60


def test_a_conversation_is_deleted_after_sixty_days_without_activity(
    channel: PublicChannel,
) -> None:
    with time_machine.travel(START, tick=False):
        old = conversation_start(channel=channel, body="Hoi").conversation
        kept = conversation_start(channel=channel, body="Hallo").conversation
    with time_machine.travel(START + dt.timedelta(days=30), tick=False):
        child_message_add(conversation=kept, body="Nog een vraag")
    with time_machine.travel(START + dt.timedelta(days=59, hours=23), tick=False):
        assert conversations_purge() == 0
    with time_machine.travel(START + dt.timedelta(days=60, minutes=1), tick=False):
        assert conversations_purge() == 1
    assert list(YouthConversation.objects.all()) == [kept]
    assert not YouthMessage.objects.filter(conversation_id=old.pk).exists()
    deleted = AuditEvent.objects.get(
        action=AuditAction.DELETE, object_id=str(old.public_id)
    )
    assert deleted.actor_user is None
    assert deleted.reason == "no activity for 60 days"


def test_the_period_is_configurable(channel: PublicChannel, settings: object) -> None:
    settings.KINDVEILIG_YOUTH_MESSAGE_RETENTION_DAYS = 7  # type: ignore[attr-defined]
    with time_machine.travel(START, tick=False):
        conversation_start(channel=channel, body="Hoi")
    with time_machine.travel(START + dt.timedelta(days=8), tick=False):
        assert conversations_purge() == 1


def test_the_command_purges_and_reports(channel: PublicChannel) -> None:
    with time_machine.travel(START, tick=False):
        conversation_start(channel=channel, body="Hoi")
    out = StringIO()
    with time_machine.travel(START + dt.timedelta(days=61), tick=False):
        call_command("purge_youth_conversations", stdout=out)
    assert "1" in out.getvalue()
    assert not YouthConversation.objects.exists()
    with pytest.raises(CommandError):
        call_command("purge_youth_conversations", "--days", "0", stdout=StringIO())


@pytest.mark.django_db(transaction=True)
def test_the_daily_task_runs_in_the_worker(
    seeded: None, organisation: Organisation
) -> None:
    channel = PublicChannel.objects.create(
        organisation=organisation, public_code="PROEF", display_name="De Proef"
    )
    with time_machine.travel(START, tick=False):
        conversation_start(channel=channel, body="Hoi")
    YouthConversation.objects.update(last_activity_at=START)
    enqueued = purge_youth_conversations.enqueue()
    assert enqueued.status == TaskResultStatus.READY
    call_command("db_worker", "--batch", "--no-startup-delay", stdout=StringIO())
    result = purge_youth_conversations.get_result(enqueued.id)
    assert result.status == TaskResultStatus.SUCCESSFUL
    assert result.return_value == 1
