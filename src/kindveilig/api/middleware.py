"""The rules every answer under ``/api/`` keeps, whoever made it.

- ``API-Version`` (the full semantic version, :data:`~kindveilig.api.version.API_VERSION`)
  on every answer, success or error;
- every error is a problem (``application/problem+json``). DRF's exception
  handler makes the API views' own (``api.exceptions``); this middleware answers
  for the rest: an unknown URL under ``/api/`` (Django's HTML 404 page
  otherwise), a view refused by ``AccessRuleMiddleware``, a server error.

It sits right after ``RequestIdMiddleware``, so it sees the answers of every
middleware below it (the request id is then still set for the 500's log line).
"""

from collections.abc import Callable

from django.http import HttpRequest
from django.http.response import HttpResponseBase

from .problems import PROBLEM_CONTENT_TYPE, problem_for_status, problem_response
from .version import API_PREFIX, API_VERSION, API_VERSION_HEADER

__all__ = ["ApiMiddleware", "is_api_request"]

GetResponse = Callable[[HttpRequest], HttpResponseBase]


def is_api_request(request: HttpRequest) -> bool:
    return request.path.startswith(API_PREFIX)


class ApiMiddleware:
    def __init__(self, get_response: GetResponse) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        response = self.get_response(request)
        if not is_api_request(request):
            return response
        if response.status_code >= 400 and not response.get(
            "Content-Type", ""
        ).startswith(PROBLEM_CONTENT_TYPE):
            response = self._as_problem(request, response)
        response[API_VERSION_HEADER] = API_VERSION
        return response

    @staticmethod
    def _as_problem(
        request: HttpRequest, response: HttpResponseBase
    ) -> HttpResponseBase:
        """The same answer as a problem: its status, and every header and cookie
        the middleware below set (security headers, no-store, the session's
        cookie), only the body and its type replaced."""
        problem = problem_response(
            problem_for_status(response.status_code),
            request=request,
            status=response.status_code,
        )
        for name, value in response.items():
            if name.lower() not in ("content-type", "content-length"):
                problem[name] = value
        problem.cookies = response.cookies
        return problem
