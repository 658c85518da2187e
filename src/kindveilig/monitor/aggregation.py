"""Counting the work for the monitor: the refresh job's read side.

Each ``_count_*`` function reads one app's rows of a ``Scope`` (the months of
the window, every place; or, for an incremental run, some months of some
places: ``count_cells``) and adds them, one by one, to a ``Tally`` keyed by
(month, municipality, sector, measure, value). The queries read the scope's
months and organisations; the tally keeps only the scope's cells, so a cell is
counted from all of its rows or not at all. Person ids are used in memory only
(hermeldingen, children heard) and never leave this module: the tally holds
counts and duration histograms.

The monitor sits above the domain apps and reads their models here, read-only
and for counting only (docs/decisions.md, "The monitor counts from the models").
"""

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Q
from django.utils import timezone

from kindveilig.audit.models import AuditEvent
from kindveilig.households.models import Handover, PhaseChange
from kindveilig.households.models.choices import Phase
from kindveilig.households.services.emergency import (
    BREAK_GLASS_OBJECT_TYPE,
    BREAK_GLASS_PREFIX,
)
from kindveilig.kansrijkestart.models import (
    REFERRAL_KINDS,
    FollowUpAction,
    Intervention,
    StartSignal,
)
from kindveilig.learning.models import Reflection
from kindveilig.meldcode.models import (
    Conversation,
    ConversationSkip,
    Decision,
    Melding,
    MeldplichtCase,
    Trajectory,
    TrajectoryChild,
    TrajectoryEvent,
)
from kindveilig.meldcode.models.choices import (
    ConversationWith,
    CosignStatus,
    EventKind,
    Origin,
    Outcome,
    Step,
)
from kindveilig.organisations.models import SECTOR_BY_TYPE, Organisation
from kindveilig.readiness.expiry import add_months
from kindveilig.readiness.models import Qualification
from kindveilig.verwijsindex.models import Match
from kindveilig.youth.messages.models import Sender, YouthConversation, YouthMessage

from .measures import SIGNAL_SOURCES, bucket_of

__all__ = [
    "Cell",
    "Place",
    "Scope",
    "Tally",
    "count_cells",
    "count_window",
    "places_of_organisations",
]

Cell = tuple[
    dt.date, int, str, str, str
]  # month, municipality id, sector, measure, value
Place = tuple[int, str]  # municipality id, sector
SIGNED = (CosignStatus.COSIGNED, CosignStatus.NO_COSIGNER)


def month_of(moment: dt.datetime | dt.date) -> dt.date:
    if isinstance(moment, dt.datetime):
        moment = timezone.localtime(moment).date()
    return moment.replace(day=1)


@dataclass(frozen=True)
class Scope:
    """The cells to count: per month (first day), the places to count in it,
    or ``None`` for every place."""

    months: dict[dt.date, frozenset[Place] | None]

    @classmethod
    def window(cls, first: dt.date, last: dt.date) -> "Scope":
        months: dict[dt.date, frozenset[Place] | None] = {}
        month = first
        while month <= last:
            months[month] = None
            month = add_months(month, 1)
        return cls(months)

    def holds(self, month: dt.date, place: Place) -> bool:
        if month not in self.months:
            return False
        places = self.months[month]
        return places is None or place in places

    @property
    def places(self) -> frozenset[Place] | None:
        """Every place of some month, or ``None`` when a month has them all."""
        found: set[Place] = set()
        for places in self.months.values():
            if places is None:
                return None
            found |= places
        return frozenset(found)

    def ranges(self) -> list[tuple[dt.date, dt.date]]:
        """The months as runs of consecutive months: (first, day after last)."""
        runs: list[tuple[dt.date, dt.date]] = []
        for month in sorted(self.months):
            if runs and runs[-1][1] == month:
                runs[-1] = (runs[-1][0], add_months(month, 1))
            else:
                runs.append((month, add_months(month, 1)))
        return runs


