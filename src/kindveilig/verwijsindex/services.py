"""Writes of the Verwijsindex: signals and their matches, and the retention (2 years
active, 5 years archived, then deleted). Shares live in the meldcode
(``meldcode.services.shares``)."""

import datetime as dt
import hashlib
import itertools
import logging
import uuid
from collections.abc import Sequence
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import connection, models, transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kindveilig.access.actor import Actor
from kindveilig.access.roles import CASE_ROLES, Role
from kindveilig.audit.models import AuditAction
from kindveilig.audit.services import (
    AuditItem,
    audit_chain_lock,
    audit_record,
    audit_record_many,
)
from kindveilig.core.background import enqueue_on_commit
from kindveilig.core.calendar import age_on
from kindveilig.core.crypto import blind_index_candidates
from kindveilig.core.retention import PERSON_KIND, active_holds
from kindveilig.core.validators import check_fields, validate_birth_date
from kindveilig.meldcode.models import Trajectory
from kindveilig.notifications.models import NotificationKind
from kindveilig.notifications.services import notify
from kindveilig.persons.models import Person
from kindveilig.persons.services import person_create

from .models import Match, MatchNotice, Signal, SignalStatus
from .selectors import signal_indexes_missing_a_match

# The retention engine's key of a signal (and of legal holds on one).
SIGNAL_KIND = "chain.signal"

__all__ = [
    "ChildSignalInput",
    "ReconcileResult",
    "match_notices_mark_seen",
    "matches_reconcile",
    "signal_end",
    "signal_register",
    "signal_register_for_child",
    "signals_apply_retention",
    "signals_register_for_trajectory",
]

logger = logging.getLogger(__name__)

VERWIJSINDEX_MAX_AGE = 23


def signal_active_days() -> int:
    return int(getattr(settings, "KINDVEILIG_SIGNAL_ACTIVE_DAYS", 730))


def signal_archive_days() -> int:
    return int(getattr(settings, "KINDVEILIG_SIGNAL_ARCHIVE_DAYS", 1826))


def _source_ref(source: models.Model | None) -> tuple[str, str]:
    if source is None:
        return "", ""
    return (
        source._meta.label_lower,
        str(getattr(source, "public_id", None) or source.pk),
    )


def _advisory_key(bsn_index: str) -> int:
    """A signed 64-bit key for ``pg_advisory_xact_lock``, from the blind index."""
    digest = hashlib.sha256(f"verwijsindex:{bsn_index}".encode()).digest()
    return int.from_bytes(digest[:8], "big", signed=True)


def _lock_child(actor: Actor | None, bsn_index: str) -> None:
    """Serialise the registrations about one child until the transaction ends.

    Takes the actor's audit chain head first (every writer takes it before other
    locks, and a trajectory start already holds it when it registers its
    signals), then
    a transaction-scoped advisory lock on the blind index: whoever comes second
    reads the first one's committed signal and matches it. One statement each;
    on SQLite (the ``make run`` demo) only the head's no-op, as SQLite
    serialises writers itself.
    """
    audit_chain_lock(actor)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT pg_advisory_xact_lock(%s)", [_advisory_key(bsn_index)]
            )


def _own_active_signal(actor: Actor, person: Person) -> Signal | None:
    queryset = Signal.objects.select_for_update().filter(
        organisation_id=actor.organisation_id,
        contact_user_id=actor.user.pk,
        status=SignalStatus.ACTIVE,
    )
    if person.bsn_index:
        return queryset.filter(bsn_index=person.bsn_index).first()
    return queryset.filter(bsn_index="", person=person).first()


