from .deadlines import ReminderKind, ReminderLog, StepDeadline
from .decisions import ClosingRequest, Decision
from .framework import AfwegingskaderVersion
from .kindcheck import Kindcheck, KindcheckMoment
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
    MeldplichtCase,
    Trajectory,
    TrajectoryChild,
    TrajectoryEvent,
)

__all__ = [
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
