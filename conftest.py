"""Personas, one per role, plus an outsider: a professional of another organisation."""

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from django.test import Client, override_settings
from django.utils import translation

import pytest
from django_otp import DEVICE_ID_SESSION_KEY

from kindveilig.access.actor import Actor
from kindveilig.access.roles import Role
from kindveilig.accounts.middleware import ACTIVE_MEMBERSHIP_SESSION_KEY
from kindveilig.accounts.models import EncryptedTOTPDevice, Membership, User
from kindveilig.organisations.models import Organisation


@dataclass(frozen=True)
class Persona:
    user: User
    membership: Membership
    device: EncryptedTOTPDevice

    @property
    def organisation(self) -> Organisation:
        return self.membership.organisation

    @property
    def actor(self) -> Actor:
        """The persona acting in its membership, as the services expect."""
        return Actor(user=self.user, membership=self.membership)


@pytest.fixture(autouse=True)
def _dutch() -> object:
    with translation.override("nl"):
        yield


@pytest.fixture(autouse=True)
def audit_sink(tmp_path: Path) -> Iterator[Path]:
    """A sink of its own per test: the database is rolled back after each test,
    a shared sink would keep checkpoints that no longer exist. (Not through the
    ``settings`` fixture: some tests use that name for a parameter.)"""
    path = tmp_path / "audit-sink.jsonl"
    with override_settings(KINDVEILIG_AUDIT_SINK=str(path)):
        yield path


@pytest.fixture(scope="session", autouse=True)
def _flush_past_the_audit_truncate_guard() -> Iterator[None]:
    """Transactional tests end with Django's flush, a TRUNCATE of every table,
    which the audit tables refuse (migration audit/0007). The test database's
    superuser flushes as a replica, in which mode no trigger fires."""
    from django.db.backends.base.operations import BaseDatabaseOperations
    from django.db.backends.postgresql.operations import DatabaseOperations

    original = DatabaseOperations.execute_sql_flush

    def execute_sql_flush(
        self: BaseDatabaseOperations, sql_list: Iterable[str]
    ) -> None:
        with self.connection.cursor() as cursor:
            cursor.execute("SET session_replication_role = replica")
        try:
            original(self, sql_list)
        finally:
            with self.connection.cursor() as cursor:
                cursor.execute("SET session_replication_role = DEFAULT")

    DatabaseOperations.execute_sql_flush = execute_sql_flush  # type: ignore[method-assign]  # test-only patch
    yield
    DatabaseOperations.execute_sql_flush = original  # type: ignore[method-assign]  # restore


@pytest.fixture
def organisation(db: None) -> Organisation:
    from kindveilig.organisations.tests.factories import OrganisationFactory

    return OrganisationFactory.create(name="Basisschool De Proef (test)")


@pytest.fixture
def other_organisation(db: None) -> Organisation:
    from kindveilig.organisations.tests.factories import OrganisationFactory

    return OrganisationFactory.create(name="Basisschool Elders (test)")


@pytest.fixture
def make_persona(db: None) -> Callable[..., Persona]:
    from kindveilig.accounts.tests.factories import (
        MembershipFactory,
        TOTPDeviceFactory,
        UserFactory,
    )

    def make(role: Role, organisation: Organisation) -> Persona:
        user = UserFactory.create()
        membership = MembershipFactory.create(
            user=user, organisation=organisation, role=role
        )
        device = TOTPDeviceFactory.create(user=user)
        return Persona(user=user, membership=membership, device=device)

    return make


@pytest.fixture
def professional(
    make_persona: Callable[..., Persona], organisation: Organisation
) -> Persona:
    return make_persona(Role.PROFESSIONAL, organisation)


@pytest.fixture
def aandachtsfunctionaris(
    make_persona: Callable[..., Persona], organisation: Organisation
) -> Persona:
    return make_persona(Role.AANDACHTSFUNCTIONARIS, organisation)


@pytest.fixture
def lokaal_team_medewerker(make_persona: Callable[..., Persona]) -> Persona:
    from kindveilig.organisations.models import OrganisationType
    from kindveilig.organisations.tests.factories import OrganisationFactory

    team = OrganisationFactory.create(
        name="Lokaal team (test)", type=OrganisationType.LOKAAL_TEAM
    )
    return make_persona(Role.LOKAAL_TEAM_MEDEWERKER, team)


@pytest.fixture
def gemeente_analist(make_persona: Callable[..., Persona]) -> Persona:
    from kindveilig.organisations.models import OrganisationType
    from kindveilig.organisations.tests.factories import OrganisationFactory

    gemeente = OrganisationFactory.create(
        name="Gemeente (test)", type=OrganisationType.GEMEENTE
    )
    return make_persona(Role.GEMEENTE_ANALIST, gemeente)


@pytest.fixture
def functioneel_beheerder(
    make_persona: Callable[..., Persona], organisation: Organisation
) -> Persona:
    return make_persona(Role.FUNCTIONEEL_BEHEERDER, organisation)


@pytest.fixture
def outsider(
    make_persona: Callable[..., Persona], other_organisation: Organisation
) -> Persona:
    return make_persona(Role.PROFESSIONAL, other_organisation)


@pytest.fixture(params=["user deactivated", "membership ended"])
def retire(request: pytest.FixtureRequest) -> Callable[[Persona], Persona]:
    """Take a persona out of service in one of the two ways (the test runs once
    for each): the user is deactivated, or the membership has ended."""

    def take_out(persona: Persona) -> Persona:
        if request.param == "user deactivated":
            User.objects.filter(pk=persona.user.pk).update(is_active=False)
        else:
            Membership.objects.filter(pk=persona.membership.pk).update(is_active=False)
        return persona

    return take_out


@pytest.fixture
def immediate_tasks(settings: object) -> None:
    """Run a task as soon as it is enqueued (with on-commit callbacks executed)."""
    settings.TASKS = {  # type: ignore[attr-defined]  # pytest-django settings
        "default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}
    }


def login_as(client: Client, persona: Persona) -> Client:
    """Log in with both factors done and the persona's membership active."""
    client.force_login(persona.user)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = persona.device.persistent_id
    session[ACTIVE_MEMBERSHIP_SESSION_KEY] = persona.membership.pk
    session.save()
    return client


@pytest.fixture
def login() -> Callable[[Client, Persona], Client]:
    return login_as


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """After a run that included the corpus evaluation, print its figures, so
    ``make test`` always shows them (docs/youth-messages.md)."""
    ran = any(
        "test_danger_evaluation" in getattr(report, "nodeid", "")
        for key in ("passed", "failed")
        for report in terminalreporter.stats.get(key, [])
    )
    if not ran:
        return
    from kindveilig.youth.messages.evaluation import (
        evaluate,
        figures_table,
        seeded_patterns,
    )

    patterns = seeded_patterns()
    terminalreporter.write_sep("-", "danger detection: recall and precision")
    terminalreporter.write_line(figures_table(evaluate(patterns)))
    terminalreporter.write_sep(
        "-", "danger detection on the held-out corpus (reported, not gating)"
    )
    terminalreporter.write_line(figures_table(evaluate(patterns, heldout=True)))
