"""Every write of the local coalition's case consultation: meetings, the agenda
(only with the parent's consent), decisions, follow-up actions with an owner,
interventions, and the warm referral to schuldhulpverlening or income support.

Who does what (docs/kansrijke-start.md, "The coalition"):
- the chair is a case role (professional, aandachtsfunctionaris, lokaal team
  worker) in a host organisation (JGZ, CJG, lokaal team or the municipality);
  the municipal analyst never chairs: aggregates only;
- a participant (the chair included) sees the meeting while acting in the
  organisation they take part for;
- a participant who follows the family (``can_follow_up``) places it on the
  agenda, and only with the parent's consent; a refusal is audited;
- an action's owner is a case worker of a participating organisation; a
  referral's owner one of schuldhulpverlening or the municipality.
"""

import datetime as dt
import uuid
from collections.abc import Iterable, Mapping, Sequence

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from django_stubs_ext import StrOrPromise

from kindveilig.access.actor import Actor
from kindveilig.access.roles import CASE_ROLES
from kindveilig.accounts.models import Membership
from kindveilig.audit.models import AuditAction
from kindveilig.audit.services import AuditItem, audit_record, audit_record_many
from kindveilig.core.validators import (
    check_fields,
    validate_event_date,
    validate_planned_date,
)
from kindveilig.organisations.models import OrganisationType

from .models import (
    REFERRAL_KINDS,
    ActionKind,
    ActionOutcome,
    AgendaItem,
    CoalitionMeeting,
    FollowUpAction,
    Intervention,
    InterventionKind,
    InterventionOutcome,
    MeetingParticipant,
    StartSignal,
)
from .services import can_follow_up

__all__ = [
    "HOST_TYPES",
    "PARTICIPANT_TYPES",
    "REFERRAL_OWNER_TYPES",
    "action_add",
    "action_complete",
    "agenda_add",
    "intervention_end",
    "intervention_offer",
    "intervention_start",
    "meeting_create",
    "meeting_record",
    "outcomes_for",
    "referral_make",
]

# Who hosts a coalition's case consultation.
HOST_TYPES: frozenset[str] = frozenset(
    {
        OrganisationType.JGZ,
        OrganisationType.CJG,
        OrganisationType.LOKAAL_TEAM,
        OrganisationType.GEMEENTE,
    }
)
# Who takes part: the medical domain, the social domain and the JGZ.
PARTICIPANT_TYPES: frozenset[str] = HOST_TYPES | frozenset(
    {
        OrganisationType.VERLOSKUNDIGENPRAKTIJK,
        OrganisationType.KRAAMZORG,
        OrganisationType.ZIEKENHUIS,
        OrganisationType.HUISARTS,
        OrganisationType.SCHULDHULPVERLENING,
    }
)
# A warm referral for bestaanszekerheid goes to a person at one of these.
REFERRAL_OWNER_TYPES: frozenset[str] = frozenset(
    {OrganisationType.SCHULDHULPVERLENING, OrganisationType.GEMEENTE}
)
# Outcomes that fit a referral, and those that fit any other action.
REFERRAL_OUTCOMES: frozenset[str] = frozenset(
    {
        ActionOutcome.HELP_STARTED,
        ActionOutcome.WAITING_LIST,
        ActionOutcome.FAMILY_DECLINED,
        ActionOutcome.NOT_DONE,
    }
)
GENERAL_OUTCOMES: frozenset[str] = frozenset(
    {ActionOutcome.DONE, ActionOutcome.FAMILY_DECLINED, ActionOutcome.NOT_DONE}
)
# Ends of an intervention that was never started, and of one that was.
NOT_STARTED_OUTCOMES: frozenset[str] = frozenset(
    {InterventionOutcome.DECLINED, InterventionOutcome.NOT_AVAILABLE}
)
STARTED_OUTCOMES: frozenset[str] = frozenset(
    {InterventionOutcome.COMPLETED, InterventionOutcome.STOPPED_EARLY}
)


def _refuse(
    message: StrOrPromise, *, field: str | None = None, code: str = "invalid"
) -> ValidationError:
    if field:
        return ValidationError({field: [ValidationError(message, code=code)]})
    return ValidationError(message, code=code)


