"""Every write of the households app. Views, demo and tests call these."""

from .cases import (
    MappingInput,
    ScoreInput,
    case_close,
    case_open,
    mapping_record,
    meeting_add,
    partner_add,
    partner_end,
    phase_change,
    regievoerder_change,
)
from .common import ConflictError, directs, responsibility_intact
from .emergency import emergency_access_grant
from .handovers import (
    handover_accept,
    handover_create_for_case,
    handover_create_for_trajectory,
    handover_reject,
    handover_withdraw,
)
from .households import (
    MemberAddResult,
    PersonInput,
    gezag_set,
    household_create,
    household_create_from_trajectory,
    match_review_decide,
    member_add,
    member_leave,
)
from .plan import ItemInput, plan_item_update, plan_version_create

__all__ = [
    "ConflictError",
    "ItemInput",
    "MappingInput",
    "MemberAddResult",
    "PersonInput",
    "ScoreInput",
    "case_close",
    "case_open",
    "directs",
    "emergency_access_grant",
    "gezag_set",
    "handover_accept",
    "handover_create_for_case",
    "handover_create_for_trajectory",
    "handover_reject",
    "handover_withdraw",
    "household_create",
    "household_create_from_trajectory",
    "mapping_record",
    "match_review_decide",
    "meeting_add",
    "member_add",
    "member_leave",
    "partner_add",
    "partner_end",
    "phase_change",
    "plan_item_update",
    "plan_version_create",
    "regievoerder_change",
    "responsibility_intact",
]
