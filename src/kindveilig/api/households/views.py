"""The REST API of the households: the same selectors, services and audit as
the household pages (``households.views``), for a lokaal team's own system.

Each view loads the household through ``household_access_for`` with the same
``need`` the page passes (404 without a relation, 403 without what the action
needs, a DENIED record for either; otherwise the READ of every member), calls
the same service and returns JSON. No rule lives here: the services check them.
"""

import uuid
from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import status
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.serializers import Serializer

from kindveilig.access.roles import CASE_ROLES
from kindveilig.api.authentication import actor_of
from kindveilig.api.pagination import paginated
from kindveilig.api.rules import api_endpoint
from kindveilig.core.forms import small_int
from kindveilig.households import selectors, services
from kindveilig.households.selectors import HouseholdAccess, Need
from kindveilig.organisations.models import Organisation

from . import serializers as s

TAG = "households"
VISIBLE = (
    "households the actor directs, partners in, or has a break-the-glass grant "
    "for (household_page_for); creating: the lokaal team (household_create)"
)
HOUSEHOLD = (
    "regie (regievoerder or aandachtsfunctionaris of the responsible organisation), "
    "chain partner of the open case, or a break-the-glass grant "
    "(household_access_for)"
)
REGIE = (
    "regie: regievoerder or aandachtsfunctionaris of the responsible organisation "
    "(household_access_for with need, then the service's require_regie_of)"
)
HANDOVERS = "handovers to or from the actor's organisation (handovers_for)"
HANDOVER = "sender or receiver of the handover (handover_get_for, may_decide)"

ERRORS: dict[int, OpenApiResponse] = {
    400: OpenApiResponse(
        description="Invalid input or refused by the service (`invalidParams`). "
        "Nothing was changed."
    ),
    403: OpenApiResponse(
        description="The role may not, or the relation does not allow this "
        "(a chain partner reads, the regie writes)."
    ),
    404: OpenApiResponse(description="Not found, or not visible to the actor."),
}
VERSIONED_ERRORS: dict[int, OpenApiResponse] = {
    **ERRORS,
    409: OpenApiResponse(
        description="Someone else changed the case (or made a newer plan version) "
        "in the meantime. Nothing was changed."
    ),
}


def _valid(serializer_class: type[Serializer[Any]], request: Request) -> Any:
    serializer = serializer_class(data=request.data)
    serializer.is_valid(raise_exception=True)
    return serializer.validated_data


def _access(
    request: Request, public_id: uuid.UUID, purpose: str = "", need: Need = "any"
) -> HouseholdAccess:
    """The only way this API loads a household: checked and audited."""
    return selectors.household_access_for(
        actor=actor_of(request), public_id=public_id, purpose=purpose, need=need
    )


def _detail(access: HouseholdAccess, code: int = status.HTTP_200_OK) -> Response:
    overview = selectors.household_overview(access)
    data = s.HouseholdDetailSerializer(
        {"household": access.household, "access": access, "overview": overview},
        context={"access": access},
    ).data
    return Response(data, status=code)


# ---- Households -----------------------------------------------------------------


@extend_schema(
    methods=["GET"],
    operation_id="households_list",
    tags=[TAG],
    summary="List the households the actor works on (household_page_for)",
    parameters=[
        OpenApiParameter("page", OpenApiTypes.INT, description="Page number (50 each)")
    ],
    responses={200: s.HouseholdPageSerializer},
)
@extend_schema(
    methods=["POST"],
    operation_id="households_create",
    tags=[TAG],
    summary="Create a household with its safety case (household_create); "
    "the lokaal team only",
    request=s.HouseholdCreateSerializer,
    responses={201: s.HouseholdDetailSerializer, **ERRORS},
)
@api_endpoint(["GET", "POST"], *CASE_ROLES, relation=VISIBLE)
def household_list(request: Request) -> Response:
    actor = actor_of(request)
    if request.method == "POST":
        data = _valid(s.HouseholdCreateSerializer, request)
        household = services.household_create(actor=actor, label=data["label"])
        return _detail(_access(request, household.public_id), status.HTTP_201_CREATED)
    page = selectors.household_page_for(
        actor=actor, page_number=request.query_params.get("page")
    )
    return paginated(request, page, s.HouseholdListSerializer)


@extend_schema(
    tags=[TAG],
    summary="One household: members, the case and its Routekaart phases, partners",
    responses={200: s.HouseholdDetailSerializer, **ERRORS},
)
@api_endpoint(["GET"], *CASE_ROLES, relation=HOUSEHOLD)
def household_detail(request: Request, public_id: uuid.UUID) -> Response:
    return _detail(_access(request, public_id))


