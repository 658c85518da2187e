"""Reads of households, scoped to the actor and audited.

``household_access_for`` is the one door to a household: it answers 404 without
a relation and 403 when the page needs more than the relation gives (both
recorded as a DENIED attempt, and no read), says which relation the actor has
(regie, partner, emergency), and only then records the read for every current
member (marked BREAK-THE-GLASS under a break-the-glass grant).
"""

import datetime as dt
import uuid
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Literal

from django.core.exceptions import PermissionDenied
from django.core.paginator import Page, Paginator
from django.db.models import Max, Prefetch, Q, QuerySet
from django.http import Http404
from django.utils import timezone

from kindveilig.access.actor import Actor
from kindveilig.access.roles import CASE_ROLES, Role
from kindveilig.audit.models import AuditAction
from kindveilig.audit.services import AuditItem, audit_denied, audit_record_many

from .access import (
    EMERGENCY,
    PARTNER,
    REGIE,
    annotate_relations,
    level_of,
    visible_households,
)
from .models import (
    CasePartner,
    EmergencyAccess,
    Gezag,
    Handover,
    HandoverStatus,
    Household,
    HouseholdMember,
    ItemKind,
    ItemStatus,
    Mapping,
    MatchReview,
    MemberRole,
    PhaseChange,
    PlanItem,
    PlanVersion,
    ReviewStatus,
    SafetyCase,
    SafetyScore,
)
from .services.emergency import BREAK_GLASS_PREFIX

PAGE_SIZE = 50
ROLE_ORDER = [
    MemberRole.CHILD,
    MemberRole.SIBLING,
    MemberRole.PARENT,
    MemberRole.PARTNER,
    MemberRole.OTHER_ADULT,
    MemberRole.NETWORK,
]

__all__ = [
    "HouseholdAccess",
    "HouseholdOverview",
    "Need",
    "handover_get_for",
    "handovers_for",
    "handovers_waiting",
    "handovers_waiting_count",
    "household_access_for",
    "household_overview",
    "household_page_for",
    "mappings_of",
    "match_review_get_for",
    "overdue_items",
    "partner_get_for",
    "phase_durations",
    "plan_for",
    "plan_item_get_for",
]


@dataclass(frozen=True)
class HouseholdAccess:
    household: Household
    level: str
    case: SafetyCase | None
    organisation_id: int
    grant: EmergencyAccess | None = None

    @property
    def is_regie(self) -> bool:
        return self.level == REGIE

    @property
    def is_partner(self) -> bool:
        return self.level == PARTNER

    @property
    def is_emergency(self) -> bool:
        return self.level == EMERGENCY

    @property
    def full(self) -> bool:
        """Everything about the household: regie, or a break-the-glass grant."""
        return self.level in (REGIE, EMERGENCY)

    @property
    def can_edit(self) -> bool:
        return self.level == REGIE

    @property
    def can_edit_case(self) -> bool:
        return self.can_edit and self.case is not None and self.case.is_open

    def require_full(self) -> None:
        if not self.full:
            raise PermissionDenied

    def require_case(self) -> SafetyCase:
        """The case, for a regie write; 403 for partners and emergency readers."""
        if not self.can_edit or self.case is None:
            raise PermissionDenied
        return self.case


# What a page needs of the relation, checked before anything is read or audited:
# any relation; "full" (regie or break-the-glass); "edit" (regie); "case" (regie
# with a case, as HouseholdAccess.require_case).
Need = Literal["any", "full", "edit", "case"]


def _permits(access: HouseholdAccess, need: Need) -> bool:
    if need == "full":
        return access.full
    if need == "edit":
        return access.can_edit
    if need == "case":
        return access.can_edit and access.case is not None
    return True


def _audit_reason(level: str, grant: EmergencyAccess | None, purpose: str) -> str:
    if level == EMERGENCY and grant is not None:
        return f"{BREAK_GLASS_PREFIX} ({grant.public_id}): {purpose or 'household'}"
    return purpose


