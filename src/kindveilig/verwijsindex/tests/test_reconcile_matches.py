"""The daily reconciliation repairs a match a registration missed, once: the
match, both notices, their notifications and e-mails, as the registration would
have made them. A second run and a dry run change nothing; the output is
counts only."""

import datetime as dt
from collections.abc import Callable
from io import StringIO

from django.core import mail
from django.core.management import call_command
from django.utils.translation import gettext as _

import pytest
from conftest import Persona
from pytest_django import DjangoCaptureOnCommitCallbacks

from kindveilig.access.actor import Actor
from kindveilig.access.roles import Role
from kindveilig.audit.models import AuditEvent
from kindveilig.core.background import daily_task_paths
from kindveilig.notifications.models import Notification, NotificationKind
from kindveilig.organisations.tests.factories import OrganisationFactory
from kindveilig.verwijsindex import services
from kindveilig.verwijsindex.models import Match, MatchNotice, Signal
from kindveilig.verwijsindex.services import (
    ChildSignalInput,
    matches_reconcile,
    signal_end,
    signal_register_for_child,
)
from kindveilig.verwijsindex.tasks import reconcile_matches

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("immediate_tasks")]

BSN = "111222333"


def child_signal(actor: Actor) -> Signal:
    return signal_register_for_child(
        actor=actor,
        data=ChildSignalInput(
            given_name="Sam",
            family_name="Proef",
            bsn=BSN,
            date_of_birth=dt.date(2016, 3, 14),
        ),
    )


def missed_signal(actor: Actor, monkeypatch: pytest.MonkeyPatch) -> Signal:
    """A registration that saw no other signal, as the race without a lock left it."""
    with monkeypatch.context() as patch:
        patch.setattr(services, "_match", lambda actor, signal: [])
        return child_signal(actor)


def state() -> tuple[int, int, int, int]:
    return (
        Match.objects.count(),
        MatchNotice.objects.count(),
        Notification.objects.filter(kind=NotificationKind.MATCH_FOUND).count(),
        AuditEvent.objects.count(),
    )


def test_a_pair_without_a_match_is_repaired_once(
    prof: Actor,
    jgz_nurse: Persona,
    monkeypatch: pytest.MonkeyPatch,
    django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks,
) -> None:
    first = child_signal(prof)
    second = missed_signal(jgz_nurse.actor, monkeypatch)
    assert not Match.objects.exists()
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        result = matches_reconcile()

    assert (result.children, result.matches, result.notices) == (1, 1, 2)
    match = Match.objects.get()
    assert (match.first_id, match.second_id) == (first.pk, second.pk)
    told = {n.user_id: n.other_signal_id for n in MatchNotice.objects.all()}
    assert told == {prof.user.pk: second.pk, jgz_nurse.user.pk: first.pk}
    notified = Notification.objects.filter(kind=NotificationKind.MATCH_FOUND)
    assert sorted(notified.values_list("user_id", flat=True)) == sorted(
        [prof.user.pk, jgz_nurse.user.pk]
    )
    assert sorted(m.to[0] for m in mail.outbox) == sorted(
        [prof.user.email, jgz_nurse.user.email]
    )
    # In both children's logs (each organisation's own record), by the system.
    records = AuditEvent.objects.filter(object_type="chain.match")
    assert records.count() == 2
    assert set(records.values_list("reason", flat=True)) == {
        "verwijsindex reconciliation"
    }
    assert set(records.values_list("actor_user", flat=True)) == {None}

    before = state()
    again = matches_reconcile()
    assert (again.children, again.matches, again.notices) == (0, 0, 0)
    assert state() == before


def test_a_dry_run_counts_and_changes_nothing(
    prof: Actor, jgz_nurse: Persona, monkeypatch: pytest.MonkeyPatch
) -> None:
    child_signal(prof)
    missed_signal(jgz_nurse.actor, monkeypatch)
    before = state()
    result = matches_reconcile(dry_run=True)
    assert (result.children, result.matches, result.notices) == (1, 1, 2)
    assert state() == before


def test_only_missing_pairs_of_active_signals_of_other_organisations_are_matched(
    prof: Actor,
    af: Actor,
    jgz_nurse: Persona,
    other_prof: Actor,
    make_persona: Callable[..., Persona],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    school = child_signal(prof)
    colleague = missed_signal(af, monkeypatch)  # the school's too: never a match
    nurse = child_signal(jgz_nurse.actor)  # matched with both of the school
    elsewhere = missed_signal(other_prof, monkeypatch)
    former = make_persona(Role.PROFESSIONAL, OrganisationFactory.create()).actor
    signal_end(actor=former, signal=missed_signal(former, monkeypatch))
    matched = set(Match.objects.values_list("first_id", "second_id"))
    assert len(matched) == 2

    result = matches_reconcile()

    assert (result.children, result.matches) == (1, 3)
    pairs = set(Match.objects.values_list("first_id", "second_id"))
    assert pairs - matched == {
        (min(elsewhere.pk, s.pk), max(elsewhere.pk, s.pk))
        for s in (school, colleague, nurse)
    }


def test_the_command_prints_counts_only(
    prof: Actor, jgz_nurse: Persona, monkeypatch: pytest.MonkeyPatch
) -> None:
    child_signal(prof)
    missed_signal(jgz_nurse.actor, monkeypatch)
    dry = StringIO()
    call_command("reconcile_matches", "--dry-run", stdout=dry)
    assert not Match.objects.exists()
    done = StringIO()
    call_command("reconcile_matches", stdout=done)
    assert Match.objects.count() == 1
    counts = {"children": 1, "matches": 1, "notices": 2}
    assert (
        dry.getvalue().strip()
        == _(
            "Dry run: %(matches)s missing matches for %(children)s children "
            "(%(notices)s notices); nothing changed."
        )
        % counts
    )
    assert (
        done.getvalue().strip()
        == _(
            "Created %(matches)s missing matches for %(children)s children "
            "and %(notices)s notices."
        )
        % counts
    )


def test_the_reconciliation_runs_daily() -> None:
    assert "kindveilig.verwijsindex.tasks.reconcile_matches" in daily_task_paths()
    assert reconcile_matches.call() == {"children": 0, "matches": 0, "notices": 0}
