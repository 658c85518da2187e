"""The REST API of the meldcode: the same selectors, services and audit as the pages.

Each view reads the request, checks the input's shape with a serializer, loads the
trajectory through ``trajectory_get_for`` (404 for anyone without a relation, and a
READ record in the audit log), calls one service and returns JSON. Refusals are the
services' own ``ValidationError``s, mapped in :mod:`kindveilig.api.exceptions`.
"""

import uuid
from typing import Any

from django.http import Http404

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import status
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.serializers import Serializer

from kindveilig.access.roles import CASE_ROLES, Role
from kindveilig.api.authentication import actor_of
from kindveilig.api.pagination import paginated
from kindveilig.api.rules import api_endpoint
from kindveilig.meldcode import selectors, services
from kindveilig.meldcode.afwegingskader import Answer
from kindveilig.meldcode.models import Decision, Trajectory
from kindveilig.meldcode.models.choices import (
    BodyRegion,
    BodySide,
    ConsultedParty,
    ConversationWith,
    FeedbackKind,
    HandoverChannel,
    Origin,
    Outcome,
    Relation,
    SkipReason,
    Source,
    Step,
)
from kindveilig.meldcode.services.closing import pending_closing
from kindveilig.meldcode.services.decisions import DecisionInput, MeldingInput
from kindveilig.meldcode.services.entries import (
    ConsultationInput,
    ConversationInput,
    MarkInput,
    ObservationInput,
)
from kindveilig.meldcode.services.trajectories import (
    ChildInput,
    InvolvedInput,
    StartInput,
)

from . import serializers as s

VISIBLE = (
    "trajectories the actor owns; all of the organisation's for the "
    "aandachtsfunctionaris (trajectory_page_for)"
)
OWN = (
    "a trajectory the actor owns, or one of the organisation's for the "
    "aandachtsfunctionaris (trajectory_get_for)"
)
COSIGN = (
    "a decision in a trajectory of the aandachtsfunctionaris's organisation "
    "(decision_get_for)"
)
TAG = "trajectories"

# Every error is a problem (application/problem+json); api.schema.postprocess
# adds the standard ones (401, 403, 404, 406, 415, 500) to every operation.
ERRORS: dict[int, OpenApiResponse] = {
    400: OpenApiResponse(
        description="Refused by the service or the input's shape: a problem with "
        "`invalidParams` (one entry per message). Nothing was changed."
    ),
    401: OpenApiResponse(description="Not authenticated."),
    403: OpenApiResponse(description="The role may not, or the service refuses."),
    404: OpenApiResponse(description="Not found, or not visible to the actor."),
}
VERSIONED_ERRORS: dict[int, OpenApiResponse] = {
    **ERRORS,
    409: OpenApiResponse(
        description="`expected_version` is not the trajectory's current version: "
        "someone else changed it. Nothing was changed."
    ),
}
READ_ERRORS = {code: ERRORS[code] for code in (401, 403, 404)}


def _valid(serializer_class: type[Serializer[Any]], request: Request) -> Any:
    serializer = serializer_class(data=request.data)
    serializer.is_valid(raise_exception=True)
    return serializer.validated_data


def _trajectory(request: Request, public_id: uuid.UUID) -> Trajectory:
    """The only way this API loads a trajectory: checked and audited."""
    return selectors.trajectory_get_for(actor=actor_of(request), public_id=public_id)


def _detail(trajectory: Trajectory, code: int = status.HTTP_200_OK) -> Response:
    return Response(s.TrajectoryDetailSerializer(trajectory).data, status=code)


def _created(serializer_class: type[Serializer[Any]], obj: object) -> Response:
    return Response(serializer_class(obj).data, status=status.HTTP_201_CREATED)


# ---- Trajectories -----------------------------------------------------------


@extend_schema(
    methods=["GET"],
    operation_id="trajectories_list",
    tags=[TAG],
    summary="List the trajectories the actor may see",
    parameters=[
        OpenApiParameter("page", OpenApiTypes.INT, description="Page number (50 each)"),
        OpenApiParameter("status", OpenApiTypes.STR, enum=["open", "closed"]),
    ],
    responses={200: s.TrajectoryPageSerializer, **READ_ERRORS},
)
@extend_schema(
    methods=["POST"],
    operation_id="trajectories_create",
    tags=[TAG],
    summary="Start a trajectory (trajectory_start)",
    request=s.TrajectoryStartSerializer,
    responses={201: s.TrajectoryDetailSerializer, **ERRORS},
)
@api_endpoint(["GET", "POST"], *CASE_ROLES, relation=VISIBLE)
def trajectory_list(request: Request) -> Response:
    actor = actor_of(request)
    if request.method == "POST":
        data = _valid(s.TrajectoryStartSerializer, request)
        trajectory = services.trajectory_start(
            actor=actor,
            data=StartInput(
                origin=Origin(data["origin"]),
                worry=data["worry"],
                forms_of_violence=list(data["forms_of_violence"]),
                children=[ChildInput(**child) for child in data["children"]],
                involved=[
                    InvolvedInput(**{**item, "relation": Relation(item["relation"])})
                    for item in data["involved"]
                ],
                kindcheck_notes=data["kindcheck_notes"],
            ),
        )
        return _detail(trajectory, status.HTTP_201_CREATED)
    page = selectors.trajectory_page_for(
        actor=actor,
        page_number=request.query_params.get("page"),
        status=request.query_params.get("status"),
        next_actions=False,
    )
    return paginated(request, page, s.TrajectoryListSerializer)


