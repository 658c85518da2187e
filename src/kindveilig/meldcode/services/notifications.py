"""Alerts to the aandachtsfunctionaris. E-mails carry no personal data: only that
there is something to look at, and a link."""

from kindveilig.core.background import enqueue_on_commit
from kindveilig.meldcode.models import MeldplichtCase, Trajectory


def on_commit_trajectory_started(trajectory: Trajectory) -> None:
    _enqueue("started", trajectory.pk)


def on_commit_acute(trajectory: Trajectory) -> None:
    _enqueue("acute", trajectory.pk)


def on_commit_meldplicht(case: MeldplichtCase) -> None:
    _enqueue("meldplicht", case.pk)


def _enqueue(kind: str, pk: int) -> None:
    enqueue_on_commit("kindveilig.meldcode.tasks.send_alert", kind=kind, pk=pk)