@transaction.atomic
def signal_register(
    *,
    actor: Actor,
    person: Person,
    source: models.Model | None = None,
    is_regie: bool = False,
    contact_phone: str = "",
    parents_informed: bool = False,
) -> Signal:
    """Record that the actor is involved with this child, and match it.

    A second signal of the same contact person about the same child renews the
    first. When another organisation has an active signal with the same BSN
    blind index (one indexed lookup), both contact persons are told who else is
    involved: never the content. A child without a BSN cannot be matched.
    Registrations about one child are serialised (``_lock_child``), so two
    organisations signalling at the same moment still match.
    """
    if person.bsn_index:
        # Lock on the index under the current key, which every registration of
        # this child computes alike, also while a key rotation is under way.
        _lock_child(
            actor,
            blind_index_candidates(person.bsn)[0] if person.bsn else person.bsn_index,
        )
    now = timezone.now()
    active_until = now + dt.timedelta(days=signal_active_days())
    existing = _own_active_signal(actor, person)
    if existing is not None:
        existing.active_until = max(existing.active_until, active_until)
        existing.is_regie = existing.is_regie or is_regie
        existing.contact_phone = contact_phone.strip() or existing.contact_phone
        existing.parents_informed = existing.parents_informed or parents_informed
        existing.save(
            update_fields=[
                "active_until",
                "is_regie",
                "contact_phone",
                "parents_informed",
                "updated_at",
            ]
        )
        return existing
    source_type, source_id = _source_ref(source)
    signal = Signal(
        person=person,
        bsn_index=person.bsn_index,
        organisation=actor.organisation,
        contact_user=actor.user,
        contact_phone=contact_phone.strip(),
        source_type=source_type,
        source_id=source_id,
        is_regie=is_regie,
        parents_informed=parents_informed,
        active_until=active_until,
    )
    # The partial unique indexes guard one active signal per contact and child;
    # the lookup above already found none, the related rows are in hand and the
    # public id is a fresh UUID: skip full_clean's queries, check the values.
    signal.full_clean(
        exclude=["person", "organisation", "contact_user"],
        validate_unique=False,
        validate_constraints=False,
    )
    signal.save()
    # The signal's record and its matches' records in one write to the chain.
    created = AuditItem(obj=signal, person_id=person.public_id, reason="")
    audit_record_many(
        actor=actor,
        action=AuditAction.CREATE,
        items=[created, *_match(actor, signal)],
        reason="verwijsindex match",
    )
    return signal


def _match(actor: Actor, signal: Signal) -> list[AuditItem]:
    """Match the signal with other organisations' active signals for the same
    child and tell both contacts; returns the audit records to write (the caller
    writes them with the signal's own). The caller holds ``_lock_child``."""
    if not signal.bsn_index:
        return []
    # During a blind-index key rotation other signals may still hold the index
    # under the old key: look up every candidate of the child's BSN.
    indexes = blind_index_candidates(signal.person.bsn) if signal.person.bsn else []
    others = list(
        Signal.objects.select_related("person")
        .filter(bsn_index__in=[signal.bsn_index, *indexes], status=SignalStatus.ACTIVE)
        .exclude(organisation_id=signal.organisation_id)
    )
    return _matches_create([(signal, other) for other in others])


def _matches_create(pairs: list[tuple[Signal, Signal]]) -> list[AuditItem]:
    """One match per pair of signals (of different organisations, about the same
    child), a notice to each contact person, their notifications and, after the
    commit, the match e-mails. Returns the audit records to write: one per match
    for each side's child record."""
    if not pairs:
        return []
    matches = Match.objects.bulk_create(
        Match(first_id=min(a.pk, b.pk), second_id=max(a.pk, b.pk)) for a, b in pairs
    )
    notices: list[MatchNotice] = []
    for match, (signal, other) in zip(matches, pairs, strict=True):
        if other.contact_user_id == signal.contact_user_id:
            continue
        notices.append(
            MatchNotice(
                match=match,
                user_id=signal.contact_user_id,
                own_signal=signal,
                other_signal=other,
            )
        )
        notices.append(
            MatchNotice(
                match=match,
                user_id=other.contact_user_id,
                own_signal=other,
                other_signal=signal,
            )
        )
    created = MatchNotice.objects.bulk_create(notices)
    notice_ids = [notice.pk for notice in created]
    enqueue_on_commit(
        "kindveilig.verwijsindex.tasks.send_match_emails", notice_ids=notice_ids
    )
    # One notification per notice; the match e-mail above is its only e-mail.
    notify(
        [notice.user_id for notice in created],
        NotificationKind.MATCH_FOUND,
        reverse("verwijsindex:match-list"),
        email=False,
    )
    return [
        AuditItem(obj=match, person_id=signal.person.public_id)
        for match, (signal, _other) in zip(matches, pairs, strict=True)
    ] + [
        AuditItem(obj=match, person_id=other.person.public_id)
        for match, (_signal, other) in zip(matches, pairs, strict=True)
    ]


