"""The generator writes a valid, fictitious, encrypted population through COPY."""

import json
from io import StringIO
from pathlib import Path

from django.core.management import call_command
from django.db import connection

import pytest

from kindveilig.audit.models import AuditChainHead, AuditEvent
from kindveilig.audit.selectors import audit_log_verify
from kindveilig.core.crypto import blind_index
from kindveilig.core.validators import is_valid_bsn
from kindveilig.meldcode.models import Observation, Trajectory
from kindveilig.meldcode.models.choices import Status
from kindveilig.persons.models import Person
from kindveilig.scale.generator import generate_population
from kindveilig.scale.report import write_report

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
    assert AuditChainHead.objects.get().last_seq == AuditEvent.objects.count()


def test_a_second_run_extends_the_same_chain() -> None:
    generate_population(children=30, trajectories=10, years=1)
    generate_population(children=30, trajectories=10, years=1, seed=8)
    assert Trajectory.objects.count() == 20
    assert audit_log_verify().ok


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
    target = tmp_path / "performance.md"
    target.write_text("# Performance\n\nHand-written.\n")
    write_report(profile="bench-quick", run_dir=tmp_path / "run", target=target)
    write_report(profile="bench-quick", run_dir=tmp_path / "run", target=target)
    text = target.read_text()
    assert text.count("<!-- bench-quick:start -->") == 1
    assert "Hand-written." in text
    assert "| start page |" in text
    assert "household timeline" in text
