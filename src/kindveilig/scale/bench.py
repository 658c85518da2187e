"""Which generated users the benchmark logs in, and what each one opens."""

import dataclasses
from dataclasses import dataclass

from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.sessions.backends.db import SessionStore
from django.db.models import Count, QuerySet

from django_otp import DEVICE_ID_SESSION_KEY

from kindveilig.access.actor import Actor
from kindveilig.access.roles import Role
from kindveilig.accounts.middleware import ACTIVE_MEMBERSHIP_SESSION_KEY
from kindveilig.accounts.models import EncryptedTOTPDevice, Membership
from kindveilig.accounts.selectors import aandachtsfunctionarissen_of_organisations
from kindveilig.households.models import CaseStatus, SafetyCase
from kindveilig.kansrijkestart.models import SignalStatus, StartSignal
from kindveilig.meldcode.models import Trajectory
from kindveilig.meldcode.models.choices import Status
from kindveilig.meldcode.selectors import trajectories_visible_to
from kindveilig.persons.models import Person

from .pools import SYNTH

__all__ = ["BenchUser", "bench_users", "log_in"]

# Share of aandachtsfunctionarissen among the virtual users (they see the whole
# organisation's trajectories and the access log).
AF_SHARE = 0.3
# Share of lokaal team workers who are regievoerder of an open household case
# (they open its timeline).
LOKAAL_TEAM_SHARE = 0.2
# Share of JGZ nurses who follow an open Kansrijke Start signal (they open their
# list of families, a signal, and record a contact moment).
JGZ_NURSE_SHARE = 0.1


@dataclass(frozen=True)
class BenchUser:
    membership: Membership
    trajectory: str
    open_trajectory: str | None
    person: str
    # A child the organisation registered, to search by family name and by BSN
    # (a fictitious BSN of the 9999 test range).
    child_name: str
    child_bsn: str
    household: str | None = None
    # An open Kansrijke Start signal the user follows up (a JGZ nurse).
    ks_signal: str | None = None

    def as_dict(self) -> dict[str, str | None]:
        return {
            "role": self.membership.role,
            "trajectory": self.trajectory,
            "open_trajectory": self.open_trajectory,
            "person": self.person,
            "child_name": self.child_name,
            "child_bsn": self.child_bsn,
            "household": self.household,
            "ks_signal": self.ks_signal,
        }


def _user(
    membership: Membership,
    visible: QuerySet[Trajectory],
    household: str | None = None,
) -> BenchUser | None:
    trajectory = visible.order_by("-created_at").first()
    registered = Person.objects.filter(registered_by_id=membership.organisation_id)
    person = registered.order_by("pk").first()
    child = registered.exclude(bsn_index="").order_by("pk").first()
    if trajectory is None or person is None or child is None:
        return None
    open_one = (
        visible.filter(status=Status.OPEN, organisation_id=membership.organisation_id)
        .order_by("-created_at")
        .first()
    )
    return BenchUser(
        membership=membership,
        trajectory=str(trajectory.public_id),
        open_trajectory=str(open_one.public_id) if open_one else None,
        person=str(person.public_id),
        child_name=child.family_name.removesuffix(SYNTH).strip(),
        child_bsn=child.bsn,
        household=household,
    )


def _own(membership: Membership, owner_only: bool) -> QuerySet[Trajectory]:
    visible = Trajectory.objects.filter(organisation_id=membership.organisation_id)
    if owner_only:
        visible = visible.filter(owner_id=membership.user_id)
    return visible


def _lokaal_team_users(count: int) -> list[BenchUser]:
    """Regievoerders of open household cases: they see the case's timeline, and
    the trajectories of their own and shared with their team."""
    result: list[BenchUser] = []
    seen: set[int] = set()
    cases = (
        SafetyCase.objects.filter(status=CaseStatus.OPEN)
        .order_by("-created_at")
        .values_list(
            "regievoerder_id", "responsible_organisation_id", "household__public_id"
        )
    )
    for user_id, organisation_id, household in cases[: count * 5]:
        if len(result) >= count:
            break
        if user_id in seen:
            continue
        seen.add(user_id)
        membership = (
            Membership.objects.select_related("user", "organisation")
            .filter(
                user_id=user_id,
                organisation_id=organisation_id,
                role=Role.LOKAAL_TEAM_MEDEWERKER,
            )
            .first()
        )
        if membership is None:
            continue
        actor = Actor(user=membership.user, membership=membership)
        bench_user = _user(membership, trajectories_visible_to(actor), str(household))
        if bench_user:
            result.append(bench_user)
    return result


def _jgz_nurse_users(count: int) -> list[BenchUser]:
    """JGZ nurses who follow an open Kansrijke Start signal (and own a
    trajectory of their organisation, for the other pages)."""
    result: list[BenchUser] = []
    seen: set[int] = set()
    signals = (
        StartSignal.objects.exclude(status=SignalStatus.CLOSED)
        .exclude(follow_up_user=None)
        .order_by("-created_at")
        .values_list("follow_up_user_id", "follow_up_organisation_id", "public_id")
    )
    for user_id, organisation_id, signal in signals[: count * 20]:
        if len(result) >= count:
            break
        if user_id is None or user_id in seen:
            continue
        seen.add(user_id)
        membership = (
            Membership.objects.select_related("user", "organisation")
            .filter(user_id=user_id, organisation_id=organisation_id)
            .exclude(role=Role.AANDACHTSFUNCTIONARIS)
            .first()
        )
        if membership is None:
            continue
        bench_user = _user(membership, _own(membership, owner_only=True))
        if bench_user:
            result.append(dataclasses.replace(bench_user, ks_signal=str(signal)))
    return result


def bench_users(*, count: int) -> list[BenchUser]:
    """Aandachtsfunctionarissen of the busiest organisations, lokaal team
    regievoerders of an open household case, JGZ nurses who follow a Kansrijke
    Start family, and professionals who own an open trajectory (so they can add
    a signal)."""
    n_af = max(1, round(count * AF_SHARE))
    busiest = (
        Trajectory.objects.values("organisation_id")
        .annotate(n=Count("id"))
        .order_by("-n")
        .values_list("organisation_id", flat=True)[:n_af]
    )
    result: list[BenchUser] = []
    for membership in aandachtsfunctionarissen_of_organisations(
        organisation_ids=list(busiest)
    )[:n_af]:
        bench_user = _user(membership, _own(membership, owner_only=False))
        if bench_user:
            result.append(bench_user)
    result += _lokaal_team_users(
        min(count - len(result), max(1, round(count * LOKAAL_TEAM_SHARE)))
    )
    result += _jgz_nurse_users(
        min(count - len(result), max(1, round(count * JGZ_NURSE_SHARE)))
    )
    owners = (
        Trajectory.objects.filter(status=Status.OPEN)
        .order_by("-created_at")
        .values_list("owner_id", "organisation_id")
        .distinct()[: count * 3]
    )
    seen = {bench_user.membership.user_id for bench_user in result}
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
            bench_user = _user(owner, _own(owner, owner_only=True))
            if bench_user:
                result.append(bench_user)
    return result


def log_in(membership: Membership) -> str:
    """A session with the second factor done (as tests/e2e/helpers.py does)."""
    user = membership.user
    device = EncryptedTOTPDevice.objects.filter(user=user).first()
    if device is None:
        device = EncryptedTOTPDevice.objects.create(
            user=user, name="bench", confirmed=True
        )
    session = SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session[ACTIVE_MEMBERSHIP_SESSION_KEY] = membership.pk
    session.save()
    assert session.session_key is not None
    return session.session_key
