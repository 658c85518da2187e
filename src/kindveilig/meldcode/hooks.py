"""Extension points of the meldcode for the apps above it.

The meldcode may not import the apps that build on it (``.importlinter``). An app
that must act when a trajectory starts registers a callback here, once, from its
``AppConfig.ready()``; the Verwijsindex registers a signal per child this way.

Callbacks run in registration order, inside the service's transaction: an
exception rolls the whole transition back, and what a callback writes commits
with the trajectory.
"""

from collections.abc import Sequence
from typing import Protocol

from kindveilig.access.actor import Actor
from kindveilig.persons.models import Person

from .models import Trajectory

__all__ = [
    "TrajectoryStarted",
    "register_trajectory_started",
    "trajectory_started",
    "unregister_trajectory_started",
]


class TrajectoryStarted(Protocol):
    def __call__(
        self, *, actor: Actor, trajectory: Trajectory, children: Sequence[Person]
    ) -> None: ...


_trajectory_started: list[TrajectoryStarted] = []


def register_trajectory_started(callback: TrajectoryStarted) -> None:
    """Call ``callback`` each time a trajectory starts. Registering the same
    callback twice keeps one registration."""
    if callback not in _trajectory_started:
        _trajectory_started.append(callback)


def unregister_trajectory_started(callback: TrajectoryStarted) -> None:
    if callback in _trajectory_started:
        _trajectory_started.remove(callback)


def trajectory_started(
    *, actor: Actor, trajectory: Trajectory, children: Sequence[Person]
) -> None:
    """Called by ``trajectory_start`` once the trajectory and its children are
    saved, inside its transaction."""
    for callback in tuple(_trajectory_started):
        callback(actor=actor, trajectory=trajectory, children=children)
