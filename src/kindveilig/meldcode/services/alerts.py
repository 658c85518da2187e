"""In-app notifications of the meldcode (``kindveilig.notifications``): who is
told that something waits, with a link built from public ids. Each function is
one line at its caller, so the workflow services stay about the workflow.

- ``decision_awaiting_cosign``: called by ``decisions.decision_propose`` with the
  people who may co-sign (``cosigners.cosigners_for``: the organisation's own,
  its deputies, or the municipality's fallback).
- ``decision_deviates_from_advice``: called by ``decision_propose`` when the
  decision departs from the afwegingskader's advice.
"""

from django.urls import reverse

from kindveilig.accounts.models import User
from kindveilig.meldcode.models import Decision
from kindveilig.notifications.models import NotificationKind
from kindveilig.notifications.services import notify

__all__ = ["decision_awaiting_cosign", "decision_deviates_from_advice"]


def _not_the_proposer(decision: Decision, cosigners: list[User]) -> list[int]:
    """Four eyes: the proposer never co-signs (nor is told to)."""
    return [user.pk for user in cosigners if user.pk != decision.created_by_id]


def decision_awaiting_cosign(decision: Decision, cosigners: list[User]) -> None:
    """A proposed decision waits: tell who can co-sign it, linking to the page
    where they do."""
    notify(
        _not_the_proposer(decision, cosigners),
        NotificationKind.DECISION_AWAITING_COSIGN,
        reverse("meldcode:decision-cosign", args=[decision.trajectory.public_id]),
    )


def decision_deviates_from_advice(decision: Decision, cosigners: list[User]) -> None:
    """A proposed decision differs from the afwegingskader's advice: tell who
    co-signs (or, when nobody can, nobody is left unaware: the trajectory and
    the monitor show it), linking to the trajectory."""
    notify(
        _not_the_proposer(decision, cosigners),
        NotificationKind.DECISION_DEVIATES,
        reverse("meldcode:trajectory-detail", args=[decision.trajectory.public_id]),
    )
