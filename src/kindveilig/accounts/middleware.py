"""Who is acting (``request.actor``), and idle sessions that end after
``SESSION_COOKIE_AGE`` seconds without a request."""

import time
from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse

from kindveilig.access.actor import Actor

from .selectors import active_membership_for

ACTIVE_MEMBERSHIP_SESSION_KEY = "kindveilig_active_membership"
GetResponse = Callable[[HttpRequest], HttpResponse]
RENEWED_KEY = "_kv_renewed"


class IdleSessionMiddleware:
    """Renew a session's expiry when it is used, at most once a
    ``SESSION_RENEW_SECONDS``.

    ``SESSION_SAVE_EVERY_REQUEST`` would do the same with a database write (and a
    durable commit) on every page; renewing once a minute keeps the 30-minute idle
    limit to within a minute for a fraction of the writes (docs/performance.md).
    Requests without a session (the public youth pages) never create one.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        session = request.session
        # A flushed session (logout) has no key: it must not be brought back.
        if session.session_key is not None and not session.is_empty():
            now = int(time.time())
            due = now - session.get(RENEWED_KEY, 0) >= settings.SESSION_RENEW_SECONDS
            # A session saved anyway (a login, a form step) is renewed for free.
            if due or session.modified:
                # Marks the session modified: SessionMiddleware saves it with a
                # fresh expiry on the way out.
                session[RENEWED_KEY] = now
        return response


def actor_for(request: HttpRequest) -> Actor | None:
    user = request.user
    if not user.is_authenticated:
        return None
    membership_id = request.session.get(ACTIVE_MEMBERSHIP_SESSION_KEY)
    if membership_id is None:
        return None
    membership = active_membership_for(user=user, membership_id=membership_id)
    if membership is None:
        return None
    return Actor(user=membership.user, membership=membership)


class ActorMiddleware:
    """Sets ``request.actor``: the user in their chosen organisation and role."""

    def __init__(self, get_response: GetResponse) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        request.actor = actor_for(request)  # type: ignore[attr-defined]  # our own
        return self.get_response(request)
