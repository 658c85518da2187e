"""Alerts to the aandachtsfunctionarissen, and the default aandachtsfunctionaris
of a new trajectory: only people who still work there, in that role."""

from collections.abc import Callable

from django.core import mail
from django.utils.translation import gettext

import pytest
from conftest import Persona
from pytest_django import DjangoCaptureOnCommitCallbacks

from kindveilig.access.actor import Actor
from kindveilig.access.roles import Role
from kindveilig.meldcode import scenarios
from kindveilig.organisations.models import Organisation

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("immediate_tasks")]


def recipients() -> list[str]:
    return sorted(address for message in mail.outbox for address in message.to)


def test_a_new_trajectory_alerts_the_aandachtsfunctionaris_but_not_one_who_left(
    prof: Actor,
    aandachtsfunctionaris: Persona,
    make_persona: Callable[..., Persona],
    organisation: Organisation,
    retire: Callable[[Persona], Persona],
    django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks,
) -> None:
    gone = retire(make_persona(Role.AANDACHTSFUNCTIONARIS, organisation))
    with django_capture_on_commit_callbacks(execute=True):
        scenarios.start(prof)
    assert recipients() == [aandachtsfunctionaris.user.email]
    assert gone.user.email not in recipients()


def test_acute_danger_alerts_the_aandachtsfunctionaris_but_not_one_who_left(
    prof: Actor,
    aandachtsfunctionaris: Persona,
    make_persona: Callable[..., Persona],
    organisation: Organisation,
    retire: Callable[[Persona], Persona],
    django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks,
) -> None:
    gone = retire(make_persona(Role.AANDACHTSFUNCTIONARIS, organisation))
    with django_capture_on_commit_callbacks(execute=True):
        scenarios.acute(prof)
    subject = gettext("Kindveilig: ACUTE danger reported in a trajectory")
    acute = [m for m in mail.outbox if m.subject == subject]
    assert [m.to for m in acute] == [[aandachtsfunctionaris.user.email]]
    assert gone.user.email not in recipients()


def test_no_alert_at_all_when_the_only_aandachtsfunctionaris_left(
    prof: Actor,
    aandachtsfunctionaris: Persona,
    retire: Callable[[Persona], Persona],
    django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks,
) -> None:
    retire(aandachtsfunctionaris)
    with django_capture_on_commit_callbacks(execute=True):
        scenarios.acute(prof)
    assert mail.outbox == []


def test_the_default_aandachtsfunctionaris_is_never_one_who_left(
    prof: Actor,
    make_persona: Callable[..., Persona],
    organisation: Organisation,
    retire: Callable[[Persona], Persona],
) -> None:
    gone = retire(make_persona(Role.AANDACHTSFUNCTIONARIS, organisation))
    assert scenarios.start(prof).aandachtsfunctionaris is None
    current = make_persona(Role.AANDACHTSFUNCTIONARIS, organisation)
    trajectory = scenarios.start(prof)
    assert trajectory.aandachtsfunctionaris == current.user
    assert trajectory.aandachtsfunctionaris != gone.user


def test_an_aandachtsfunctionaris_who_starts_a_trajectory_never_co_signs_it(
    aandachtsfunctionaris: Persona,
) -> None:
    """Four eyes: the one who starts it is not named as its co-signer; with no
    other aandachtsfunctionaris and no fallback, nobody is."""
    trajectory = scenarios.start(aandachtsfunctionaris.actor)
    assert trajectory.aandachtsfunctionaris is None
