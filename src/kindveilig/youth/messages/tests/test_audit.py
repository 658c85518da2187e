"""Every read and answer of a conversation is in the audit log."""

from django.test import Client
from django.urls import reverse

import pytest
from conftest import Persona, login_as

from kindveilig.access.actor import Actor
from kindveilig.audit.models import AuditAction, AuditEvent
from kindveilig.youth.messages.models import PublicChannel, YouthConversation
from kindveilig.youth.messages.selectors import conversation_get_for, inbox_for
from kindveilig.youth.messages.services import conversation_start, staff_answer

pytestmark = [pytest.mark.django_db]


@pytest.fixture
def conversation(channel: PublicChannel) -> YouthConversation:
    return conversation_start(channel=channel, body="Hoi").conversation


def _events(conversation: YouthConversation) -> list[AuditEvent]:
    return list(
        AuditEvent.objects.filter(
            object_type="youthmessages.youthconversation",
            object_id=str(conversation.public_id),
        )
    )


def test_the_childs_first_message_is_a_create_without_actor(
    conversation: YouthConversation,
) -> None:
    [event] = _events(conversation)
    assert event.action == AuditAction.CREATE
    assert event.actor_user is None
    assert event.person_id is None


def test_reading_and_answering_are_audited(
    conversation: YouthConversation, af: Actor
) -> None:
    conversation_get_for(actor=af, public_id=conversation.public_id)
    staff_answer(actor=af, conversation=conversation, body="Ik help je.")
    inbox_for(actor=af)
    events = _events(conversation)
    assert [(e.action, e.reason) for e in events[1:]] == [
        (AuditAction.READ, ""),
        (AuditAction.UPDATE, "answer"),
        (AuditAction.READ, "inbox"),
    ]
    assert all(e.actor_user == af.user for e in events[1:])
    assert all(e.actor_organisation_id == af.organisation_id for e in events[1:])


def test_the_pages_write_the_records(
    client: Client, conversation: YouthConversation, aandachtsfunctionaris: Persona
) -> None:
    login_as(client, aandachtsfunctionaris)
    url = reverse("youthstaff:conversation-detail", args=[conversation.public_id])
    client.get(url)
    client.post(url, {"action": "send", "body": "Ik lees het."})
    actions = [e.action for e in _events(conversation)]
    assert actions.count(AuditAction.READ) >= 1
    assert AuditAction.UPDATE in actions
    # The audit log holds no words of the child.
    assert not AuditEvent.objects.filter(reason__icontains="Hoi").exists()
