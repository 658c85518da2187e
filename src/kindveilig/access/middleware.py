import logging
from collections.abc import Callable
from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse

from .decorators import get_rule

logger = logging.getLogger(__name__)
GetResponse = Callable[[HttpRequest], HttpResponse]


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
