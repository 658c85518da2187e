"""A year of history for the monitor: closed demo trajectories in each of the
last eleven months, so every chart of the dashboard and the raadsinformatiebrief
has more than one period to compare.

Built with the real scenarios (now) and then moved back in time: every date of
the trajectory and of its rows (observations, conversations, decisions, events,
...) shifts by the same amount, so durations stay as they were. Only closed
trajectories are moved, so no deadline or reminder of today changes. The audit
trail is append-only and keeps the moment of seeding. Fictitious and
deterministic: the same names and counts on every run.
"""

import datetime as dt

from django.conf import settings
from django.db import models
from django.db.models import F
from django.utils import timezone

from kindveilig.access.actor import Actor
from kindveilig.access.roles import Role
from kindveilig.accounts.models import Membership
from kindveilig.meldcode import scenarios
from kindveilig.meldcode.models import Trajectory
from kindveilig.organisations.models import Organisation
from kindveilig.readiness.expiry import add_months

__all__ = ["ensure_history", "history_months"]

DEMO_DOMAIN = "demo.kindveilig.invalid"
FAMILY = ["Demodorp", "Fictiefsma", "Proefhuis", "Testerink", "Voorbeeldmans"]


def history_months() -> int:
    """How many months before this one get closed trajectories (a setting, so
    the tests seed two and the demo eleven)."""
    return int(settings.KINDVEILIG_DEMO_HISTORY_MONTHS)


# Organisation code, the professional who starts the trajectories.
HISTORY_ORGANISATIONS = [
    ("DEMO-PO-01", "leerkracht"),
    ("DEMO-JGZ-01", "jgz"),
    ("DEMO-KO-01", "opvang"),
    ("DEMO-PO-02", "leerkracht-kompas"),
]
GIVEN = ["Mees", "Fenna", "Jip", "Saar", "Teun", "Liv", "Bram", "Noa"]


def _actor(email: str, organisation: Organisation, role: Role) -> Actor:
    membership = Membership.objects.select_related("user", "organisation").get(
        user__email=email, organisation=organisation, role=role
    )
    return Actor(user=membership.user, membership=membership)


def _shift(trajectory_id: int, delta: dt.timedelta) -> None:
    """Move the trajectory and every row that belongs to it back by ``delta``."""
    targets: list[tuple[type[models.Model], str]] = [(Trajectory, "pk")]
    targets += [
        (relation.related_model, relation.field.name)
        for relation in Trajectory._meta.related_objects
        if not relation.many_to_many
    ]
    for model, key in targets:
        fields = [
            field
            for field in model._meta.concrete_fields
            if isinstance(field, models.DateField)  # DateTimeField included
        ]
        if not fields:
            continue
        days = dt.timedelta(days=delta.days)
        model._default_manager.filter(**{key: trajectory_id}).update(
            **{
                field.name: F(field.name)
                - (delta if isinstance(field, models.DateTimeField) else days)
                for field in fields
            }
        )


def ensure_history(organisations: dict[str, Organisation]) -> int:
    """Idempotent: an organisation with a trajectory from before this month is
    left alone. Returns the number of trajectories created."""
    now = timezone.now()
    this_month = timezone.localdate().replace(day=1)
    created = 0
    for offset, (code, professional) in enumerate(HISTORY_ORGANISATIONS):
        organisation = organisations[code]
        if Trajectory.objects.filter(
            organisation=organisation, created_at__date__lt=this_month
        ).exists():
            continue
        actor = _actor(f"{professional}@{DEMO_DOMAIN}", organisation, Role.PROFESSIONAL)
        for back in range(1, history_months() + 1):
            target = add_months(this_month, -back) + dt.timedelta(days=3 + 2 * offset)
            delta = now - timezone.make_aware(
                dt.datetime.combine(target, dt.time(10, 0))
            )
            for index in range(1 + (back * 5 + offset * 3) % 4):
                given = f"{GIVEN[(back + index + offset) % len(GIVEN)]} (demo)"
                family = FAMILY[(back * 3 + index + offset) % len(FAMILY)]
                trajectory = scenarios.closed_no_suspicion(
                    actor,
                    given_name=given,
                    family_name=family,
                    worry=f"{given} was een tijd stil en teruggetrokken in de groep.",
                )
                _shift(trajectory.pk, delta)
                created += 1
    return created
