"""Data for tests/test_demo_server_concurrency.py, run inside the demo's own
process and database (``manage.py shell -c``, dev settings): a small seed through
the same builders, services and scenarios as ``seed_demo``, sessions with both
factors done, and the counts afterwards. Each function prints one line of JSON.

``seed_demo`` itself builds every demo state (about a minute on our shared CI
machines); the test needs only trajectories, logged-in users and a channel.
"""

import json
import sys
import time
from typing import Any

from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.sessions.backends.db import SessionStore
from django.db import transaction
from django.tasks import TaskResultStatus
from django.urls import reverse

from django_otp import DEVICE_ID_SESSION_KEY
from django_tasks_db.models import DBTaskResult

from kindveilig.access.actor import Actor
from kindveilig.access.roles import Role
from kindveilig.accounts.middleware import ACTIVE_MEMBERSHIP_SESSION_KEY
from kindveilig.accounts.models import EncryptedTOTPDevice, Membership
from kindveilig.accounts.services import membership_add, user_create
from kindveilig.audit.models import AuditAction, AuditEvent
from kindveilig.audit.selectors import audit_log_verify
from kindveilig.demo.builders import DEMO_DOMAIN, ensure_organisations
from kindveilig.demo.youth_builders import DEMO_CHANNELS, ensure_youth_channels
from kindveilig.meldcode import scenarios
from kindveilig.meldcode.models import Observation, Trajectory
from kindveilig.youth.messages.models import Sender, YouthConversation, YouthMessage

ORGANISATION = "DEMO-PO-01"


def _log_in(membership: Membership) -> str:
    """A session with the second factor done, as tests/e2e/helpers.py builds it."""
    user = membership.user
    device = EncryptedTOTPDevice.objects.create(user=user, name="load", confirmed=True)
    session = SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session[ACTIVE_MEMBERSHIP_SESSION_KEY] = membership.pk
    session.save()
    assert session.session_key is not None
    return session.session_key


def seed(clients: int) -> None:
    """One professional with one trajectory per client, an aandachtsfunctionaris
    for the alerts, and the organisation's channel for children."""
    rows = _seed(clients)
    # After the commit, so the tasks its on-commit hooks enqueued are counted.
    _print(
        {
            "clients": rows,
            "channel": DEMO_CHANNELS[ORGANISATION][0],
            "youth_write": reverse("youth:message-write"),
            "session_cookie": settings.SESSION_COOKIE_NAME,
            "csrf_cookie": settings.CSRF_COOKIE_NAME,
            **_counts([row["trajectory"] for row in rows]),
        }
    )


@transaction.atomic
def _seed(clients: int) -> list[dict[str, str]]:
    organisations = ensure_organisations()
    ensure_youth_channels(organisations)
    organisation = organisations[ORGANISATION]
    reader = user_create(
        email=f"load-aandacht@{DEMO_DOMAIN}",
        full_name="Load Aandacht (demo)",
        password=None,
    )
    membership_add(
        user=reader, organisation=organisation, role=Role.AANDACHTSFUNCTIONARIS
    )
    result: list[dict[str, str]] = []
    for n in range(clients):
        user = user_create(
            email=f"load-{n}@{DEMO_DOMAIN}",
            full_name=f"Load {n} (demo)",
            password=None,
        )
        membership = membership_add(
            user=user, organisation=organisation, role=Role.PROFESSIONAL
        )
        trajectory = scenarios.start(
            Actor(user=user, membership=membership), given_name=f"Kind {n} (demo)"
        )
        result.append(
            {
                "session": _log_in(membership),
                "trajectory": str(trajectory.public_id),
                "detail": reverse(
                    "meldcode:trajectory-detail", args=[trajectory.public_id]
                ),
                "observation": reverse(
                    "meldcode:observation-add", args=[trajectory.public_id]
                ),
            }
        )
    return result


def _counts(trajectories: list[str]) -> dict[str, Any]:
    chain = audit_log_verify(full=True)
    return {
        "observations": Observation.objects.filter(
            trajectory__public_id__in=trajectories
        ).count(),
        "conversations": YouthConversation.objects.count(),
        "urgent_conversations": YouthConversation.objects.filter(
            is_urgent=True
        ).count(),
        "child_messages": YouthMessage.objects.filter(sender=Sender.CHILD).count(),
        "trajectory_reads": AuditEvent.objects.filter(
            action=AuditAction.READ,
            object_type=Trajectory._meta.label_lower,
            object_id__in=trajectories,
        ).count(),
        "audit_events": AuditEvent.objects.count(),
        "audit_chain_problems": chain.problems,
        "audit_chain_checked": chain.checked,
        "tasks": sorted(DBTaskResult.objects.values_list("status", flat=True)),
    }


def counts(trajectories: list[str], wait_for_tasks: float = 30.0) -> None:
    """The counts, once the worker has run every task (or ``wait_for_tasks``
    seconds have passed)."""
    deadline = time.monotonic() + wait_for_tasks
    waiting = [TaskResultStatus.READY, TaskResultStatus.RUNNING]
    while (
        DBTaskResult.objects.filter(status__in=waiting).exists()
        and time.monotonic() < deadline
    ):
        time.sleep(0.5)
    _print(_counts(trajectories))


def _print(data: dict[str, Any]) -> None:
    # One line on stdout, read by the test.
    sys.stdout.write(json.dumps(data) + "\n")