@dataclass
class Tally:
    scope: Scope
    places: dict[int, Place]  # organisation id -> municipality, sector
    counts: Counter[Cell] = field(default_factory=Counter)
    buckets: dict[Cell, Counter[int]] = field(
        default_factory=lambda: defaultdict(Counter)
    )

    def __post_init__(self) -> None:
        places = self.scope.places
        self.organisations: list[int] | None = (
            None
            if places is None
            else [pk for pk, place in self.places.items() if place in places]
        )
        self.municipalities: list[int] | None = (
            None if places is None else sorted({m for m, _sector in places})
        )

    @property
    def start(self) -> dt.datetime:
        return _midnight(min(self.scope.months))

    def during(self, name: str, *, dates: bool = False) -> Q:
        """``name`` (a datetime, or with ``dates`` a date) in the scope's months."""
        where = Q(pk__in=[])
        for first, end in self.scope.ranges():
            low, high = (first, end) if dates else (_midnight(first), _midnight(end))
            where |= Q(**{f"{name}__gte": low, f"{name}__lt": high})
        return where

    def of_organisations(self, name: str) -> Q:
        """``name`` (an organisation id) one of the scope's places'."""
        return (
            Q()
            if self.organisations is None
            else Q(**{f"{name}__in": self.organisations})
        )

    def of_municipalities(self, name: str) -> Q:
        return (
            Q()
            if self.municipalities is None
            else Q(**{f"{name}__in": self.municipalities})
        )

    def add(
        self,
        moment: dt.datetime | dt.date | None,
        organisation_id: int,
        measure: str,
        value: str = "",
        duration: float | None = None,
    ) -> None:
        municipality_id, sector = self.places[organisation_id]
        self.add_at(moment, municipality_id, sector, measure, value, duration)

    def add_at(
        self,
        moment: dt.datetime | dt.date | None,
        municipality_id: int,
        sector: str,
        measure: str,
        value: str = "",
        duration: float | None = None,
    ) -> None:
        if moment is None:
            return
        month = month_of(moment)
        if not self.scope.holds(month, (municipality_id, sector)):
            return
        cell = (month, municipality_id, sector, measure, value)
        self.counts[cell] += 1
        if duration is not None:
            self.buckets[cell][bucket_of(duration)] += 1


def _midnight(day: dt.date) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time()))


def _days(start: dt.datetime, end: dt.datetime) -> float:
    return (end - start).total_seconds() / 86400


def places_of_organisations() -> dict[int, tuple[int, str]]:
    return {
        pk: (municipality_id, SECTOR_BY_TYPE[org_type].value)
        for pk, municipality_id, org_type in Organisation.objects.values_list(
            "pk", "municipality_id", "type"
        )
    }


def count_window(first: dt.date, last: dt.date) -> Tally:
    """Every measure for the months ``first`` to ``last`` (first days)."""
    return count_cells(Scope.window(first, last))


def count_cells(scope: Scope) -> Tally:
    """Every measure for the cells of ``scope``, each from all of its rows."""
    tally = Tally(scope=scope, places=places_of_organisations())
    _count_trajectories(tally)
    _count_steps(tally)
    _count_decisions(tally)
    _count_child_voice(tally)
    _count_hermeldingen(tally)
    _count_households(tally)
    _count_youth(tally)
    _count_readiness(tally)
    _count_kansrijke_start(tally)
    return tally


def _count_trajectories(tally: Tally) -> None:
    own = tally.of_organisations("organisation_id")
    rows = list(
        Trajectory.objects.filter(
            own, tally.during("created_at") | tally.during("acute_at")
        ).values_list(
            "pk", "organisation_id", "origin", "created_at", "step", "acute_at"
        )
    )
    from_youth = set(
        YouthConversation.objects.filter(
            trajectory__in=[row[0] for row in rows]
        ).values_list("trajectory_id", flat=True)
    )
    for pk, org, origin, created, step, acute_at in rows:
        tally.add(created, org, "started", "youth" if pk in from_youth else origin)
        tally.add(created, org, "furthest_step", str(step))
        if pk in from_youth:
            tally.add(created, org, "youth_escalation")
        if origin == Origin.KANSRIJKE_START:
            tally.add(created, org, "ks_trajectory")
        if acute_at is not None:
            tally.add(acute_at, org, "acute")
    for org, created in MeldplichtCase.objects.filter(
        own, tally.during("created_at")
    ).values_list("organisation_id", "created_at"):
        tally.add(created, org, "meldplicht")


def _count_steps(tally: Tally) -> None:
    """Days per step: from the start (step 1) or from the event that reached a
    step to the event that reached the next one."""
    reached: dict[int, dict[int, dt.datetime]] = defaultdict(dict)
    org_of: dict[int, int] = {}
    for pk, org, created in Trajectory.objects.filter(
        pk__in=TrajectoryEvent.objects.filter(
            tally.during("at"),
            tally.of_organisations("trajectory__organisation_id"),
            kind=EventKind.STEP_ADVANCED,
        ).values("trajectory_id")
    ).values_list("pk", "organisation_id", "created_at"):
        reached[pk][Step.SIGNALEN] = created
        org_of[pk] = org
    for trajectory_id, step, at in (
        TrajectoryEvent.objects.filter(
            trajectory_id__in=list(org_of), kind=EventKind.STEP_ADVANCED
        )
        .order_by("at", "pk")
        .values_list("trajectory_id", "step", "at")
    ):
        if step is not None:
            reached[trajectory_id].setdefault(step, at)  # the first time only
    for pk, steps in reached.items():
        for step, since in steps.items():
            until = steps.get(step + 1)
            if until is not None:
                days = _days(since, until)
                tally.add(until, org_of[pk], "step_days", str(step), duration=days)


