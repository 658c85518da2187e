"""Access rules and helpers shared by the household pages."""

import uuid

from django.http import HttpResponse, HttpResponseRedirect
from django.urls import reverse

from kindveilig.access.decorators import rule
from kindveilig.access.http import AuthenticatedRequest
from kindveilig.access.roles import CASE_ROLES
from kindveilig.households.models import Household
from kindveilig.households.selectors import (
    HouseholdAccess,
    Need,
    household_access_for,
)

HOUSEHOLD_RELATION = (
    "regie (regievoerder or aandachtsfunctionaris of the responsible organisation), "
    "chain partner of the open case, or a break-the-glass grant "
    "(household_access_for)"
)
REGIE_RELATION = (
    "regie: regievoerder or aandachtsfunctionaris of the responsible organisation "
    "(household_access_for, then HouseholdAccess.require_case)"
)
FULL_RELATION = "regie or a break-the-glass grant (household_access_for, require_full)"

household_rule = rule(*CASE_ROLES, relation=HOUSEHOLD_RELATION)
regie_rule = rule(*CASE_ROLES, relation=REGIE_RELATION)
full_rule = rule(*CASE_ROLES, relation=FULL_RELATION)


def load(
    request: AuthenticatedRequest,
    public_id: uuid.UUID,
    purpose: str = "",
    need: Need = "any",
) -> HouseholdAccess:
    """The household for a page that needs ``need``: 404/403 (a DENIED record,
    no READ) before anything is read (``household_access_for``)."""
    return household_access_for(
        actor=request.actor, public_id=public_id, purpose=purpose, need=need
    )


def to_detail(household: Household, page: str = "household-detail") -> HttpResponse:
    return HttpResponseRedirect(
        reverse(f"households:{page}", args=[household.public_id])
    )
