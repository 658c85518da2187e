"""In-app notifications of the meldcode (``kindveilig.notifications``): who is
told that something waits, with a link built from public ids. Each function is
one line at its caller, so the workflow services stay about the workflow.

- ``decision_awaiting_cosign``: called by ``decisions.decision_propose``.
- ``decision_deviates_from_advice``: for the caller that compares a proposed
  decision with the afwegingskader's advice (not yet wired).
"""

from django.urls import reverse

from kindveilig.accounts.selectors import aandachtsfunctionarissen_of
from kindveilig.meldcode.models import Decision
from kindveilig.notifications.models import NotificationKind
from kindveilig.notifications.services import notify

__all__ = ["decision_awaiting_cosign", "decision_deviates_from_advice"]


def _aandachtsfunctionarissen_except_proposer(decision: Decision) -> list[int]:
    """The organisation's aandachtsfunctionarissen today, not the proposer: four
    eyes, so the proposer never co-signs their own decision."""
    return [
        user_id
        for user_id in aandachtsfunctionarissen_of(
            organisation_id=decision.trajectory.organisation_id
        ).values_list("user_id", flat=True)
        if user_id != decision.created_by_id
    ]


def decision_awaiting_cosign(decision: Decision) -> None:
    """A proposed decision waits: tell who can co-sign it, linking to the page
    where they do."""
    notify(
        _aandachtsfunctionarissen_except_proposer(decision),
        NotificationKind.DECISION_AWAITING_COSIGN,
        reverse("meldcode:decision-cosign", args=[decision.trajectory.public_id]),
    )


def decision_deviates_from_advice(decision: Decision) -> None:
    """A proposed decision differs from the afwegingskader's advice: tell the
    aandachtsfunctionarissen (not the proposer), linking to the trajectory."""
    notify(
        _aandachtsfunctionarissen_except_proposer(decision),
        NotificationKind.DECISION_DEVIATES,
        reverse("meldcode:trajectory-detail", args=[decision.trajectory.public_id]),
    )
