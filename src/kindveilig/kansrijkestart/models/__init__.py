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
from .signal import ContactMoment, StartSignal

__all__ = [
    "AFTER_BIRTH_KINDS",
    "ConsentStatus",
    "ContactAnswer",
    "ContactKind",
    "ContactMoment",
    "NextStep",
    "Phase",
    "ProtectiveFactor",
    "RiskFactor",
    "SignalStatus",
    "StartSignal",
    "VulnerabilityDomain",
]
