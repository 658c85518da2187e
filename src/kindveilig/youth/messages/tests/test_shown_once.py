"""The receipt after sending and the conversation after the code are shown once, behind a single-use token: Back, a
reload or a restored tab show a neutral page, the code is never in a URL and
never stored readable, and the browser is asked to keep nothing (issue 14)."""

import datetime
import re

from django.db import connection
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext

import pytest

from kindveilig.youth.messages.codes import generate_code, parse_code
from kindveilig.youth.messages.models import (
    OneTimePage,
    PublicChannel,
    YouthConversation,
)
from kindveilig.youth.messages.one_time_pages import (
    ONE_TIME_PAGE_LIFETIME,
    OneTimePageKind,
    one_time_page_issue,
    one_time_page_take,
    one_time_pages_purge,
)

RECEIPT = OneTimePageKind.RECEIPT

pytestmark = [pytest.mark.django_db]

WORDS = "Mijn buurman Zwanenbloem doet eng"
CONTACT = "tjiftjaf@voorbeeld.nl"


def _send(client: Client, language: str = "nl") -> str:
    with translation.override(language):
        url = reverse("youth:message-write")
    response = client.post(
        url,
        {
            "channel": "PROEF",
            "submission": "s1",
            "body": WORDS,
            "contact": "tjiftjaf@voorbeeld.nl",
        },
    )
    assert response.status_code == 303
    return str(response["Location"])


def _code_on(page: str) -> str:
    found = re.search(r'id="code-copy"[^>]*value="([^"]+)"', page)
    assert found
    return found.group(1)


def test_sending_redirects_to_a_receipt_shown_once(
    child_client: Client, channel: PublicChannel
) -> None:
    location = _send(child_client)
    assert location.startswith("/praat/nl/bericht/verstuurd/")
    first = child_client.get(location)
    assert first.status_code == 200
    code = _code_on(first.content.decode())
    for word in code.split():
        assert word not in location
    assert not OneTimePage.objects.exists()

    again = child_client.get(location)  # Back, reload, a restored tab
    page = again.content.decode()
    assert again.status_code == 410
    assert gettext("This page is no longer available") in page
    assert "tel:112" in page
    for secret in [code, WORDS, "tjiftjaf", channel.display_name]:
        assert secret not in page
    assert again.cookies == {}


def test_the_language_goes_along_with_the_redirect(
    child_client: Client, channel: PublicChannel
) -> None:
    location = _send(child_client, "en")
    assert location.startswith("/praat/en/bericht/verstuurd/")
    assert child_client.get(location)["Content-Language"] == "en"


def test_an_unknown_late_or_other_kind_of_token_finds_nothing() -> None:
    assert one_time_page_take(kind=RECEIPT, token="made-up") is None
    token = one_time_page_issue(kind=RECEIPT, code=generate_code())
    other = OneTimePageKind.CONVERSATION
    assert one_time_page_take(kind=other, token=token) is None
    assert one_time_page_take(kind=RECEIPT, token=token) is not None
    token = one_time_page_issue(kind=RECEIPT, code=generate_code(), urgent=False)
    later = timezone.now() + ONE_TIME_PAGE_LIFETIME + datetime.timedelta(seconds=1)
    assert one_time_page_take(kind=RECEIPT, token=token, now=later) is None
    assert not OneTimePage.objects.exists()


def test_receipts_nobody_opened_are_purged() -> None:
    one_time_page_issue(kind=RECEIPT, code=generate_code(), urgent=True)
    assert one_time_pages_purge() == 0
    later = timezone.now() + ONE_TIME_PAGE_LIFETIME + datetime.timedelta(seconds=1)
    assert one_time_pages_purge(now=later) == 1


