"""No personal data in log lines or error pages, and no tracebacks for users."""

import logging

from django.db import IntegrityError
from django.http import HttpRequest, HttpResponse
from django.test import Client
from django.urls import include, path

import pytest

from kindveilig.access.decorators import public
from kindveilig.core.logging import PersonalDataFilter, scrub


@pytest.mark.parametrize(
    ("text", "leak"),
    [
        ("Key (bsn)=(123456782) already exists", "123456782"),
        ("mail to jan.jansen@example.nl failed", "jan.jansen@example.nl"),
        ("call 06-12345678 now", "06-12345678"),
        ("bel +31612345678", "+31612345678"),
        ("adres 2511 AB Den Haag", "2511 AB"),
    ],
)
def test_scrub_masks_personal_data(text: str, leak: str) -> None:
    assert leak not in scrub(text)


def test_scrub_keeps_ordinary_ids() -> None:
    assert scrub("user 42 opened trajectory 1234") == "user 42 opened trajectory 1234"


def test_filter_masks_arguments_and_tracebacks() -> None:
    try:
        raise IntegrityError("duplicate key (bsn)=(123456782)")
    except IntegrityError:
        import sys

        record = logging.LogRecord(
            "x",
            logging.ERROR,
            __file__,
            1,
            "failed for %s",
            ("a@b.nl",),
            sys.exc_info(),
        )
    PersonalDataFilter().filter(record)
    formatted = logging.Formatter().format(record)
    assert "a@b.nl" not in formatted
    assert "123456782" not in formatted
    assert "IntegrityError" in formatted


@public
def failing_view(request: HttpRequest) -> HttpResponse:
    raise IntegrityError("duplicate key value (bsn)=(123456782) for jan@example.nl")


urlpatterns = [path("fails/", failing_view), path("", include("kindveilig.urls"))]


@pytest.mark.django_db
@pytest.mark.urls("kindveilig.core.tests.test_privacy_in_logs_and_errors")
def test_database_error_shows_a_generic_page_and_logs_without_personal_data(
    caplog: pytest.LogCaptureFixture,
) -> None:
    client = Client(raise_request_exception=False)
    logger = logging.getLogger("django.request")
    logger.addFilter(PersonalDataFilter())
    try:
        with caplog.at_level(logging.ERROR, logger="django.request"):
            response = client.get("/fails/")
    finally:
        logger.filters.clear()
    assert response.status_code == 500
    body = response.content.decode()
    assert "Er ging iets mis" in body
    assert "Traceback" not in body
    assert "123456782" not in body
    assert caplog.records, "the error must be logged"
    logged = "\n".join(logging.Formatter().format(r) for r in caplog.records)
    assert "123456782" not in logged
    assert "jan@example.nl" not in logged
