"""One timeline per household: meldcode trajectories (with their melding and
Veilig Thuis feedback), phase changes, plan versions, meetings, mappings and
handovers, filtered to what the viewer may see.

Trajectories appear only when the viewer may open them (``meldcode``'s rule,
through ``meldcode.selectors.trajectories_visible_to``). Partners see that a phase
changed, a plan version or a meeting happened, without the reasons, the
children's words or the decisions.
"""

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.db.models import Model, Prefetch, QuerySet
from django.urls import reverse
from django.utils.translation import gettext as _

from kindveilig.access.actor import Actor
from kindveilig.audit.models import AuditAction
from kindveilig.audit.services import AuditItem, audit_record_many
from kindveilig.core.queries import has_rows
from kindveilig.meldcode.models import (
    Melding,
    Trajectory,
    TrajectoryChild,
    VeiligThuisFeedback,
)
from kindveilig.meldcode.selectors import trajectories_visible_to

from .models import (
    Handover,
    Household,
    HouseholdMember,
    Mapping,
    Meeting,
    PhaseChange,
    PlanVersion,
    SafetyCase,
)
from .selectors import HouseholdAccess


@dataclass(frozen=True)
class TimelineItem:
    at: dt.datetime
    kind: str
    title: str
    detail: str = ""
    organisation: str = ""
    url: str = ""


def _midday(day: dt.date) -> dt.datetime:
    from django.utils import timezone

    return timezone.make_aware(dt.datetime.combine(day, dt.time(12, 0)))


TRAJECTORY_COLUMNS = (
    "public_id",
    "created_at",
    "closed_at",
    "status",
    "outcome",
    "organisation__name",
)


def _trajectories_of(
    actor: Actor, person_ids: QuerySet[HouseholdMember, Any]
) -> list[Trajectory]:
    """The trajectories of the household's members the actor may open, with
    ``has_melding`` and ``has_feedback``."""
    return list(
        trajectories_visible_to(actor)
        .filter(children__person_id__in=person_ids)
        .distinct()
        .select_related("organisation")
        # The columns shown: the worry and the other encrypted text stay
        # undecrypted.
        .only(*TRAJECTORY_COLUMNS)
        .annotate(
            has_melding=has_rows(Melding, "trajectory", Trajectory),
            has_feedback=has_rows(VeiligThuisFeedback, "trajectory", Trajectory),
        )
        # Only the children's public ids, for the READ records: no names to
        # decrypt, and one query instead of one for the links and one for
        # the persons.
        .prefetch_related(
            Prefetch(
                "children",
                queryset=TrajectoryChild.objects.select_related("person").only(
                    "trajectory", "person", "person__public_id"
                ),
            )
        )
    )


def _trajectory_items(
    actor: Actor, person_ids: QuerySet[HouseholdMember, Any]
) -> list[TimelineItem]:
    trajectories = _trajectories_of(actor, person_ids)
    if not trajectories:
        return []
    items: list[TimelineItem] = []
    urls = {
        t.pk: reverse("meldcode:trajectory-detail", args=[t.public_id])
        for t in trajectories
    }
    for trajectory in trajectories:
        url = urls[trajectory.pk]
        organisation = trajectory.organisation.name
        items.append(
            TimelineItem(
                at=trajectory.created_at,
                kind="trajectory",
                title=_("Meldcode trajectory started"),
                detail=trajectory.get_status_display(),
                organisation=organisation,
                url=url,
            )
        )
        if trajectory.closed_at:
            items.append(
                TimelineItem(
                    at=trajectory.closed_at,
                    kind="trajectory",
                    title=_("Meldcode trajectory closed"),
                    detail=trajectory.get_outcome_display(),
                    organisation=organisation,
                    url=url,
                )
            )
    items += _veilig_thuis_items(trajectories, urls)
    audit_record_many(
        actor=actor,
        action=AuditAction.READ,
        items=[
            AuditItem(obj=trajectory, person_id=link.person.public_id)
            for trajectory in trajectories
            for link in trajectory.children.all()
        ],
        reason="household timeline",
    )
    return items


def _veilig_thuis_items(
    trajectories: list[Trajectory], urls: dict[int, str]
) -> list[TimelineItem]:
    """Meldingen and Veilig Thuis feedback: each kind queried only when a
    trajectory has one (``has_melding``, ``has_feedback``)."""
    by_id = {trajectory.pk: trajectory for trajectory in trajectories}
    items: list[TimelineItem] = []
    if with_melding := [t.pk for t in trajectories if getattr(t, "has_melding", True)]:
        for melding in Melding.objects.filter(trajectory_id__in=with_melding):
            trajectory = by_id[melding.trajectory_id]
            items.append(
                TimelineItem(
                    at=melding.created_at,
                    kind="melding",
                    title=_("Melding to Veilig Thuis"),
                    organisation=trajectory.organisation.name,
                    url=urls[trajectory.pk],
                )
            )
    if with_feedback := [
        t.pk for t in trajectories if getattr(t, "has_feedback", True)
    ]:
        feedbacks = VeiligThuisFeedback.objects.filter(trajectory_id__in=with_feedback)
        for feedback in feedbacks:
            trajectory = by_id[feedback.trajectory_id]
            items.append(
                TimelineItem(
                    at=_midday(feedback.received_on),
                    kind="feedback",
                    title=_("Feedback from Veilig Thuis: %(kind)s")
                    % {"kind": feedback.get_kind_display()},
                    detail=feedback.summary,
                    organisation=trajectory.organisation.name,
                    url=urls[trajectory.pk],
                )
            )
    return items


