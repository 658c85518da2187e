"""No personal data in log lines or error pages, and no tracebacks for users."""

import logging
import uuid
from collections.abc import Callable, Iterator

from django.conf import settings
from django.db import IntegrityError
from django.http import HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.test import Client
from django.urls import include, path, reverse

import pytest
from conftest import Persona

from kindveilig.access.decorators import public
from kindveilig.core.logging import PersonalDataFilter, scrub
from kindveilig.households.models import Household
from kindveilig.meldcode.models import Trajectory
from kindveilig.organisations.models import Organisation
from kindveilig.youth.messages.models import PublicChannel, YouthMessage


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


# ---- a run through the main flows, every logger at DEBUG ----------------------------

# Fictitious and distinctive: none of these strings occurs in the code or the
# templates, so any hit in a log line or on an error page is the data itself.
GIVEN = "Zephyrientje"
FAMILY = "Quabbelaarsma"
BIRTH_DATE = "2016-03-14"
BSN = "123456782"
NOTE = "Xylofoonvis-notitie over de riem"
HOUSEHOLD = "Huishouden Okapiwolk"
MEMBER = "Brontosaurina"
MESSAGE = "Geheimbericht-Narwalkoek: thuis wordt geslagen"
SECRETS = [GIVEN, FAMILY, BIRTH_DATE, "14-03-2016", NOTE, HOUSEHOLD, MEMBER, MESSAGE]
# The handler scrubs BSN-like numbers (PersonalDataFilter): checked after scrubbing.
SCRUBBED_SECRETS = [BSN]
STANDARD_ATTRIBUTES = {*vars(logging.makeLogRecord({})), "message", "asctime"}

Logged = Callable[[], list[str]]


def every_logger() -> list[logging.Logger]:
    named = [
        logger
        for logger in logging.Logger.manager.loggerDict.values()
        if isinstance(logger, logging.Logger)
    ]
    return [logging.getLogger(), *named]


@pytest.fixture
def logged(
    caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Logged]:
    """Every record of every logger at DEBUG so far, rendered as a handler would
    (message, traceback and any ``extra`` attributes). The root is at DEBUG through
    caplog, every known logger too; each record is taken where a logger hands it
    to its handlers, so a logger that does not propagate (django.request) or that
    is made later is read as well."""
    # django.db.backends logs each query with its parameters at DEBUG, but only
    # with settings.DEBUG (or a forced debug cursor); both are off here.
    assert not settings.DEBUG
    configured = settings.LOGGING.get("loggers", {})
    assert isinstance(configured, dict)
    assert "django.db.backends" not in configured
    caplog.set_level(logging.DEBUG)
    saved = [(logger, logger.level, logger.disabled) for logger in every_logger()]
    for logger, _level, _disabled in saved:
        logger.setLevel(logging.DEBUG)
        logger.disabled = False
    lines: list[str] = []
    handle = logging.Logger.handle

    def handle_and_keep(self: logging.Logger, record: logging.LogRecord) -> None:
        if not record.name.startswith("django.db.backends"):
            lines.append(render(record))
        handle(self, record)

    monkeypatch.setattr(logging.Logger, "handle", handle_and_keep)
    try:
        yield lambda: list(lines)
    finally:
        for logger, level, disabled in saved:
            logger.setLevel(level)
            logger.disabled = disabled


def render(record: logging.LogRecord) -> str:
    """Before any handler's filter has changed the record (the scrubbing of
    BSN-like numbers is checked apart, in personal_data_in)."""
    formatter = logging.Formatter("%(name)s %(levelname)s %(message)s")
    extras = {k: v for k, v in vars(record).items() if k not in STANDARD_ATTRIBUTES}
    return f"{formatter.format(record)} {extras!r}"


def personal_data_in(texts: list[str]) -> list[str]:
    """The secrets in these texts: raw for names, dates and notes; after the
    handler's scrubbing for BSN-like numbers."""
    found = []
    for text in texts:
        found += [f"{s!r} in {text[:300]!r}" for s in SECRETS if s in text]
        scrubbed = scrub(text)
        found += [f"{s!r} in {text[:300]!r}" for s in SCRUBBED_SECRETS if s in scrubbed]
    return found


def test_the_log_check_catches_a_new_logger_that_prints_personal_data(
    logged: Logged,
) -> None:
    logging.getLogger("kindveilig.brand_new_module").debug("opened %s", GIVEN)
    assert len(personal_data_in(logged())) == 1
    quiet = logging.getLogger("kindveilig.brand_new_quiet")
    quiet.propagate = False  # its own channel, like django.request
    try:
        quiet.info("person opened", extra={"born": BIRTH_DATE})
    finally:
        quiet.propagate = True
    assert len(personal_data_in(logged())) == 2


def _start_trajectory(client: Client, bsn: str) -> HttpResponseBase:
    return client.post(
        reverse("meldcode:trajectory-start"),
        {
            "colleague_suspicion": "no",
            "origin": "worry",
            "worry": NOTE,
            "forms_of_violence": ["neglect_physical"],
            "kind-TOTAL_FORMS": "1",
            "kind-INITIAL_FORMS": "0",
            "kind-0-given_name": GIVEN,
            "kind-0-family_name": FAMILY,
            "kind-0-date_of_birth": BIRTH_DATE,
            "kind-0-bsn": bsn,
            "betrokkene-TOTAL_FORMS": "0",
            "betrokkene-INITIAL_FORMS": "0",
        },
    )


