"""Typed requests, so strict mypy can check what a view receives (as in healthchecks)."""

from typing import TYPE_CHECKING

from django.http import HttpRequest

if TYPE_CHECKING:
    from kindveilig.access.actor import Actor
    from kindveilig.accounts.models import User


class AuthenticatedRequest(HttpRequest):
    user: "User"
    actor: "Actor"
    request_id: str
