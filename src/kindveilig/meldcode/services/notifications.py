"""Alerts to the aandachtsfunctionaris. E-mails carry no personal data: only that
there is something to look at, and a link."""

import logging

from django.db import transaction

from kindveilig.meldcode.models import MeldplichtCase, Trajectory

logger = logging.getLogger(__name__)


def on_commit_trajectory_started(trajectory: Trajectory) -> None:
    transaction.on_commit(lambda: _enqueue("started", trajectory.pk))


def on_commit_acute(trajectory: Trajectory) -> None:
    transaction.on_commit(lambda: _enqueue("acute", trajectory.pk))


def on_commit_meldplicht(case: MeldplichtCase) -> None:
    transaction.on_commit(lambda: _enqueue("meldplicht", case.pk))


def _enqueue(kind: str, pk: int) -> None:
    from kindveilig.meldcode.tasks import send_alert

    try:
        send_alert.enqueue(kind=kind, pk=pk)
    except Exception:  # an alert must never undo the work it is about
        logger.exception("Could not enqueue %s alert for %s", kind, pk)
