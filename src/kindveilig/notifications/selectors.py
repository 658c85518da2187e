"""Reads of notifications: a person sees their own, and no one else's (404)."""

import uuid

from django.core.paginator import Page, Paginator
from django.http import Http404

from kindveilig.access.actor import Actor

from .models import Notification

__all__ = [
    "notification_get_for",
    "notification_page_for",
    "unread_count_for",
    "unread_latest_for",
]

PAGE_SIZE = 50


def notification_page_for(
    *, actor: Actor, page_number: int | str | None
) -> Page[Notification]:
    """The actor's notifications, newest first. They hold no personal data, so
    there is no read to audit."""
    queryset = Notification.objects.filter(user_id=actor.user.pk).order_by(
        "-created_at", "-pk"
    )
    return Paginator(queryset, PAGE_SIZE).get_page(page_number)


def notification_get_for(*, actor: Actor, public_id: uuid.UUID) -> Notification:
    notification = Notification.objects.filter(
        public_id=public_id, user_id=actor.user.pk
    ).first()
    if notification is None:
        raise Http404
    return notification


def unread_count_for(*, user_id: int) -> int:
    """One query, for the menu on every page."""
    return Notification.objects.filter(user_id=user_id, read_at__isnull=True).count()


START_PAGE_SIZE = 5


def unread_latest_for(
    *, user_id: int, limit: int = START_PAGE_SIZE
) -> list[Notification]:
    """The newest unread notifications, for the start page: one query, however
    many wait (the rest are on the notifications page)."""
    return list(
        Notification.objects.filter(user_id=user_id, read_at__isnull=True).order_by(
            "-created_at", "-pk"
        )[:limit]
    )
