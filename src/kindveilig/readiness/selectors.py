"""Reads: an organisation's readiness page (audited: it shows qualifications of
named aandachtsfunctionarissen), and the readiness flags and counts per
organisation that the municipality's coverage page is built on (no personal
data: organisations and numbers only).

The three flags, each as of a given day:

- **meldcode**: the organisation recorded the date it adopted its meldcode, on or
  before that day;
- **trained aandachtsfunctionaris**: someone is designated aandachtsfunctionaris
  on that day with a certified course and a VOG that both still count;
- **recent attention**: the meldcode was brought to staff's attention in the
  twelve months up to that day.
"""

import uuid
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.core.exceptions import PermissionDenied
from django.db.models import Count, Exists, OuterRef, Q, QuerySet
from django.http import Http404
from django.utils import timezone

from kindveilig.access.actor import Actor
from kindveilig.accounts.models import Membership
from kindveilig.audit.models import AuditAction
from kindveilig.audit.services import AuditItem, audit_record, audit_record_many
from kindveilig.organisations.models import SECTOR_BY_TYPE, Organisation, Sector

from .expiry import (
    EXPIRING_WITHIN_DAYS,
    Expiry,
    ExpiryState,
    expiry_state,
    recent_attention_since,
)
from .models import (
    Aandachtsfunctionaris,
    MeldcodeReadiness,
    Qualification,
    QualificationKind,
    StaffBriefing,
)
from .services import MANAGER_ROLES, MELDPLICHT_SECTORS

__all__ = [
    "AfRow",
    "AttentionItem",
    "CoverageCount",
    "ReadinessFlags",
    "ReadinessPage",
    "aandachtsfunctionaris_get_for",
    "coverage_counts",
    "member_choices_for",
    "organisations_with_flags",
    "qualification_get_for",
    "qualifications_expiring",
    "qualifications_expiring_count",
    "readiness_get_for",
    "readiness_page_for",
]

AUDIT_REASON = "meldcode readiness"
RECENT_BRIEFINGS = 5


# --- Flags per organisation (for the municipality: no personal data) ---------


def _active_on(day: date) -> Q:
    return Q(since__lte=day) & (Q(until__isnull=True) | Q(until__gte=day))


def _counting_on(day: date) -> Q:
    return Q(obtained_on__lte=day, expires_on__gte=day)


def has_meldcode(day: date) -> Exists:
    return Exists(
        MeldcodeReadiness.objects.filter(
            organisation=OuterRef("pk"), adopted_on__isnull=False, adopted_on__lte=day
        )
    )


def has_trained_af(day: date) -> Exists:
    course = Qualification.objects.filter(
        _counting_on(day),
        person=OuterRef("person"),
        kind=QualificationKind.COURSE,
        certified=True,
    )
    vog = Qualification.objects.filter(
        _counting_on(day), person=OuterRef("person"), kind=QualificationKind.VOG
    )
    return Exists(
        Aandachtsfunctionaris.objects.filter(
            _active_on(day), Exists(course), Exists(vog), organisation=OuterRef("pk")
        )
    )


def has_recent_attention(day: date) -> Exists:
    return Exists(
        StaffBriefing.objects.filter(
            organisation=OuterRef("pk"),
            held_on__lte=day,
            held_on__gte=recent_attention_since(day),
        )
    )


def organisations_with_flags(*, on: date) -> QuerySet[Organisation]:
    """Active organisations, each annotated with ``has_meldcode``,
    ``has_trained_af`` and ``has_recent_attention`` as of ``on``."""
    return Organisation.objects.filter(is_active=True).annotate(
        has_meldcode=has_meldcode(on),
        has_trained_af=has_trained_af(on),
        has_recent_attention=has_recent_attention(on),
    )


@dataclass
class CoverageCount:
    """How many organisations of one municipality and sector have each flag."""

    municipality_id: int
    sector: Sector
    organisations: int = 0
    with_meldcode: int = 0
    with_trained_af: int = 0
    with_recent_attention: int = 0
    with_all: int = 0

    def add(self, other: "CoverageCount") -> None:
        self.organisations += other.organisations
        self.with_meldcode += other.with_meldcode
        self.with_trained_af += other.with_trained_af
        self.with_recent_attention += other.with_recent_attention
        self.with_all += other.with_all


def coverage_counts(
    *, on: date, municipality_ids: list[int] | None = None
) -> list[CoverageCount]:
    """Counts per municipality and sector as of ``on``, in one query. Only
    combinations that have organisations appear. Ordered by municipality id and
    sector."""
    meldcode, trained, recent = (
        has_meldcode(on),
        has_trained_af(on),
        has_recent_attention(on),
    )
    queryset = Organisation.objects.filter(is_active=True)
    if municipality_ids is not None:
        queryset = queryset.filter(municipality_id__in=municipality_ids)
    rows = (
        queryset.values("municipality_id", "type")
        .annotate(
            total=Count("pk"),
            meldcode=Count("pk", filter=Q(meldcode)),
            trained=Count("pk", filter=Q(trained)),
            recent=Count("pk", filter=Q(recent)),
            all_three=Count("pk", filter=Q(meldcode) & Q(trained) & Q(recent)),
        )
        .order_by()
    )
    result: dict[tuple[int, Sector], CoverageCount] = {}
    for row in rows:
        sector = SECTOR_BY_TYPE[row["type"]]
        key = (row["municipality_id"], sector)
        count = result.setdefault(
            key, CoverageCount(municipality_id=key[0], sector=sector)
        )
        count.add(
            CoverageCount(
                municipality_id=key[0],
                sector=sector,
                organisations=row["total"],
                with_meldcode=row["meldcode"],
                with_trained_af=row["trained"],
                with_recent_attention=row["recent"],
                with_all=row["all_three"],
            )
        )
    return [result[key] for key in sorted(result)]


