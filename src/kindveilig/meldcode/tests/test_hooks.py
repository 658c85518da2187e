"""The meldcode's extension point: apps above it act when a trajectory starts,
inside the same transaction, without the meldcode importing them."""

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

import pytest

from kindveilig.access.actor import Actor
from kindveilig.meldcode import hooks, scenarios
from kindveilig.meldcode.models import Trajectory
from kindveilig.persons.models import Person

pytestmark = [pytest.mark.django_db]


@dataclass(frozen=True)
class Call:
    actor: Actor
    trajectory: Trajectory
    children: list[Person]


class Recorder:
    def __init__(self) -> None:
        self.calls: list[Call] = []

    def __call__(
        self, *, actor: Actor, trajectory: Trajectory, children: Sequence[Person]
    ) -> None:
        # The trajectory and its children are saved when the hook runs.
        assert Trajectory.objects.filter(pk=trajectory.pk).exists()
        self.calls.append(Call(actor, trajectory, list(children)))


@pytest.fixture
def recorder() -> Iterator[Recorder]:
    callback = Recorder()
    hooks.register_trajectory_started(callback)
    yield callback
    hooks.unregister_trajectory_started(callback)


def test_starting_a_trajectory_calls_each_registered_callback_once(
    prof: Actor, recorder: Recorder
) -> None:
    trajectory = scenarios.start(prof)
    assert len(recorder.calls) == 1
    call = recorder.calls[0]
    assert call.actor == prof
    assert call.trajectory == trajectory
    assert call.children == [link.person for link in trajectory.children.all()]


def test_registering_the_same_callback_twice_calls_it_once(
    prof: Actor, recorder: Recorder
) -> None:
    hooks.register_trajectory_started(recorder)
    scenarios.start(prof)
    assert len(recorder.calls) == 1


def test_a_failing_callback_rolls_the_start_back(prof: Actor) -> None:
    def refuse(
        *, actor: Actor, trajectory: Trajectory, children: Sequence[Person]
    ) -> None:
        raise RuntimeError("refused")

    hooks.register_trajectory_started(refuse)
    try:
        with pytest.raises(RuntimeError, match="refused"):
            scenarios.start(prof)
    finally:
        hooks.unregister_trajectory_started(refuse)
    assert not Trajectory.objects.exists()
    assert not Person.objects.exists()
