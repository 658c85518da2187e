"""Errors as ``application/problem+json`` (RFC 9457), as the NLGov API Design
Rules ask: ``type`` (a stable URI per kind of problem), ``title`` (Dutch,
translatable), ``status``, ``detail`` (the service's own Dutch message),
``instance`` (the request's path: only UUIDs, never personal data) and, for
invalid input, ``invalidParams`` (``name``, ``code``, ``reason``).

Two doors lead here: the DRF exception handler (``api.exceptions``) for every
refusal inside an API view, and :class:`~kindveilig.api.middleware.ApiMiddleware`
for what happens outside one (an unknown URL under ``/api/``, a view refused by
``AccessRuleMiddleware``, a server error).
"""

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.http import HttpRequest, JsonResponse
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

__all__ = [
    "PROBLEMS",
    "PROBLEM_BASE",
    "PROBLEM_CONTENT_TYPE",
    "InvalidParam",
    "Problem",
    "problem_body",
    "problem_for_status",
    "problem_response",
]

PROBLEM_CONTENT_TYPE = "application/problem+json"
PROBLEM_BASE = "https://kindveilig.nl/problemen/"


@dataclass(frozen=True)
class Problem:
    """One kind of problem: its stable ``type`` URI, Dutch title, HTTP status and
    the detail used when nothing more specific is known."""

    slug: str
    status: int
    title: Promise
    default_detail: Promise

    @property
    def type(self) -> str:
        return PROBLEM_BASE + self.slug


PROBLEMS: dict[str, Problem] = {
    problem.slug: problem
    for problem in [
        Problem(
            "validatie",
            400,
            _("Invalid input"),
            _("Check the input: one or more fields are not valid."),
        ),
        Problem(
            "onleesbaar-verzoek",
            400,
            _("Unreadable request"),
            _("The request body is not valid JSON."),
        ),
        Problem(
            "niet-geauthenticeerd",
            401,
            _("Not authenticated"),
            _("Send a valid token or log in first."),
        ),
        Problem(
            "geen-toegang",
            403,
            _("Forbidden"),
            _("You may not do this."),
        ),
        Problem(
            "niet-gevonden",
            404,
            _("Not found"),
            _("There is nothing at this address that you may see."),
        ),
        Problem(
            "methode-niet-toegestaan",
            405,
            _("Method not allowed"),
            _("This address does not accept this method."),
        ),
        Problem(
            "niet-aanvaardbaar",
            406,
            _("Not acceptable"),
            _("The API answers in JSON only."),
        ),
        Problem(
            "conflict",
            409,
            _("Conflict"),
            _("Someone else changed this in the meantime."),
        ),
        Problem(
            "mediatype-niet-ondersteund",
            415,
            _("Unsupported media type"),
            _("Send the request body as application/json."),
        ),
        Problem(
            "te-veel-verzoeken",
            429,
            _("Too many requests"),
            _("Too many requests: try again later."),
        ),
        Problem(
            "verzoek-geweigerd",
            400,
            _("Request refused"),
            _("The API could not handle this request."),
        ),
        Problem(
            "serverfout",
            500,
            _("Internal server error"),
            _(
                "Something went wrong on our side. It is logged; the request id "
                "helps the administrator find it."
            ),
        ),
    ]
}
_BY_STATUS: dict[int, Problem] = {}
for _problem in PROBLEMS.values():
    _BY_STATUS.setdefault(_problem.status, _problem)
# A 400 is ``validatie`` only when there is invalid input to name
# (api.exceptions says so); any other 400 is a refused request.
_BY_STATUS[400] = PROBLEMS["verzoek-geweigerd"]


def problem_for_status(status: int) -> Problem:
    """The problem kind of an HTTP status. A status without a kind of its own:
    ``verzoek-geweigerd`` (4xx) or ``serverfout`` (5xx)."""
    if status in _BY_STATUS:
        return _BY_STATUS[status]
    return PROBLEMS["serverfout"] if status >= 500 else PROBLEMS["verzoek-geweigerd"]


@dataclass(frozen=True)
class InvalidParam:
    name: str
    code: str
    reason: str


def problem_body(
    problem: Problem,
    *,
    request: HttpRequest,
    detail: str | Promise | None = None,
    status: int | None = None,
    invalid_params: Iterable[InvalidParam] = (),
) -> dict[str, Any]:
    body: dict[str, Any] = {
        "type": problem.type,
        "title": str(problem.title),
        "status": status or problem.status,
        "detail": str(detail if detail is not None else problem.default_detail),
        # The path only: paths carry UUIDs, never names; a query string could
        # carry anything a client put there.
        "instance": request.path,
    }
    params = [
        {"name": p.name, "code": p.code, "reason": p.reason} for p in invalid_params
    ]
    if params:
        body["invalidParams"] = params
    return body


def problem_response(
    problem: Problem,
    *,
    request: HttpRequest,
    detail: str | Promise | None = None,
    status: int | None = None,
) -> JsonResponse:
    """A problem answer outside DRF (the middleware's fallback)."""
    body = problem_body(problem, request=request, detail=detail, status=status)
    response = JsonResponse(
        body,
        status=body["status"],
        content_type=PROBLEM_CONTENT_TYPE,
        json_dumps_params={"ensure_ascii": False},
    )
    return response
