"""The children's pages: choose a school or club, write, keep the code, read.

No JavaScript, no cookies: the forms are POSTed without a CSRF token
(``csrf_exempt``), because a child has no session or other credential that a
forged request could borrow; abuse is held back by a honeypot field and a rate
limit per client instead (docs/youth-messages.md). The pick-up code only ever
travels in a POST body and in the page itself, never in a URL. A form that
succeeds redirects to a page behind a single-use token (the receipt, the
conversation), so no history entry keeps what was typed, and Back, a reload or
a restored tab show a neutral page (youth.messages.one_time_pages).
"""

import logging
import secrets
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from kindveilig.access.decorators import public
from kindveilig.core.forms import apply_errors
from kindveilig.youth.messages.codes import PickupCode, generate_code, parse_code
from kindveilig.youth.messages.forms import ChooseForm, ReadForm, ReplyForm, WriteForm
from kindveilig.youth.messages.guessing import (
    lookup_refused,
    wait_minutes,
    wrong_guess_record,
)
from kindveilig.youth.messages.models import (
    PublicChannel,
    Sender,
    YouthConversation,
)
from kindveilig.youth.messages.one_time_pages import (
    OneTimePageKind,
    one_time_page_issue,
    one_time_page_take,
)
from kindveilig.youth.messages.ratelimit import Action, hit, is_limited
from kindveilig.youth.messages.selectors import (
    channel_by_code,
    channel_next_opening,
    channels_search,
    messages_of,
)
from kindveilig.youth.messages.services import (
    child_message_add,
    conversation_open,
    conversation_start,
    retention_days,
)
from kindveilig.youth.public.language import active_youth_language

from .common import urgent_helplines
from .drafts import reopen, seal

logger = logging.getLogger(__name__)


def _limited(request: HttpRequest, *, code_minutes: int | None = None) -> HttpResponse:
    """Too many tries: say so kindly, and show where to get help right now, so
    nobody is left without a way out. ``code_minutes``: the code may not be
    looked up for this many minutes (someone guessed codes like it)."""
    return render(
        request,
        "youth/messages/limited.html",
        {"helplines": urgent_helplines(), "code_minutes": code_minutes},
        status=429,
    )


def _write_page(
    request: HttpRequest,
    channel: PublicChannel,
    form: WriteForm | None = None,
    *,
    failed: bool = False,
) -> HttpResponse:
    """The form to write; ``failed``: saving went wrong, so the page keeps what
    the child typed (in the form, never in a URL), says to try again, and shows
    the helplines."""
    if form is None:
        form = WriteForm(
            initial={
                "channel": channel.public_code,
                "submission": secrets.token_urlsafe(24),
            }
        )
    return render(
        request,
        "youth/messages/write.html",
        {
            "form": form,
            "channel": channel,
            "retention_days": retention_days(),
            "failed": failed,
            "helplines": urgent_helplines() if failed else [],
        },
        status=503 if failed else 200,
    )


@public
@csrf_exempt
@require_http_methods(["GET", "POST"])
def message_start(request: HttpRequest) -> HttpResponse:
    """Choose the school or club: by its public code, or by a part of its name.
    The search is a POST, so what a child typed never lands in a URL; it
    redirects to the write page (a code) or the list (a name), each shown once,
    so the typed words do not stay with a history entry either."""
    form = ChooseForm(request.POST if request.method == "POST" else None)
    if request.method == "POST":
        if is_limited(request, Action.SEARCH):
            return _limited(request)
        hit(request, Action.SEARCH)
        if form.is_valid():
            typed = form.cleaned_data["q"]
            channel = channel_by_code(typed)
            if channel is not None:
                return _to_write_page(request, channel)
            token = one_time_page_issue(kind=OneTimePageKind.RESULTS, typed=typed)
            return _see_other(request, "youth:message-results", token)
    return _choose_page(request, form, None)


def _choose_page(
    request: HttpRequest, form: ChooseForm, results: list[PublicChannel] | None
) -> HttpResponse:
    return render(
        request,
        "youth/messages/choose.html",
        {"form": form, "results": results},
    )


@public
@require_http_methods(["GET"])
def message_results(request: HttpRequest, token: str) -> HttpResponse:
    """The schools and clubs that match the words typed, once."""
    shown = one_time_page_take(kind=OneTimePageKind.RESULTS, token=token)
    if shown is None:
        return _gone(request)
    return _choose_page(request, ChooseForm(), channels_search(shown.typed))