@extend_schema(
    tags=[TAG],
    summary="One trajectory, with its children, decisions and the afwegingskader's advice",
    responses={200: s.TrajectoryDetailSerializer, **READ_ERRORS},
)
@api_endpoint(["GET"], *CASE_ROLES, relation=OWN)
def trajectory_detail(request: Request, public_id: uuid.UUID) -> Response:
    return _detail(_trajectory(request, public_id))


@extend_schema(
    tags=[TAG],
    summary="Every entry of the trajectory in time order",
    responses={200: s.ChronologyItemSerializer(many=True), **READ_ERRORS},
)
@api_endpoint(["GET"], *CASE_ROLES, relation=OWN)
def trajectory_chronology(request: Request, public_id: uuid.UUID) -> Response:
    trajectory = _trajectory(request, public_id)
    items = selectors.chronology(trajectory)
    return Response([s.ChronologyItemSerializer(item).data for item in items])


# ---- Steps 1-4 --------------------------------------------------------------


@extend_schema(
    tags=[TAG],
    summary="Step 1: record a signal (observation_add)",
    request=s.ObservationInputSerializer,
    responses={201: s.ObservationSerializer, **ERRORS},
)
@api_endpoint(["POST"], *CASE_ROLES, relation=OWN)
def observation_add(request: Request, public_id: uuid.UUID) -> Response:
    trajectory = _trajectory(request, public_id)
    data = _valid(s.ObservationInputSerializer, request)
    marks = [
        MarkInput(BodySide(m["side"]), BodyRegion(m["region"]), m["description"])
        for m in data.pop("marks")
    ]
    observation = services.observation_add(
        actor=actor_of(request),
        trajectory=trajectory,
        data=ObservationInput(
            **{**data, "source": Source(data["source"])}, marks=marks
        ),
    )
    return _created(s.ObservationSerializer, observation)


@extend_schema(
    tags=[TAG],
    summary="Step 2: record a consultation (consultation_add)",
    request=s.ConsultationInputSerializer,
    responses={201: s.ConsultationSerializer, **ERRORS},
)
@api_endpoint(["POST"], *CASE_ROLES, relation=OWN)
def consultation_add(request: Request, public_id: uuid.UUID) -> Response:
    trajectory = _trajectory(request, public_id)
    data = _valid(s.ConsultationInputSerializer, request)
    consultation = services.consultation_add(
        actor=actor_of(request),
        trajectory=trajectory,
        data=ConsultationInput(**{**data, "party": ConsultedParty(data["party"])}),
    )
    return _created(s.ConsultationSerializer, consultation)


@extend_schema(
    tags=[TAG],
    summary="Step 3: record a conversation (conversation_add)",
    request=s.ConversationInputSerializer,
    responses={201: s.ConversationSerializer, **ERRORS},
)
@api_endpoint(["POST"], *CASE_ROLES, relation=OWN)
def conversation_add(request: Request, public_id: uuid.UUID) -> Response:
    trajectory = _trajectory(request, public_id)
    data = _valid(s.ConversationInputSerializer, request)
    conversation = services.conversation_add(
        actor=actor_of(request),
        trajectory=trajectory,
        data=ConversationInput(
            **{**data, "with_whom": ConversationWith(data["with_whom"])}
        ),
    )
    return _created(s.ConversationSerializer, conversation)


@extend_schema(
    tags=[TAG],
    summary="Step 3: record why a conversation is not held (conversation_skip)",
    request=s.ConversationSkipInputSerializer,
    responses={201: s.ConversationSkipSerializer, **ERRORS},
)
@api_endpoint(["POST"], *CASE_ROLES, relation=OWN)
def conversation_skip(request: Request, public_id: uuid.UUID) -> Response:
    trajectory = _trajectory(request, public_id)
    data = _valid(s.ConversationSkipInputSerializer, request)
    skip = services.conversation_skip(
        actor=actor_of(request),
        trajectory=trajectory,
        with_whom=ConversationWith(data["with_whom"]),
        reason=SkipReason(data["reason"]),
        explanation=data["explanation"],
        child=data["child"],
    )
    return _created(s.ConversationSkipSerializer, skip)