def test_neither_the_code_nor_the_token_is_stored_readable() -> None:
    code = generate_code()
    token = one_time_page_issue(kind=RECEIPT, code=code, urgent=True)
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT token_hash, sealed_code FROM {OneTimePage._meta.db_table}"  # noqa: S608  # our own table name
        )
        token_hash, sealed = cursor.fetchone()
    assert sealed.startswith("fernet:")
    assert code.text not in sealed
    assert token not in token_hash
    shown = one_time_page_take(kind=RECEIPT, token=token)
    assert shown is not None
    assert shown.code == code
    assert shown.urgent


def test_every_child_page_asks_the_browser_to_store_nothing(
    child_client: Client, channel: PublicChannel
) -> None:
    location = _send(child_client)
    for response in [
        child_client.get(reverse("youth:message-start")),
        child_client.post(reverse("youth:message-start"), {"q": "PROEF"}, follow=True),
        child_client.get(location),
        child_client.get(location),
        child_client.get(reverse("youth:message-read")),
    ]:
        assert "no-store" in response["Cache-Control"]


def test_no_field_a_child_types_in_is_remembered_by_the_browser(
    child_client: Client, channel: PublicChannel
) -> None:
    pages = [
        child_client.post(reverse("youth:message-start"), {"q": "proef"}, follow=True),
        child_client.get(reverse("youth:message-start")),
        child_client.get(reverse("youth:message-read")),
    ]
    for response in pages:
        page = response.content.decode()
        for form in re.findall(r"<form [^>]*method=\"post\"[^>]*>", page):
            assert 'autocomplete="off"' in form
        for field in re.findall(r"<(?:textarea|input)\b[^>]*>", page):
            if 'type="hidden"' not in field and 'name="homepage"' not in field:
                assert 'autocomplete="off"' in field, field
                assert 'spellcheck="false"' in field or "readonly" in field, field


def test_reading_and_writing_back_redirect_to_a_conversation_shown_once(
    child_client: Client, channel: PublicChannel
) -> None:
    code = _code_on(child_client.get(_send(child_client)).content.decode())
    read = child_client.post(reverse("youth:message-read"), {"code": code.upper()})
    assert read.status_code == 303
    location = str(read["Location"])
    assert location.startswith("/praat/nl/bericht/gesprek/")
    assert code.split()[0] not in location
    page = child_client.get(location).content.decode()
    assert WORDS in page
    assert f'name="code" value="{code}"' in page  # to write back
    assert child_client.get(location).status_code == 410

    back = child_client.post(
        reverse("youth:message-read"), {"code": code, "body": "Nog iets: Kraanvogel"}
    )
    assert back.status_code == 303
    again = child_client.get(back["Location"]).content.decode()
    assert "Kraanvogel" in again
    assert gettext("Your message has been sent.") in again
    gone = child_client.get(back["Location"]).content.decode()
    for secret in [code, WORDS, "Kraanvogel", channel.display_name]:
        assert secret not in gone


def test_a_reply_that_is_too_long_stays_on_the_page_to_shorten(
    child_client: Client, channel: PublicChannel
) -> None:
    code = _code_on(child_client.get(_send(child_client)).content.decode())
    response = child_client.post(
        reverse("youth:message-read"), {"code": code, "body": "a" * 5001}
    )
    # Refused, but answered like a good form: once, behind a token, so the
    # reply does not stay with the POST's history entry.
    assert response.status_code == 303
    location = str(response["Location"])
    page = child_client.get(location).content.decode()
    assert 'aria-invalid="true"' in page
    assert "a" * 5001 in page  # kept to shorten
    again = child_client.get(location)
    assert again.status_code == 410
    assert "a" * 100 not in again.content.decode()


