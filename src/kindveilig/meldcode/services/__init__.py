"""Every write of the meldcode: one service per transition, each checking its
preconditions and saying in Dutch what is missing. Views, API and commands
all call these."""

from .closing import closing_cosign, closing_return, trajectory_close
from .common import can_act_on
from .decisions import (
    decision_cosign,
    decision_propose,
    decision_return,
    evaluation_reschedule,
    feedback_add,
    melding_create,
    melding_handover,
)
from .entries import (
    afweging_answer,
    attachment_add,
    consultation_add,
    conversation_add,
    conversation_skip,
    observation_add,
)
from .errors import ConflictError
from .meldplicht import (
    meldplicht_case_close,
    meldplicht_case_consult_inspecteur,
    meldplicht_case_decide_aangifte,
    meldplicht_case_inform_houder,
    meldplicht_case_link_trajectory,
    meldplicht_case_record_measures,
    meldplicht_case_start,
)
from .shares import share_create, share_revoke
from .trajectories import (
    step_advance,
    trajectory_report_acute,
    trajectory_start,
    trajectory_take_over,
)

__all__ = [
    "ConflictError",
    "afweging_answer",
    "attachment_add",
    "can_act_on",
    "closing_cosign",
    "closing_return",
    "consultation_add",
    "conversation_add",
    "conversation_skip",
    "decision_cosign",
    "decision_propose",
    "decision_return",
    "evaluation_reschedule",
    "feedback_add",
    "melding_create",
    "melding_handover",
    "meldplicht_case_close",
    "meldplicht_case_consult_inspecteur",
    "meldplicht_case_decide_aangifte",
    "meldplicht_case_inform_houder",
    "meldplicht_case_link_trajectory",
    "meldplicht_case_record_measures",
    "meldplicht_case_start",
    "observation_add",
    "share_create",
    "share_revoke",
    "step_advance",
    "trajectory_close",
    "trajectory_report_acute",
    "trajectory_start",
    "trajectory_take_over",
]