def signals_register_for_trajectory(
    *, actor: Actor, trajectory: Trajectory, children: Sequence[Person]
) -> None:
    """A started meldcode trajectory makes its owner involved with each child: one
    signal per child, with the trajectory as its source. Registered as the
    meldcode's ``trajectory_started`` hook (``apps.ChainConfig.ready``)."""
    for child in children:
        signal_register(actor=actor, person=child, source=trajectory)


@dataclass(frozen=True)
class ChildSignalInput:
    given_name: str
    family_name: str
    bsn: str
    date_of_birth: dt.date | None = None
    contact_phone: str = ""
    parents_informed: bool = False


@transaction.atomic
def signal_register_for_child(*, actor: Actor, data: ChildSignalInput) -> Signal:
    """A signal registered by hand: the organisation's own record of the child is
    found by BSN (or created), then ``signal_register`` matches it."""
    if actor.role not in CASE_ROLES:
        raise ValidationError(_("Your role cannot register signals."), code="forbidden")
    if data.date_of_birth is not None:
        check_fields({"date_of_birth": (validate_birth_date, data.date_of_birth)})
        if age_on(data.date_of_birth, timezone.localdate()) > VERWIJSINDEX_MAX_AGE:
            raise ValidationError(
                {
                    "date_of_birth": [
                        _("Signals are for children and young people up to 23.")
                    ]
                }
            )
    person = Person.objects.filter(
        bsn_index__in=blind_index_candidates(data.bsn),
        registered_by_id=actor.organisation_id,
    ).first()
    if person is None:
        person = person_create(
            actor=actor,
            organisation=actor.organisation,
            given_name=data.given_name,
            family_name=data.family_name,
            date_of_birth=data.date_of_birth,
            bsn=data.bsn,
        )
    return signal_register(
        actor=actor,
        person=person,
        contact_phone=data.contact_phone,
        parents_informed=data.parents_informed,
    )


def _archive_fields(now: dt.datetime) -> dict[str, object]:
    return {
        "status": SignalStatus.ARCHIVED,
        "archived_at": now,
        "delete_after": now + dt.timedelta(days=signal_archive_days()),
    }


@transaction.atomic
def signal_end(*, actor: Actor, signal: Signal) -> Signal:
    """The contact person (or the aandachtsfunctionaris) is no longer involved:
    the signal goes to the archive, with the same deletion date as an expired one."""
    own = signal.contact_user_id == actor.user.pk or (
        actor.role == Role.AANDACHTSFUNCTIONARIS
        and signal.organisation_id == actor.organisation_id
    )
    if not own:
        raise ValidationError(_("You may not end this signal."), code="forbidden")
    if signal.status != SignalStatus.ACTIVE:
        return signal
    for field, value in _archive_fields(timezone.now()).items():
        setattr(signal, field, value)
    signal.save(update_fields=["status", "archived_at", "delete_after", "updated_at"])
    audit_record(
        actor=actor,
        action=AuditAction.UPDATE,
        obj=signal,
        person_id=signal.person.public_id,
        reason="signal ended",
    )
    return signal


@dataclass(frozen=True)
class RetentionResult:
    archived: int
    deleted: int