def _is_case_worker(membership: Membership) -> bool:
    return (
        membership.is_active
        and membership.user.is_active
        and membership.role in {str(role) for role in CASE_ROLES}
    )


def _is_participant(actor: Actor, meeting: CoalitionMeeting) -> bool:
    return MeetingParticipant.objects.filter(
        meeting=meeting, user=actor.user, organisation_id=actor.organisation_id
    ).exists()


def _require_participant(actor: Actor, meeting: CoalitionMeeting) -> None:
    if actor.role not in CASE_ROLES or not _is_participant(actor, meeting):
        raise _refuse(
            _("Only the participants of this consultation can do this."),
            code="forbidden",
        )


def _require_chair(actor: Actor, meeting: CoalitionMeeting) -> None:
    if not (
        actor.role in CASE_ROLES
        and meeting.chair_id == actor.user.pk
        and meeting.organisation_id == actor.organisation_id
    ):
        raise _refuse(
            _("Only the chair of this consultation can do this."), code="forbidden"
        )


def _require_consent(signal: StartSignal, *, field: str | None = None) -> None:
    if not signal.has_consent:
        raise _refuse(
            _(
                "The parent did not consent to sharing with the coalition, so this "
                "family cannot be discussed or referred through it. Talk with the "
                "parent again about what they want; if the child is unsafe, follow "
                "the meldcode from the contact moment instead."
            ),
            field=field,
            code="no_consent",
        )


def _current(signal: StartSignal) -> StartSignal:
    """The signal as it is now, locked until the caller's transaction ends: a
    consent withdrawn since the caller read it counts, and a withdrawal waits
    for the action being added (consent_services locks the same row)."""
    return (
        StartSignal.objects.select_for_update(of=("self",))
        .select_related("parent")
        .get(pk=signal.pk)
    )


def _participants_valid(
    memberships: Iterable[Membership], municipality_id: int
) -> list[Membership]:
    chosen = list(memberships)
    for membership in chosen:
        organisation = membership.organisation
        if (
            not _is_case_worker(membership)
            or organisation.type not in PARTICIPANT_TYPES
            or organisation.municipality_id != municipality_id
        ):
            raise _refuse(
                _("Choose participants from the list."),
                field="participants",
                code="unknown",
            )
    return chosen


def _set_participants(
    meeting: CoalitionMeeting, memberships: Sequence[Membership]
) -> None:
    """Replace the participants; the chair always stays."""
    wanted = {(m.user_id, m.organisation_id) for m in memberships}
    wanted.add((meeting.chair_id, meeting.organisation_id))
    current = {
        (row.user_id, row.organisation_id): row.pk
        for row in meeting.participations.all()
    }
    gone = [pk for key, pk in current.items() if key not in wanted]
    MeetingParticipant.objects.filter(pk__in=gone).delete()
    MeetingParticipant.objects.bulk_create(
        [
            MeetingParticipant(
                meeting=meeting, user_id=user_id, organisation_id=organisation_id
            )
            for user_id, organisation_id in sorted(wanted - current.keys())
        ]
    )


@transaction.atomic
def meeting_create(
    *,
    actor: Actor,
    title: str,
    held_on: dt.date,
    participants: Sequence[Membership] = (),
) -> CoalitionMeeting:
    """Plan a consultation hosted by the actor's organisation, chaired by the actor."""
    if actor.role not in CASE_ROLES or actor.organisation.type not in HOST_TYPES:
        raise _refuse(
            _(
                "A coalition's case consultation is hosted by the JGZ, the CJG, the "
                "lokaal team or the municipality."
            ),
            code="forbidden",
        )
    check_fields({"held_on": (validate_planned_date, held_on)})
    municipality_id = actor.organisation.municipality_id
    chosen = _participants_valid(participants, municipality_id)
    meeting = CoalitionMeeting(
        organisation=actor.organisation,
        municipality_id=municipality_id,
        title=title.strip(),
        held_on=held_on,
        chair=actor.user,
    )
    meeting.full_clean()
    meeting.save()
    _set_participants(meeting, chosen)
    audit_record(actor=actor, action=AuditAction.CREATE, obj=meeting)
    return meeting


