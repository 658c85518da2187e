from .deadlines import ReminderKind, ReminderLog, StepDeadline
from .framework import AfwegingskaderVersion
from .meldplicht import AangifteDecision, MeldplichtCase, MeldplichtStep
from .shares import LegalBasis, Share
from .steps import (
    AfwegingAnswer,
    Attachment,
    BodyMark,
    Consultation,
    Conversation,
    ConversationSkip,
    Decision,
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
    "Consultation",
    "Conversation",
    "ConversationSkip",
    "Decision",
    "FormDraft",
    "InvolvedPerson",
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
