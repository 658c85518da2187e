"""The children's pages: no cookies, nothing telling in a URL, the code shown
once and explained, a honeypot, and the urgent help straight away."""

import re

from django.test import Client
from django.urls import reverse
from django.utils.translation import gettext

import pytest

from kindveilig.youth.messages.models import PublicChannel, YouthConversation

pytestmark = [pytest.mark.django_db]


def _write(client: Client, body: str, **extra: str) -> str:
    data = {
        "channel": "PROEF",
        "submission": extra.pop("submission", "s1"),
        "body": body,
    }
    data.update(extra)
    # Sending redirects to the receipt (post-redirect-get); follow it.
    response = client.post(reverse("youth:message-write"), data, follow=True)
    assert response.status_code == 200
    return response.content.decode()


def test_the_pages_set_no_cookie_and_work_without_a_csrf_token(
    child_client: Client, channel: PublicChannel
) -> None:
    responses = [
        child_client.get(reverse("youth:message-start")),
        child_client.post(reverse("youth:message-start"), {"q": "PROEF"}, follow=True),
        child_client.post(
            reverse("youth:message-write"), {"channel": "PROEF"}, follow=True
        ),
        child_client.post(
            reverse("youth:message-write"),
            {"channel": "PROEF", "submission": "x", "body": "Hoi"},
            follow=True,
        ),
        child_client.get(reverse("youth:message-read")),
        child_client.post(reverse("youth:message-read"), {"code": "uil"}, follow=True),
    ]
    for response in responses:
        assert response.status_code == 200
        assert response.cookies == {}, response.cookies
        assert "csrfmiddlewaretoken" not in response.content.decode()
    assert YouthConversation.objects.count() == 1


def test_the_code_is_found_directly_and_leads_to_the_write_page(
    child_client: Client, channel: PublicChannel
) -> None:
    page = child_client.post(
        reverse("youth:message-start"), {"q": " proef "}, follow=True
    ).content.decode()
    assert 'data-testid="recipient"' in page
    assert "Basisschool De Proef (test)" in page


def test_a_disabled_channel_is_not_found(
    child_client: Client, channel: PublicChannel
) -> None:
    channel.enabled = False
    channel.save()
    page = child_client.post(
        reverse("youth:message-start"), {"q": "PROEF"}, follow=True
    ).content.decode()
    assert 'data-testid="recipient"' not in page
    assert "Basisschool De Proef" not in page


def test_the_receipt_shows_the_code_large_copyable_and_explained(
    child_client: Client, channel: PublicChannel
) -> None:
    page = _write(child_client, "Ik ben mijn gum kwijt")
    big = re.search(r'data-testid="pickup-code"[^>]*>([^<]+)<', page)
    assert big
    words = big.group(1).split()
    assert len(words) == 5
    assert f'value="{" ".join(words)}"' in page  # the copyable field
    assert "readonly" in page
    assert gettext("Lost your code?") in page
    assert gettext("Keep your code safe") in page
    assert "60" in page
    assert 'data-testid="urgent-help"' not in page


def test_an_urgent_message_shows_the_three_helplines_straight_away(
    child_client: Client, channel: PublicChannel
) -> None:
    page = _write(child_client, "k snij mezelf")
    assert 'data-testid="urgent-help"' in page
    assert 'href="tel:112"' in page
    assert "0800-0432" in page
    assert "0800-0113" in page
    assert YouthConversation.objects.get().is_urgent


def test_sending_the_same_form_twice_does_not_show_the_code_again(
    child_client: Client, channel: PublicChannel
) -> None:
    first = _write(child_client, "Hoi", submission="same")
    again = _write(child_client, "Hoi", submission="same")
    assert 'data-testid="pickup-code"' in first
    assert 'data-testid="pickup-code"' not in again
    assert gettext("This message was already sent") in again
    assert YouthConversation.objects.count() == 1


def test_the_honeypot_gets_a_receipt_but_nothing_is_saved(
    child_client: Client, channel: PublicChannel
) -> None:
    page = _write(child_client, "Buy cheap pills", homepage="http://spam.example")
    assert 'data-testid="pickup-code"' in page
    assert not YouthConversation.objects.exists()


def test_a_message_that_is_too_long_is_refused_kindly(
    child_client: Client, channel: PublicChannel
) -> None:
    page = _write(child_client, "a" * 5001)
    assert 'aria-invalid="true"' in page
    assert not YouthConversation.objects.exists()
    _write(child_client, "a" * 5000, submission="s2")
    assert YouthConversation.objects.count() == 1


def test_an_unknown_code_says_what_to_do(
    child_client: Client, channel: PublicChannel
) -> None:
    page = child_client.post(
        reverse("youth:message-read"), {"code": "uil appel brug kat 482"}, follow=True
    ).content.decode()
    expected = gettext(
        "We cannot find this code. Check the four words and the number. Lost your "
        "code? Then start a new message and write that you lost it."
    )
    assert expected.split(".")[0] in page


def test_urls_are_neutral_and_the_code_never_goes_in_one(
    child_client: Client, channel: PublicChannel
) -> None:
    for name in ["message-start", "message-write", "message-read"]:
        url = reverse(f"youth:{name}")
        assert not re.search(r"geweld|misbruik|mishandel|melding|hulp", url)
    page = _write(child_client, "Hoi")
    code = re.search(r'id="code-copy"[^>]*value="([^"]+)"', page)
    assert code
    for url in re.findall(r'(?:href|action)="([^"]*)"', page):
        assert code.group(1).split()[0] not in url
    read = child_client.get(
        reverse("youth:message-read"), {"code": code.group(1)}
    ).content.decode()
    assert "Hoi" not in read  # a code in the URL is ignored


def test_the_write_page_without_a_post_goes_back_to_choosing(
    child_client: Client,
) -> None:
    response = child_client.get(reverse("youth:message-write"))
    assert response.status_code == 302
    assert response["Location"] == reverse("youth:message-start")


def test_a_search_by_name_lists_the_matches(
    child_client: Client, channel: PublicChannel, other_channel: PublicChannel
) -> None:
    page = child_client.post(
        reverse("youth:message-start"), {"q": "basisschool"}, follow=True
    ).content.decode()
    assert "Basisschool De Proef (test)" in page
    assert "Basisschool Elders (test)" in page
    nothing = child_client.post(
        reverse("youth:message-start"), {"q": "zzzqqq"}, follow=True
    ).content.decode()
    assert "Basisschool" not in nothing


def test_the_pages_load_nothing_from_elsewhere(
    child_client: Client, channel: PublicChannel
) -> None:
    page = _write(child_client, "ik wil dood")
    loads = re.findall(r'<(?:script|link|img)[^>]+(?:src|href)="([^"]*)"', page)
    assert loads
    assert all(not url.startswith(("http:", "https:", "//")) for url in loads)
