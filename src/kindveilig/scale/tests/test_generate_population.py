"""The generator writes a valid, fictitious, encrypted population through COPY."""

import json
from datetime import timedelta
from io import StringIO
from pathlib import Path

from django.core.management import call_command
from django.db import connection
from django.db.models import Q
from django.test import Client
from django.utils import timezone

import pytest

from kindveilig.access.actor import Actor
from kindveilig.access.roles import Role
from kindveilig.accounts.models import Membership
from kindveilig.audit.models import AuditChainHead, AuditEvent
from kindveilig.audit.selectors import audit_log_verify
from kindveilig.core.crypto import blind_index
from kindveilig.core.validators import is_valid_bsn
from kindveilig.households.models import (
    CaseStatus,
    Household,
    MemberRole,
    Phase,
    PhaseChange,
    SafetyCase,
)
from kindveilig.meldcode.models import Observation, Trajectory
from kindveilig.meldcode.models.choices import Status
from kindveilig.monitor.models import MonitorChange, RefreshKind
from kindveilig.monitor.services import monitor_refresh
from kindveilig.persons.models import Person
from kindveilig.scale.bench import log_in
from kindveilig.scale.generator import generate_population
from kindveilig.scale.report import write_report
from kindveilig.verwijsindex.models import Match, Signal, SignalStatus
from kindveilig.verwijsindex.services import ChildSignalInput, signal_register_for_child
from kindveilig.youth.messages.models import PublicChannel, Sender, YouthConversation
from kindveilig.youth.messages.services import retention_days

pytestmark = [pytest.mark.django_db]


def test_it_builds_trajectories_at_every_step_with_a_valid_audit_chain() -> None:
    result = generate_population(children=400, trajectories=120, years=1, chunk=50)
    assert Trajectory.objects.count() == 120
    assert result.counts["meldcode.trajectory"] == 120
    statuses = set(Trajectory.objects.values_list("status", flat=True))
    assert {Status.OPEN, Status.CLOSED} <= statuses
    assert Observation.objects.count() >= 120
    verification = audit_log_verify()
    assert verification.ok, verification.problems
    # One chain per organisation that wrote, each head at its chain's end.
    heads = dict(AuditChainHead.objects.values_list("chain", "last_seq"))
    assert len(heads) > 1
    assert sum(heads.values()) == AuditEvent.objects.count()
    assert set(heads) == set(AuditEvent.objects.values_list("chain", flat=True))


def test_a_second_run_extends_the_same_chain() -> None:
    generate_population(children=30, trajectories=10, years=1)
    generate_population(children=30, trajectories=10, years=1, seed=8)
    assert Trajectory.objects.count() == 20
    assert audit_log_verify().ok


def test_the_load_asks_the_monitor_to_count_everything_again() -> None:
    """The monitor's change log is off during the COPY (a row per chunk and
    day would double the load); one "everything" row stands for it."""
    generate_population(children=30, trajectories=10, years=1)
    changes = list(MonitorChange.objects.values_list("everything", flat=True))
    assert changes == [True]
    assert monitor_refresh().kind == RefreshKind.FULL


def test_free_text_is_real_ciphertext_and_names_are_fictitious() -> None:
    generate_population(children=30, trajectories=10, years=1)
    with connection.cursor() as cursor:
        cursor.execute("SELECT facts FROM meldcode_observation LIMIT 1")
        stored = cursor.fetchone()[0]
    assert stored.startswith("fernet:")
    observation = Observation.objects.first()
    assert observation is not None
    assert observation.facts  # decrypts with the configured key
    child = Person.objects.exclude(bsn="").first()
    assert child is not None
    assert child.bsn.startswith("9999")
    assert is_valid_bsn(child.bsn)
    assert child.bsn_index == blind_index(child.bsn)
    assert child.family_name.endswith("(synth.)")


def test_the_command_reports_the_rows() -> None:
    out = StringIO()
    call_command(
        "generate_population", "--children", "20", "--trajectories", "5", stdout=out
    )
    assert "meldcode.trajectory\t5" in out.getvalue()


def test_the_report_keeps_the_text_around_its_block(tmp_path: Path) -> None:
    run = tmp_path / "run" / "100"
    run.mkdir(parents=True)
    (run / "meta.json").write_text(json.dumps({"trajectories": 100, "rows": 5}))
    (run / "locust_stats.csv").write_text(
        "Type,Name,Request Count,Failure Count,Median Response Time,"
        "Average Response Time,Min Response Time,Max Response Time,"
        "Average Content Size,Requests/s,Failures/s,50%,66%,75%,80%,90%,95%\n"
        "GET,start page,10,0,20,22,10,40,9000,5.0,0,20,21,22,23,30,35\n"
        "GET,floor: bare Django view + base template,10,0,10,11,5,20,8000,5.0,0,10,10,10,10,15,16\n"
        ",Aggregated,20,0,15,16,5,40,8500,10.0,0,15,16,17,18,25,30\n"
    )
    (run / "generate.txt").write_text(
        "households.household\t7\nchain.signal\t9\nGenerated 16 rows.\n"
    )
    target = tmp_path / "performance.md"
    target.write_text("# Performance\n\nHand-written.\n")
    write_report(profile="bench-quick", run_dir=tmp_path / "run", target=target)
    write_report(profile="bench-quick", run_dir=tmp_path / "run", target=target)
    text = target.read_text()
    assert text.count("<!-- bench-quick:start -->") == 1
    assert "Hand-written." in text
    assert "| start page |" in text
    assert "household timeline" in text
    assert "| 100 trajectories | 100 | 7 | 0 | 9 | 5 |" in text


