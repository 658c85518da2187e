"""The services' refusals as HTTP answers.

A service raises Django's ``ValidationError`` with a Dutch message and a code:

- ``code="conflict"`` (:class:`~kindveilig.meldcode.services.ConflictError`): 409;
- ``code="forbidden"``: 403;
- anything else: 400, with the field keys (``non_field_errors`` for the rest).

``Http404`` from a selector and Django's ``PermissionDenied`` are mapped by DRF
itself (404 and 403). The service ran in a transaction, so a refusal changed nothing.
"""

from typing import Any

from django.core.exceptions import NON_FIELD_ERRORS
from django.core.exceptions import ValidationError as DjangoValidationError
from django.utils.translation import gettext_lazy as _

from rest_framework import exceptions, status
from rest_framework.response import Response
from rest_framework.settings import api_settings
from rest_framework.views import exception_handler as drf_exception_handler

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


def exception_handler(exc: Exception, context: dict[str, Any]) -> Response | None:
    if isinstance(exc, DjangoValidationError):
        exc = to_api_exception(exc)
    return drf_exception_handler(exc, context)
