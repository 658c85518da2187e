"""Verwijsindex semantics: a second organisation's signal about the same child
tells both contact persons who else is involved, never what about; signals
expire (2 years active, 5 archived, configurable); matching is one indexed
lookup on the blind index."""

import datetime as dt

from django.core import mail
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

import pytest
import time_machine
from conftest import Persona

from kindveilig.access.actor import Actor
from kindveilig.audit.models import AuditAction, AuditEvent
from kindveilig.audit.services import audit_record
from kindveilig.meldcode import scenarios
from kindveilig.verwijsindex.models import Match, MatchNotice, Signal, SignalStatus
from kindveilig.verwijsindex.services import (
    ChildSignalInput,
    signal_end,
    signal_register,
    signal_register_for_child,
    signals_apply_retention,
)
from kindveilig.verwijsindex.tasks import send_match_emails

pytestmark = [pytest.mark.django_db]

BSN = "111222333"


def child_signal(actor: Actor, bsn: str = BSN, **kwargs: object) -> Signal:
    return signal_register_for_child(
        actor=actor,
        data=ChildSignalInput(
            given_name="Sam",
            family_name="Proef",
            bsn=bsn,
            date_of_birth=dt.date(2016, 3, 14),
            **kwargs,  # type: ignore[arg-type]
        ),
    )


def test_starting_a_trajectory_registers_a_signal(prof: Actor) -> None:
    # Through the meldcode's trajectory_started hook, registered in ChainConfig.ready.
    trajectory = scenarios.start(prof, bsn=BSN)
    signal = Signal.objects.get()
    assert signal.contact_user == prof.user
    assert signal.organisation_id == prof.organisation_id
    assert signal.source_type == "meldcode.trajectory"
    assert signal.source_id == str(trajectory.public_id)
    assert signal.person == trajectory.children.get().person
    assert not MatchNotice.objects.exists()  # nobody else yet


def test_a_second_organisation_matches_and_both_are_told(
    prof: Actor, jgz_nurse: Persona
) -> None:
    scenarios.start(prof, bsn=BSN)
    nurse = jgz_nurse.actor
    child_signal(nurse, contact_phone="070-1112222")
    assert Match.objects.count() == 1
    notices = {n.user_id: n for n in MatchNotice.objects.select_related("other_signal")}
    assert set(notices) == {prof.user.pk, nurse.user.pk}
    assert notices[prof.user.pk].other_signal.contact_user == nurse.user
    assert notices[prof.user.pk].other_signal.contact_phone == "070-1112222"
    assert notices[nurse.user.pk].other_signal.contact_user == prof.user
    # The match is in both children's logs (two person records, one child).
    assert (
        AuditEvent.objects.filter(action=AuditAction.CREATE, object_type="chain.match")
        .values("person_id")
        .distinct()
        .count()
        == 2
    )


def test_the_match_email_names_who_and_how_but_no_child_and_no_content(
    prof: Actor, jgz_nurse: Persona
) -> None:
    scenarios.start(prof, bsn=BSN, worry="Blauwe plekken op de arm.")
    nurse = jgz_nurse.actor
    child_signal(nurse, contact_phone="070-1112222")
    ids = list(MatchNotice.objects.values_list("pk", flat=True))
    assert send_match_emails.call(notice_ids=ids) == 2
    to_teacher = next(m for m in mail.outbox if m.to == [prof.user.email])
    text = f"{to_teacher.subject} {to_teacher.body}"
    assert nurse.user.full_name in text
    assert nurse.organisation.name in text
    assert "070-1112222" in text
    for secret in ("Sam", "Proef", BSN, "Blauwe"):
        assert secret not in text
    assert send_match_emails.call(notice_ids=ids) == 0  # never twice


def test_the_same_organisation_and_children_without_bsn_do_not_match(
    prof: Actor, af: Actor
) -> None:
    scenarios.start(prof, bsn=BSN)
    child_signal(af)  # same school
    scenarios.start(prof)  # no BSN
    assert not Match.objects.exists()


def test_signalling_the_same_child_again_renews_the_signal(prof: Actor) -> None:
    first = child_signal(prof)
    with time_machine.travel(timezone.now() + dt.timedelta(days=100)):
        again = child_signal(prof, contact_phone="06-1")
    assert again.pk == first.pk
    again.refresh_from_db()
    assert again.active_until > first.active_until
    assert again.contact_phone == "06-1"
    assert Signal.objects.count() == 1


def test_signals_are_for_young_people_up_to_23(prof: Actor) -> None:
    with pytest.raises(ValidationError):
        signal_register_for_child(
            actor=prof,
            data=ChildSignalInput(
                given_name="Oud",
                family_name="Proef",
                bsn=BSN,
                date_of_birth=dt.date(1990, 1, 1),
            ),
        )


