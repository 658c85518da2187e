from .deadlines import ReminderKind, ReminderLog, StepDeadline
from .decisions import ClosingRequest, Decision
from .framework import AfwegingskaderVersion
from .kindcheck import Kindcheck, KindcheckMoment
from .meldplicht import AangifteDecision, MeldplichtCase, MeldplichtStep
from .shares import LegalBasis, Share
from .steps import (
    AfwegingAnswer,
    Attachment,
    BodyMark,
    Consultation,
    Conversation,
    ConversationSkip,
    FormDraft,
    Melding,
    Observation,
    VeiligThuisFeedback,
)
from .trajectory import (
    InvolvedPerson,
    Trajectory,
    TrajectoryChild,
    TrajectoryEvent,
)

__all__ = [
    "AangifteDecision",
    "AfwegingAnswer",
    "AfwegingskaderVersion",
    "Attachment",
    "BodyMark",
    "ClosingRequest",
    "Consultation",
    "Conversation",
    "ConversationSkip",
    "Decision",
    "FormDraft",
    "InvolvedPerson",
    "Kindcheck",
    "KindcheckMoment",
    "LegalBasis",
    "Melding",
    "MeldplichtCase",
    "MeldplichtStep",
    "Observation",
    "ReminderKind",
    "ReminderLog",
    "Share",
    "StepDeadline",
    "Trajectory",
    "TrajectoryChild",
    "TrajectoryEvent",
    "VeiligThuisFeedback",
]