def household_access_for(
    *, actor: Actor, public_id: uuid.UUID, purpose: str = "", need: Need = "any"
) -> HouseholdAccess:
    """The actor's access to the household, for a page that needs ``need``.
    A refusal (404 without a relation, 403 without what the page needs) is
    recorded as a DENIED attempt and reads nothing; only an allowed page
    records the READ of every current member."""
    household = (
        annotate_relations(
            Household.objects.select_related("registered_by", "municipality"), actor
        )
        .filter(public_id=public_id)
        .first()
    )
    level = level_of(household) if household is not None else None
    if household is None or level is None:
        audit_denied(actor=actor, model=Household, public_id=public_id)
        raise Http404
    case = (
        household.cases.select_related("regievoerder", "responsible_organisation")
        .order_by("-created_at", "-pk")
        .first()
    )
    grant = None
    if level == EMERGENCY:
        grant = (
            EmergencyAccess.objects.filter(
                household=household,
                user_id=actor.user.pk,
                organisation_id=actor.organisation_id,
                expires_at__gt=timezone.now(),
            )
            .order_by("-expires_at")
            .first()
        )
    access = HouseholdAccess(
        household=household,
        level=level,
        case=case,
        organisation_id=actor.organisation_id,
        grant=grant,
    )
    if not _permits(access, need):
        audit_denied(actor=actor, model=Household, public_id=public_id)
        raise PermissionDenied
    # Only the members' public ids: their names are not decrypted for this.
    person_ids = household.members.filter(left_on__isnull=True).values_list(
        "person__public_id", flat=True
    )
    audit_record_many(
        actor=actor,
        action=AuditAction.READ,
        items=[AuditItem(obj=household, person_id=p) for p in person_ids]
        or [AuditItem(obj=household, person_id=None)],
        reason=_audit_reason(level, grant, purpose),
    )
    return access


def household_page_for(
    *, actor: Actor, page_number: int | str | None
) -> Page[Household]:
    """The households the actor works on, with the current case and the number of
    overdue agreements (a constant number of queries)."""
    queryset = (
        visible_households(actor)
        .prefetch_related(
            Prefetch(
                "cases",
                queryset=SafetyCase.objects.select_related(
                    "regievoerder", "responsible_organisation"
                ).order_by("-created_at", "-pk"),
            )
        )
        .order_by("-pk")  # newest first: the label is encrypted
    )
    page = Paginator(queryset, PAGE_SIZE).get_page(page_number)
    households = list(page)
    cases = {}
    for household in households:
        found = list(household.cases.all())
        cases[household.pk] = found[0] if found else None
        household.current_case = cases[household.pk]  # type: ignore[attr-defined]
        household.level = level_of(household)  # type: ignore[attr-defined]
    overdue = overdue_counts([c for c in cases.values() if c is not None and c.is_open])
    for household in households:
        case = cases[household.pk]
        household.overdue = overdue.get(case.pk, 0) if case else 0  # type: ignore[attr-defined]
    audit_record_many(
        actor=actor,
        action=AuditAction.READ,
        items=[AuditItem(obj=household, person_id=None) for household in households],
        reason="household list",
    )
    return page


def _latest_versions(case_ids: list[int]) -> dict[int, int]:
    rows = (
        PlanVersion.objects.filter(case_id__in=case_ids)
        .values("case_id")
        .annotate(latest=Max("number"))
    )
    return {row["case_id"]: row["latest"] for row in rows}


def _overdue_query(today: dt.date) -> Q:
    return Q(
        kind=ItemKind.AGREEMENT,
        status=ItemStatus.OPEN,
        due_on__lt=today,
    )


def overdue_counts(cases: list[SafetyCase]) -> dict[int, int]:
    """Overdue agreements in the current plan version of each case (2 queries)."""
    if not cases:
        return {}
    latest = _latest_versions([case.pk for case in cases])
    counts: dict[int, int] = defaultdict(int)
    rows = PlanItem.objects.filter(
        _overdue_query(timezone.localdate()),
        version__case_id__in=list(latest),
    ).values_list("version__case_id", "version__number")
    for case_id, number in rows:
        if latest.get(case_id) == number:
            counts[case_id] += 1
    return dict(counts)


def overdue_items(case: SafetyCase) -> list[PlanItem]:
    version = case.plan_versions.order_by("-number").first()
    if version is None:
        return []
    return list(
        version.items.filter(_overdue_query(timezone.localdate())).order_by("due_on")
    )


@dataclass(frozen=True)
class PhasePeriod:
    phase: str
    label: str
    days: int


