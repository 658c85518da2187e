"""Alerts about decisions: who must look at what. Filled in by the notifications
work (Mijn werk); the services call these functions and nothing else."""

from kindveilig.accounts.models import User
from kindveilig.meldcode.models import Decision


def decision_proposed(decision: Decision, cosigners: list[User]) -> None:
    """A decision awaits co-signing (and may depart from the advice)."""
    del decision, cosigners
