"""An urgent message e-mails the aandachtsfunctionarissen: a link, no content."""

from collections.abc import Callable
from io import StringIO

from django.core import mail
from django.core.management import call_command

import pytest
from conftest import Persona

from kindveilig.access.roles import Role
from kindveilig.organisations.models import Organisation
from kindveilig.youth.messages.models import PublicChannel, YouthConversation
from kindveilig.youth.messages.services import child_message_add, conversation_start
from kindveilig.youth.messages.tasks import send_youth_alert

pytestmark = [pytest.mark.django_db(transaction=True)]

WORDS = "Mijn oom Henk zit aan me"


@pytest.fixture
def setup(
    seeded: None,
    organisation: Organisation,
    make_persona: object,
) -> tuple[PublicChannel, Persona, Persona]:
    channel = PublicChannel.objects.create(
        organisation=organisation, public_code="PROEF", display_name="De Proef"
    )
    af = make_persona(Role.AANDACHTSFUNCTIONARIS, organisation)  # type: ignore[operator]
    teacher = make_persona(Role.PROFESSIONAL, organisation)  # type: ignore[operator]
    return channel, af, teacher


def _run_worker() -> None:
    call_command("db_worker", "--batch", "--no-startup-delay", stdout=StringIO())


def test_an_urgent_message_sends_a_link_without_content(
    setup: tuple[PublicChannel, Persona, Persona],
) -> None:
    channel, af, _teacher = setup
    result = conversation_start(channel=channel, body=WORDS, first_name="Lieke")
    assert result.is_urgent
    _run_worker()
    [message] = mail.outbox
    assert message.to == [af.user.email]
    text = f"{message.subject}\n{message.body}"
    assert str(result.conversation.public_id) in text  # the link
    for secret in ["Henk", "Lieke", "oom", "sexual", "seks"]:
        assert secret not in text
    assert "URGENT" in message.subject.upper() or "DRINGEND" in message.subject.upper()


def test_a_new_message_sends_one_mail_per_hour_at_most(
    setup: tuple[PublicChannel, Persona, Persona],
) -> None:
    channel, _, _ = setup
    for _ in range(3):
        conversation_start(channel=channel, body="Hoi juf")
    _run_worker()
    assert len(mail.outbox) == 1


def test_a_later_urgent_message_in_a_conversation_alerts_too(
    setup: tuple[PublicChannel, Persona, Persona],
) -> None:
    channel, _, _ = setup
    conversation = conversation_start(channel=channel, body="Hoi").conversation
    _run_worker()
    child_message_add(conversation=conversation, body="ik wil nie meer leve")
    _run_worker()
    assert len(mail.outbox) == 2
    conversation.refresh_from_db()
    assert conversation.is_urgent
    assert conversation.danger_categories == ["self_harm"]


def test_an_aandachtsfunctionaris_who_left_gets_no_alert(
    setup: tuple[PublicChannel, Persona, Persona],
    make_persona: Callable[..., Persona],
    retire: Callable[[Persona], Persona],
) -> None:
    channel, af, _teacher = setup
    gone = retire(make_persona(Role.AANDACHTSFUNCTIONARIS, channel.organisation))
    assert conversation_start(channel=channel, body=WORDS).is_urgent
    _run_worker()
    [message] = mail.outbox
    assert message.to == [af.user.email]
    assert gone.user.email not in message.to


def test_no_alert_when_the_only_aandachtsfunctionaris_left(
    setup: tuple[PublicChannel, Persona, Persona],
    retire: Callable[[Persona], Persona],
) -> None:
    channel, af, _teacher = setup
    retire(af)
    assert conversation_start(channel=channel, body=WORDS).is_urgent
    _run_worker()
    assert mail.outbox == []


def test_the_task_is_quiet_for_a_deleted_conversation(
    setup: tuple[PublicChannel, Persona, Persona],
) -> None:
    assert send_youth_alert.call(kind="urgent", conversation_id=999999) == 0
    assert not YouthConversation.objects.exists()


def test_every_urgent_message_is_an_email_to_each_recipient(
    setup: tuple[PublicChannel, Persona, Persona],
    make_persona: Callable[..., Persona],
) -> None:
    channel, af, _teacher = setup
    second = make_persona(Role.AANDACHTSFUNCTIONARIS, channel.organisation)
    for _ in range(3):
        assert conversation_start(channel=channel, body=WORDS).is_urgent
    _run_worker()
    assert len(mail.outbox) == 6  # no throttle for urgent messages
    assert sorted(m.to[0] for m in mail.outbox) == sorted(
        [af.user.email, second.user.email] * 3
    )
    assert all(len(message.to) == 1 for message in mail.outbox)
