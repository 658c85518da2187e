"""The KNMG meldcode for physicians: in step 2 a physician (huisarts, hospital)
consults Veilig Thuis for advice *and* a colleague, before talking to the
client in step 3 (docs/kindcheck.md, docs/decisions.md)."""

from django.utils.translation import gettext as _

from kindveilig.meldcode.models import Trajectory
from kindveilig.meldcode.models.choices import ConsultedParty, Step
from kindveilig.organisations.models import PHYSICIAN_TYPES

__all__ = ["follows_knmg", "knmg_gate_messages"]

# A colleague in the KNMG sense: someone of one's own profession or organisation.
COLLEAGUE_PARTIES = frozenset(
    {ConsultedParty.COLLEAGUE, ConsultedParty.AANDACHTSFUNCTIONARIS}
)


def follows_knmg(trajectory: Trajectory) -> bool:
    return trajectory.organisation.type in PHYSICIAN_TYPES


def knmg_gate_messages(trajectory: Trajectory, to_step: Step) -> list[str]:
    """What the KNMG rule still misses before ``to_step``; empty for others."""
    if to_step < Step.GESPREK or not follows_knmg(trajectory):
        return []
    # .all(): the detail page has prefetched the consultations.
    parties = {consultation.party for consultation in trajectory.consultations.all()}
    missing: list[str] = []
    if ConsultedParty.VEILIG_THUIS not in parties:
        missing.append(
            _(
                "Step 2 (KNMG meldcode for physicians): also ask Veilig Thuis for "
                "advice, and record that consultation."
            )
        )
    if not parties & COLLEAGUE_PARTIES:
        missing.append(
            _(
                "Step 2 (KNMG meldcode for physicians): also consult a colleague or "
                "the aandachtsfunctionaris, and record that consultation."
            )
        )
    return missing