@extend_schema(
    tags=[TAG],
    summary="Add a member (member_add): by BSN the known person, a possible match "
    "waits for a review on the page",
    request=s.MemberInputSerializer,
    responses={201: s.MemberAddedSerializer, 202: s.MemberAddedSerializer, **ERRORS},
)
@api_endpoint(["POST"], *CASE_ROLES, relation=REGIE)
def member_add(request: Request, public_id: uuid.UUID) -> Response:
    access = _access(request, public_id, purpose="add a member", need="edit")
    data = _valid(s.MemberInputSerializer, request)
    result = services.member_add(
        actor=actor_of(request),
        household=access.household,
        data=services.PersonInput(
            given_name=data["given_name"],
            family_name=data["family_name"],
            date_of_birth=data["date_of_birth"],
            bsn=data["bsn"],
        ),
        role=data["role"],
        gezag_over=list(data["gezag_over"]),
    )
    code: int
    if result.review is not None:
        message = _("Kindveilig may already know this person. Check who it is.")
        code = status.HTTP_202_ACCEPTED
    elif result.linked_existing:
        message, code = _("Found by BSN and added to the household."), 201
    else:
        message, code = _("Added to the household."), 201
    body = {
        "member": result.member,
        "review": result.review.public_id if result.review else None,
        "linked_existing": result.linked_existing,
        "message": message,
    }
    return Response(s.MemberAddedSerializer(body).data, status=code)


@extend_schema(
    tags=[TAG],
    summary="Change the Routekaart phase, with the reason (phase_change)",
    request=s.PhaseChangeInputSerializer,
    responses={200: s.CaseSerializer, **VERSIONED_ERRORS},
)
@api_endpoint(["POST"], *CASE_ROLES, relation=REGIE)
def phase_change(request: Request, public_id: uuid.UUID) -> Response:
    access = _access(request, public_id, purpose="phase change", need="case")
    case = access.require_case()
    data = _valid(s.PhaseChangeInputSerializer, request)
    services.phase_change(
        actor=actor_of(request),
        case=case,
        to_phase=data["to_phase"],
        reason=data["reason"],
        safety_score=data["safety_score"],
        children_said=data["children_said"],
        expected_version=data["expected_version"],
    )
    case.refresh_from_db()
    return Response(s.CaseSerializer(case, context={"access": access}).data)


@extend_schema(
    tags=[TAG],
    summary="Close the safety case, with the reason (case_close)",
    request=s.CaseCloseInputSerializer,
    responses={200: s.CaseSerializer, **VERSIONED_ERRORS},
)
@api_endpoint(["POST"], *CASE_ROLES, relation=REGIE)
def case_close(request: Request, public_id: uuid.UUID) -> Response:
    access = _access(request, public_id, purpose="close the case", need="case")
    case = access.require_case()
    data = _valid(s.CaseCloseInputSerializer, request)
    services.case_close(
        actor=actor_of(request),
        case=case,
        reason=data["reason"],
        expected_version=data["expected_version"],
    )
    case.refresh_from_db()
    return Response(s.CaseSerializer(case, context={"access": access}).data)


# ---- The veiligheidsplan --------------------------------------------------------


@extend_schema(
    methods=["GET"],
    operation_id="households_plan_retrieve",
    tags=[TAG],
    summary="The veiligheidsplan: the current version, or `version` (plan_for)",
    parameters=[OpenApiParameter("version", OpenApiTypes.INT)],
    responses={200: s.PlanSerializer, **ERRORS},
)
@extend_schema(
    methods=["POST"],
    operation_id="households_plan_create",
    tags=[TAG],
    summary="Publish a new version of the plan (plan_version_create)",
    request=s.PlanVersionInputSerializer,
    responses={201: s.PlanSerializer, **VERSIONED_ERRORS},
)
@api_endpoint(["GET", "POST"], *CASE_ROLES, relation=HOUSEHOLD + "; writing: " + REGIE)
def plan(request: Request, public_id: uuid.UUID) -> Response:
    if request.method == "POST":
        access = _access(request, public_id, purpose="new plan version", need="case")
        case = access.require_case()
        data = _valid(s.PlanVersionInputSerializer, request)
        services.plan_version_create(
            actor=actor_of(request),
            case=case,
            items=[services.ItemInput(**item) for item in data["items"]],
            note=data["note"],
            based_on=data["based_on"],
        )
        return Response(
            s.PlanSerializer(selectors.plan_for(access)).data,
            status=status.HTTP_201_CREATED,
        )
    access = _access(request, public_id, purpose="safety plan")
    number = small_int(request.query_params.get("version"))
    return Response(s.PlanSerializer(selectors.plan_for(access, number)).data)