# --- The organisation's own readiness page (audited) -------------------------


@dataclass(frozen=True)
class ReadinessFlags:
    has_meldcode: bool
    has_trained_af: bool
    has_recent_attention: bool


@dataclass(frozen=True)
class QualificationRow:
    qualification: Qualification
    expiry: Expiry
    current: bool  # the one that counts for its kind (latest end of validity)


@dataclass
class AfRow:
    designation: Aandachtsfunctionaris
    course: Expiry
    vog: Expiry
    register: Expiry
    qualifications: list[QualificationRow] = field(default_factory=list)

    @property
    def is_qualified(self) -> bool:
        return self.course.counts and self.vog.counts


@dataclass(frozen=True)
class AttentionItem:
    """Something to renew: expired, missing, or expiring within 90 days."""

    designation: Aandachtsfunctionaris
    kind: QualificationKind
    expiry: Expiry


@dataclass(frozen=True)
class ReadinessPage:
    organisation: Organisation
    readiness: MeldcodeReadiness | None
    meldplicht_applies: bool
    briefings: list[StaffBriefing]
    aandachtsfunctionarissen: list[AfRow]
    attention: list[AttentionItem]
    flags: ReadinessFlags
    today: date


def _require_manager_role(actor: Actor) -> None:
    if actor.role not in MANAGER_ROLES:
        raise PermissionDenied


def _current(
    qualifications: list[Qualification], kind: QualificationKind, today: date
) -> Qualification | None:
    """The qualification of this kind that counts longest (courses: certified)."""
    candidates = [
        q
        for q in qualifications
        if q.kind == kind
        and q.obtained_on <= today
        and (kind != QualificationKind.COURSE or q.certified)
    ]
    return max(candidates, key=lambda q: (q.expires_on, q.pk), default=None)


def _af_row(
    designation: Aandachtsfunctionaris,
    qualifications: list[Qualification],
    today: date,
) -> AfRow:
    current = {
        kind: _current(qualifications, kind, today) for kind in QualificationKind
    }

    def state(kind: QualificationKind) -> Expiry:
        q = current[kind]
        return expiry_state(expires_on=q.expires_on if q else None, today=today)

    current_ids = {q.pk for q in current.values() if q is not None}
    return AfRow(
        designation=designation,
        course=state(QualificationKind.COURSE),
        vog=state(QualificationKind.VOG),
        register=state(QualificationKind.REGISTER),
        qualifications=[
            QualificationRow(
                qualification=q,
                expiry=expiry_state(expires_on=q.expires_on, today=today),
                current=q.pk in current_ids,
            )
            for q in qualifications
        ],
    )


def _attention(rows: list[AfRow]) -> list[AttentionItem]:
    """Course and VOG when missing, expired or expiring; the register only when
    an existing membership expired or expires (membership is voluntary)."""
    items: list[AttentionItem] = []
    for row in rows:
        checks = [
            (QualificationKind.COURSE, row.course),
            (QualificationKind.VOG, row.vog),
        ]
        if row.register.state != ExpiryState.MISSING:
            checks.append((QualificationKind.REGISTER, row.register))
        for kind, expiry in checks:
            if expiry.state != ExpiryState.VALID:
                items.append(
                    AttentionItem(designation=row.designation, kind=kind, expiry=expiry)
                )
    order = {
        ExpiryState.EXPIRED: 0,
        ExpiryState.MISSING: 1,
        ExpiryState.EXPIRING: 2,
    }
    return sorted(
        items,
        key=lambda item: (
            order.get(item.expiry.state, 3),
            item.expiry.expires_on or date.min,
        ),
    )


def readiness_get_for(*, actor: Actor) -> MeldcodeReadiness | None:
    """The meldcode record of the actor's own organisation, if any."""
    _require_manager_role(actor)
    return (
        MeldcodeReadiness.objects.select_related("afwegingskader")
        .filter(organisation_id=actor.organisation_id)
        .first()
    )