@pytest.fixture
def households_population() -> None:
    generate_population(children=1000, trajectories=400, years=2, chunk=150)


@pytest.mark.usefixtures("households_population")
def test_households_are_in_every_phase_with_their_history() -> None:
    open_cases = SafetyCase.objects.filter(status=CaseStatus.OPEN)
    assert set(open_cases.values_list("phase", flat=True)) == set(Phase.values)
    assert SafetyCase.objects.filter(status=CaseStatus.CLOSED).exists()
    for case in SafetyCase.objects.all():
        changes = list(case.phase_changes.order_by("at", "pk"))
        assert changes[0].from_phase == ""
        assert changes[-1].to_phase == case.phase
        assert changes[-1].at == case.phase_since
        assert case.household.members.filter(role=MemberRole.CHILD).exists()
        assert case.plan_versions.exists()
        assert case.meetings.exists()
    change = PhaseChange.objects.exclude(from_phase="").first()
    assert change is not None
    assert change.reason  # decrypts
    assert change.safety_score is not None
    household = Household.objects.first()
    assert household is not None
    assert household.label.endswith("(synth.)")
    verification = audit_log_verify()
    assert verification.ok, verification.problems


@pytest.mark.usefixtures("households_population")
def test_the_regievoerder_sees_the_household_timeline() -> None:
    case = (
        SafetyCase.objects.filter(
            status=CaseStatus.OPEN, phase=Phase.STABIELE_VEILIGHEID
        )
        .select_related("household")
        .first()
    )
    assert case is not None
    membership = Membership.objects.select_related("user").get(
        user_id=case.regievoerder_id,
        organisation_id=case.responsible_organisation_id,
        role=Role.LOKAAL_TEAM_MEDEWERKER,
    )
    client = Client()
    client.cookies["sessionid"] = log_in(membership)
    response = client.get(f"/huishoudens/{case.household.public_id}/tijdlijn/")
    assert response.status_code == 200
    items = response.context["items"]
    kinds = {item.kind for item in items}
    assert {"phase", "plan", "meeting", "trajectory"} <= kinds
    phases = [item for item in items if item.kind == "phase"]
    assert len(phases) == case.phase_changes.count()
    # Another lokaal team worker of the same team is not the regievoerder.
    other = (
        Membership.objects.filter(
            organisation_id=case.responsible_organisation_id,
            role=Role.LOKAAL_TEAM_MEDEWERKER,
        )
        .exclude(user_id=case.regievoerder_id)
        .first()
    )
    assert other is not None
    client.cookies["sessionid"] = log_in(other)
    response = client.get(f"/huishoudens/{case.household.public_id}/tijdlijn/")
    assert response.status_code == 404
    assert audit_log_verify().ok


@pytest.mark.usefixtures("households_population")
def test_youth_conversations_decrypt_and_stay_within_retention() -> None:
    conversations = YouthConversation.objects.all()
    assert conversations.count() == 20  # 400 trajectories / 20
    cutoff = timezone.now() - timedelta(days=retention_days())
    assert not conversations.filter(last_activity_at__lt=cutoff).exists()
    with connection.cursor() as cursor:
        cursor.execute("SELECT body FROM youthmessages_youthmessage LIMIT 1")
        assert cursor.fetchone()[0].startswith("fernet:")
    for conversation in conversations:
        messages = list(conversation.messages.all())
        assert 2 <= len(messages) <= 6
        assert messages[0].sender == Sender.CHILD
        assert all(message.body for message in messages)  # decrypts
    assert PublicChannel.objects.filter(public_code__startswith="SYNTH").exists()


@pytest.mark.usefixtures("households_population")
def test_a_real_signal_registration_matches_the_generated_signals() -> None:
    open_trajectory = Trajectory.objects.filter(status=Status.OPEN).first()
    assert open_trajectory is not None
    child = open_trajectory.children.select_related("person").first()
    assert child is not None
    generated = Signal.objects.filter(
        bsn_index=child.person.bsn_index, status=SignalStatus.ACTIVE
    )
    assert generated.filter(organisation_id=open_trajectory.organisation_id).exists()
    expected = generated.count()
    assert Match.objects.exists()  # the regie signals matched the schools' signals
    other = (
        Membership.objects.select_related("user", "organisation")
        .exclude(organisation_id__in=generated.values("organisation_id"))
        .filter(role=Role.AANDACHTSFUNCTIONARIS)
        .first()
    )
    assert other is not None
    actor = Actor(user=other.user, membership=other)
    signal = signal_register_for_child(
        actor=actor,
        data=ChildSignalInput(
            given_name="Test", family_name="Kind (synth.)", bsn=child.person.bsn
        ),
    )
    matched = Match.objects.filter(Q(first=signal) | Q(second=signal))
    assert matched.count() == expected
    assert audit_log_verify().ok