# ---- Handovers (warm overdragen) --------------------------------------------------


@extend_schema(
    operation_id="handovers_list",
    tags=[TAG],
    summary="Waiting handovers to and from the organisation (handovers_for)",
    responses={200: s.HandoverListsSerializer},
)
@api_endpoint(["GET"], *CASE_ROLES, relation=HANDOVERS)
def handover_list(request: Request) -> Response:
    lists = selectors.handovers_for(actor=actor_of(request))
    return Response(s.HandoverListsSerializer(lists).data)


@extend_schema(
    tags=[TAG],
    summary="One handover (handover_get_for)",
    responses={200: s.HandoverSerializer, **ERRORS},
)
@api_endpoint(["GET"], *CASE_ROLES, relation=HANDOVER)
def handover_detail(request: Request, public_id: uuid.UUID) -> Response:
    handover = selectors.handover_get_for(actor=actor_of(request), public_id=public_id)
    return Response(s.HandoverSerializer(handover).data)


@extend_schema(
    tags=[TAG],
    summary="Offer the regie over the case to another organisation "
    "(handover_create_for_case)",
    request=s.HandoverOfferInputSerializer,
    responses={201: s.HandoverSerializer, **ERRORS},
)
@api_endpoint(["POST"], *CASE_ROLES, relation=REGIE)
def handover_offer(request: Request, public_id: uuid.UUID) -> Response:
    access = _access(request, public_id, purpose="hand over the case", need="case")
    case = access.require_case()
    data = _valid(s.HandoverOfferInputSerializer, request)
    # The page offers every active organisation but one's own; so does this. An
    # unknown or inactive one is the same refusal as a wrong choice on the page.
    receiver = Organisation.objects.filter(
        public_id=data["to_organisation"], is_active=True
    ).first()
    if receiver is None:
        raise ValidationError(
            {"to_organisation": [_("Choose an active organisation.")]}
        )
    handover = services.handover_create_for_case(
        actor=actor_of(request), case=case, to_organisation=receiver, note=data["note"]
    )
    return Response(s.HandoverSerializer(handover).data, status=status.HTTP_201_CREATED)


@extend_schema(
    tags=[TAG],
    summary="Withdraw a handover one's own organisation offered (handover_withdraw)",
    request=None,
    responses={200: s.HandoverSerializer, **ERRORS},
)
@api_endpoint(["POST"], *CASE_ROLES, relation=HANDOVER)
def handover_withdraw(request: Request, public_id: uuid.UUID) -> Response:
    actor = actor_of(request)
    handover = selectors.handover_get_for(actor=actor, public_id=public_id)
    handover = services.handover_withdraw(actor=actor, handover=handover)
    return Response(s.HandoverSerializer(handover).data)


@extend_schema(
    tags=[TAG],
    summary="Accept a handover: take over the regie (handover_accept)",
    request=s.HandoverDecisionInputSerializer,
    responses={200: s.HandoverSerializer, **ERRORS},
)
@api_endpoint(["POST"], *CASE_ROLES, relation=HANDOVER)
def handover_accept(request: Request, public_id: uuid.UUID) -> Response:
    actor = actor_of(request)
    handover = selectors.handover_get_for(actor=actor, public_id=public_id)
    data = _valid(s.HandoverDecisionInputSerializer, request)
    handover = services.handover_accept(
        actor=actor, handover=handover, note=data["note"]
    )
    return Response(s.HandoverSerializer(handover).data)


@extend_schema(
    tags=[TAG],
    summary="Reject a handover, with the reason (handover_reject)",
    request=s.HandoverDecisionInputSerializer,
    responses={200: s.HandoverSerializer, **ERRORS},
)
@api_endpoint(["POST"], *CASE_ROLES, relation=HANDOVER)
def handover_reject(request: Request, public_id: uuid.UUID) -> Response:
    actor = actor_of(request)
    handover = selectors.handover_get_for(actor=actor, public_id=public_id)
    data = _valid(s.HandoverDecisionInputSerializer, request)
    handover = services.handover_reject(
        actor=actor, handover=handover, note=data["note"]
    )
    return Response(s.HandoverSerializer(handover).data)