@extend_schema(
    tags=[TAG],
    summary="Step 4: answer an afweging (afweging_answer)",
    request=s.AfwegingAnswerInputSerializer,
    responses={201: s.AfwegingAnswerSerializer, **ERRORS},
)
@api_endpoint(["POST"], *CASE_ROLES, relation=OWN)
def afweging_answer(request: Request, public_id: uuid.UUID) -> Response:
    trajectory = _trajectory(request, public_id)
    data = _valid(s.AfwegingAnswerInputSerializer, request)
    answer = services.afweging_answer(
        actor=actor_of(request),
        trajectory=trajectory,
        question=data["question"],
        answer=Answer(data["answer"]),
        rationale=data["rationale"],
    )
    return _created(s.AfwegingAnswerSerializer, answer)


@extend_schema(
    tags=[TAG],
    summary="Move to the next step (step_advance)",
    request=s.StepAdvanceInputSerializer,
    responses={200: s.TrajectoryDetailSerializer, **VERSIONED_ERRORS},
)
@api_endpoint(["POST"], *CASE_ROLES, relation=OWN)
def step_advance(request: Request, public_id: uuid.UUID) -> Response:
    trajectory = _trajectory(request, public_id)
    data = _valid(s.StepAdvanceInputSerializer, request)
    trajectory = services.step_advance(
        actor=actor_of(request),
        trajectory=trajectory,
        to_step=Step(data["to_step"]),
        expected_version=data["expected_version"],
    )
    return _detail(trajectory)


# ---- Step 5 and after -------------------------------------------------------


@extend_schema(
    tags=[TAG],
    summary="Step 5: propose the two decisions (decision_propose)",
    request=s.DecisionInputSerializer,
    responses={201: s.DecisionSerializer, **VERSIONED_ERRORS},
)
@api_endpoint(["POST"], *CASE_ROLES, relation=OWN)
def decision_propose(request: Request, public_id: uuid.UUID) -> Response:
    trajectory = _trajectory(request, public_id)
    data = _valid(s.DecisionInputSerializer, request)
    version = data.pop("expected_version")
    decision = services.decision_propose(
        actor=actor_of(request),
        trajectory=trajectory,
        data=DecisionInput(**data),
        expected_version=version,
    )
    return _created(s.DecisionSerializer, decision)


def _decision(
    request: Request, public_id: uuid.UUID, decision_id: uuid.UUID
) -> Decision:
    decision = selectors.decision_get_for(
        actor=actor_of(request), public_id=decision_id
    )
    if decision.trajectory.public_id != public_id:
        raise Http404
    return decision


@extend_schema(
    tags=[TAG],
    summary="Co-sign a decision (decision_cosign)",
    request=s.DecisionCosignInputSerializer,
    responses={200: s.DecisionSerializer, **VERSIONED_ERRORS},
)
@api_endpoint(["POST"], Role.AANDACHTSFUNCTIONARIS, relation=COSIGN)
def decision_cosign(
    request: Request, public_id: uuid.UUID, decision_id: uuid.UUID
) -> Response:
    decision = _decision(request, public_id, decision_id)
    data = _valid(s.DecisionCosignInputSerializer, request)
    decision = services.decision_cosign(
        actor=actor_of(request),
        decision=decision,
        expected_version=data["expected_version"],
    )
    return Response(s.DecisionSerializer(decision).data)


@extend_schema(
    tags=[TAG],
    summary="Return a decision with a comment (decision_return)",
    request=s.DecisionReturnInputSerializer,
    responses={200: s.DecisionSerializer, **VERSIONED_ERRORS},
)
@api_endpoint(["POST"], Role.AANDACHTSFUNCTIONARIS, relation=COSIGN)
def decision_return(
    request: Request, public_id: uuid.UUID, decision_id: uuid.UUID
) -> Response:
    decision = _decision(request, public_id, decision_id)
    data = _valid(s.DecisionReturnInputSerializer, request)
    decision = services.decision_return(
        actor=actor_of(request),
        decision=decision,
        comment=data["comment"],
        expected_version=data["expected_version"],
    )
    return Response(s.DecisionSerializer(decision).data)


@extend_schema(
    tags=[TAG],
    summary="Make the melding to Veilig Thuis (melding_create)",
    request=s.MeldingInputSerializer,
    responses={201: s.MeldingSerializer, **VERSIONED_ERRORS},
)
@api_endpoint(["POST"], *CASE_ROLES, relation=OWN)
def melding_create(request: Request, public_id: uuid.UUID) -> Response:
    trajectory = _trajectory(request, public_id)
    data = _valid(s.MeldingInputSerializer, request)
    version = data.pop("expected_version")
    melding = services.melding_create(
        actor=actor_of(request),
        trajectory=trajectory,
        data=MeldingInput(**data),
        expected_version=version,
    )
    return _created(s.MeldingSerializer, melding)


