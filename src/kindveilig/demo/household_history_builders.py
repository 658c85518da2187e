"""A history of safety cases for the monitor's household charts: in each month
of the demo history (``history_months``) zero to two cases opened by the lokaal
teams of Den Haag and Zoetermeer, each walked along the Routekaart: stable
safety after three to seven weeks, now and then a fall-back to immediate safety
and a second step up, recovery for the older ones.

Built with the real services, which take the moment of an opening and a phase
change when it is recorded later (``case_open(opened_at=...)``,
``phase_change(changed_at=...)``), so nothing is moved afterwards. The
households have no members: the monitor counts cases and phases, and the demo
households of ``household_builders`` show the people. Fictitious labels,
deterministic: the same cases on every run.
"""

import datetime as dt

from django.utils import timezone

from kindveilig.access.actor import Actor
from kindveilig.access.roles import Role
from kindveilig.accounts.models import Membership
from kindveilig.households.models import Household, Phase, SafetyCase
from kindveilig.households.services import case_open, household_create, phase_change
from kindveilig.organisations.models import Organisation
from kindveilig.readiness.expiry import add_months

from .history_builders import DEMO_DOMAIN, FAMILY, history_months

__all__ = ["HISTORY_TEAMS", "ensure_household_history"]

# Organisation code, the lokaal team worker who directs the cases, a short name.
HISTORY_TEAMS = [
    ("DEMO-LT-01", "wijkteam", "Centrum"),
    ("DEMO-LT-02", "wijkteam-zoetermeer", "Noord"),
]


def _actor(email: str, organisation: Organisation) -> Actor:
    membership = Membership.objects.select_related("user", "organisation").get(
        user__email=email, organisation=organisation, role=Role.LOKAAL_TEAM_MEDEWERKER
    )
    return Actor(user=membership.user, membership=membership)


def _moment(day: dt.date, hour: int = 10) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time(hour)))


def _to(actor: Actor, case: SafetyCase, phase: str, at: dt.datetime, why: str) -> bool:
    """A phase change at ``at`` if that has passed; False when it has not."""
    if at >= timezone.now() - dt.timedelta(hours=1):
        return False
    case.refresh_from_db()
    score = {"directe_veiligheid": 3, "stabiele_veiligheid": 6}.get(phase, 8)
    phase_change(
        actor=actor,
        case=case,
        to_phase=phase,
        reason=why,
        safety_score=score,
        children_said="De kinderen vertelden hoe het thuis gaat (demo).",
        expected_version=case.version,
        changed_at=at,
    )
    return True


def _walk(actor: Actor, case: SafetyCase, opened: dt.datetime, turn: int) -> None:
    """Stable safety after 3-7 weeks; every fourth case falls back once and
    steps up again; every other case that has been stable for three months
    moves on to recovery."""
    stable = opened + dt.timedelta(days=21 + 7 * (turn % 5))
    if not _to(
        actor, case, Phase.STABIELE_VEILIGHEID, stable, "Voorwaarden nagekomen."
    ):
        return
    if turn % 4 == 0:
        back = stable + dt.timedelta(days=18)
        if not _to(actor, case, Phase.DIRECTE_VEILIGHEID, back, "Nieuw incident."):
            return
        stable = back + dt.timedelta(days=30)
        if not _to(actor, case, Phase.STABIELE_VEILIGHEID, stable, "Weer rustig."):
            return
    if turn % 2 == 0:
        _to(actor, case, Phase.HERSTEL, stable + dt.timedelta(days=90), "Herstel.")


def ensure_household_history(organisations: dict[str, Organisation]) -> int:
    """Idempotent: a case whose label exists is left alone. Returns the number
    of cases opened."""
    this_month = timezone.localdate().replace(day=1)
    existing = set(Household.objects.values_list("label", flat=True))  # decrypted
    created = 0
    for offset, (code, worker, short) in enumerate(HISTORY_TEAMS):
        actor = _actor(f"{worker}@{DEMO_DOMAIN}", organisations[code])
        for back in range(1, history_months() + 1):
            for index in range((back + offset) % 3):
                family = FAMILY[(back * 2 + index + offset) % len(FAMILY)]
                label = f"Huishouden {family} {short} {back}-{index + 1} (demo)"
                if label in existing:
                    continue
                day = add_months(this_month, -back) + dt.timedelta(
                    days=4 + 9 * index + 2 * offset
                )
                household = household_create(actor=actor, label=label, open_case=False)
                case = case_open(
                    actor=actor, household=household, opened_at=_moment(day)
                )
                _walk(actor, case, _moment(day), back + index + offset)
                created += 1
    return created
