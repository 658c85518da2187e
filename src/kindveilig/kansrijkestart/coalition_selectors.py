"""Reads of the coalition's case consultation, scoped to the actor and audited.

What the coalition sees of a family (docs/kansrijke-start.md, "Consent"):
with the parent's consent, the parent's name, the phase, the domains of concern,
the summary written for the coalition and the decisions; without it (consent
withdrawn after the family was placed) nothing of the family at all. Never the
JGZ record itself: not the concern, the parent's wishes or a contact moment.
"""

import datetime as dt
import uuid
from dataclasses import dataclass, field

from django.db.models import Count, Min, QuerySet
from django.http import Http404
from django.utils import timezone

from kindveilig.access.actor import Actor
from kindveilig.access.roles import CASE_ROLES
from kindveilig.accounts.models import Membership
from kindveilig.audit.models import AuditAction
from kindveilig.audit.services import AuditItem, audit_denied, audit_record_many

from .coalition_services import PARTICIPANT_TYPES, REFERRAL_OWNER_TYPES
from .models import (
    AgendaItem,
    CoalitionMeeting,
    FollowUpAction,
    Intervention,
    MeetingParticipant,
    StartSignal,
    VulnerabilityDomain,
)

__all__ = [
    "ActionRow",
    "AgendaRow",
    "MeetingPage",
    "MeetingRow",
    "OpenActions",
    "SignalCoalition",
    "action_get_for",
    "agenda_item_get_for",
    "intervention_get_for_signal",
    "meeting_for_edit",
    "meeting_get_for",
    "meeting_list_for",
    "my_actions_for",
    "open_actions_summary",
    "owner_choices_for_meeting",
    "participant_choices",
    "referral_owner_choices",
    "signal_coalition",
]

OWNER_CHOICES_LIMIT = 500


def _meetings_of(actor: Actor) -> QuerySet[CoalitionMeeting]:
    """The meetings the actor takes part in, in the organisation acting for."""
    if actor.role not in CASE_ROLES:
        return CoalitionMeeting.objects.none()
    return CoalitionMeeting.objects.filter(
        participations__user=actor.user,
        participations__organisation_id=actor.organisation_id,
    )


@dataclass(frozen=True)
class MeetingRow:
    public_id: uuid.UUID
    title: str
    held_on: dt.date
    organisation_name: str
    family_count: int
    is_recorded: bool
    is_chair: bool


def meeting_list_for(*, actor: Actor) -> list[MeetingRow]:
    """The actor's consultations, newest first, with the number of families
    (one query; no personal data, so nothing to audit)."""
    meetings = (
        _meetings_of(actor)
        .select_related("organisation")
        .annotate(family_count=Count("agenda_items", distinct=True))
        .order_by("-held_on", "-id")
    )
    return [
        MeetingRow(
            public_id=meeting.public_id,
            title=meeting.title,
            held_on=meeting.held_on,
            organisation_name=meeting.organisation.name,
            family_count=meeting.family_count,
            is_recorded=meeting.recorded_at is not None,
            is_chair=meeting.chair_id == actor.user.pk
            and meeting.organisation_id == actor.organisation_id,
        )
        for meeting in meetings
    ]


def _meeting_for(actor: Actor, public_id: uuid.UUID) -> CoalitionMeeting:
    meeting = (
        _meetings_of(actor)
        .select_related("organisation", "chair", "municipality")
        .filter(public_id=public_id)
        .first()
    )
    if meeting is None:
        audit_denied(actor=actor, model=CoalitionMeeting, public_id=public_id)
        raise Http404
    return meeting


@dataclass(frozen=True)
class ActionRow:
    public_id: uuid.UUID
    kind_label: str
    description: str
    owner_name: str
    owner_organisation: str
    due_on: dt.date
    is_overdue: bool
    is_done: bool
    outcome_label: str
    outcome_note: str
    # The family, as the coalition may see it: empty without consent.
    family: str = ""
    meeting_title: str = ""
    # The parent withdrew consent: the owner stops and records how it ended.
    consent_withdrawn: bool = False


def _action_row(
    action: FollowUpAction, *, today: dt.date, jgz_record: bool = False
) -> ActionRow:
    """An action as its reader may see it. Without consent the family's name and
    the description (written about the family) are left out, except on the
    signal's own page (``jgz_record``): the JGZ that follows the family."""
    signal = action.signal
    shown = signal.has_consent or jgz_record
    return ActionRow(
        public_id=action.public_id,
        kind_label=str(action.get_kind_display()),
        description=action.description if shown else "",
        owner_name=action.owner.full_name,
        owner_organisation=action.owner_organisation.name,
        due_on=action.due_on,
        is_overdue=not action.is_done and action.due_on < today,
        is_done=action.is_done,
        outcome_label=str(action.get_outcome_display()) if action.outcome else "",
        outcome_note=action.outcome_note,
        family=signal.parent.full_name if signal.has_consent else "",
        meeting_title=action.agenda_item.meeting.title if action.agenda_item else "",
        consent_withdrawn=signal.consent_withdrawn,
    )