def test_retention_two_years_active_five_archived_then_deleted(
    prof: Actor, jgz_nurse: Persona
) -> None:
    start = timezone.now()
    child_signal(prof)
    child_signal(jgz_nurse.actor)
    assert MatchNotice.objects.count() == 2
    assert signals_apply_retention(now=start + dt.timedelta(days=729)).archived == 0
    result = signals_apply_retention(now=start + dt.timedelta(days=731))
    assert result.archived == 2
    assert set(Signal.objects.values_list("status", flat=True)) == {
        SignalStatus.ARCHIVED
    }
    assert (
        signals_apply_retention(now=start + dt.timedelta(days=731 + 1825)).deleted == 0
    )
    result = signals_apply_retention(now=start + dt.timedelta(days=731 + 1827))
    assert result.deleted == 2
    assert not Signal.objects.exists()
    assert not MatchNotice.objects.exists()
    assert (
        AuditEvent.objects.filter(
            action=AuditAction.DELETE, object_type="chain.signal"
        ).count()
        == 2
    )


def test_retention_is_configurable(prof: Actor, settings: object) -> None:
    settings.KINDVEILIG_SIGNAL_ACTIVE_DAYS = 30  # type: ignore[attr-defined]
    settings.KINDVEILIG_SIGNAL_ARCHIVE_DAYS = 10  # type: ignore[attr-defined]
    start = timezone.now()
    child_signal(prof)
    assert signals_apply_retention(now=start + dt.timedelta(days=31)).archived == 1
    assert signals_apply_retention(now=start + dt.timedelta(days=42)).deleted == 1


def test_an_archived_signal_matches_no_more(prof: Actor, jgz_nurse: Persona) -> None:
    signal = child_signal(prof)
    signal_end(actor=prof, signal=signal)
    child_signal(jgz_nurse.actor)
    assert not Match.objects.exists()


def test_matching_is_one_lookup_on_the_blind_index(
    prof: Actor, jgz_nurse: Persona
) -> None:
    child_signal(prof)
    nurse = jgz_nurse.actor
    with CaptureQueriesContext(connection) as captured:
        child_signal(nurse)
    lookups = [
        q["sql"]
        for q in captured.captured_queries
        if q["sql"].startswith("SELECT")
        and 'FROM "chain_signal"' in q["sql"]
        # "IN": every candidate index of the BSN, for a key rotation
        and ('"bsn_index" =' in q["sql"] or '"bsn_index" IN' in q["sql"])
        and "FOR UPDATE" not in q["sql"]  # the own-signal check, also indexed
    ]
    assert len(lookups) == 1
    # The database can answer it from the partial index, without a scan.
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute(
            "EXPLAIN SELECT id FROM chain_signal WHERE bsn_index = %s AND status = 'active'",
            ["x" * 64],
        )
        plan = " ".join(row[0] for row in cursor.fetchall())
    assert "Index" in plan
    assert "Seq Scan" not in plan


def test_the_regie_signal_says_regievoerder(prof: Actor, jgz_nurse: Persona) -> None:
    trajectory = scenarios.start(prof, bsn=BSN)
    child = trajectory.children.get().person
    signal_register(actor=jgz_nurse.actor, person=child, is_regie=True)
    notice = MatchNotice.objects.get(user=prof.user)
    assert notice.other_signal.is_regie


def test_a_registration_with_a_match_writes_the_chain_once(
    prof: Actor, jgz_nurse: Persona
) -> None:
    """Fast enough for the national benchmark (docs/performance.md): the signal
    and its match reach the audit chain in one write, and full_clean does not
    look up rows the service already holds."""
    first = child_signal(prof)
    nurse = jgz_nurse.actor
    # The nurse's organisation has written to the log before, as any
    # organisation at work has: its chain head exists (its first record
    # creates it, once).
    audit_record(actor=nurse, action=AuditAction.READ, object_type="test.thing")
    with CaptureQueriesContext(connection) as captured:
        signal_register(actor=nurse, person=first.person)
    head_locks = [
        q for q in captured.captured_queries if "audit_auditchainhead" in q["sql"]
    ]
    # Locked before the child's lock (lock order, docs/decisions.md), locked
    # again by the write (no wait: the transaction holds it), one update.
    assert len(head_locks) == 3
    assert len(captured.captured_queries) <= 15  # 13 + the two locks
    assert Match.objects.count() == 1
    reasons = sorted(
        AuditEvent.objects.filter(object_type__startswith="chain.").values_list(
            "object_type", "reason"
        )
    )
    assert ("chain.match", "verwijsindex match") in reasons
    assert ("chain.signal", "") in reasons
