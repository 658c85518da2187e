"""The person's own notifications: the list, and marking them as read."""

import uuid

from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_POST

from kindveilig.access.decorators import rule
from kindveilig.access.http import AuthenticatedRequest
from kindveilig.access.roles import ALL_ROLES

from . import selectors, services

OWN = "the actor's own notifications (others: 404)"


@rule(*ALL_ROLES, relation=OWN)
def notification_list(request: AuthenticatedRequest) -> HttpResponse:
    page = selectors.notification_page_for(
        actor=request.actor, page_number=request.GET.get("pagina")
    )
    unread = any(not notification.is_read for notification in page)
    return render(request, "notifications/list.html", {"page": page, "unread": unread})


@require_POST
@rule(*ALL_ROLES, relation=OWN)
def notification_read(
    request: AuthenticatedRequest, public_id: uuid.UUID
) -> HttpResponse:
    notification = selectors.notification_get_for(
        actor=request.actor, public_id=public_id
    )
    services.notification_mark_read(actor=request.actor, notification=notification)
    return HttpResponseRedirect(reverse("notifications:list"))


@require_POST
@rule(*ALL_ROLES, relation=OWN)
def notification_read_all(request: AuthenticatedRequest) -> HttpResponse:
    services.notifications_mark_all_read(actor=request.actor)
    return HttpResponseRedirect(reverse("notifications:list"))
