"""One audit write per request for everything it showed (issue 17)."""

from collections.abc import Callable

from django.http import HttpRequest, HttpResponseBase

from .services import audit_reads_deferred, audit_reads_flush


class AuditReadsMiddleware:
    """Keep the request's READ records and write them in one write when the
    response is ready, before it leaves: one lock of the chain head, one
    insert and one commit instead of one of each per selector that read.

    When they cannot be written the exception propagates and Django answers
    with the error page instead: nothing is shown that is not recorded. A
    streamed response (a download) is flushed before its first byte, as its
    read was recorded when the view built it."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        with audit_reads_deferred():
            response = self.get_response(request)
            audit_reads_flush()
        return response
