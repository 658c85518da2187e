from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse

import pytest
from conftest import Persona, login_as

from kindveilig.access.actor import Actor
from kindveilig.audit.models import AuditEvent
from kindveilig.youth.messages.models import PublicChannel, YouthConversation
from kindveilig.youth.messages.selectors import inbox_for
from kindveilig.youth.messages.services import (
    child_message_add,
    conversation_misuse_mark,
    conversation_misuse_unmark,
    conversation_start,
)

pytestmark = [pytest.mark.django_db]


@pytest.fixture
def conversation(channel: PublicChannel) -> YouthConversation:
    return conversation_start(channel=channel, body="Juf Anna slaat ons").conversation


def test_marking_misuse_counts_keeps_and_moves_the_conversation(
    conversation: YouthConversation, channel: PublicChannel, af: Actor
) -> None:
    conversation_misuse_mark(
        actor=af, conversation=conversation, reason="Grap, vijf keer dezelfde tekst"
    )
    conversation.refresh_from_db()
    channel.refresh_from_db()
    assert conversation.is_misuse
    assert conversation.misuse_marked_by == af.user
    assert conversation.misuse_marked_at is not None
    assert conversation.misuse_reason == "Grap, vijf keer dezelfde tekst"
    assert channel.misuse_count == 1
    assert YouthConversation.objects.filter(pk=conversation.pk).exists()
    assert inbox_for(actor=af) == []
    assert inbox_for(actor=af, view="misuse") == [conversation]
    assert AuditEvent.objects.filter(reason__startswith="marked as misuse").exists()
    # The child can still write; nothing is dropped.
    child_message_add(conversation=conversation, body="Echt waar!")
    assert conversation.messages.count() == 2


def test_misuse_needs_a_reason(conversation: YouthConversation, af: Actor) -> None:
    with pytest.raises(ValidationError):
        conversation_misuse_mark(actor=af, conversation=conversation, reason=" ")


def test_a_wrong_mark_can_be_undone(
    conversation: YouthConversation, channel: PublicChannel, af: Actor
) -> None:
    conversation_misuse_mark(actor=af, conversation=conversation, reason="Grap")
    conversation_misuse_unmark(actor=af, conversation=conversation)
    channel.refresh_from_db()
    conversation.refresh_from_db()
    assert not conversation.is_misuse
    assert channel.misuse_count == 0
    assert inbox_for(actor=af) == [conversation]


def test_another_organisation_cannot_mark(
    conversation: YouthConversation, other_af: Persona
) -> None:
    with pytest.raises(ValidationError):
        conversation_misuse_mark(
            actor=other_af.actor, conversation=conversation, reason="Grap"
        )


def test_the_misuse_page(
    client: Client,
    conversation: YouthConversation,
    aandachtsfunctionaris: Persona,
    channel: PublicChannel,
) -> None:
    login_as(client, aandachtsfunctionaris)
    url = reverse("youthstaff:conversation-misuse", args=[conversation.public_id])
    assert client.get(url).status_code == 200
    assert client.post(url, {"reason": ""}).status_code == 200
    response = client.post(url, {"reason": "Gebruikt om een klasgenoot te pesten"})
    assert response.status_code == 302
    conversation.refresh_from_db()
    assert conversation.is_misuse
    settings_page = client.get(reverse("youthstaff:channel-settings"))
    assert "1" in settings_page.content.decode()
    client.post(url, {"action": "undo"})
    conversation.refresh_from_db()
    assert not conversation.is_misuse
