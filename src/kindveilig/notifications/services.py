"""Writes of notifications: ``notify`` for the apps that have something waiting
for someone, and marking as read for the person themselves.

A notification holds a kind and a path built from public ids; its e-mail says
only that something waits (``tasks.send_notification_emails``, enqueued on
commit: services never import task modules).
"""

import uuid
from collections.abc import Iterable

from django.db import transaction
from django.urls import Resolver404, resolve
from django.utils import timezone

from kindveilig.access.actor import Actor
from kindveilig.accounts.models import User
from kindveilig.core.background import enqueue_on_commit

from .models import Notification, NotificationKind

__all__ = [
    "notification_mark_read",
    "notifications_mark_all_read",
    "notify",
]

EMAIL_TASK = "kindveilig.notifications.tasks.send_notification_emails"


def _require_safe_path(url: str) -> None:
    """A path inside Kindveilig whose only arguments are UUIDs: nothing a name,
    a BSN or a message could hide in. A programming error otherwise."""
    if not url.startswith("/") or "?" in url or "#" in url:
        raise ValueError(f"Not a plain path: {url!r}")
    try:
        match = resolve(url)
    except Resolver404 as error:
        raise ValueError(f"No page at {url!r}") from error
    if match.args or any(not isinstance(v, uuid.UUID) for v in match.kwargs.values()):
        raise ValueError(f"A notification path takes public ids only: {url!r}")


def _user_ids(users: Iterable[User | int]) -> list[int]:
    return [user if isinstance(user, int) else user.pk for user in users]


def notify(
    users: Iterable[User | int],
    kind: NotificationKind,
    url: str,
    *,
    email: bool = True,
) -> list[Notification]:
    """One notification per entry of ``users`` about ``kind``, linking to
    ``url``; on commit one e-mail per notification (``email=False`` when the
    caller's own e-mail already tells them, as the Verwijsindex's match e-mail
    does: one notification per match notice, one e-mail per notice).

    Callers pass each person once per thing that waits for them. It runs in
    the caller's transaction (one INSERT, no savepoint: the Verwijsindex calls
    it on its hot path), so a rolled-back write leaves no notification.
    """
    kind = NotificationKind(kind)
    _require_safe_path(url)
    notifications = [
        Notification(user_id=user_id, kind=kind, url=url)
        for user_id in _user_ids(users)
    ]
    if not notifications:
        return []
    created = Notification.objects.bulk_create(notifications)
    if email:
        enqueue_on_commit(EMAIL_TASK, notification_ids=[n.pk for n in created])
    return created


@transaction.atomic
def notification_mark_read(*, actor: Actor, notification: Notification) -> Notification:
    """The caller loaded it through ``selectors.notification_get_for`` (own only)."""
    assert notification.user_id == actor.user.pk
    if notification.read_at is None:
        notification.read_at = timezone.now()
        notification.save(update_fields=["read_at"])
    return notification


@transaction.atomic
def notifications_mark_all_read(*, actor: Actor) -> int:
    return Notification.objects.filter(
        user_id=actor.user.pk, read_at__isnull=True
    ).update(read_at=timezone.now())
