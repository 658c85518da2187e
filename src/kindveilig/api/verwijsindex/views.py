"""The REST API of the Verwijsindex: the actor's signals (register, list, end)
and match notices, through the same selectors and services as the chain pages
(``verwijsindex.views``)."""

import uuid

from django.utils.translation import gettext as _

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import status
from rest_framework.request import Request
from rest_framework.response import Response

from kindveilig.access.roles import CASE_ROLES
from kindveilig.api.authentication import actor_of
from kindveilig.api.pagination import paginated
from kindveilig.api.rules import api_endpoint
from kindveilig.verwijsindex import selectors, services

from . import serializers as s

TAG = "verwijsindex"
PAGE = OpenApiParameter("page", OpenApiTypes.INT, description="Page number (50 each)")
ERRORS = {
    400: OpenApiResponse(description="Invalid input or refused by the service."),
    404: OpenApiResponse(description="Not found, or not the actor's own signal."),
}


@extend_schema(
    methods=["GET"],
    operation_id="signals_list",
    tags=[TAG],
    summary="The actor's active signals; the aandachtsfunctionaris: the "
    "organisation's (signal_page_for)",
    parameters=[PAGE],
    responses={200: s.SignalPageSerializer},
)
@extend_schema(
    methods=["POST"],
    operation_id="signals_create",
    tags=[TAG],
    summary="Register a signal about a child (signal_register_for_child)",
    request=s.SignalInputSerializer,
    responses={201: s.SignalRegisteredSerializer, **ERRORS},
)
@api_endpoint(
    ["GET", "POST"],
    *CASE_ROLES,
    relation="the actor's own signals (aandachtsfunctionaris: all); a child the "
    "actor is involved with",
)
def signal_list(request: Request) -> Response:
    actor = actor_of(request)
    if request.method == "POST":
        serializer = s.SignalInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        signal = services.signal_register_for_child(
            actor=actor, data=services.ChildSignalInput(**data)
        )
        body = {
            "signal": signal,
            "message": _(
                "The signal is registered. If another professional is involved "
                "with this child, you both hear it under Matches."
            ),
        }
        return Response(
            s.SignalRegisteredSerializer(body).data, status=status.HTTP_201_CREATED
        )
    page = selectors.signal_page_for(
        actor=actor, page_number=request.query_params.get("page")
    )
    return paginated(request, page, s.SignalSerializer)


@extend_schema(
    tags=[TAG],
    summary="No longer involved: end the signal (signal_end)",
    request=None,
    responses={200: s.SignalSerializer, **ERRORS},
)
@api_endpoint(
    ["POST"],
    *CASE_ROLES,
    relation="the actor's own signal (aandachtsfunctionaris: all) (signal_get_for)",
)
def signal_end(request: Request, public_id: uuid.UUID) -> Response:
    actor = actor_of(request)
    signal = selectors.signal_get_for(actor=actor, public_id=public_id)
    signal = services.signal_end(actor=actor, signal=signal)
    return Response(s.SignalSerializer(signal).data)


@extend_schema(
    tags=[TAG],
    summary="The actor's match notices: who else is involved with a child "
    "(match_notice_page_for)",
    parameters=[PAGE],
    responses={200: s.MatchNoticePageSerializer},
)
@api_endpoint(["GET"], *CASE_ROLES, relation="the actor's own match notices")
def match_list(request: Request) -> Response:
    page = selectors.match_notice_page_for(
        actor=actor_of(request), page_number=request.query_params.get("page")
    )
    return paginated(request, page, s.MatchNoticeSerializer)
