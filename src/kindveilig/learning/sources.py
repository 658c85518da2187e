"""What a reflection keeps of the case it looks back on.

Only facts that identify no one: the sector, organisation type and municipality
of the organisation, the closing date (reduced to year and quarter by the
service) and an outcome category. The households app supplies the same facts for
a household case and calls ``services.reflection_record`` itself.
"""

from dataclasses import dataclass
from datetime import date

from django.utils import timezone

from kindveilig.meldcode.models import Trajectory
from kindveilig.meldcode.models.choices import Outcome
from kindveilig.organisations.models import Municipality

from .models import OutcomeCategory

__all__ = ["CaseFacts", "meldcode_case_facts"]

MELDCODE_OUTCOMES: dict[str, OutcomeCategory] = {
    Outcome.NO_SUSPICION: OutcomeCategory.NO_CONCERN,
    Outcome.HELP_SUCCEEDED: OutcomeCategory.HELP,
    Outcome.AFTER_MELDING: OutcomeCategory.MELDING,
    Outcome.MELDPLICHT: OutcomeCategory.MELDPLICHT,
    Outcome.OTHER: OutcomeCategory.OTHER,
}


@dataclass(frozen=True)
class CaseFacts:
    sector: str
    organisation_type: str
    municipality: Municipality
    closed_on: date
    outcome: OutcomeCategory


def meldcode_case_facts(trajectory: Trajectory) -> CaseFacts:
    """The facts of a closed trajectory (loaded through trajectory_get_for)."""
    assert trajectory.closed_at is not None, "only closed trajectories"
    organisation = trajectory.organisation
    return CaseFacts(
        sector=organisation.sector,
        organisation_type=organisation.type,
        municipality=organisation.municipality,
        closed_on=timezone.localdate(trajectory.closed_at),
        outcome=MELDCODE_OUTCOMES.get(trajectory.outcome, OutcomeCategory.OTHER),
    )