@public
@csrf_exempt
@require_http_methods(["GET", "POST"])
def message_write(request: HttpRequest) -> HttpResponse:
    if request.method != "POST":
        return HttpResponseRedirect(reverse("youth:message-start"))
    channel = channel_by_code(request.POST.get("channel", ""))
    if channel is None:
        return render(
            request,
            "youth/messages/choose.html",
            {"form": ChooseForm(), "results": None, "notice": _choose_again()},
        )
    if "body" not in request.POST:
        return _to_write_page(request, channel)
    form = WriteForm(request.POST)
    if not form.is_valid():
        return _refused(request, "youth:message-write-page", form, channel=channel)
    if form.cleaned_data["homepage"]:
        # A script filled in the hidden field: it gets a receipt, nothing is saved.
        return _receipt(request, channel, generate_code(), [])
    if is_limited(request, Action.START):
        return _limited(request)
    try:
        result = conversation_start(
            channel=channel,
            body=form.cleaned_data["body"],
            first_name=form.cleaned_data["first_name"],
            contact=form.cleaned_data["contact"],
            submission_id=form.cleaned_data["submission"],
            language=active_youth_language(),
        )
    except ValidationError as error:
        apply_errors(form, error)
        return _refused(request, "youth:message-write-page", form, channel=channel)
    except Exception:  # never lose a child's message silently
        logger.exception("Could not save a child's first message")
        return _write_page(request, channel, form, failed=True)
    hit(request, Action.START)
    if result.code is None:
        return render(
            request,
            "youth/messages/already_sent.html",
            {"channel": channel, "helplines": urgent_helplines()},
        )
    # Post-redirect-get: Back, reload or a restored tab never send the form again,
    # and the page with the code can be shown only once
    # (youth.messages.one_time_pages).
    token = one_time_page_issue(
        kind=OneTimePageKind.RECEIPT,
        code=result.code,
        channel=channel,  # for when a person will read it (outside the hours)
        urgent=bool(result.categories),
    )
    return _see_other(request, "youth:message-receipt", token)


@dataclass(frozen=True)
class ShownCode:
    """A pick-up code as the receipt shows it, in the page's language."""

    words: tuple[str, ...]
    number: int
    text: str
    digits: list[str]


def _receipt(
    request: HttpRequest,
    channel: PublicChannel | None,
    code: PickupCode,
    categories: list[str],
) -> HttpResponse:
    next_open = (
        None if channel is None else channel_next_opening(channel, timezone.now())
    )
    language = active_youth_language()
    return render(
        request,
        "youth/messages/receipt.html",
        {
            "channel": channel,
            # The code in the words of the page's language; any language's
            # words open it (codes.parse_code).
            "code": ShownCode(
                words=code.words_in(language),
                number=code.number,
                text=code.text_in(language),
                digits=code.digits,
            ),
            "urgent": bool(categories),
            "next_open": next_open,
            "helplines": (
                urgent_helplines() if categories or next_open is not None else []
            ),
            "retention_days": retention_days(),
        },
    )


@public
@require_http_methods(["GET"])
def message_receipt(request: HttpRequest, token: str) -> HttpResponse:
    """The receipt, once. A second visit (Back, reload, a restored tab) gets a
    neutral page: nothing of the message, the school or the code."""
    shown = one_time_page_take(kind=OneTimePageKind.RECEIPT, token=token)
    if shown is None or shown.code is None:
        return _gone(request)
    categories = ["urgent"] if shown.urgent else []
    return _receipt(request, shown.channel, shown.code, categories)


# What a refused form keeps for its page shown once (views/drafts.py).
REFUSED_FIELDS: dict[str, tuple[str, ...]] = {
    "youth:message-write-page": ("body", "first_name", "contact", "submission"),
    "youth:message-read-page": ("code",),
    "youth:message-conversation": ("body",),
}
REFUSED_KIND = {
    "youth:message-write-page": OneTimePageKind.WRITE,
    "youth:message-read-page": OneTimePageKind.READ,
    "youth:message-conversation": OneTimePageKind.CONVERSATION,
}


def _refused(
    request: HttpRequest,
    name: str,
    form: WriteForm | ReadForm | ReplyForm,
    *,
    channel: PublicChannel | None = None,
    code: PickupCode | None = None,
) -> HttpResponse:
    """Post-redirect-get for a refused form too: what the child typed and why it
    was refused are shown once behind a token, so the form's body does not stay
    with a history entry (views/drafts.py)."""
    token = one_time_page_issue(
        kind=REFUSED_KIND[name],
        channel=channel,
        code=code,
        typed=seal(form, REFUSED_FIELDS[name]),
    )
    return _see_other(request, name, token)


def _to_write_page(request: HttpRequest, channel: PublicChannel) -> HttpResponse:
    """Post-redirect-get after choosing: the word the child typed to find the
    school does not stay with the write page's history entry, and Back after
    sending finds the write page gone (not the school's name)."""
    token = one_time_page_issue(kind=OneTimePageKind.WRITE, channel=channel)
    return _see_other(request, "youth:message-write-page", token)


@public
@require_http_methods(["GET"])
def message_write_page(request: HttpRequest, token: str) -> HttpResponse:
    """The write form for the chosen school or club, once: empty, or with what
    the child typed and why it was refused."""
    shown = one_time_page_take(kind=OneTimePageKind.WRITE, token=token)
    if shown is None or shown.channel is None or not shown.channel.enabled:
        return _gone(request)
    form = reopen(WriteForm, shown.typed, channel=shown.channel.public_code)
    return _write_page(request, shown.channel, form)