@extend_schema(
    tags=[TAG],
    summary="Record how the melding was handed over (melding_handover)",
    request=s.MeldingHandoverInputSerializer,
    responses={200: s.MeldingSerializer, **ERRORS},
)
@api_endpoint(["POST"], *CASE_ROLES, relation=OWN)
def melding_handover(request: Request, public_id: uuid.UUID) -> Response:
    trajectory = _trajectory(request, public_id)
    melding = trajectory.melding
    if melding is None:
        raise Http404
    data = _valid(s.MeldingHandoverInputSerializer, request)
    melding = services.melding_handover(
        actor=actor_of(request),
        melding=melding,
        handed_over_at=data["handed_over_at"],
        channel=HandoverChannel(data["channel"]),
        reference=data["reference"],
    )
    return Response(s.MeldingSerializer(melding).data)


@extend_schema(
    tags=[TAG],
    summary="Record Veilig Thuis's feedback (feedback_add)",
    request=s.FeedbackInputSerializer,
    responses={201: s.FeedbackSerializer, **ERRORS},
)
@api_endpoint(["POST"], *CASE_ROLES, relation=OWN)
def feedback_add(request: Request, public_id: uuid.UUID) -> Response:
    trajectory = _trajectory(request, public_id)
    data = _valid(s.FeedbackInputSerializer, request)
    feedback = services.feedback_add(
        actor=actor_of(request),
        trajectory=trajectory,
        kind=FeedbackKind(data["kind"]),
        received_on=data["received_on"],
        summary=data["summary"],
    )
    return _created(s.FeedbackSerializer, feedback)


@extend_schema(
    tags=[TAG],
    summary="Close the trajectory (trajectory_close)",
    request=s.CloseInputSerializer,
    responses={200: s.TrajectoryDetailSerializer, **VERSIONED_ERRORS},
)
@api_endpoint(["POST"], *CASE_ROLES, relation=OWN)
def trajectory_close(request: Request, public_id: uuid.UUID) -> Response:
    trajectory = _trajectory(request, public_id)
    data = _valid(s.CloseInputSerializer, request)
    trajectory = services.trajectory_close(
        actor=actor_of(request),
        trajectory=trajectory,
        outcome=Outcome(data["outcome"]),
        agreements=data["agreements"],
        reason=data["reason"],
        expected_version=data["expected_version"],
    )
    return _detail(trajectory)


def _pending_closing(request: Request, public_id: uuid.UUID) -> Any:
    closing = pending_closing(_trajectory(request, public_id))
    if closing is None:
        raise Http404
    return closing


@extend_schema(
    tags=[TAG],
    summary="Co-sign closing the trajectory (closing_cosign)",
    request=s.DecisionCosignInputSerializer,
    responses={200: s.TrajectoryDetailSerializer, **VERSIONED_ERRORS},
)
@api_endpoint(["POST"], Role.AANDACHTSFUNCTIONARIS, relation=COSIGN)
def closing_cosign(request: Request, public_id: uuid.UUID) -> Response:
    closing = _pending_closing(request, public_id)
    data = _valid(s.DecisionCosignInputSerializer, request)
    trajectory = services.closing_cosign(
        actor=actor_of(request),
        request=closing,
        expected_version=data["expected_version"],
    )
    return _detail(trajectory)


@extend_schema(
    tags=[TAG],
    summary="Return a request to close with a comment (closing_return)",
    request=s.DecisionReturnInputSerializer,
    responses={200: s.TrajectoryDetailSerializer, **VERSIONED_ERRORS},
)
@api_endpoint(["POST"], Role.AANDACHTSFUNCTIONARIS, relation=COSIGN)
def closing_return(request: Request, public_id: uuid.UUID) -> Response:
    closing = _pending_closing(request, public_id)
    data = _valid(s.DecisionReturnInputSerializer, request)
    services.closing_return(
        actor=actor_of(request),
        request=closing,
        comment=data["comment"],
        expected_version=data["expected_version"],
    )
    return _detail(closing.trajectory)


@extend_schema(
    tags=[TAG],
    summary="Report acute danger (trajectory_report_acute)",
    request=s.AcuteInputSerializer,
    responses={200: s.TrajectoryDetailSerializer, **ERRORS},
)
@api_endpoint(["POST"], *CASE_ROLES, relation=OWN)
def trajectory_acute(request: Request, public_id: uuid.UUID) -> Response:
    trajectory = _trajectory(request, public_id)
    data = _valid(s.AcuteInputSerializer, request)
    trajectory = services.trajectory_report_acute(
        actor=actor_of(request), trajectory=trajectory, note=data["note"]
    )
    return _detail(trajectory)
