from io import StringIO

from django.core.management import CommandError, call_command
from django.utils import timezone

import pytest
from django_otp.oath import totp

from kindveilig.access.actor import Actor
from kindveilig.access.roles import Role
from kindveilig.accounts.models import EncryptedTOTPDevice, Membership, User
from kindveilig.demo.builders import DEMO_ACCOUNTS, DEMO_DOMAIN, demo_people_count
from kindveilig.demo.history_builders import history_months
from kindveilig.households.models import SafetyCase
from kindveilig.meldcode.deadline_selectors import deadline_overview_for
from kindveilig.meldcode.models import (
    Melding,
    Trajectory,
    TrajectoryChild,
    VeiligThuisFeedback,
)
from kindveilig.meldcode.models.choices import FeedbackKind, Outcome, Status, Step
from kindveilig.monitor.models import MonitorCount, MonitorFigure
from kindveilig.organisations.models import Organisation, Sector
from kindveilig.persons.models import Person
from kindveilig.readiness.expiry import add_months
from kindveilig.youth.messages.models import YouthConversation

pytestmark = [pytest.mark.django_db]


@pytest.fixture
def demo_mode(settings: object) -> None:
    settings.DEBUG = True  # type: ignore[attr-defined]
    settings.KINDVEILIG_DEMO_MODE = True  # type: ignore[attr-defined]


def test_seed_demo_is_refused_outside_demo_mode(settings: object) -> None:
    settings.DEBUG = False  # type: ignore[attr-defined]
    with pytest.raises(CommandError, match="demomodus"):
        call_command("seed_demo", stdout=StringIO())
    assert not User.objects.exists()


def test_seed_demo_creates_every_role_and_is_idempotent(demo_mode: None) -> None:
    out = StringIO()
    call_command("seed_demo", stdout=out)
    counts = (
        User.objects.count(),
        Membership.objects.count(),
        Organisation.objects.count(),
        Person.objects.count(),
    )
    call_command("seed_demo", stdout=StringIO())
    assert counts == (
        User.objects.count(),
        Membership.objects.count(),
        Organisation.objects.count(),
        Person.objects.count(),
    )
    roles = set(Membership.objects.values_list("role", flat=True))
    assert roles == {role.value for role in Role}
    printed = out.getvalue()
    for account in DEMO_ACCOUNTS:
        assert account.email in printed
    assert "otpauth://totp/" in printed
    assert demo_people_count() > 0
    # Clearly fictitious: every demo person is marked "demo" in the name.
    assert all("demo)" in p.given_name for p in Person.objects.all())


def test_demo_code_prints_the_current_code(demo_mode: None) -> None:
    call_command("seed_demo", stdout=StringIO())
    email = DEMO_ACCOUNTS[0].email
    out = StringIO()
    call_command("demo_code", email, stdout=out)
    device = EncryptedTOTPDevice.objects.get(user__email=email)
    expected = f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"
    assert out.getvalue().strip() == expected


def test_demo_code_is_refused_outside_demo_mode(settings: object) -> None:
    settings.KINDVEILIG_DEMO_MODE = False  # type: ignore[attr-defined]
    with pytest.raises(CommandError):
        call_command("demo_code", "x@y.nl", stdout=StringIO())


def test_seed_demo_builds_trajectories_through_the_whole_flow(demo_mode: None) -> None:
    call_command("seed_demo", stdout=StringIO())
    count = Trajectory.objects.count()
    persons = Person.objects.count()
    cases, conversations = SafetyCase.objects.count(), YouthConversation.objects.count()
    call_command("seed_demo", stdout=StringIO())
    assert Trajectory.objects.count() == count
    assert Person.objects.count() == persons
    assert SafetyCase.objects.count() == cases
    assert YouthConversation.objects.count() == conversations

    trajectories = list(Trajectory.objects.select_related("organisation"))
    assert {t.step for t in trajectories if t.status == Status.OPEN} == set(Step)
    assert {t.status for t in trajectories} == set(Status)
    assert {t.organisation.sector for t in trajectories} >= {
        Sector.ONDERWIJS,
        Sector.JGZ,
        Sector.KINDEROPVANG,
        Sector.SPORT_CULTUUR,
    }
    assert any(t.is_acute for t in trajectories)
    assert any(t.outcome == Outcome.NO_SUSPICION for t in trajectories)
    assert Melding.objects.filter(handed_over_at__isnull=False).exists()
    assert VeiligThuisFeedback.objects.filter(
        kind=FeedbackKind.VEILIGHEIDSBEOORDELING
    ).exists()
    # Every child is clearly fictitious.
    children = TrajectoryChild.objects.select_related("person")
    assert all("(demo)" in link.person.given_name for link in children)
    # The history: the monitor has trajectories started in every month of it.
    months = {t.created_at.date().replace(day=1) for t in trajectories}
    assert len(months) == history_months() + 1
    started = MonitorFigure.objects.filter(
        measure="started", period_kind="month", municipality=None, sector=""
    )
    published = set(started.values_list("period_start", flat=True))
    assert months <= published  # every month of the history has its figure


def test_the_demo_deadline_overview_has_something_to_show(demo_mode: None) -> None:
    call_command("seed_demo", stdout=StringIO())
    membership = Membership.objects.select_related("user", "organisation").get(
        user__email=f"aandacht-jgz@{DEMO_DOMAIN}"
    )
    overview = deadline_overview_for(
        actor=Actor(user=membership.user, membership=membership)
    )
    assert overview.steps
    assert overview.overdue_feedback == 1


def _spread(measure: str) -> tuple[set[object], set[object]]:
    """The months and municipalities a measure has counts in."""
    rows = MonitorCount.objects.filter(measure=measure)
    return (
        set(rows.values_list("month", flat=True)),
        set(rows.values_list("municipality__name", flat=True)),
    )


def test_the_household_and_youth_charts_have_a_history(demo_mode: None) -> None:
    """Every month of the history, more than one municipality: cases entering
    their phases, days to stable safety, children writing and being answered.
    Nothing of the past waits for anyone today."""
    call_command("seed_demo", stdout=StringIO())
    this_month = timezone.localdate().replace(day=1)
    history = {add_months(this_month, -back) for back in range(1, history_months() + 1)}
    for measure in ("phase_entered", "youth_conversation", "youth_message"):
        months, places = _spread(measure)
        assert history <= months, measure
        assert len(places) >= 2, measure
    assert MonitorCount.objects.filter(measure="stable_days").exists()
    assert MonitorCount.objects.filter(measure="youth_answer_hours").exists()
    assert MonitorCount.objects.filter(
        measure="youth_conversation", dimension="urgent"
    ).exists()
    past = YouthConversation.objects.filter(created_at__date__lt=this_month)
    assert not past.filter(urgent_unopened_since__isnull=False).exists()
    assert all("(demo)" in c.first_name for c in past)
