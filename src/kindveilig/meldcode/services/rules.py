"""The afwegingskader governs the services, not only the screen.

One place that says, from the answers in force and the decisions and meldingen on
record, what the law requires of a trajectory now: whether a melding is required,
whether it has been made in this decision round, and whether a decision departs
from the advice. The services refuse what these say is not allowed; the pages
only show what the services would accept.
"""

from django.utils.translation import gettext_lazy as _

from kindveilig.meldcode.afwegingskader import Advice, Answer, advise
from kindveilig.meldcode.afwegingskader import Outcome as AdviceOutcome
from kindveilig.meldcode.models import Decision, Melding, Trajectory

from .weighing import _loaded, current_answers


def advice_now(trajectory: Trajectory) -> Advice:
    return advise(current_answers(trajectory))


def melding_required(trajectory: Trajectory) -> bool:
    """Melden is required when the advice is (renewed) melden, and whenever
    afweging 2 (acute or structural unsafety) was answered "ja": then a melding
    is made even if afwegingen 3-5 later lead to help with Veilig Thuis."""
    answers = current_answers(trajectory)
    return advise(answers).melden or _unsafe(answers)


def _unsafe(answers: dict[int, Answer]) -> bool:
    """Afweging 2 "ja" counts only after a suspicion (afweging 1 "ja"): an answer
    after the point where the framework decided is ignored, as ``advise`` does."""
    return answers.get(1) == Answer.YES and answers.get(2) == Answer.YES


def expected_melden(advice: Advice, *, required: bool) -> bool | None:
    """What a decision following the advice says about melden; None while the
    advice does not decide yet (a question open, doubt, or no suspicion)."""
    if required:
        return True
    if advice.outcome in (AdviceOutcome.HULP, AdviceOutcome.CLOSE_WITH_AGREEMENTS):
        return False
    return None


def _decisions(trajectory: Trajectory) -> list[Decision]:
    loaded = _loaded(trajectory, "decisions")
    if loaded is None:
        loaded = list(trajectory.decisions.filter(round=trajectory.decision_round))
    return sorted(
        (d for d in loaded if d.round == trajectory.decision_round),
        key=lambda d: (d.created_at, d.pk),
    )


def round_decision(trajectory: Trajectory) -> Decision | None:
    """The latest decision of the current decision round."""
    decisions = _decisions(trajectory)
    return decisions[-1] if decisions else None


def round_melding(trajectory: Trajectory) -> Melding | None:
    """The melding made in the current decision round, if any."""
    loaded = _loaded(trajectory, "meldingen")
    if loaded is None:
        return (
            trajectory.meldingen.filter(decision__round=trajectory.decision_round)
            .select_related("decision")
            .first()
        )
    return next(
        (m for m in loaded if m.decision.round == trajectory.decision_round), None
    )


def deviation_on_record(trajectory: Trajectory) -> bool:
    """A co-signed decision of this round not to melden, against the advice,
    with its written justification."""
    decision = round_decision(trajectory)
    return (
        decision is not None
        and decision.is_deviation
        and not decision.melden
        and decision.counts_as_signed
    )


def melding_outstanding(trajectory: Trajectory) -> bool:
    """The framework requires a melding in this round and none is on record
    (nor a co-signed decision departing from that advice)."""
    return (
        melding_required(trajectory)
        and round_melding(trajectory) is None
        and not deviation_on_record(trajectory)
    )


ADVICE_LABELS = {
    AdviceOutcome.MELDEN: _("melden"),
    AdviceOutcome.MELDEN_AGAIN: _("melden again"),
    AdviceOutcome.HULP: _("help, without melden"),
    AdviceOutcome.CLOSE_WITH_AGREEMENTS: _("close with agreements"),
    AdviceOutcome.CLOSE: _("close: no suspicion"),
    AdviceOutcome.ADVIES_FIRST: _("ask Veilig Thuis for advice first"),
    AdviceOutcome.NEXT_QUESTION: _("answer the next afweging"),
}


def advice_label(advice: Advice | str) -> str:
    """The advice in a few words, for messages and the co-sign page."""
    outcome = AdviceOutcome(advice if isinstance(advice, str) else advice.outcome)
    return str(ADVICE_LABELS[outcome])
