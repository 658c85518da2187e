"""The services' refusals as HTTP answers.

A service raises Django's ``ValidationError`` with a Dutch message and a code:

- ``code="conflict"`` (:class:`~kindveilig.meldcode.services.ConflictError`): 409;
- ``code="forbidden"``: 403;
- anything else: 400, with the field keys (``non_field_errors`` for the rest).

``Http404`` from a selector and Django's ``PermissionDenied`` become 404 and 403.
The service ran in a transaction, so a refusal changed nothing.

Every answer is a problem (RFC 9457, ``application/problem+json``; see
:mod:`kindveilig.api.problems`): the kind by exception and status, the Dutch
message as ``detail``, and for invalid input one ``invalidParams`` entry per
message, named by its field (nested fields with dots: ``children.0.bsn``).
"""

from typing import Any

from django.core.exceptions import NON_FIELD_ERRORS
from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404
from django.utils.translation import gettext_lazy as _

from rest_framework import exceptions, status
from rest_framework.response import Response
from rest_framework.settings import api_settings
from rest_framework.views import exception_handler as drf_exception_handler

from .problems import (
    PROBLEM_CONTENT_TYPE,
    PROBLEMS,
    InvalidParam,
    Problem,
    problem_body,
    problem_for_status,
)

__all__ = ["Conflict", "exception_handler", "to_api_exception"]


class Conflict(exceptions.APIException):
    status_code = status.HTTP_409_CONFLICT
    default_detail = _("Someone else changed this trajectory in the meantime.")
    default_code = "conflict"


def _errors(exc: DjangoValidationError) -> dict[str, list[DjangoValidationError]]:
    if hasattr(exc, "error_dict"):
        return {field: list(errors) for field, errors in exc.error_dict.items()}
    return {NON_FIELD_ERRORS: list(exc.error_list)}


def _detail(errors: list[DjangoValidationError]) -> list[exceptions.ErrorDetail]:
    details = []
    for error in errors:
        for message in error.messages:
            details.append(exceptions.ErrorDetail(message, code=error.code))
    return details


def to_api_exception(exc: DjangoValidationError) -> exceptions.APIException:
    errors = _errors(exc)
    codes = {error.code for group in errors.values() for error in group}
    messages = [error for group in errors.values() for error in group]
    if "conflict" in codes:
        return Conflict(detail=" ".join(str(m) for e in messages for m in e.messages))
    if "forbidden" in codes:
        return exceptions.PermissionDenied(
            detail=" ".join(str(m) for e in messages for m in e.messages),
            code="forbidden",
        )
    non_field_key = api_settings.NON_FIELD_ERRORS_KEY
    return exceptions.ValidationError(
        {
            (non_field_key if field == NON_FIELD_ERRORS else field): _detail(group)
            for field, group in errors.items()
        }
    )


def _invalid_params(detail: Any, prefix: str = "") -> list[InvalidParam]:
    """One entry per message of a DRF ``ValidationError``'s detail."""
    if isinstance(detail, dict):
        return [
            param
            for key, value in detail.items()
            for param in _invalid_params(value, f"{prefix}{key}.")
        ]
    if isinstance(detail, list):
        if all(isinstance(item, exceptions.ErrorDetail) for item in detail):
            return [param for item in detail for param in _invalid_params(item, prefix)]
        return [
            param
            for index, item in enumerate(detail)
            for param in _invalid_params(item, f"{prefix}{index}.")
        ]
    name = prefix.removesuffix(".") or api_settings.NON_FIELD_ERRORS_KEY
    code = getattr(detail, "code", None) or "invalid"
    return [InvalidParam(name=name, code=str(code), reason=str(detail))]


def _kind(exc: exceptions.APIException, status_code: int) -> Problem:
    if isinstance(exc, exceptions.ParseError):
        return PROBLEMS["onleesbaar-verzoek"]
    if isinstance(exc, exceptions.ValidationError):
        return PROBLEMS["validatie"]
    return problem_for_status(status_code)


def exception_handler(exc: Exception, context: dict[str, Any]) -> Response | None:
    if isinstance(exc, DjangoValidationError):
        exc = to_api_exception(exc)
    elif isinstance(exc, Http404):
        exc = exceptions.NotFound()
    elif isinstance(exc, DjangoPermissionDenied):
        exc = exceptions.PermissionDenied()
    # DRF's own handler sets WWW-Authenticate (401), Retry-After (429) and rolls
    # back the atomic request; anything it does not know is a server error,
    # answered by ApiMiddleware.
    response = drf_exception_handler(exc, context)
    if response is None or not isinstance(exc, exceptions.APIException):
        return response
    problem = _kind(exc, response.status_code)
    if isinstance(exc, exceptions.ValidationError):
        params = _invalid_params(exc.detail)
        reasons = list(dict.fromkeys(param.reason for param in params))
        body = problem_body(
            problem,
            request=context["request"],
            detail=" ".join(reasons) if reasons else None,
            status=response.status_code,
            invalid_params=params,
        )
    else:
        detail = exc.detail if isinstance(exc.detail, str) else None
        body = problem_body(
            problem,
            request=context["request"],
            detail=detail,
            status=response.status_code,
        )
    response.data = body
    response.content_type = PROBLEM_CONTENT_TYPE
    return response