def _meldcode_flow(client: Client) -> None:
    refused = _start_trajectory(client, "123456789")  # fails the elfproef
    assert refused.status_code == 200
    started = _start_trajectory(client, BSN)
    assert started.status_code == 302, started.content.decode()[:2000]
    trajectory = Trajectory.objects.get()  # the test database had none
    observation = client.post(
        reverse("meldcode:observation-add", kwargs={"public_id": trajectory.public_id}),
        {
            "observed_on": "2026-01-05",
            "observed_by": "Juf (test)",
            "source": "child",
            "facts": NOTE,
            "child_quote": f"{GIVEN} zei: {NOTE}",
            "plek-TOTAL_FORMS": "0",
            "plek-INITIAL_FORMS": "0",
        },
    )
    assert observation.status_code == 302, observation.content.decode()[:2000]
    person = trajectory.children.get().person
    for url in [
        reverse(
            "meldcode:trajectory-detail", kwargs={"public_id": trajectory.public_id}
        ),
        reverse("persons:person-detail", kwargs={"public_id": person.public_id}),
    ]:
        assert client.get(url).status_code == 200
    found = client.post(reverse("persons:person-list"), {"q": FAMILY})
    assert GIVEN in found.content.decode()


def _household_flow(client: Client) -> None:
    created = client.post(reverse("households:household-create"), {"label": HOUSEHOLD})
    assert created.status_code == 302
    household = Household.objects.order_by("-pk").first()  # the label is encrypted
    assert household is not None
    assert household.label == HOUSEHOLD
    added = client.post(
        reverse("households:member-add", kwargs={"public_id": household.public_id}),
        {
            "given_name": MEMBER,
            "family_name": FAMILY,
            "date_of_birth": BIRTH_DATE,
            "role": "child",
        },
    )
    assert added.status_code == 302, added.content.decode()[:2000]


def _youth_flow(organisation: Organisation) -> None:
    PublicChannel.objects.create(
        organisation=organisation, public_code="PRIVE", display_name="School (test)"
    )
    child = Client()
    write = child.post(reverse("youth:message-start"), {"q": "PRIVE"})
    submission = write.context["form"]["submission"].value()
    sent = child.post(
        reverse("youth:message-write"),
        {"channel": "PRIVE", "submission": submission, "body": MESSAGE},
    )
    assert sent.status_code == 200
    assert YouthMessage.objects.get().body == MESSAGE


@pytest.mark.django_db
def test_the_main_flows_log_no_personal_data_at_any_level(
    logged: Logged,
    client: Client,
    login: Callable[[Client, Persona], Client],
    professional: Persona,
    lokaal_team_medewerker: Persona,
) -> None:
    _meldcode_flow(login(client, professional))
    _household_flow(login(Client(), lokaal_team_medewerker))
    _youth_flow(professional.organisation)
    lines = logged()
    assert lines, "the flows log nothing at DEBUG: is the capture broken?"
    leaks = personal_data_in(lines)
    assert not leaks, "\n".join(leaks)


# ---- error pages -----------------------------------------------------------------


@public
def failing_with_a_name(request: HttpRequest) -> HttpResponse:
    person = {"given_name": GIVEN, "family_name": FAMILY, "bsn": BSN}
    raise RuntimeError(f"forced failure ({len(person)} fields)")


urlpatterns += [path("fails-with-a-name/", failing_with_a_name)]
ERROR_URLCONF = "kindveilig.core.tests.test_privacy_in_logs_and_errors"
POSTED = {"given_name": GIVEN, "family_name": FAMILY, "bsn": BSN, "note": NOTE}


def _body(response: HttpResponseBase) -> str:
    assert isinstance(response, HttpResponse)
    return response.content.decode()


@pytest.mark.django_db
@pytest.mark.urls(ERROR_URLCONF)
def test_a_500_page_shows_and_logs_no_personal_data(
    logged: Logged, client: Client
) -> None:
    client.raise_request_exception = False
    response = client.post("/fails-with-a-name/", POSTED)
    assert response.status_code == 500
    assert "Er ging iets mis" in _body(response)
    assert not personal_data_in([_body(response)])
    lines = logged()
    assert any("forced failure" in line for line in lines), "the 500 is logged"
    assert not personal_data_in(lines)


@pytest.mark.django_db
@pytest.mark.urls(ERROR_URLCONF)
def test_a_404_page_shows_no_personal_data_from_the_path_or_the_body(
    logged: Logged,
    client: Client,
    login: Callable[[Client, Persona], Client],
    professional: Persona,
) -> None:
    login(client, professional)
    missing = reverse("persons:person-detail", kwargs={"public_id": uuid.uuid4()})
    response = client.post(missing, POSTED)
    assert response.status_code == 404
    assert not personal_data_in([_body(response)])
    assert not personal_data_in(logged())
    # A name typed into the address bar by hand is not shown back. (Django's
    # "Not Found: <path>" log line quotes the path as typed; the application's
    # own paths carry only UUIDs.)
    typed = client.post(f"/{GIVEN}-{FAMILY}/{BSN}/", POSTED)
    assert typed.status_code == 404
    assert not personal_data_in([_body(typed)])


@pytest.mark.django_db
@pytest.mark.urls(ERROR_URLCONF)
def test_a_403_page_shows_no_personal_data_from_the_body(
    logged: Logged,
    client: Client,
    login: Callable[[Client, Persona], Client],
    professional: Persona,
) -> None:
    login(client, professional)
    response = client.post(reverse("monitor:coverage"), POSTED)
    assert response.status_code == 403
    assert not personal_data_in([_body(response)])
    assert not personal_data_in(logged())