def _count_decisions(tally: Tally) -> None:
    by_trajectory = tally.of_organisations("trajectory__organisation_id")
    rows = Decision.objects.filter(
        by_trajectory, tally.during("created_at"), cosign_status__in=SIGNED
    ).values_list(
        "trajectory__organisation_id", "created_at", "melden", "help_possible",
        "is_deviation", "round",
    )  # fmt: skip
    for org, created, melden, help_possible, is_deviation, decision_round in rows:
        kind = {(True, True): "both", (True, False): "melding"}.get(
            (melden, help_possible), "own_help"
        )
        tally.add(created, org, "decision", kind)
        tally.add(created, org, "deviation", "departs" if is_deviation else "follows")
        if decision_round > 1:
            tally.add(created, org, "renewed", "decision")
    for org, closed in Trajectory.objects.filter(
        tally.of_organisations("organisation_id"),
        tally.during("closed_at"),
        outcome=Outcome.NO_SUSPICION,
    ).values_list("organisation_id", "closed_at"):
        tally.add(closed, org, "decision", "no_suspicion")
    for org, created in Melding.objects.filter(
        by_trajectory, tally.during("created_at"), decision__round__gt=1
    ).values_list("trajectory__organisation_id", "created_at"):
        tally.add(created, org, "renewed", "melding")


def _count_child_voice(tally: Tally) -> None:
    """Trajectories started in the window that reached step 3: every child
    heard in a conversation, or not, and why not (per child)."""
    trajectories = {
        pk: (org, created)
        for pk, org, created in Trajectory.objects.filter(
            tally.of_organisations("organisation_id"),
            tally.during("created_at"),
            step__gte=Step.GESPREK,
        ).values_list("pk", "organisation_id", "created_at")
    }
    children: dict[int, set[int]] = defaultdict(set)
    for trajectory_id, person_id in TrajectoryChild.objects.filter(
        trajectory_id__in=list(trajectories)
    ).values_list("trajectory_id", "person_id"):
        children[trajectory_id].add(person_id)
    heard = set(
        Conversation.objects.filter(
            trajectory_id__in=list(trajectories), with_whom=ConversationWith.CHILD
        ).values_list("trajectory_id", "child_id")
    )
    reasons = _skip_reasons(list(trajectories))
    for pk, (org, created) in trajectories.items():
        not_heard = [c for c in sorted(children[pk]) if (pk, c) not in heard]
        tally.add(created, org, "child_voice", "not_all" if not_heard else "all_heard")
        for child in not_heard:
            tally.add(created, org, "not_heard", reasons.get((pk, child), "none"))


def _skip_reasons(trajectory_ids: list[int]) -> dict[tuple[int, int | None], str]:
    """The latest recorded reason per trajectory and child."""
    return {
        (trajectory_id, child_id): reason
        for trajectory_id, child_id, reason in ConversationSkip.objects.filter(
            trajectory_id__in=trajectory_ids, with_whom=ConversationWith.CHILD
        )
        .order_by("created_at", "pk")
        .values_list("trajectory_id", "child_id", "reason")
    }


def _count_hermeldingen(tally: Tally) -> None:
    """A trajectory started in the window for a child whose earlier trajectory
    closed in the twelve months before it started. Only the count leaves."""
    started = list(
        TrajectoryChild.objects.filter(
            tally.of_organisations("trajectory__organisation_id"),
            tally.during("trajectory__created_at"),
        ).values_list(
            "trajectory_id", "person_id", "trajectory__created_at",
            "trajectory__organisation_id",
        )
    )  # fmt: skip
    closings: dict[int, list[dt.datetime]] = defaultdict(list)
    for person_id, closed_at in TrajectoryChild.objects.filter(
        person_id__in={row[1] for row in started},
        trajectory__closed_at__isnull=False,
        trajectory__closed_at__gte=tally.start - dt.timedelta(days=366),
    ).values_list("person_id", "trajectory__closed_at"):
        if closed_at is not None:
            closings[person_id].append(closed_at)
    counted: set[int] = set()
    for trajectory_id, person_id, created, org in started:
        if trajectory_id in counted or created is None:
            continue
        if any(
            closed < created and _within_a_year(closed, created)
            for closed in closings[person_id]
        ):
            counted.add(trajectory_id)
            tally.add(created, org, "hermelding")


