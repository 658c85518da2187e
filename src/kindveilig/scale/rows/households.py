"""Rows of the households, their safety cases, plans, meetings and mappings."""

import uuid
from dataclasses import dataclass
from datetime import date, datetime

from kindveilig.households.models import (
    CasePartner,
    Gezag,
    Household,
    HouseholdMember,
    Mapping,
    Meeting,
    PhaseChange,
    PlanItem,
    PlanVersion,
    SafetyCase,
    SafetyScore,
)
from kindveilig.scale.loading import Row

__all__ = [
    "CasePartnerRow",
    "GezagRow",
    "HouseholdMemberRow",
    "HouseholdRow",
    "MappingRow",
    "MeetingRow",
    "PhaseChangeRow",
    "PlanItemRow",
    "PlanVersionRow",
    "SafetyCaseRow",
    "SafetyScoreRow",
]


@dataclass(frozen=True, slots=True)
class HouseholdRow(Row):
    MODEL = Household
    id: int
    public_id: uuid.UUID
    created_at: datetime
    updated_at: datetime
    label: str
    municipality: int
    registered_by: int
    created_by: int


@dataclass(frozen=True, slots=True)
class HouseholdMemberRow(Row):
    MODEL = HouseholdMember
    household: int
    person: int
    role: str
    has_gezag: bool
    joined_on: date
    left_on: date | None


@dataclass(frozen=True, slots=True)
class GezagRow(Row):
    MODEL = Gezag
    child: int
    holder: int
    recorded_by: int
    recorded_at: datetime


@dataclass(frozen=True, slots=True)
class SafetyCaseRow(Row):
    MODEL = SafetyCase
    id: int
    public_id: uuid.UUID
    created_at: datetime
    updated_at: datetime
    household: int
    responsible_organisation: int
    regievoerder: int
    phase: str
    phase_since: datetime
    status: str
    closed_at: datetime | None
    closing_reason: str
    version: int


@dataclass(frozen=True, slots=True)
class PhaseChangeRow(Row):
    MODEL = PhaseChange
    id: int
    case: int
    from_phase: str
    to_phase: str
    at: datetime
    by: int
    reason: str
    safety_score: int | None
    children_said: str


@dataclass(frozen=True, slots=True)
class CasePartnerRow(Row):
    MODEL = CasePartner
    id: int
    public_id: uuid.UUID
    case: int
    kind: str
    organisation: int | None
    organisation_name: str
    contact_name: str
    contact_phone: str
    contact_email: str
    contact_user: int | None
    takes_on: str
    created_at: datetime
    ended_at: datetime | None


@dataclass(frozen=True, slots=True)
class PlanVersionRow(Row):
    MODEL = PlanVersion
    id: int
    case: int
    number: int
    note: str
    created_by: int
    created_at: datetime


@dataclass(frozen=True, slots=True)
class PlanItemRow(Row):
    MODEL = PlanItem
    public_id: uuid.UUID
    version: int
    lineage: uuid.UUID
    kind: str
    what: str
    child_text: str
    who: str
    partner: int | None
    due_on: date | None
    how_checked: str
    set_by: str
    status: str
    evidence: str
    status_changed_at: datetime | None
    lock_version: int


@dataclass(frozen=True, slots=True)
class MeetingRow(Row):
    MODEL = Meeting
    public_id: uuid.UUID
    case: int
    kind: str
    held_on: date
    participants: str
    decisions: str
    created_by: int
    created_at: datetime


@dataclass(frozen=True, slots=True)
class MappingRow(Row):
    MODEL = Mapping
    id: int
    public_id: uuid.UUID
    case: int
    assessed_on: date
    harm: str
    danger: str
    strengths: str
    existing_safety: str
    next_steps: str
    complicating: str
    created_by: int
    created_at: datetime


@dataclass(frozen=True, slots=True)
class SafetyScoreRow(Row):
    MODEL = SafetyScore
    mapping: int
    perspective: str
    person: int | None
    professional_name: str
    score: int
    words: str
