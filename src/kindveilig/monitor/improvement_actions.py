"""The open improvement actions of casusreflectie sessions, for the coverage page.

Improvement actions agreed in a casusreflectie session show on the coverage page
until they are done. They belong to ``kindveilig.learning``; this module is the
one place where the monitor asks for them
(``learning.selectors.open_improvement_actions_for_municipality``).

The municipality sees aggregates and organisation names only, so the action's
owner (a name or a role) and the session's free-text title are left out: the
description is checked for personal data when it is written.
"""

from dataclasses import dataclass
from datetime import date

from kindveilig.learning.selectors import open_improvement_actions_for_municipality


@dataclass(frozen=True)
class ImprovementAction:
    """An action as the municipality sees it: no names of people or children."""

    description: str
    organisation: str
    agreed_on: date
    follow_up_on: date
    is_overdue: bool


def open_improvement_actions(*, municipality_id: int) -> list[ImprovementAction]:
    """The actions of the sessions held in the municipality that are not done,
    the first follow-up date first (one query)."""
    return [
        ImprovementAction(
            description=action.description,
            organisation=action.organisation_name,
            agreed_on=action.session_held_on,
            follow_up_on=action.follow_up_on,
            is_overdue=action.is_overdue,
        )
        for action in open_improvement_actions_for_municipality(municipality_id)
    ]