# What a case often lacks, by related name: the cases' query says which of these
# each case has. (Nearly every case has its plan versions and meetings, and
# every case its opening phase change: those are always queried.)
CASE_KINDS: dict[str, type[Model]] = {
    "mappings": Mapping,
    "handovers": Handover,
}


def _cases_of(household: Household) -> list[SafetyCase]:
    """The household's cases, with ``has_<kind>`` for each of ``CASE_KINDS``:
    a kind no case has is not queried."""
    return list(
        household.cases.only("closed_at", "created_at").annotate(
            **{
                f"has_{name}": has_rows(model, "case", SafetyCase)
                for name, model in CASE_KINDS.items()
            }
        )
    )


def _having(cases: list[SafetyCase], kind: str) -> list[int]:
    return [case.pk for case in cases if getattr(case, f"has_{kind}", True)]


def _phase_items(case_ids: list[int], full: bool) -> list[TimelineItem]:
    # Only the columns shown (to partners without the reasons): the rest of
    # the encrypted text is not decrypted.
    reasons = ("reason", "safety_score", "children_said") if full else ()
    changes = PhaseChange.objects.filter(case_id__in=case_ids).only(
        "at", "from_phase", "to_phase", *reasons
    )
    items: list[TimelineItem] = []
    for change in changes:
        if change.from_phase:
            title = _("Phase: %(phase)s") % {"phase": change.get_to_phase_display()}
        else:
            title = _("Safety case opened")
        detail = ""
        if full and change.from_phase:
            detail = _(
                "Why: %(reason)s · Safety score: %(score)s · The children: %(said)s"
            ) % {
                "reason": change.reason,
                "score": change.safety_score,
                "said": change.children_said,
            }
        items.append(
            TimelineItem(at=change.at, kind="phase", title=title, detail=detail)
        )
    return items


def _plan_and_meeting_items(case_ids: list[int], full: bool) -> list[TimelineItem]:
    items: list[TimelineItem] = []
    for version in PlanVersion.objects.filter(case_id__in=case_ids).only(
        "created_at", "number", "note"
    ):
        items.append(
            TimelineItem(
                at=version.created_at,
                kind="plan",
                title=_("Safety plan version %(number)s") % {"number": version.number},
                detail=version.note,
            )
        )
    meetings = Meeting.objects.filter(case_id__in=case_ids).only(
        "held_on", "kind", *(("decisions",) if full else ())
    )
    for meeting in meetings:
        items.append(
            TimelineItem(
                at=_midday(meeting.held_on),
                kind="meeting",
                title=meeting.get_kind_display(),
                detail=(
                    _("Decisions: %(decisions)s") % {"decisions": meeting.decisions}
                    if full
                    else ""
                ),
            )
        )
    return items


def _regie_items(cases: list[SafetyCase]) -> list[TimelineItem]:
    """Mappings and handovers: only for those who see everything; each kind
    queried only when a case has one."""
    items: list[TimelineItem] = []
    if case_ids := _having(cases, "mappings"):
        assessed = Mapping.objects.filter(case_id__in=case_ids).values_list(
            "assessed_on", flat=True
        )
        for assessed_on in assessed:
            items.append(
                TimelineItem(
                    at=_midday(assessed_on),
                    kind="mapping",
                    title=_("Signs of Safety mapping"),
                )
            )
    if case_ids := _having(cases, "handovers"):
        for handover in Handover.objects.filter(case_id__in=case_ids).select_related(
            "from_organisation", "to_organisation"
        ):
            items.append(
                TimelineItem(
                    at=handover.decided_at or handover.created_at,
                    kind="handover",
                    title=_("Handover to %(to)s: %(status)s")
                    % {
                        "to": handover.to_organisation.name,
                        "status": handover.get_status_display(),
                    },
                    organisation=handover.from_organisation.name,
                )
            )
    return items


def _case_items(access: HouseholdAccess, cases: list[SafetyCase]) -> list[TimelineItem]:
    full = access.full
    case_ids = [case.pk for case in cases]
    items = _phase_items(case_ids, full)
    items += _plan_and_meeting_items(case_ids, full)
    if full:
        items += _regie_items(cases)
    for case in cases:
        if case.closed_at:
            items.append(
                TimelineItem(
                    at=case.closed_at, kind="case", title=_("Safety case closed")
                )
            )
    return items


def household_timeline(*, actor: Actor, access: HouseholdAccess) -> list[TimelineItem]:
    """Newest first. A fixed number of queries, whatever the length."""
    household = access.household
    person_ids = household.members.values("person_id")  # a subquery
    cases = _cases_of(household)
    items = _trajectory_items(actor, person_ids) + _case_items(access, cases)
    items.sort(key=lambda item: item.at, reverse=True)
    return items