def _within_a_year(earlier: dt.datetime, later: dt.datetime) -> bool:
    day = timezone.localtime(earlier).date()
    try:
        year_after = day.replace(year=day.year + 1)
    except ValueError:  # 29 February
        year_after = day.replace(year=day.year + 1, day=28)
    return timezone.localtime(later).date() < year_after


def _count_households(tally: Tally) -> None:
    changes = list(
        PhaseChange.objects.filter(
            tally.during("at"),
            tally.of_municipalities("case__household__municipality_id"),
        ).values_list(
            "pk", "case_id", "from_phase", "to_phase", "at", "case__created_at",
            "case__household__municipality_id", "case__responsible_organisation_id",
        )
    )  # fmt: skip
    cases = {row[1] for row in changes}
    first_stable = _first_per_key(
        PhaseChange.objects.filter(
            to_phase=Phase.STABIELE_VEILIGHEID, case_id__in=cases
        )
        .order_by("case_id", "at", "pk")
        .values_list("case_id", "pk")
    )
    # Opened: the case's first phase change (a case may be recorded later than
    # it was opened: ``case_open(opened_at=...)``).
    opened_at = _first_per_key(
        PhaseChange.objects.filter(case_id__in=cases, from_phase="")
        .order_by("case_id", "at", "pk")
        .values_list("case_id", "at")
    )
    for pk, case_id, from_phase, to_phase, at, created, municipality_id, org in changes:
        sector = tally.places[org][1]
        tally.add_at(at, municipality_id, sector, "phase_entered", to_phase)
        if to_phase == Phase.DIRECTE_VEILIGHEID and from_phase:
            tally.add_at(at, municipality_id, sector, "fall_back")
        if first_stable.get(case_id) == pk:
            days = _days(opened_at.get(case_id, created), at)
            tally.add_at(at, municipality_id, sector, "stable_days", duration=days)
    _count_handovers(tally)
    _count_break_glass(tally)
    for org, created in Match.objects.filter(
        tally.of_organisations("second__organisation_id"), tally.during("created_at")
    ).values_list("second__organisation_id", "created_at"):
        tally.add(created, org, "vi_match")


def _count_break_glass(tally: Tally) -> None:
    """One per grant, in the month of its first audit event (whenever that was,
    so a grant is never counted twice)."""
    grants = AuditEvent.objects.filter(
        object_type=BREAK_GLASS_OBJECT_TYPE,
        reason__startswith=BREAK_GLASS_PREFIX,
        actor_organisation__isnull=False,
    )
    in_scope = grants.filter(
        tally.during("occurred_at"), tally.of_organisations("actor_organisation_id")
    ).values("object_id")
    first = _first_per_key(
        grants.filter(object_id__in=in_scope)
        .order_by("object_id", "occurred_at", "pk")
        .values_list("object_id", "actor_organisation_id", "occurred_at")
    )
    for org, at in first.values():
        if org is not None:
            tally.add(at, org, "break_glass")


def _first_per_key(rows: Iterable[tuple[Any, ...]]) -> dict[Any, Any]:
    """The first row per key (the first column) of rows ordered by key: what
    PostgreSQL's ``DISTINCT ON`` gives, in Python, so the embedded SQLite demo
    of `make run` counts too. The rest of a one-column row is its value, of a
    longer row the tuple of the rest."""
    first: dict[Any, Any] = {}
    for key, *rest in rows:
        if key not in first:
            first[key] = rest[0] if len(rest) == 1 else tuple(rest)
    return first


def _count_handovers(tally: Tally) -> None:
    for org, created, decided, status in Handover.objects.filter(
        tally.of_organisations("from_organisation_id"),
        tally.during("created_at") | tally.during("decided_at"),
    ).values_list("from_organisation_id", "created_at", "decided_at", "status"):
        tally.add(created, org, "handover", status)
        if decided is not None:
            tally.add(decided, org, "handover_days", duration=_days(created, decided))


