"""Opening a meldcode trajectory carries the child's words over as the child's
own voice."""

import re

from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse
from django.utils.translation import gettext

import pytest
from conftest import Persona, login_as

from kindveilig.access.actor import Actor
from kindveilig.meldcode.models import Observation, Trajectory
from kindveilig.meldcode.models.choices import Source, Step
from kindveilig.youth.messages.models import PublicChannel, YouthConversation
from kindveilig.youth.messages.services import (
    child_message_add,
    conversation_escalate,
    conversation_start,
    staff_answer,
)

pytestmark = [pytest.mark.django_db]

FIRST = "Papa slaat mn moeder en ik durf nie naar huis"
SECOND = "Het was gisteren weer"


@pytest.fixture
def conversation(channel: PublicChannel, af: Actor) -> YouthConversation:
    conversation = conversation_start(channel=channel, body=FIRST).conversation
    staff_answer(actor=af, conversation=conversation, body="Wanneer gebeurde het?")
    child_message_add(conversation=conversation, body=SECOND)
    return conversation


def test_escalation_creates_a_trajectory_with_the_childs_words(
    conversation: YouthConversation, af: Actor
) -> None:
    trajectory = conversation_escalate(
        actor=af,
        conversation=conversation,
        given_name="Kind uit Praat erover",
        family_name="(onbekend)",
        forms_of_violence=["witnessing"],
    )
    assert trajectory.organisation_id == af.organisation_id
    assert trajectory.owner == af.user
    assert trajectory.step == Step.SIGNALEN
    [child] = [link.person for link in trajectory.children.all()]
    assert child.given_name == "Kind uit Praat erover"
    [observation] = Observation.objects.filter(trajectory=trajectory)
    assert observation.source == Source.CHILD
    assert observation.child_quote == f"{FIRST}\n\n{SECOND}"
    assert "Wanneer gebeurde het?" not in observation.child_quote
    conversation.refresh_from_db()
    assert conversation.trajectory == trajectory


def test_a_conversation_is_escalated_once(
    conversation: YouthConversation, af: Actor
) -> None:
    conversation_escalate(
        actor=af,
        conversation=conversation,
        given_name="Kind",
        family_name="X",
        forms_of_violence=["physical"],
    )
    with pytest.raises(ValidationError):
        conversation_escalate(
            actor=af,
            conversation=conversation,
            given_name="Kind",
            family_name="X",
            forms_of_violence=["physical"],
        )
    assert Trajectory.objects.count() == 1


def test_the_escalation_page_suggests_a_placeholder_name(
    client: Client, conversation: YouthConversation, aandachtsfunctionaris: Persona
) -> None:
    login_as(client, aandachtsfunctionaris)
    url = reverse("youthstaff:conversation-escalate", args=[conversation.public_id])
    page = client.get(url).content.decode()
    assert gettext("Child from Praat erover") in page
    assert "(onbekend)" in page
    assert re.search(r'value="physical"[^>]*checked', page)  # suggested
    response = client.post(
        url,
        {
            "given_name": "Kind uit Praat erover",
            "family_name": "(onbekend)",
            "forms_of_violence": ["witnessing"],
        },
    )
    trajectory = Trajectory.objects.get()
    assert response["Location"] == reverse(
        "meldcode:trajectory-detail", args=[trajectory.public_id]
    )
    detail = client.get(response["Location"])
    assert FIRST in detail.content.decode()


def test_a_first_name_the_child_gave_is_suggested(
    client: Client, channel: PublicChannel, aandachtsfunctionaris: Persona
) -> None:
    conversation = conversation_start(
        channel=channel, body="Hoi", first_name="Noor"
    ).conversation
    login_as(client, aandachtsfunctionaris)
    url = reverse("youthstaff:conversation-escalate", args=[conversation.public_id])
    assert 'value="Noor"' in client.get(url).content.decode()