@dataclass(frozen=True)
class AgendaRow:
    public_id: uuid.UUID
    # Empty when the parent's consent is no longer given: nothing is shown.
    has_consent: bool
    family: str = ""
    phase_label: str = ""
    domain_labels: list[str] = field(default_factory=list)
    shared_summary: str = ""
    decisions: str = ""
    actions: list[ActionRow] = field(default_factory=list)


@dataclass(frozen=True)
class MeetingPage:
    meeting: CoalitionMeeting
    participants: list[tuple[str, str]]  # (name, organisation)
    items: list[AgendaRow]
    is_chair: bool


def _domain_labels(codes: list[str]) -> list[str]:
    labels = dict(VulnerabilityDomain.choices)
    return [str(labels[code]) for code in codes if code in labels]


def meeting_get_for(*, actor: Actor, public_id: uuid.UUID) -> MeetingPage:
    """The meeting page: participants, and per family what was shared with
    consent. One READ record per family shown (none for a family without
    consent: nothing of it is shown). A fixed number of queries."""
    meeting = _meeting_for(actor, public_id)
    participants = [
        (row.user.full_name, row.organisation.name)
        for row in meeting.participations.select_related("user", "organisation")
    ]
    items = list(meeting.agenda_items.select_related("signal__parent").order_by("id"))
    today = timezone.localdate()
    actions: dict[int, list[ActionRow]] = {}
    for action in (
        FollowUpAction.objects.filter(agenda_item__in=items)
        .select_related(
            "signal__parent", "owner", "owner_organisation", "agenda_item__meeting"
        )
        .order_by("due_on", "id")
    ):
        assert action.agenda_item_id is not None  # filtered on it
        actions.setdefault(action.agenda_item_id, []).append(
            _action_row(action, today=today)
        )
    rows: list[AgendaRow] = []
    audit: list[AuditItem] = []
    for item in items:
        signal = item.signal
        if not signal.has_consent:
            rows.append(AgendaRow(public_id=item.public_id, has_consent=False))
            continue
        rows.append(
            AgendaRow(
                public_id=item.public_id,
                has_consent=True,
                family=signal.parent.full_name,
                phase_label=str(signal.get_phase_display()),
                domain_labels=_domain_labels(signal.domains),
                shared_summary=item.shared_summary,
                decisions=item.decisions,
                actions=actions.get(item.pk, []),
            )
        )
        audit.append(AuditItem(obj=item, person_id=signal.parent.public_id))
    audit_record_many(
        actor=actor,
        action=AuditAction.READ,
        items=audit,
        reason="coalition consultation",
    )
    return MeetingPage(
        meeting=meeting,
        participants=participants,
        items=rows,
        is_chair=meeting.chair_id == actor.user.pk
        and meeting.organisation_id == actor.organisation_id,
    )


def meeting_for_edit(*, actor: Actor, public_id: uuid.UUID) -> CoalitionMeeting:
    """The meeting itself, for a form page that shows no family (no READ)."""
    return _meeting_for(actor, public_id)


def agenda_item_get_for(*, actor: Actor, public_id: uuid.UUID) -> AgendaItem:
    """An agenda item of a meeting the actor takes part in, with consent. The
    caller shows the family: one READ record."""
    item = (
        AgendaItem.objects.select_related("meeting", "signal__parent")
        .filter(public_id=public_id, meeting__in=_meetings_of(actor))
        .first()
    )
    if item is None or not item.signal.has_consent:
        audit_denied(actor=actor, model=AgendaItem, public_id=public_id)
        raise Http404
    audit_record_many(
        actor=actor,
        action=AuditAction.READ,
        items=[AuditItem(obj=item, person_id=item.signal.parent.public_id)],
        reason="coalition agenda item",
    )
    return item


# Who can own an action: a participant of a consultation, or a referral's owner.
# Anyone else (a school, a sports club) has none, and Mijn werk asks nothing.
OWNER_TYPES: frozenset[str] = PARTICIPANT_TYPES | REFERRAL_OWNER_TYPES


def _my_open_actions(actor: Actor) -> QuerySet[FollowUpAction]:
    if actor.role not in CASE_ROLES or actor.organisation.type not in OWNER_TYPES:
        return FollowUpAction.objects.none()
    return FollowUpAction.objects.filter(
        owner=actor.user,
        owner_organisation_id=actor.organisation_id,
        done_at__isnull=True,
    )


@dataclass(frozen=True)
class OpenActions:
    count: int
    first_due_on: dt.date | None


