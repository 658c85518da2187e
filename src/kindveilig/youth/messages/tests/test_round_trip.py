"""A child writes, the aandachtsfunctionaris answers, the child reads the answer
with the code: at service level and through the pages."""

import re
from html import unescape

from django.test import Client
from django.urls import reverse

import pytest
from conftest import Persona, login_as

from kindveilig.access.actor import Actor
from kindveilig.youth.messages.models import (
    ConversationStatus,
    PublicChannel,
    Sender,
    YouthConversation,
)
from kindveilig.youth.messages.selectors import (
    conversation_by_code,
    inbox_for,
    messages_of,
)
from kindveilig.youth.messages.services import (
    child_message_add,
    conversation_close,
    conversation_start,
    staff_answer,
)

pytestmark = [pytest.mark.django_db]


def test_round_trip_at_service_level(channel: PublicChannel, af: Actor) -> None:
    result = conversation_start(
        channel=channel, body="Ik word gepest in de pauze", first_name="Sam"
    )
    assert result.code is not None
    assert not result.is_urgent
    [listed] = inbox_for(actor=af)
    assert listed == result.conversation
    assert listed.waiting_since is not None

    staff_answer(actor=af, conversation=listed, body="Dank je wel. Ik help je.")
    assert YouthConversation.objects.get(pk=listed.pk).waiting_since is None

    found = conversation_by_code(result.code.text)
    assert found == result.conversation
    assert [(m.sender, m.body) for m in messages_of(found)] == [
        (Sender.CHILD, "Ik word gepest in de pauze"),
        (Sender.STAFF, "Dank je wel. Ik help je."),
    ]

    child_message_add(conversation=found, body="Wanneer kan ik komen?")
    found.refresh_from_db()
    assert found.waiting_since is not None


def test_a_child_who_writes_again_reopens_a_closed_conversation(
    channel: PublicChannel, af: Actor
) -> None:
    conversation = conversation_start(channel=channel, body="Hoi").conversation
    conversation_close(actor=af, conversation=conversation)
    assert inbox_for(actor=af) == []
    child_message_add(conversation=conversation, body="Ik ben er weer")
    conversation.refresh_from_db()
    assert conversation.status == ConversationStatus.OPEN
    assert inbox_for(actor=af) == [conversation]


def _code_on(page: str) -> str:
    match = re.search(r'id="code-copy"[^>]*value="([^"]+)"', page)
    assert match, "the receipt shows the code in a copyable field"
    return unescape(match.group(1))


def test_round_trip_through_the_pages(
    child_client: Client,
    client: Client,
    channel: PublicChannel,
    aandachtsfunctionaris: Persona,
) -> None:
    start = reverse("youth:message-start")
    page = child_client.post(start, {"q": "proef"}, follow=True)
    assert page.status_code == 200
    assert b"Basisschool De Proef (test)" in page.content  # found by its code

    write = child_client.post(
        reverse("youth:message-write"), {"channel": "PROEF"}, follow=True
    ).content.decode()
    submission = re.search(r'name="submission" value="([^"]+)"', write)
    assert submission
    receipt = child_client.post(
        reverse("youth:message-write"),
        {
            "channel": "PROEF",
            "submission": submission.group(1),
            "body": "Ik word gepest en ik weet niet wat ik moet doen",
            "first_name": "",
            "contact": "",
            "homepage": "",
        },
        follow=True,
    )
    assert receipt.status_code == 200
    code = _code_on(receipt.content.decode())
    conversation = YouthConversation.objects.get()

    login_as(client, aandachtsfunctionaris)
    inbox = client.get(reverse("youthstaff:inbox"))
    detail_url = reverse(
        "youthstaff:conversation-detail", args=[conversation.public_id]
    )
    assert detail_url in inbox.content.decode()
    detail = client.get(detail_url)
    assert "Ik word gepest en ik weet niet wat ik moet doen" in detail.content.decode()
    answered = client.post(
        detail_url, {"action": "send", "body": "Wat goed dat je het vertelt."}
    )
    assert answered.status_code == 302

    read = child_client.post(
        reverse("youth:message-read"), {"code": code.upper()}, follow=True
    )
    assert read.status_code == 200
    assert "Wat goed dat je het vertelt." in read.content.decode()

    reply = child_client.post(
        reverse("youth:message-read"), {"code": code, "body": "Dank je!"}, follow=True
    )
    assert "Dank je!" in reply.content.decode()
    assert conversation.messages.count() == 3