def _count_youth(tally: Tally) -> None:
    """Conversations by the month the child started; messages by the month they
    were written; the hours to the first answer in the month of the child's
    first message. Never a word of text."""
    own = tally.of_organisations("organisation_id")
    for org, created, urgent in YouthConversation.objects.filter(
        own, tally.during("created_at"), is_misuse=False
    ).values_list("organisation_id", "created_at", "is_urgent"):
        tally.add(created, org, "youth_conversation", "urgent" if urgent else "other")
    for org, sender, created in YouthMessage.objects.filter(
        tally.of_organisations("conversation__organisation_id"),
        tally.during("created_at"),
        conversation__is_misuse=False,
    ).values_list("conversation__organisation_id", "sender", "created_at"):
        tally.add(created, org, "youth_message", sender)
    asking = dict(
        YouthConversation.objects.filter(
            own,
            is_misuse=False,
            pk__in=YouthMessage.objects.filter(
                tally.during("created_at"), sender=Sender.CHILD
            ).values("conversation_id"),
        ).values_list("pk", "organisation_id")
    )
    first: dict[int, dict[str, dt.datetime]] = defaultdict(dict)
    for conversation_id, sender, created in (
        YouthMessage.objects.filter(conversation_id__in=list(asking))
        .order_by("created_at", "pk")
        .values_list("conversation_id", "sender", "created_at")
    ):
        first[conversation_id].setdefault(sender, created)
    for conversation_id, moments in first.items():
        asked, answered = moments.get(Sender.CHILD), moments.get(Sender.STAFF)
        if asked is not None and answered is not None and answered > asked:
            hours = (answered - asked).total_seconds() / 3600
            org = asking[conversation_id]
            tally.add(asked, org, "youth_answer_hours", duration=hours)


def _count_readiness(tally: Tally) -> None:
    for org, kind, expires in Qualification.objects.filter(
        tally.of_organisations("recorded_in_id"),
        tally.during("expires_on", dates=True),
    ).values_list("recorded_in_id", "kind", "expires_on"):
        tally.add(expires, org, "qualification_expiry", kind)
    years = {month.year for month in tally.scope.months}
    for municipality_id, sector, year, quarter, themes in Reflection.objects.filter(
        tally.of_municipalities("municipality_id"), year__in=years
    ).values_list("municipality_id", "sector", "year", "quarter", "themes"):
        month = dt.date(year, 3 * quarter - 2, 1)
        for theme in _strings(themes):
            tally.add_at(month, municipality_id, sector, "reflection_theme", theme)


def _strings(values: Iterable[object]) -> list[str]:
    return [v for v in values if isinstance(v, str)]


def _count_kansrijke_start(tally: Tally) -> None:
    """Signals by source, domain and whether the JGZ made a first contact so
    far (in the signal's month, for the signalling organisation); the days to
    that first contact (in its month, for the organisation that follows up);
    the interventions that started (in their month, for the organisation that
    recorded them); the warm referrals for bestaanszekerheid by where they
    stand (in the month they were made, for the organisation that owns them).
    Counts only: never a signal, a person or a word of what was recorded."""
    sources = set(SIGNAL_SOURCES)
    for org, created, source, domains, first_contact in StartSignal.objects.filter(
        tally.of_organisations("organisation_id"), tally.during("created_at")
    ).values_list(
        "organisation_id", "created_at", "source_type", "domains", "first_contact_at"
    ):
        tally.add(
            created, org, "ks_signal_source", source if source in sources else "other"
        )
        for domain in sorted(set(_strings(domains or []))):
            tally.add(created, org, "ks_signal_domain", domain)
        followed = "contacted" if first_contact is not None else "not_yet"
        tally.add(created, org, "ks_followed_up", followed)
    for org, created, first_contact in StartSignal.objects.filter(
        tally.of_organisations("follow_up_organisation_id"),
        tally.during("first_contact_at"),
    ).values_list("follow_up_organisation_id", "created_at", "first_contact_at"):
        if first_contact is not None:
            days = _days(created, first_contact)
            tally.add(first_contact, org, "ks_contact_days", duration=days)
    for org, started, kind in Intervention.objects.filter(
        tally.of_organisations("organisation_id"),
        tally.during("started_on", dates=True),
    ).values_list("organisation_id", "started_on", "kind"):
        tally.add(started, org, "ks_intervention", kind)
    for org, created, outcome in FollowUpAction.objects.filter(
        tally.of_organisations("owner_organisation_id"),
        tally.during("created_at"),
        kind__in=REFERRAL_KINDS,
    ).values_list("owner_organisation_id", "created_at", "outcome"):
        tally.add(created, org, "ks_referral", outcome or "open")