def open_actions_summary(*, actor: Actor) -> OpenActions:
    """For Mijn werk: how many open actions the actor owns, and the first due
    date (one query, an aggregate)."""
    totals = _my_open_actions(actor).aggregate(count=Count("id"), first=Min("due_on"))
    return OpenActions(count=totals["count"], first_due_on=totals["first"])


def my_actions_for(*, actor: Actor) -> list[ActionRow]:
    """ "Mijn acties": the actor's open actions, the first due date first. One
    READ record per action whose family is shown."""
    actions = list(
        _my_open_actions(actor)
        .select_related(
            "signal__parent", "owner", "owner_organisation", "agenda_item__meeting"
        )
        .order_by("due_on", "id")
    )
    today = timezone.localdate()
    audit_record_many(
        actor=actor,
        action=AuditAction.READ,
        items=[
            AuditItem(obj=action, person_id=action.signal.parent.public_id)
            for action in actions
            if action.signal.has_consent
        ],
        reason="my kansrijke start actions",
    )
    return [_action_row(action, today=today) for action in actions]


def action_get_for(*, actor: Actor, public_id: uuid.UUID) -> FollowUpAction:
    """An action of the actor's own (the owner, in the owner's organisation)."""
    action = (
        FollowUpAction.objects.select_related(
            "signal__parent", "owner", "owner_organisation", "agenda_item__meeting"
        )
        .filter(
            public_id=public_id,
            owner=actor.user,
            owner_organisation_id=actor.organisation_id,
        )
        .first()
    )
    if action is None or actor.role not in CASE_ROLES:
        audit_denied(actor=actor, model=FollowUpAction, public_id=public_id)
        raise Http404
    audit_record_many(
        actor=actor,
        action=AuditAction.READ,
        items=[AuditItem(obj=action, person_id=action.signal.parent.public_id)],
        reason="kansrijke start action",
    )
    return action


def _case_workers() -> QuerySet[Membership]:
    return Membership.objects.filter(
        is_active=True,
        user__is_active=True,
        role__in=[str(role) for role in CASE_ROLES],
    ).select_related("user", "organisation")


def participant_choices(*, municipality_id: int) -> list[Membership]:
    """Who may take part: case workers of the coalition's organisation types in
    the municipality."""
    return list(
        _case_workers()
        .filter(
            organisation__municipality_id=municipality_id,
            organisation__type__in=sorted(PARTICIPANT_TYPES),
        )
        .order_by("organisation__name", "user__full_name", "pk")[:OWNER_CHOICES_LIMIT]
    )


def owner_choices_for_meeting(meeting: CoalitionMeeting) -> list[Membership]:
    """Who may own an action of this meeting: case workers of a participating
    organisation."""
    organisations = MeetingParticipant.objects.filter(meeting=meeting).values(
        "organisation_id"
    )
    return list(
        _case_workers()
        .filter(organisation_id__in=organisations)
        .order_by("organisation__name", "user__full_name", "pk")[:OWNER_CHOICES_LIMIT]
    )


def referral_owner_choices(*, municipality_id: int) -> list[Membership]:
    """Who receives a warm referral: a case worker of schuldhulpverlening or of
    the municipality, in the family's municipality."""
    return list(
        _case_workers()
        .filter(
            organisation__municipality_id=municipality_id,
            organisation__type__in=sorted(REFERRAL_OWNER_TYPES),
        )
        .order_by("organisation__name", "user__full_name", "pk")[:OWNER_CHOICES_LIMIT]
    )


@dataclass(frozen=True)
class SignalCoalition:
    """The coalition's part of a signal's page: the signal's own reader (who
    passed the signal's selector, which recorded the read) sees it all."""

    interventions: list[Intervention]
    actions: list[ActionRow]
    agenda: list[tuple[str, dt.date, str]]  # (meeting, date, decisions)


def signal_coalition(signal: StartSignal) -> SignalCoalition:
    """For the signal page, after ``signal_get_for`` checked and audited the read."""
    today = timezone.localdate()
    actions = [
        _action_row(action, today=today, jgz_record=True)
        for action in signal.actions.select_related(
            "signal__parent", "owner", "owner_organisation", "agenda_item__meeting"
        ).order_by("done_at", "due_on", "id")
    ]
    agenda = [
        (item.meeting.title, item.meeting.held_on, item.decisions)
        for item in signal.agenda_items.select_related("meeting").order_by(
            "meeting__held_on", "id"
        )
    ]
    return SignalCoalition(
        interventions=list(signal.interventions.order_by("offered_on", "id")),
        actions=actions,
        agenda=agenda,
    )


def intervention_get_for_signal(
    signal: StartSignal, public_id: uuid.UUID
) -> Intervention:
    """An intervention of a signal the caller already read through its selector."""
    intervention = signal.interventions.filter(public_id=public_id).first()
    if intervention is None:
        raise Http404
    return intervention