def phase_durations(
    changes: list[PhaseChange], until: dt.datetime | None = None
) -> list[PhasePeriod]:
    """How long the case has been in each phase, in days (a phase may recur)."""
    from .models import PHASE_ORDER, Phase

    end = until or timezone.now()
    totals: dict[str, dt.timedelta] = defaultdict(dt.timedelta)
    ordered = sorted(changes, key=lambda change: (change.at, change.pk))
    for current, following in zip(ordered, [*ordered[1:], None], strict=True):
        stop = following.at if following is not None else end
        totals[current.to_phase] += max(stop - current.at, dt.timedelta())
    return [
        PhasePeriod(phase=str(phase), label=str(phase.label), days=totals[phase].days)
        for phase in PHASE_ORDER
        if phase in totals or phase == Phase.DIRECTE_VEILIGHEID
    ]


@dataclass
class HouseholdOverview:
    members: list[HouseholdMember]
    former: list[HouseholdMember]
    gezag: dict[int, list[str]]
    partners: list[CasePartner] = field(default_factory=list)
    phase_changes: list[PhaseChange] = field(default_factory=list)
    periods: list[PhasePeriod] = field(default_factory=list)
    pending_handover: Handover | None = None
    reviews: list[MatchReview] = field(default_factory=list)
    overdue: list[PlanItem] = field(default_factory=list)
    plan: PlanVersion | None = None


def household_overview(access: HouseholdAccess) -> HouseholdOverview:
    household = access.household
    order = {role: index for index, role in enumerate(ROLE_ORDER)}
    all_members = sorted(
        household.members.select_related("person"),
        key=lambda m: (
            order.get(MemberRole(m.role), len(order)),
            m.person.given_name,
            m.pk,
        ),
    )
    members = [m for m in all_members if m.left_on is None]
    persons = [m.person_id for m in all_members]
    gezag: dict[int, list[str]] = defaultdict(list)
    for row in Gezag.objects.filter(
        child_id__in=persons, holder_id__in=persons
    ).select_related("holder"):
        gezag[row.child_id].append(row.holder.full_name)
    for member in all_members:
        member.gezag_holders = gezag.get(member.person_id, [])  # type: ignore[attr-defined]
    overview = HouseholdOverview(
        members=members,
        former=[m for m in all_members if m.left_on is not None],
        gezag=dict(gezag),
    )
    case = access.case
    if case is None:
        return overview
    overview.partners = list(
        case.partners.filter(ended_at__isnull=True).select_related("organisation")
    )
    changes = list(case.phase_changes.select_related("by"))
    overview.phase_changes = changes
    overview.periods = phase_durations(
        changes, until=case.closed_at if case.closed_at else None
    )
    overview.pending_handover = (
        case.handovers.filter(status=HandoverStatus.PENDING)
        .select_related("to_organisation", "from_user", "to_user")
        .first()
    )
    overview.plan = case.plan_versions.order_by("-number").first()
    if access.can_edit:
        overview.reviews = list(
            household.match_reviews.filter(status=ReviewStatus.OPEN)
        )
        overview.overdue = overdue_items(case) if case.is_open else []
    return overview


def mappings_of(case: SafetyCase) -> list[Mapping]:
    return list(
        case.mappings.select_related("created_by").prefetch_related(
            Prefetch(
                "scores",
                queryset=SafetyScore.objects.select_related("person").order_by("pk"),
            )
        )
    )


@dataclass(frozen=True)
class PlanView:
    version: PlanVersion | None
    items: list[PlanItem]
    versions: list[PlanVersion]
    partial: bool


def plan_for(access: HouseholdAccess, number: int | None = None) -> PlanView:
    """The plan (a version, or the current one). Partners see the safety
    conditions and the agreements they are part of."""
    case = access.case
    if case is None:
        return PlanView(version=None, items=[], versions=[], partial=False)
    versions = list(case.plan_versions.select_related("created_by").order_by("number"))
    version = None
    if versions:
        version = versions[-1]
        if number is not None:
            version = next((v for v in versions if v.number == number), None)
            if version is None:
                raise Http404
    items: list[PlanItem] = []
    if version is not None:
        queryset = version.items.select_related("partner", "partner__organisation")
        if access.is_partner:
            queryset = queryset.filter(
                Q(kind=ItemKind.CONDITION)
                | Q(
                    partner__organisation_id=access.organisation_id,
                    partner__ended_at__isnull=True,
                )
            )
        items = list(queryset)
    return PlanView(
        version=version, items=items, versions=versions, partial=access.is_partner
    )


