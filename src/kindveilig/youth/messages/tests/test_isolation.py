"""Each organisation sees only its own conversations."""

from django.http import Http404
from django.test import Client
from django.urls import reverse

import pytest
from conftest import Persona, login_as

from kindveilig.access.actor import Actor
from kindveilig.youth.messages.models import PublicChannel, YouthConversation
from kindveilig.youth.messages.selectors import conversation_get_for, inbox_for
from kindveilig.youth.messages.services import conversation_start

pytestmark = [pytest.mark.django_db]


@pytest.fixture
def conversation(channel: PublicChannel) -> YouthConversation:
    return conversation_start(channel=channel, body="Hoi juf").conversation


def test_another_organisations_af_does_not_see_it_in_the_inbox(
    conversation: YouthConversation, other_af: Persona, af: Actor
) -> None:
    assert inbox_for(actor=other_af.actor) == []
    assert inbox_for(actor=af) == [conversation]


def test_another_organisations_af_gets_404(
    client: Client, conversation: YouthConversation, other_af: Persona
) -> None:
    login_as(client, other_af)
    for name in [
        "youthstaff:conversation-detail",
        "youthstaff:conversation-misuse",
        "youthstaff:conversation-escalate",
    ]:
        url = reverse(name, args=[conversation.public_id])
        assert client.get(url).status_code == 404, name
    url = reverse("youthstaff:conversation-close", args=[conversation.public_id])
    assert client.post(url).status_code == 404
    url = reverse("youthstaff:conversation-detail", args=[conversation.public_id])
    assert client.post(url, {"action": "send", "body": "hoi"}).status_code == 404
    assert conversation.messages.count() == 1
    with pytest.raises(Http404):
        conversation_get_for(actor=other_af.actor, public_id=conversation.public_id)


@pytest.mark.parametrize(
    "persona_name", ["professional", "functioneel_beheerder", "outsider"]
)
def test_other_roles_may_not_open_the_inbox(
    client: Client,
    conversation: YouthConversation,
    persona_name: str,
    request: pytest.FixtureRequest,
) -> None:
    login_as(client, request.getfixturevalue(persona_name))
    assert client.get(reverse("youthstaff:inbox")).status_code == 403
    url = reverse("youthstaff:conversation-detail", args=[conversation.public_id])
    assert client.get(url).status_code == 403


def test_the_inbox_needs_a_login(client: Client) -> None:
    response = client.get(reverse("youthstaff:inbox"))
    assert response.status_code == 302
    assert "/inloggen/" in response["Location"]