def agenda_add(
    *,
    actor: Actor,
    meeting: CoalitionMeeting,
    signal: StartSignal,
    shared_summary: str,
    consent_checked: bool,
) -> AgendaItem:
    """Place a family on the agenda: only with the parent's consent.

    Without consent the family is refused, and the refusal is audited (in a
    transaction of its own, so it stays when the caller's work is undone):
    the coalition then learns nothing of the family, not even that it exists.
    """
    _require_participant(actor, meeting)
    if not can_follow_up(actor, signal):
        raise _refuse(
            _("Only a professional who follows this family can place it."),
            code="forbidden",
        )
    if not signal.has_consent:
        audit_record(
            actor=actor,
            action=AuditAction.DENIED,
            obj=signal,
            person_id=signal.parent.public_id,
            reason="coalition agenda refused: the parent did not consent",
        )
        _require_consent(signal)
    return _agenda_item_create(
        actor=actor,
        meeting=meeting,
        signal=signal,
        shared_summary=shared_summary,
        consent_checked=consent_checked,
    )


@transaction.atomic
def _agenda_item_create(
    *,
    actor: Actor,
    meeting: CoalitionMeeting,
    signal: StartSignal,
    shared_summary: str,
    consent_checked: bool,
) -> AgendaItem:
    signal = _current(signal)
    _require_consent(signal)
    errors: dict[str, StrOrPromise] = {}
    if meeting.recorded_at is not None:
        raise _refuse(
            _("This consultation has been recorded; plan a new one."), code="recorded"
        )
    if signal.is_closed:
        raise _refuse(_("The follow-up of this family has ended."), code="closed")
    if not consent_checked:
        errors["consent_checked"] = _(
            "Check with the parent that the family may be discussed in this "
            "consultation."
        )
    if not shared_summary.strip():
        errors["shared_summary"] = _(
            "Write what the coalition needs to know, as agreed with the parent."
        )
    if errors:
        raise ValidationError({key: [value] for key, value in errors.items()})
    if meeting.agenda_items.filter(signal=signal).exists():
        raise _refuse(_("This family is already on the agenda."), code="duplicate")
    item = AgendaItem(
        meeting=meeting,
        signal=signal,
        added_by=actor.user,
        consent_checked=True,
        shared_summary=shared_summary.strip(),
    )
    item.full_clean()
    try:
        with transaction.atomic():
            item.save()
    except IntegrityError as error:  # a double click won the race
        raise _refuse(
            _("This family is already on the agenda."), code="duplicate"
        ) from error
    audit_record(
        actor=actor,
        action=AuditAction.CREATE,
        obj=item,
        person_id=signal.parent.public_id,
        reason="placed on the coalition's agenda with consent",
    )
    return item


@transaction.atomic
def meeting_record(
    *,
    actor: Actor,
    meeting: CoalitionMeeting,
    participants: Sequence[Membership],
    decisions: Mapping[uuid.UUID, str],
) -> CoalitionMeeting:
    """The chair records who took part and, per family, the decisions."""
    _require_chair(actor, meeting)
    check_fields({"held_on": (validate_event_date, meeting.held_on)})
    chosen = _participants_valid(participants, meeting.municipality_id)
    items = {
        item.public_id: item
        for item in meeting.agenda_items.select_related("signal__parent")
    }
    if set(decisions) - set(items):
        raise _refuse(_("Choose families from the agenda."), code="unknown")
    _set_participants(meeting, chosen)
    changed: list[AgendaItem] = []
    for public_id, text in decisions.items():
        item = items[public_id]
        if not item.signal.has_consent:
            continue  # consent withdrawn: nothing more is recorded about it
        if item.decisions != text.strip():
            item.decisions = text.strip()
            changed.append(item)
    AgendaItem.objects.bulk_update(changed, ["decisions", "updated_at"])
    meeting.recorded_at = timezone.now()
    meeting.save(update_fields=["recorded_at", "updated_at"])
    audit_record_many(
        actor=actor,
        action=AuditAction.UPDATE,
        items=[AuditItem(obj=meeting, person_id=None)]
        + [
            AuditItem(obj=item, person_id=item.signal.parent.public_id)
            for item in changed
        ],
        reason="coalition consultation recorded",
    )
    return meeting


