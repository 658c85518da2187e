import datetime as dt

from django.test import Client
from django.urls import reverse
from django.utils import translation

import pytest
from conftest import Persona, login_as

from kindveilig.audit.models import AuditEvent
from kindveilig.youth.messages.models import (
    ChannelHours,
    DangerPattern,
    PublicChannel,
    YouthConversation,
)
from kindveilig.youth.messages.services import conversation_start

pytestmark = [pytest.mark.django_db]


def test_the_af_sets_up_the_channel(
    client: Client, seeded: None, aandachtsfunctionaris: Persona
) -> None:
    login_as(client, aandachtsfunctionaris)
    url = reverse("youthstaff:channel-settings")
    assert client.get(url).status_code == 200
    response = client.post(
        url,
        {"public_code": "de-proef 1", "display_name": "De Proef", "enabled": "on"},
    )
    assert response.status_code == 302
    channel = PublicChannel.objects.get()
    assert channel.public_code == "DEPROEF1"
    assert channel.enabled


def test_a_code_in_use_elsewhere_is_refused(
    client: Client, other_channel: PublicChannel, aandachtsfunctionaris: Persona
) -> None:
    login_as(client, aandachtsfunctionaris)
    response = client.post(
        reverse("youthstaff:channel-settings"),
        {"public_code": "ELDERS", "display_name": "De Proef", "enabled": "on"},
    )
    assert response.status_code == 200
    assert PublicChannel.objects.count() == 1


def test_closing_the_channel_stops_new_messages(
    client: Client, channel: PublicChannel, aandachtsfunctionaris: Persona
) -> None:
    login_as(client, aandachtsfunctionaris)
    client.post(
        reverse("youthstaff:channel-settings"),
        {"public_code": "PROEF", "display_name": "De Proef"},
    )
    channel.refresh_from_db()
    assert not channel.enabled
    child = Client()
    child.post(
        reverse("youth:message-write"),
        {"channel": "PROEF", "submission": "a", "body": "Hoi"},
    )
    assert not YouthConversation.objects.exists()


def test_the_beheerder_adds_and_changes_own_danger_words(
    client: Client, channel: PublicChannel, functioneel_beheerder: Persona
) -> None:
    login_as(client, functioneel_beheerder)
    url = reverse("youthstaff:danger-patterns")
    page = client.get(url).content.decode()
    assert "wil .. dood" in page  # the shared list is shown, transparently
    response = client.post(
        url,
        {
            "pattern": "opgesloten .. kelder",
            "category": "unsafe_home",
            "is_active": "on",
        },
    )
    assert response.status_code == 302
    own = DangerPattern.objects.get(organisation=channel.organisation)
    assert own.updated_by == functioneel_beheerder.user
    edit = reverse("youthstaff:danger-pattern-edit", args=[own.pk])
    client.post(edit, {"pattern": "opgesloten .. kelder", "category": "unsafe_home"})
    own.refresh_from_db()
    assert not own.is_active
    shared = DangerPattern.objects.filter(organisation__isnull=True).first()
    assert shared is not None
    shared_edit = reverse("youthstaff:danger-pattern-edit", args=[shared.pk])
    assert client.get(shared_edit).status_code == 404


def test_trying_a_message_shows_the_categories(
    client: Client, channel: PublicChannel, aandachtsfunctionaris: Persona
) -> None:
    login_as(client, aandachtsfunctionaris)
    url = reverse("youthstaff:danger-patterns")
    page = client.post(url, {"sample": "k snij mezelf"}).content.decode()
    assert 'data-testid="trial-result"' in page
    # The af sees the list but may not add to it.
    response = client.post(url, {"pattern": "iets", "category": "violence"})
    assert response.status_code == 200
    assert not DangerPattern.objects.filter(pattern="iets").exists()


def test_templates_fill_the_answer_without_sending(
    client: Client, channel: PublicChannel, aandachtsfunctionaris: Persona
) -> None:
    from kindveilig.youth.messages.models import AnswerTemplate

    conversation = conversation_start(channel=channel, body="Hoi").conversation
    template = AnswerTemplate.objects.filter(language="nl").first()
    assert template is not None
    login_as(client, aandachtsfunctionaris)
    url = reverse("youthstaff:conversation-detail", args=[conversation.public_id])
    page = client.post(url, {"action": "template", "template": template.pk, "body": ""})
    assert page.status_code == 200
    assert template.body.split(".")[0] in page.content.decode()
    assert conversation.messages.count() == 1
    empty = client.post(url, {"action": "send", "body": "  "})
    assert empty.status_code == 200
    assert conversation.messages.count() == 1


def test_close_and_reopen(
    client: Client, channel: PublicChannel, aandachtsfunctionaris: Persona
) -> None:
    conversation = conversation_start(channel=channel, body="Hoi").conversation
    login_as(client, aandachtsfunctionaris)
    url = reverse("youthstaff:conversation-close", args=[conversation.public_id])
    client.post(url, {"action": "close"})
    conversation.refresh_from_db()
    assert conversation.status == "closed"
    closed = client.get(reverse("youthstaff:inbox") + "?lijst=gesloten")
    assert 'data-testid="inbox-row"' in closed.content.decode()
    client.post(url, {"action": "reopen"})
    conversation.refresh_from_db()
    assert conversation.status == "open"


def test_the_af_sets_when_messages_are_read(
    client: Client, channel: PublicChannel, aandachtsfunctionaris: Persona
) -> None:
    login_as(client, aandachtsfunctionaris)
    url = reverse("youthstaff:channel-hours")
    page = client.get(url).content.decode()
    assert 'value="08:00:00"' in page or 'value="08:00"' in page  # the default
    response = client.post(
        url, {"opens_2": "13:00", "closes_2": "15:30", "opens_5": "10:00"}
    )
    assert response.status_code == 200  # Saturday has no end time
    assert not ChannelHours.objects.exists()
    response = client.post(url, {"opens_2": "13:00", "closes_2": "15:30"})
    assert response.status_code == 302
    assert list(ChannelHours.objects.values_list("weekday", "opens", "closes")) == [
        (2, dt.time(13), dt.time(15, 30))
    ]
    assert AuditEvent.objects.filter(reason="hours").count() == 1
    # Empty again: back to the default school days.
    assert client.post(url, {}).status_code == 302
    assert not ChannelHours.objects.exists()


def test_staff_see_the_language_a_child_wrote_in_and_its_patterns_ran(
    client: Client, channel: PublicChannel, aandachtsfunctionaris: Persona
) -> None:
    # A message written on the Arabic pages: kept with its language, shown to
    # staff right to left, and checked with the Arabic danger patterns.
    child = Client()
    with translation.override("ar"):
        write = reverse("youth:message-write")
    child.post(
        write, {"channel": "PROEF", "submission": "ar-1", "body": "بابا يضربني كل يوم"}
    )
    conversation = YouthConversation.objects.get()
    message = conversation.messages.get()
    assert message.language == "ar"
    assert message.is_urgent
    login_as(client, aandachtsfunctionaris)
    page = client.get(
        reverse("youthstaff:conversation-detail", args=[conversation.public_id])
    ).content.decode()
    assert "schreef in het Arabisch" in page
    assert 'dir="auto" lang="ar">بابا يضربني كل يوم' in page