def test_a_refused_message_is_shown_back_once_with_its_reason(
    child_client: Client, channel: PublicChannel
) -> None:
    refused = child_client.post(
        reverse("youth:message-write"),
        {"channel": "PROEF", "submission": "s9", "body": "", "contact": CONTACT},
    )
    assert refused.status_code == 303
    location = str(refused["Location"])
    assert location.startswith("/praat/nl/bericht/schrijven/")
    page = child_client.get(location).content.decode()
    assert 'aria-invalid="true"' in page  # the empty message, with its reason
    assert f'value="{CONTACT}"' in page  # what was typed is kept
    assert 'name="submission" value="s9"' in page  # the same sending, not a new one
    gone = child_client.get(location)
    assert gone.status_code == 410
    assert CONTACT not in gone.content.decode()
    assert not YouthConversation.objects.exists()


def test_a_code_we_cannot_find_is_shown_back_once(
    child_client: Client, channel: PublicChannel
) -> None:
    typed = "uil appel brug kat 482"
    refused = child_client.post(reverse("youth:message-read"), {"code": typed})
    assert refused.status_code == 303
    location = str(refused["Location"])
    assert "uil" not in location
    page = child_client.get(location).content.decode()
    assert f'value="{typed}"' in page  # to correct a typing error
    assert 'aria-invalid="true"' in page
    gone = child_client.get(location)
    assert gone.status_code == 410
    assert typed not in gone.content.decode()


def test_choosing_the_school_redirects_to_a_write_page_shown_once(
    child_client: Client, channel: PublicChannel
) -> None:
    chosen = child_client.post(reverse("youth:message-start"), {"q": "proef"})
    assert chosen.status_code == 303
    location = str(chosen["Location"])
    assert location.startswith("/praat/nl/bericht/schrijven/")
    assert "proef" not in location.lower()
    page = child_client.get(location).content.decode()
    assert channel.display_name in page
    assert 'name="channel" value="PROEF"' in page
    gone = child_client.get(location)  # Back after sending
    assert gone.status_code == 410
    assert channel.display_name not in gone.content.decode()

    from_list = child_client.post(reverse("youth:message-write"), {"channel": "PROEF"})
    assert from_list.status_code == 303
    channel.enabled = False
    channel.save()
    assert child_client.get(from_list["Location"]).status_code == 410


def test_a_search_by_name_redirects_to_a_list_shown_once(
    child_client: Client, channel: PublicChannel
) -> None:
    found = child_client.post(reverse("youth:message-start"), {"q": "De Proef"})
    assert found.status_code == 303
    location = str(found["Location"])
    assert location.startswith("/praat/nl/bericht/kiezen/")
    assert "proef" not in location.lower()
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT sealed_typed FROM {OneTimePage._meta.db_table}")  # noqa: S608  # our own table name
        (sealed,) = cursor.fetchone()
    assert sealed.startswith("fernet:")
    page = child_client.get(location).content.decode()
    assert channel.display_name in page
    gone = child_client.get(location)
    assert gone.status_code == 410
    assert channel.display_name not in gone.content.decode()


def test_no_title_names_the_school_or_the_message(
    child_client: Client, channel: PublicChannel
) -> None:
    chosen = child_client.post(reverse("youth:message-start"), {"q": "proef"})
    write = child_client.get(chosen["Location"])
    receipt = child_client.get(_send(child_client))
    for response in [write, receipt, child_client.get(chosen["Location"])]:
        titles = re.findall(r"<title>([^<]*)</title>", response.content.decode())
        assert titles == [gettext("Information")]


def test_the_code_is_shown_in_the_page_language_and_opens_in_any(
    child_client: Client, channel: PublicChannel
) -> None:
    receipt = child_client.get(_send(child_client, "ar")).content.decode()
    shown = _code_on(receipt)
    code = parse_code(shown)
    assert code is not None
    assert shown == code.text_in("ar")
    assert code.words[0] not in shown  # Arabic words, not the Dutch ones
    # Typed on the Dutch read page, the Arabic words open the conversation.
    opened = child_client.post(reverse("youth:message-read"), {"code": shown})
    assert opened.status_code == 303
    assert "/bericht/gesprek/" in str(opened["Location"])