def _owner_for(
    owner: Membership,
    allowed_organisation_ids: Iterable[int] | None,
    types: frozenset[str] | None,
) -> Membership:
    allowed = (
        None if allowed_organisation_ids is None else set(allowed_organisation_ids)
    )
    if (
        not _is_case_worker(owner)
        or (allowed is not None and owner.organisation_id not in allowed)
        or (types is not None and owner.organisation.type not in types)
    ):
        raise _refuse(
            _("Choose the owner from the list."), field="owner", code="unknown"
        )
    return owner


def _action_create(
    *,
    actor: Actor,
    signal: StartSignal,
    agenda_item: AgendaItem | None,
    kind: str,
    owner: Membership,
    due_on: dt.date,
    description: str,
) -> FollowUpAction:
    check_fields({"due_on": (validate_planned_date, due_on)})
    if due_on < timezone.localdate():
        raise _refuse(_("The due date is in the past."), field="due_on", code="past")
    if not description.strip():
        raise _refuse(
            _("Say what is to be done."), field="description", code="required"
        )
    action = FollowUpAction(
        signal=signal,
        agenda_item=agenda_item,
        kind=kind,
        owner=owner.user,
        owner_organisation=owner.organisation,
        created_by=actor.user,
        due_on=due_on,
        description=description.strip(),
    )
    action.full_clean()
    action.save()
    audit_record(
        actor=actor,
        action=AuditAction.CREATE,
        obj=action,
        person_id=signal.parent.public_id,
        reason=f"kansrijke start action ({kind})",
    )
    return action


@transaction.atomic
def action_add(
    *,
    actor: Actor,
    agenda_item: AgendaItem,
    owner: Membership,
    due_on: dt.date,
    description: str,
) -> FollowUpAction:
    """An action agreed in the consultation, owned by a case worker of a
    participating organisation: it shows on the owner's Mijn werk."""
    meeting = agenda_item.meeting
    _require_participant(actor, meeting)
    signal = _current(agenda_item.signal)
    _require_consent(signal)
    if signal.is_closed:
        raise _refuse(_("The follow-up of this family has ended."), code="closed")
    participating = meeting.participations.values_list("organisation_id", flat=True)
    _owner_for(owner, participating, None)
    return _action_create(
        actor=actor,
        signal=signal,
        agenda_item=agenda_item,
        kind=ActionKind.GENERAL,
        owner=owner,
        due_on=due_on,
        description=description,
    )


@transaction.atomic
def referral_make(
    *,
    actor: Actor,
    signal: StartSignal,
    kind: str,
    owner: Membership,
    due_on: dt.date,
    description: str,
    agenda_item: AgendaItem | None = None,
) -> FollowUpAction:
    """A warm referral to schuldhulpverlening or the municipality's income
    support: an action owned by a named person there, who records the outcome.
    Made by a professional who follows the family, or in the consultation."""
    if kind not in REFERRAL_KINDS:
        raise _refuse(_("Choose the kind of referral."), field="kind", code="unknown")
    if agenda_item is not None:
        if agenda_item.signal_id != signal.pk:
            raise _refuse(_("Choose families from the agenda."), code="unknown")
        _require_participant(actor, agenda_item.meeting)
    elif actor.role not in CASE_ROLES or not can_follow_up(actor, signal):
        raise _refuse(
            _("Only a professional who follows this family can refer it."),
            code="forbidden",
        )
    signal = _current(signal)
    _require_consent(signal)
    if signal.is_closed:
        raise _refuse(_("The follow-up of this family has ended."), code="closed")
    _owner_for(owner, None, REFERRAL_OWNER_TYPES)
    return _action_create(
        actor=actor,
        signal=signal,
        agenda_item=agenda_item,
        kind=kind,
        owner=owner,
        due_on=due_on,
        description=description,
    )


@transaction.atomic
def action_complete(
    *, actor: Actor, action: FollowUpAction, outcome: str, outcome_note: str = ""
) -> FollowUpAction:
    """The owner records the outcome; the action leaves their Mijn werk."""
    if not (
        actor.role in CASE_ROLES
        and action.owner_id == actor.user.pk
        and action.owner_organisation_id == actor.organisation_id
    ):
        raise _refuse(
            _("Only the owner of this action can complete it."), code="forbidden"
        )
    if action.is_done:
        raise _refuse(_("This action is done already."), code="done")
    allowed = outcomes_for(action)
    if outcome not in allowed:
        raise _refuse(
            _("Choose the outcome from the list."), field="outcome", code="unknown"
        )
    action.done_at = timezone.now()
    action.outcome = outcome
    action.outcome_note = outcome_note.strip()
    action.full_clean()
    action.save(update_fields=["done_at", "outcome", "outcome_note", "updated_at"])
    audit_record(
        actor=actor,
        action=AuditAction.UPDATE,
        obj=action,
        person_id=action.signal.parent.public_id,
        reason="kansrijke start action completed",
    )
    return action