def signals_apply_retention(
    *,
    now: dt.datetime | None = None,
    batch_size: int = 1000,
    held: frozenset[uuid.UUID] | None = None,
    held_persons: frozenset[uuid.UUID] | None = None,
    dry_run: bool = False,
) -> RetentionResult:
    """Archive signals past their active period; delete archived signals past
    their archive period (with their matches and notices). Each deletion leaves
    an audit record, as the person's log must show it. Signals under a legal hold
    (``held``, or ``held_persons`` for the child) are neither archived nor
    deleted; a dry run counts without changing anything. The engine passes its
    snapshot of the holds; any other caller (the command) gets the active holds
    read the same way, so no caller can purge past a hold."""
    now = now or timezone.now()
    if held is None or held_persons is None:
        holds = active_holds()
        held = holds.get(SIGNAL_KIND, frozenset()) if held is None else held
        if held_persons is None:
            held_persons = holds.get(PERSON_KIND, frozenset())
    kept = Q(public_id__in=held) | Q(person__public_id__in=held_persons)
    to_archive = Signal.objects.filter(
        status=SignalStatus.ACTIVE, active_until__lte=now
    ).exclude(kept)
    to_delete = Signal.objects.filter(
        status=SignalStatus.ARCHIVED, delete_after__lte=now
    ).exclude(kept)
    if dry_run:
        return RetentionResult(archived=to_archive.count(), deleted=to_delete.count())
    with transaction.atomic():
        archived = to_archive.update(**_archive_fields(now), updated_at=now)
    deleted = 0
    last_pk = 0
    while True:
        with transaction.atomic():
            batch = list(
                to_delete.select_related("person")
                .filter(pk__gt=last_pk)
                .order_by("pk")[:batch_size]
            )
            if not batch:
                break
            audit_record_many(
                actor=None,
                action=AuditAction.DELETE,
                items=[
                    AuditItem(obj=signal, person_id=signal.person.public_id)
                    for signal in batch
                ],
                reason="verwijsindex retention",
            )
            Signal.objects.filter(pk__in=[signal.pk for signal in batch]).delete()
            deleted += len(batch)
            last_pk = batch[-1].pk
    return RetentionResult(archived=archived, deleted=deleted)


@dataclass(frozen=True)
class ReconcileResult:
    children: int
    matches: int
    notices: int


def _missing_pairs(bsn_index: str) -> list[tuple[Signal, Signal]]:
    signals = list(
        Signal.objects.select_related("person")
        .filter(bsn_index=bsn_index, status=SignalStatus.ACTIVE)
        .order_by("pk")
    )
    ids = [signal.pk for signal in signals]
    matched = set(
        Match.objects.filter(first_id__in=ids, second_id__in=ids).values_list(
            "first_id", "second_id"
        )
    )
    return [
        (first, second)
        for first, second in itertools.combinations(signals, 2)
        if first.organisation_id != second.organisation_id
        and (first.pk, second.pk) not in matched
    ]


def matches_reconcile(*, dry_run: bool = False) -> ReconcileResult:
    """Repair missed matches: every two active signals of different
    organisations about the same child without a match get one, with the
    notices, notifications and e-mails a registration would have sent. One
    transaction per child, under the registration's lock (``_lock_child``), so
    a registration at the same moment is not matched twice. Idempotent: a
    second run finds nothing. ``dry_run`` counts what it would create."""
    children = matches = notices = 0
    for bsn_index in signal_indexes_missing_a_match():
        with transaction.atomic():
            if not dry_run:
                _lock_child(None, bsn_index)
            pairs = _missing_pairs(bsn_index)
            if not pairs:  # matched in the meantime
                continue
            children += 1
            matches += len(pairs)
            notices += sum(
                2 for a, b in pairs if a.contact_user_id != b.contact_user_id
            )
            if dry_run:
                continue
            audit_record_many(
                actor=None,
                action=AuditAction.CREATE,
                items=_matches_create(pairs),
                reason="verwijsindex reconciliation",
            )
    if matches and not dry_run:
        logger.warning(
            "Verwijsindex reconciliation created %s missed matches for %s children",
            matches,
            children,
        )
    return ReconcileResult(children=children, matches=matches, notices=notices)


@transaction.atomic
def match_notices_mark_seen(*, actor: Actor) -> int:
    return MatchNotice.objects.filter(user=actor.user, seen_at__isnull=True).update(
        seen_at=timezone.now()
    )