def plan_item_get_for(access: HouseholdAccess, public_id: uuid.UUID) -> PlanItem:
    case = access.require_case()
    item = (
        PlanItem.objects.select_related("version", "version__case")
        .filter(public_id=public_id, version__case=case)
        .first()
    )
    if item is None:
        raise Http404
    return item


def partner_get_for(access: HouseholdAccess, public_id: uuid.UUID) -> CasePartner:
    case = access.require_case()
    partner = case.partners.filter(public_id=public_id).first()
    if partner is None:
        raise Http404
    return partner


def match_review_get_for(access: HouseholdAccess, public_id: uuid.UUID) -> MatchReview:
    if not access.can_edit:
        raise PermissionDenied
    review = (
        access.household.match_reviews.prefetch_related("candidates__registered_by")
        .filter(public_id=public_id)
        .first()
    )
    if review is None:
        raise Http404
    return review


@dataclass(frozen=True)
class HandoverLists:
    incoming: list[Handover]
    outgoing: list[Handover]
    recent: list[Handover]


def _handover_queryset() -> QuerySet[Handover]:
    return Handover.objects.select_related(
        "case__household",
        "trajectory",
        "from_organisation",
        "from_user",
        "to_organisation",
        "to_user",
    )


def handovers_for(*, actor: Actor) -> HandoverLists:
    """Waiting handovers to and from the actor's organisation. The receiver sees
    the note and the household's name, to decide; content comes with accepting
    (a case) or with the share (a trajectory)."""
    from .services.handovers import may_decide, may_withdraw

    org = actor.organisation_id
    incoming = [
        handover
        for handover in _handover_queryset().filter(
            to_organisation_id=org, status=HandoverStatus.PENDING
        )
        if may_decide(actor, handover)
    ]
    outgoing = [
        handover
        for handover in _handover_queryset().filter(
            from_organisation_id=org, status=HandoverStatus.PENDING
        )
        if may_withdraw(actor, handover)
    ]
    recent = list(
        _handover_queryset()
        .filter(Q(from_user_id=actor.user.pk) | Q(decided_by_id=actor.user.pk))
        .exclude(status=HandoverStatus.PENDING)
        .order_by("-updated_at")[:20]
    )
    audit_record_many(
        actor=actor,
        action=AuditAction.READ,
        items=[AuditItem(obj=h, person_id=None) for h in [*incoming, *outgoing]],
        reason="handovers",
    )
    return HandoverLists(incoming=incoming, outgoing=outgoing, recent=recent)


def handovers_waiting(*, actor: Actor) -> QuerySet[Handover]:
    """The handovers that wait for the actor's answer: offered to their
    organisation, named to them or to no one (the aandachtsfunctionaris: all),
    as ``may_decide`` says. For counting only (the start page counts it with
    its other items in one query): nothing read, nothing audited."""
    if actor.role not in CASE_ROLES:
        return Handover.objects.none()
    queryset = Handover.objects.filter(
        to_organisation_id=actor.organisation_id, status=HandoverStatus.PENDING
    )
    if actor.role != Role.AANDACHTSFUNCTIONARIS:
        queryset = queryset.filter(
            Q(to_user__isnull=True) | Q(to_user_id=actor.user.pk)
        )
    return queryset


def handovers_waiting_count(*, actor: Actor) -> int:
    """How many handovers wait for the actor's answer (one query)."""
    return handovers_waiting(actor=actor).count()


def handover_get_for(*, actor: Actor, public_id: uuid.UUID) -> Handover:
    from .services.handovers import may_decide, may_withdraw

    handover = _handover_queryset().filter(public_id=public_id).first()
    if handover is None or not (
        may_decide(actor, handover) or may_withdraw(actor, handover)
    ):
        audit_denied(actor=actor, model=Handover, public_id=public_id)
        raise Http404
    audit_record_many(
        actor=actor,
        action=AuditAction.READ,
        items=[AuditItem(obj=handover, person_id=None)],
        reason="handover",
    )
    return handover
