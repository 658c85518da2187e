"""What children and staff write is encrypted at rest."""

from django.db import connection

import pytest

from kindveilig.access.actor import Actor
from kindveilig.youth.messages.models import PublicChannel
from kindveilig.youth.messages.services import conversation_start, staff_answer

pytestmark = [pytest.mark.django_db]


def test_raw_rows_hold_no_plaintext(channel: PublicChannel, af: Actor) -> None:
    result = conversation_start(
        channel=channel,
        body="Mijn stiefvader Kees slaat mij",
        first_name="Fleur",
        contact="pauze bij het hek",
    )
    staff_answer(actor=af, conversation=result.conversation, body="Fleur, ik help je.")
    assert result.code is not None
    with connection.cursor() as cursor:
        cursor.execute("SELECT body FROM youthmessages_youthmessage")
        bodies = [row[0] for row in cursor.fetchall()]
        cursor.execute(
            "SELECT first_name, contact, code_hash FROM youthmessages_youthconversation"
        )
        [(first_name, contact, code_hash)] = cursor.fetchall()
    assert len(bodies) == 2
    assert all(body.startswith("fernet:") for body in bodies)
    assert not any("Kees" in body or "Fleur" in body for body in bodies)
    assert first_name.startswith("fernet:")
    assert "Fleur" not in first_name
    assert contact.startswith("fernet:")
    assert result.code.text not in code_hash
    # The model reads them back.
    result.conversation.refresh_from_db()
    assert result.conversation.first_name == "Fleur"
