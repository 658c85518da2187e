from .case import CasePartner, Mapping, Meeting, PhaseChange, SafetyCase, SafetyScore
from .choices import (
    PHASE_ORDER,
    CaseStatus,
    HandoverStatus,
    ItemKind,
    ItemStatus,
    MeetingKind,
    MemberRole,
    PartnerKind,
    Perspective,
    Phase,
    ReviewStatus,
)
from .handover import EmergencyAccess, Handover
from .household import Gezag, Household, HouseholdMember, MatchReview
from .plan import PlanItem, PlanVersion

__all__ = [
    "PHASE_ORDER",
    "CasePartner",
    "CaseStatus",
    "EmergencyAccess",
    "Gezag",
    "Handover",
    "HandoverStatus",
    "Household",
    "HouseholdMember",
    "ItemKind",
    "ItemStatus",
    "Mapping",
    "MatchReview",
    "Meeting",
    "MeetingKind",
    "MemberRole",
    "PartnerKind",
    "Perspective",
    "Phase",
    "PhaseChange",
    "PlanItem",
    "PlanVersion",
    "ReviewStatus",
    "SafetyCase",
    "SafetyScore",
]
