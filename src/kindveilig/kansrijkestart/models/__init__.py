from .choices import (
    AFTER_BIRTH_KINDS,
    ConsentStatus,
    ContactAnswer,
    ContactKind,
    NextStep,
    Phase,
    ProtectiveFactor,
    RiskFactor,
    SignalStatus,
    VulnerabilityDomain,
)
from .household_request import HouseholdRequest
from .signal import ContactMoment, StartSignal

__all__ = [
    "AFTER_BIRTH_KINDS",
    "ConsentStatus",
    "ContactAnswer",
    "ContactKind",
    "ContactMoment",
    "HouseholdRequest",
    "NextStep",
    "Phase",
    "ProtectiveFactor",
    "RiskFactor",
    "SignalStatus",
    "StartSignal",
    "VulnerabilityDomain",
]
