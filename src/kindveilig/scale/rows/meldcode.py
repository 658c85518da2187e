"""Rows of the persons and of the meldcode trajectories with their entries."""

import uuid
from dataclasses import dataclass
from datetime import date, datetime

from kindveilig.meldcode.models import (
    AfwegingAnswer,
    BodyMark,
    Consultation,
    Conversation,
    ConversationSkip,
    Decision,
    InvolvedPerson,
    Melding,
    Observation,
    Trajectory,
    TrajectoryChild,
    TrajectoryEvent,
    VeiligThuisFeedback,
)
from kindveilig.persons.models import Person, PersonNameToken
from kindveilig.scale.loading import Row

__all__ = [
    "AfwegingAnswerRow",
    "BodyMarkRow",
    "ConsultationRow",
    "ConversationRow",
    "ConversationSkipRow",
    "DecisionRow",
    "InvolvedPersonRow",
    "MeldingRow",
    "ObservationRow",
    "PersonNameTokenRow",
    "PersonRow",
    "TrajectoryChildRow",
    "TrajectoryEventRow",
    "TrajectoryRow",
    "VeiligThuisFeedbackRow",
]


@dataclass(frozen=True, slots=True)
class PersonRow(Row):
    MODEL = Person
    id: int
    public_id: uuid.UUID
    given_name: str  # encrypted, as every value below but the index
    family_name: str
    date_of_birth: str
    bsn: str
    bsn_index: str
    registered_by: int
    created_at: datetime
    updated_at: datetime


@dataclass(frozen=True, slots=True)
class PersonNameTokenRow(Row):
    MODEL = PersonNameToken
    digest: bytes
    organisation: int
    person: int


@dataclass(frozen=True, slots=True)
class TrajectoryRow(Row):
    MODEL = Trajectory
    id: int
    public_id: uuid.UUID
    organisation: int
    owner: int
    aandachtsfunctionaris: int
    framework: int
    origin: str
    forms_of_violence: str
    worry: str
    kindcheck_notes: str
    step: int
    status: str
    is_acute: bool
    acute_at: datetime | None
    step_started_at: datetime
    outcome: str
    closing_agreements: str
    closed_at: datetime | None
    version: int
    created_at: datetime
    updated_at: datetime
    decision_round: int = 1


@dataclass(frozen=True, slots=True)
class TrajectoryChildRow(Row):
    MODEL = TrajectoryChild
    trajectory: int
    person: int


@dataclass(frozen=True, slots=True)
class InvolvedPersonRow(Row):
    MODEL = InvolvedPerson
    trajectory: int
    person: int
    child: int
    relation: str
    has_gezag: bool


@dataclass(frozen=True, slots=True)
class TrajectoryEventRow(Row):
    MODEL = TrajectoryEvent
    trajectory: int
    at: datetime
    actor: int
    kind: str
    step: int
    note: str


@dataclass(frozen=True, slots=True)
class ObservationRow(Row):
    MODEL = Observation
    id: int
    public_id: uuid.UUID
    trajectory: int
    created_at: datetime
    created_by: int
    observed_on: date
    observed_by: str
    source: str
    source_name: str
    facts: str
    interpretation: str
    interpretation_by: str
    child_quote: str


@dataclass(frozen=True, slots=True)
class BodyMarkRow(Row):
    MODEL = BodyMark
    observation: int
    side: str
    region: str
    description: str


@dataclass(frozen=True, slots=True)
class ConsultationRow(Row):
    MODEL = Consultation
    public_id: uuid.UUID
    trajectory: int
    created_at: datetime
    created_by: int
    party: str
    consulted_name: str
    consulted_on: date
    anonymous: bool
    question: str
    advice: str
    agreed_actions: str


@dataclass(frozen=True, slots=True)
class ConversationRow(Row):
    MODEL = Conversation
    public_id: uuid.UUID
    trajectory: int
    created_at: datetime
    created_by: int
    with_whom: str
    child: int | None
    held_on: date
    preparation: str
    what_was_said: str
    reaction: str
    agreements: str
    child_words: str
    child_wishes: str
    child_wellbeing: str
    child_told_next_steps: bool


@dataclass(frozen=True, slots=True)
class ConversationSkipRow(Row):
    MODEL = ConversationSkip
    public_id: uuid.UUID
    trajectory: int
    created_at: datetime
    created_by: int
    with_whom: str
    child: int
    reason: str
    explanation: str


@dataclass(frozen=True, slots=True)
class AfwegingAnswerRow(Row):
    MODEL = AfwegingAnswer
    public_id: uuid.UUID
    trajectory: int
    created_at: datetime
    created_by: int
    question: int
    answer: str
    rationale: str
    with_veilig_thuis: bool


@dataclass(frozen=True, slots=True)
class DecisionRow(Row):
    MODEL = Decision
    id: int
    public_id: uuid.UUID
    trajectory: int
    created_at: datetime
    created_by: int
    melden: bool
    melden_rationale: str
    help_possible: bool
    help_rationale: str
    help_plan: str
    cosign_status: str
    cosigned_by: int
    cosigned_at: datetime
    cosign_comment: str
    acute: bool
    # Newer columns, the same for every generated decision: round 1, following
    # the advice recorded at generation (the path), no deviation.
    round: int = 1
    advice: str = ""
    is_deviation: bool = False
    deviation_justification: str = ""
    evaluate_on: date | None = None


@dataclass(frozen=True, slots=True)
class MeldingRow(Row):
    MODEL = Melding
    public_id: uuid.UUID
    trajectory: int
    created_at: datetime
    created_by: int
    decision: int
    melder_name: str
    melder_function: str
    melder_phone: str
    melder_email: str
    discussed_with_parents: bool
    discussed_with_child: bool
    not_discussed_reason: str
    not_discussed_explanation: str
    support_network: str
    other_information: str
    handed_over_at: datetime
    handed_over_channel: str
    veilig_thuis_reference: str


@dataclass(frozen=True, slots=True)
class VeiligThuisFeedbackRow(Row):
    MODEL = VeiligThuisFeedback
    public_id: uuid.UUID
    trajectory: int
    created_at: datetime
    created_by: int
    kind: str
    received_on: date
    summary: str