def outcomes_for(action: FollowUpAction) -> frozenset[str]:
    """The outcomes the owner may record; once the parent withdrew consent also
    "stopped: the parent withdrew consent" (docs/kansrijke-start.md)."""
    allowed = REFERRAL_OUTCOMES if action.is_referral else GENERAL_OUTCOMES
    if action.signal.consent_withdrawn:
        return allowed | {ActionOutcome.CONSENT_WITHDRAWN}
    return allowed


def _require_follows(actor: Actor, signal: StartSignal) -> None:
    if actor.role not in CASE_ROLES or not can_follow_up(actor, signal):
        raise _refuse(
            _("Only a professional who follows this family can record this."),
            code="forbidden",
        )


@transaction.atomic
def intervention_offer(
    *, actor: Actor, signal: StartSignal, kind: str, offered_on: dt.date
) -> Intervention:
    _require_follows(actor, signal)
    if kind not in InterventionKind.values:
        raise _refuse(
            _("Choose the intervention from the list."), field="kind", code="unknown"
        )
    check_fields({"offered_on": (validate_event_date, offered_on)})
    intervention = Intervention(
        signal=signal,
        kind=kind,
        organisation=actor.organisation,
        recorded_by=actor.user,
        offered_on=offered_on,
    )
    intervention.full_clean()
    intervention.save()
    audit_record(
        actor=actor,
        action=AuditAction.CREATE,
        obj=intervention,
        person_id=signal.parent.public_id,
    )
    return intervention


@transaction.atomic
def intervention_start(
    *, actor: Actor, intervention: Intervention, started_on: dt.date
) -> Intervention:
    _require_follows(actor, intervention.signal)
    if intervention.started_on is not None or intervention.ended_on is not None:
        raise _refuse(
            _("This intervention has started or ended already."), code="state"
        )
    check_fields({"started_on": (validate_event_date, started_on)})
    if started_on < intervention.offered_on:
        raise _refuse(
            _("An intervention cannot start before it was offered."),
            field="started_on",
            code="before_offer",
        )
    intervention.started_on = started_on
    intervention.full_clean()
    intervention.save(update_fields=["started_on", "updated_at"])
    audit_record(
        actor=actor,
        action=AuditAction.UPDATE,
        obj=intervention,
        person_id=intervention.signal.parent.public_id,
        reason="intervention started",
    )
    return intervention


@transaction.atomic
def intervention_end(
    *, actor: Actor, intervention: Intervention, ended_on: dt.date, outcome: str
) -> Intervention:
    """End it with its outcome: completed or stopped early after a start;
    declined or not available when it never started."""
    _require_follows(actor, intervention.signal)
    if intervention.ended_on is not None:
        raise _refuse(_("This intervention has ended already."), code="state")
    check_fields({"ended_on": (validate_event_date, ended_on)})
    started = intervention.started_on
    allowed = STARTED_OUTCOMES if started is not None else NOT_STARTED_OUTCOMES
    if outcome not in allowed:
        raise _refuse(
            _("This outcome does not fit an intervention that started.")
            if started is not None
            else _("An intervention that never started was declined or not available."),
            field="outcome",
            code="outcome",
        )
    if ended_on < (started or intervention.offered_on):
        raise _refuse(
            _("The end cannot be before the offer or the start."),
            field="ended_on",
            code="before_start",
        )
    intervention.ended_on = ended_on
    intervention.outcome = outcome
    intervention.full_clean()
    intervention.save(update_fields=["ended_on", "outcome", "updated_at"])
    audit_record(
        actor=actor,
        action=AuditAction.UPDATE,
        obj=intervention,
        person_id=intervention.signal.parent.public_id,
        reason="intervention ended",
    )
    return intervention
