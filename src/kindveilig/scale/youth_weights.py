"""The weight of every children's page in every language (issue 14, item 6).

A child on a cheap phone with an empty cache downloads the page and every
stylesheet and script it links to; together they must stay under 20 KB
(uncompressed, as the phone's data bundle counts what arrives after the
transfer encoding is undone by nobody: we measure the bytes we serve).

``measure_youth_pages`` walks the whole flow in each language with Django's
test client — the pages of the hulpwijzer and the helplines, choosing a school,
the write page, the receipts (urgent; outside the school's hours), reading with
the code, the conversation, the page after too many wrong codes and the page
that is gone — in one transaction that is rolled back, so it can run against a
benchmark database too. ``make bench-quick`` writes the table into the report;
``scale/tests/test_youth_weights.py`` fails when a page in a language is over.
"""

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.contrib.staticfiles import finders
from django.db import transaction
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation

from kindveilig.organisations.models import (
    Municipality,
    Organisation,
    OrganisationType,
    Region,
)
from kindveilig.youth.messages.models import ChannelHours, PublicChannel
from kindveilig.youth.public.language import YOUTH_LANGUAGES

__all__ = ["MAX_BYTES", "PageWeight", "measure_youth_pages"]

MAX_BYTES = 20 * 1024
SCHOOL_CODE = "WEEGSCHAAL"
URGENT_WORDS = "Papa slaat mn moeder en ik durf nie naar huis"
CALM_WORDS = "Ik word gepest op school"

_ASSET = re.compile(r'<(?:link rel="stylesheet" href|script src)="([^"]+)"')
_HASHED = re.compile(r"\.[0-9a-f]{12}(\.\w+)$")


@dataclass(frozen=True)
class PageWeight:
    page: str
    language: str
    html_bytes: int
    asset_bytes: int

    @property
    def total(self) -> int:
        return self.html_bytes + self.asset_bytes


def _asset_size(url: str) -> int:
    from django.conf import settings

    name = url.removeprefix(str(settings.STATIC_URL)).split("?", 1)[0]
    path = finders.find(_HASHED.sub(r"\1", name)) or finders.find(name)
    if not path:
        raise LookupError(f"static file not found: {url}")
    return Path(str(path)).stat().st_size


def _weight(page: str, language: str, status: int, response: object) -> PageWeight:
    code = getattr(response, "status_code", 0)
    if code != status:
        raise AssertionError(f"{page} ({language}): status {code}, expected {status}")
    html = bytes(getattr(response, "content", b""))
    assets = sum(_asset_size(url) for url in _ASSET.findall(html.decode()))
    return PageWeight(page, language, len(html), assets)


def _code_on(html: str) -> str:
    found = re.search(r'id="code-copy"[^>]*value="([^"]+)"', html)
    if not found:
        raise AssertionError("no pick-up code on the receipt")
    return found.group(1)


def _hidden(html: str, name: str) -> str:
    found = re.search(rf'name="{name}" value="([^"]*)"', html)
    return found.group(1) if found else ""


def _school() -> PublicChannel:
    region, _ = Region.objects.get_or_create(
        code="haaglanden", defaults={"name": "Haaglanden"}
    )
    municipality, _ = Municipality.objects.get_or_create(
        cbs_code="GM0518", defaults={"name": "Den Haag", "region": region}
    )
    organisation = Organisation.objects.create(
        name="Weegschaalschool (meting)",
        type=OrganisationType.PRIMARY_SCHOOL,
        municipality=municipality,
    )
    return PublicChannel.objects.create(
        organisation=organisation,
        public_code=SCHOOL_CODE,
        display_name="Weegschaalschool (meting)",
    )


def _close_now(channel: PublicChannel) -> None:
    other_day = (timezone.localdate().weekday() + 3) % 7
    ChannelHours.objects.create(
        channel=channel, weekday=other_day, opens=dt.time(9), closes=dt.time(10)
    )


def _host() -> str:
    """A host the settings allow: the benchmark serves only 127.0.0.1, and the test
    client's own "testserver" would be refused there (a 400 for every page)."""
    allowed = [host for host in settings.ALLOWED_HOSTS if host and "*" not in host]
    return allowed[0].lstrip(".") if allowed else "testserver"


def _flow(client: Client, language: str, channel: PublicChannel) -> list[PageWeight]:
    found: list[PageWeight] = []

    def get(page: str, url: str, status: int = 200) -> str:
        response = client.get(url)
        found.append(_weight(page, language, status, response))
        return response.content.decode()

    def post(url: str, data: dict[str, str]) -> str:
        response = client.post(url, data)
        if response.status_code in (302, 303):
            return str(response["Location"])
        raise AssertionError(f"{url} ({language}): {response.status_code}")

    with translation.override(language):
        hulp = reverse("youth:hulpwijzer")
        get("start", reverse("youth:start"))
        get("question-1", hulp)
        get("question-4", f"{hulp}?v1=nee&v2=ja&v3=nee")
        get("advice-danger", f"{hulp}?v1=ja")
        get("advice-home", f"{hulp}?v1=nee&v2=nee&v3=ja&v4=ja")
        get("help-list", reverse("youth:help-list"))
        get("privacy", reverse("youth:privacy"))
        start = reverse("youth:message-start")
        get("choose", start)
        get("results", post(start, {"q": "Weegschaalschool"}))
        write_url = post(start, {"q": SCHOOL_CODE})
        get("write", write_url)
        get("gone", write_url, status=410)
        # The write page again after a refused form: the reasons, what was typed.
        page = client.get(post(start, {"q": SCHOOL_CODE})).content.decode()
        refused = post(
            reverse("youth:message-write"),
            {
                "channel": _hidden(page, "channel"),
                "submission": _hidden(page, "submission"),
                "body": "",
                "contact": "op school, in de pauze",
            },
        )
        get("write-refused", refused)

        def send(words: str) -> str:
            page = client.get(post(start, {"q": SCHOOL_CODE})).content.decode()
            return post(
                reverse("youth:message-write"),
                {
                    "channel": _hidden(page, "channel"),
                    "submission": _hidden(page, "submission"),
                    "body": words,
                },
            )

        receipt = get("receipt-urgent", send(URGENT_WORDS))
        code = _code_on(receipt)
        read = reverse("youth:message-read")
        get("read", read)
        get("conversation", post(read, {"code": code}))
        _close_now(channel)
        get("receipt-closed", send(CALM_WORDS))
        words, number = code.rsplit(" ", 1)
        wrong = [f"{words} {n}" for n in range(100, 140) if str(n) != number]
        for typed in wrong:
            response = client.post(read, {"code": typed})
            if response.status_code == 429:
                found.append(_weight("code-wait", language, 429, response))
                break
        else:
            raise AssertionError(f"no limit after {len(wrong)} wrong codes")
    return found


def measure_youth_pages(languages: tuple[str, ...] | None = None) -> list[PageWeight]:
    """Every youth page in every language, with what it loads. Rolled back."""
    weights: list[PageWeight] = []
    with transaction.atomic():
        for language in languages or YOUTH_LANGUAGES:
            sid = transaction.savepoint()
            channel = _school()
            # A phone of its own per language (an address from TEST-NET-1): the
            # rate limits count per client, in a cache the rollback may not reach.
            number = YOUTH_LANGUAGES.index(language) + 1
            phone = Client(REMOTE_ADDR=f"192.0.2.{number}", HTTP_HOST=_host())
            weights += _flow(phone, language, channel)
            transaction.savepoint_rollback(sid)
        transaction.set_rollback(True)
    return weights
