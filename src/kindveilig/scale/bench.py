"""Which generated users the benchmark logs in, and what each one opens."""

from dataclasses import dataclass

from django.db.models import Count

from kindveilig.access.roles import Role
from kindveilig.accounts.models import Membership
from kindveilig.meldcode.models import Trajectory
from kindveilig.meldcode.models.choices import Status
from kindveilig.persons.models import Person

__all__ = ["BenchUser", "bench_users"]

# Share of aandachtsfunctionarissen among the virtual users (they see the whole
# organisation's trajectories and the access log).
AF_SHARE = 0.3


@dataclass(frozen=True)
class BenchUser:
    membership: Membership
    trajectory: str
    open_trajectory: str | None
    person: str

    def as_dict(self) -> dict[str, str | None]:
        return {
            "role": self.membership.role,
            "trajectory": self.trajectory,
            "open_trajectory": self.open_trajectory,
            "person": self.person,
        }


def _user(membership: Membership, owner_only: bool) -> BenchUser | None:
    visible = Trajectory.objects.filter(organisation_id=membership.organisation_id)
    if owner_only:
        visible = visible.filter(owner_id=membership.user_id)
    trajectory = visible.order_by("-created_at").first()
    person = (
        Person.objects.filter(registered_by_id=membership.organisation_id)
        .order_by("pk")
        .first()
    )
    if trajectory is None or person is None:
        return None
    open_one = visible.filter(status=Status.OPEN).order_by("-created_at").first()
    return BenchUser(
        membership=membership,
        trajectory=str(trajectory.public_id),
        open_trajectory=str(open_one.public_id) if open_one else None,
        person=str(person.public_id),
    )


def bench_users(*, count: int) -> list[BenchUser]:
    """Aandachtsfunctionarissen of the busiest organisations, and professionals
    who own an open trajectory (so they can add a signal)."""
    n_af = max(1, round(count * AF_SHARE))
    busiest = (
        Trajectory.objects.values("organisation_id")
        .annotate(n=Count("id"))
        .order_by("-n")
        .values_list("organisation_id", flat=True)[:n_af]
    )
    result: list[BenchUser] = []
    for membership in Membership.objects.filter(
        organisation_id__in=list(busiest), role=Role.AANDACHTSFUNCTIONARIS
    ).select_related("user")[:n_af]:
        bench_user = _user(membership, owner_only=False)
        if bench_user:
            result.append(bench_user)
    owners = (
        Trajectory.objects.filter(status=Status.OPEN)
        .order_by("-created_at")
        .values_list("owner_id", "organisation_id")
        .distinct()[: count * 3]
    )
    seen: set[int] = set()
    for owner_id, organisation_id in owners:
        if len(result) >= count:
            break
        if owner_id in seen:
            continue
        seen.add(owner_id)
        owner = (
            Membership.objects.select_related("user")
            .filter(user_id=owner_id, organisation_id=organisation_id)
            .exclude(role=Role.AANDACHTSFUNCTIONARIS)
            .first()
        )
        if owner is not None:
            bench_user = _user(owner, owner_only=True)
            if bench_user:
                result.append(bench_user)
    return result
