"""The portal: the start page every staff role lands on, and the health check."""

import logging

from django.conf import settings
from django.db import DatabaseError, connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render

from kindveilig.access.decorators import public, rule
from kindveilig.access.http import AuthenticatedRequest
from kindveilig.access.roles import ALL_ROLES, Role
from kindveilig.notifications.selectors import unread_latest_for
from kindveilig.organisations.selectors import organisation_counts_per_municipality

from .accessibility import axe_results, status
from .work import work_for

logger = logging.getLogger(__name__)


@rule(*ALL_ROLES, relation="none: the start page shows no personal data")
def home(request: AuthenticatedRequest) -> HttpResponse:
    context: dict[str, object] = {
        "actor": request.actor,
        "work": work_for(request.actor),
        "notifications": unread_latest_for(user_id=request.actor.user.pk),
    }
    if request.actor.role == Role.GEMEENTE_ANALIST:
        context["counts"] = organisation_counts_per_municipality()
    return render(request, "portal/home.html", context)


@public
def healthz(request: HttpRequest) -> HttpResponse:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        logger.warning("Health check: database unreachable")
        return JsonResponse(
            {"status": "unavailable", "database": "unreachable"}, status=503
        )
    return JsonResponse({"status": "ok", "database": "ok"})


@public
def accessibility_statement(request: HttpRequest) -> HttpResponse:
    """The toegankelijkheidsverklaring: public, as Dutch government sites have it."""
    code, label = status()
    return render(
        request,
        "portal/accessibility_statement.html",
        {
            "status_code": code,
            "status_label": label,
            "results": axe_results(),
            "operator": settings.KINDVEILIG_OPERATOR_NAME,
            "contact": settings.KINDVEILIG_ACCESSIBILITY_CONTACT,
        },
    )
