import logging
from collections.abc import Callable
from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse

from .actor import Actor
from .decorators import get_rule

logger = logging.getLogger(__name__)
ACTIVE_MEMBERSHIP_SESSION_KEY = "kindveilig_active_membership"
GetResponse = Callable[[HttpRequest], HttpResponse]


def actor_for(request: HttpRequest) -> Actor | None:
    from kindveilig.accounts.selectors import active_membership_for

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


class AccessRuleMiddleware:
    """Default deny: a view that declares no access rule is never served."""

    def __init__(self, get_response: GetResponse) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_view(
        self,
        request: HttpRequest,
        view_func: Callable[..., Any],
        view_args: tuple[Any, ...],
        view_kwargs: dict[str, Any],
    ) -> HttpResponse | None:
        if get_rule(view_func) is None:
            logger.error("Refused view without access rule: %s", view_func.__qualname__)
            raise PermissionDenied
        return None