def readiness_page_for(*, actor: Actor, today: date | None = None) -> ReadinessPage:
    """The actor's own organisation: its meldcode, the meldplicht route, staff
    briefings and current aandachtsfunctionarissen with their qualifications.
    Every qualification shown is a READ in the audit log."""
    _require_manager_role(actor)
    today = today or timezone.localdate()
    organisation = actor.organisation
    readiness = readiness_get_for(actor=actor)
    briefings = list(
        StaffBriefing.objects.filter(organisation_id=organisation.pk)[:RECENT_BRIEFINGS]
    )
    designations = list(
        Aandachtsfunctionaris.objects.filter(organisation_id=organisation.pk)
        .filter(Q(until__isnull=True) | Q(until__gte=today))
        .select_related("person")
        .order_by("location", "person__full_name", "pk")
    )
    by_person: dict[int, list[Qualification]] = defaultdict(list)
    for qualification in Qualification.objects.filter(
        person_id__in={d.person_id for d in designations}
    ).order_by("kind", "-expires_on", "pk"):
        by_person[qualification.person_id].append(qualification)
    rows = [_af_row(d, by_person[d.person_id], today) for d in designations]
    flags_row = (
        organisations_with_flags(on=today)
        .filter(pk=organisation.pk)
        # The plugin does not see the annotations of organisations_with_flags.
        .values("has_meldcode", "has_trained_af", "has_recent_attention")  # type: ignore[misc]
        .first()
    ) or {"has_meldcode": False, "has_trained_af": False, "has_recent_attention": False}
    shown = {q.pk: q for quals in by_person.values() for q in quals}
    audit_record_many(
        actor=actor,
        action=AuditAction.READ,
        items=[AuditItem(obj=q, person_id=None) for q in shown.values()],
        reason=AUDIT_REASON,
    )
    return ReadinessPage(
        organisation=organisation,
        readiness=readiness,
        meldplicht_applies=organisation.sector in MELDPLICHT_SECTORS,
        briefings=briefings,
        aandachtsfunctionarissen=rows,
        attention=_attention(rows),
        flags=ReadinessFlags(**flags_row),
        today=today,
    )


def aandachtsfunctionaris_get_for(
    *, actor: Actor, public_id: uuid.UUID
) -> Aandachtsfunctionaris:
    """A designation of the actor's own organisation (404 otherwise); audited."""
    _require_manager_role(actor)
    designation = (
        Aandachtsfunctionaris.objects.select_related("person", "organisation")
        .filter(public_id=public_id, organisation_id=actor.organisation_id)
        .first()
    )
    if designation is None:
        raise Http404
    audit_record(
        actor=actor, action=AuditAction.READ, obj=designation, reason=AUDIT_REASON
    )
    return designation


def qualification_get_for(*, actor: Actor, public_id: uuid.UUID) -> Qualification:
    """A qualification of someone designated in the actor's organisation (404
    otherwise); audited."""
    _require_manager_role(actor)
    designated_here = Aandachtsfunctionaris.objects.filter(
        organisation_id=actor.organisation_id, person_id=OuterRef("person_id")
    )
    qualification = (
        Qualification.objects.select_related("person")
        .filter(Exists(designated_here), public_id=public_id)
        .first()
    )
    if qualification is None:
        raise Http404
    audit_record(
        actor=actor, action=AuditAction.READ, obj=qualification, reason=AUDIT_REASON
    )
    return qualification


def member_choices_for(*, actor: Actor) -> list[tuple[int, str]]:
    """Active staff of the actor's organisation, for designating one."""
    _require_manager_role(actor)
    seen: dict[int, str] = {}
    for user_id, name in (
        Membership.objects.filter(
            organisation_id=actor.organisation_id,
            is_active=True,
            user__is_active=True,
        )
        .order_by("user__full_name", "user_id")
        .values_list("user_id", "user__full_name")
    ):
        seen.setdefault(user_id, name)
    return list(seen.items())


def qualifications_expiring(
    *, actor: Actor, today: date | None = None
) -> QuerySet[Qualification]:
    """The current qualifications of the organisation's designated
    aandachtsfunctionarissen that have expired or expire within 90 days (the
    latest of each kind per person: a renewed one no longer counts). For the
    aandachtsfunctionaris and the functioneel beheerder; to count, for the
    start page: nothing read, nothing audited."""
    if actor.role not in MANAGER_ROLES:
        return Qualification.objects.none()
    today = today or timezone.localdate()
    later = Qualification.objects.filter(
        ~Q(kind=QualificationKind.COURSE) | Q(certified=True),
        person=OuterRef("person"),
        kind=OuterRef("kind"),
        obtained_on__lte=today,
    ).filter(
        Q(expires_on__gt=OuterRef("expires_on"))
        | Q(expires_on=OuterRef("expires_on"), pk__gt=OuterRef("pk"))
    )
    designated = Aandachtsfunctionaris.objects.filter(
        Q(until__isnull=True) | Q(until__gte=today),
        organisation_id=actor.organisation_id,
        person=OuterRef("person"),
        since__lte=today,
    )
    return Qualification.objects.filter(
        ~Q(kind=QualificationKind.COURSE) | Q(certified=True),
        Exists(designated),
        ~Exists(later),
        obtained_on__lte=today,
        expires_on__lte=today + timedelta(days=EXPIRING_WITHIN_DAYS),
    )


def qualifications_expiring_count(*, actor: Actor, today: date | None = None) -> int:
    """How many (``qualifications_expiring``): one query."""
    return qualifications_expiring(actor=actor, today=today).count()