def _see_other(request: HttpRequest, name: str, token: str) -> HttpResponse:
    return HttpResponseRedirect(reverse(name, args=[token]), status=303)


def _gone(request: HttpRequest) -> HttpResponse:
    """A page shown once, visited again: nothing of the message, school or code."""
    return render(
        request,
        "youth/messages/gone.html",
        {"helplines": urgent_helplines()},
        status=410,
    )


@public
@csrf_exempt
@require_http_methods(["GET", "POST"])
def message_read(request: HttpRequest) -> HttpResponse:
    """Read the answers with the code (a POST form), and write back."""
    context: dict[str, Any] = {"retention_days": retention_days()}
    if request.method != "POST":
        context["form"] = ReadForm()
        return render(request, "youth/messages/read.html", context)
    form = ReadForm(request.POST)
    if not form.is_valid():
        return _refused(request, "youth:message-read-page", form)
    code = parse_code(form.cleaned_data["code"])
    if code is None:  # not four words and a number: not a guess, not counted
        form.add_error("code", _code_not_found())
        return _refused(request, "youth:message-read-page", form)
    # Decided before the look-up, so a refusal says nothing about the code.
    if lookup_refused(code):
        return _limited(request, code_minutes=wait_minutes())
    conversation = conversation_open(code=code)
    if conversation is None:
        wrong_guess_record(code)
        form.add_error("code", _code_not_found())
        return _refused(request, "youth:message-read-page", form)
    reply = ReplyForm(request.POST if "body" in request.POST else None)
    sent_categories: list[str] | None = None
    failed = False
    if reply.is_bound and reply.is_valid():
        if is_limited(request, Action.MESSAGE):
            return _limited(request)
        try:
            message = child_message_add(
                conversation=conversation,
                body=reply.cleaned_data["body"],
                language=active_youth_language(),
            )
        except ValidationError as error:
            apply_errors(reply, error)
        except Exception:  # never lose a child's message silently
            logger.exception("Could not save a child's message")
            failed = True
        else:
            hit(request, Action.MESSAGE)
            sent_categories = message.danger_categories
            reply = ReplyForm()
    if failed:  # the server failed: keep the text in this very page (drafts.py)
        return _conversation(request, conversation, code, reply, None, failed=True)
    # Post-redirect-get, as after sending: the code and what the child wrote
    # back (or the reply that was refused) do not stay with a history entry.
    token = one_time_page_issue(
        kind=OneTimePageKind.CONVERSATION,
        code=code,
        urgent=bool(sent_categories),
        message_sent=sent_categories is not None,
        typed=seal(reply, REFUSED_FIELDS["youth:message-conversation"])
        if reply.is_bound
        else "",
    )
    return _see_other(request, "youth:message-conversation", token)


@public
@require_http_methods(["GET"])
def message_read_page(request: HttpRequest, token: str) -> HttpResponse:
    """The read form after a refused code, once: what was typed and why."""
    shown = one_time_page_take(kind=OneTimePageKind.READ, token=token)
    form = reopen(ReadForm, shown.typed) if shown else None
    if form is None:
        return _gone(request)
    return render(
        request,
        "youth/messages/read.html",
        {"retention_days": retention_days(), "form": form},
    )


@public
@require_http_methods(["GET"])
def message_conversation(request: HttpRequest, token: str) -> HttpResponse:
    """The conversation, once, after the code was typed (or a reply sent)."""
    shown = one_time_page_take(kind=OneTimePageKind.CONVERSATION, token=token)
    code = shown.code if shown else None
    conversation = conversation_open(code=code) if code else None
    if shown is None or code is None or conversation is None:
        return _gone(request)
    categories = ["urgent"] if shown.urgent else []
    return _conversation(
        request,
        conversation,
        code,
        reopen(ReplyForm, shown.typed) or ReplyForm(),
        categories if shown.message_sent else None,
    )


def _conversation(
    request: HttpRequest,
    conversation: YouthConversation,
    code: PickupCode,
    reply: ReplyForm,
    sent_categories: list[str] | None,
    *,
    failed: bool = False,
) -> HttpResponse:
    channel = getattr(conversation.organisation, "youth_channel", None)
    messages = messages_of(conversation)
    context = {
        "retention_days": retention_days(),
        "conversation": conversation,
        "channel": channel,
        "messages": messages,
        "answered": any(m.sender == Sender.STAFF for m in messages),
        "code": code,
        "reply": reply,
        "sent": sent_categories is not None,
        "failed": failed,
        "helplines": urgent_helplines() if sent_categories or failed else [],
    }
    return render(
        request,
        "youth/messages/conversation.html",
        context,
        status=503 if failed else 200,
    )


def _choose_again() -> str:
    return gettext("We could not find that school or club. Please choose it again.")


def _code_not_found() -> str:
    return gettext(
        "We cannot find this code. Check the four words and the number. "
        "Lost your code? Then start a new message and write that you lost it."
    )
