"""Rows of Kansrijke Start: signals, contact moments, interventions, the
coalition's consultations with their participants and agenda, and actions."""

import uuid
from dataclasses import dataclass
from datetime import date, datetime

from kindveilig.kansrijkestart.models import (
    AgendaItem,
    CoalitionMeeting,
    ContactMoment,
    FollowUpAction,
    Intervention,
    MeetingParticipant,
    StartSignal,
)
from kindveilig.scale.loading import Row

__all__ = [
    "AgendaItemRow",
    "CoalitionMeetingRow",
    "ContactMomentRow",
    "FollowUpActionRow",
    "InterventionRow",
    "MeetingParticipantRow",
    "StartSignalRow",
]


@dataclass(frozen=True, slots=True)
class StartSignalRow(Row):
    MODEL = StartSignal
    id: int
    created_at: datetime
    updated_at: datetime
    public_id: uuid.UUID
    organisation: int
    created_by: int
    municipality: int
    source_type: str
    parent: int
    child: int | None
    expected_date: date | None
    phase: str
    domains: str  # JSON
    concern: str  # encrypted, as the other free text below
    consent: str
    consent_recorded_at: datetime
    consent_words: str
    consent_withdrawn_at: datetime | None
    consent_withdrawal_words: str
    parent_wishes: str
    follow_up_organisation: int
    follow_up_user: int | None
    status: str
    first_contact_at: datetime | None
    closed_at: datetime | None
    closing_reason: str


@dataclass(frozen=True, slots=True)
class ContactMomentRow(Row):
    MODEL = ContactMoment
    created_at: datetime
    updated_at: datetime
    public_id: uuid.UUID
    signal: int
    kind: str
    happened_on: date
    recorded_by: int
    organisation: int
    routine_question_asked: bool
    routine_answer: str
    parent_words: str
    child_observations: str
    went_well: str
    risk_factors: str  # JSON
    protective_factors: str  # JSON
    next_step: str
    next_step_note: str


@dataclass(frozen=True, slots=True)
class InterventionRow(Row):
    MODEL = Intervention
    created_at: datetime
    updated_at: datetime
    public_id: uuid.UUID
    signal: int
    kind: str
    organisation: int
    recorded_by: int
    offered_on: date
    started_on: date | None
    ended_on: date | None
    outcome: str


@dataclass(frozen=True, slots=True)
class CoalitionMeetingRow(Row):
    MODEL = CoalitionMeeting
    id: int
    created_at: datetime
    updated_at: datetime
    public_id: uuid.UUID
    organisation: int
    municipality: int
    title: str
    held_on: date
    chair: int
    recorded_at: datetime | None


@dataclass(frozen=True, slots=True)
class MeetingParticipantRow(Row):
    MODEL = MeetingParticipant
    meeting: int
    user: int
    organisation: int


@dataclass(frozen=True, slots=True)
class AgendaItemRow(Row):
    MODEL = AgendaItem
    id: int
    created_at: datetime
    updated_at: datetime
    public_id: uuid.UUID
    meeting: int
    signal: int
    added_by: int
    consent_checked: bool
    shared_summary: str
    decisions: str


@dataclass(frozen=True, slots=True)
class FollowUpActionRow(Row):
    MODEL = FollowUpAction
    created_at: datetime
    updated_at: datetime
    public_id: uuid.UUID
    signal: int
    agenda_item: int | None
    kind: str
    owner: int
    owner_organisation: int
    created_by: int
    due_on: date
    description: str
    done_at: datetime | None
    outcome: str
    outcome_note: str
